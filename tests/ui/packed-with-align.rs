use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(packed, align = 8)]
struct Header {
    tag: u8,
    len: u32,
}

fn main() {}
