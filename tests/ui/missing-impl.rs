use wasm_layout::WasmLayout;

struct Color {
    r: u8,
    g: u8,
    b: u8,
}

#[derive(WasmLayout)]
struct Pixel {
    x: u16,
    y: u16,
    color: Color,
}

fn main() {}
