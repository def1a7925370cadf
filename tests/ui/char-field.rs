use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Key {
    code: u16,
    glyph: char,
}

fn main() {}
