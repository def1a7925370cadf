use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(pack)]
struct Header {
    tag: u8,
    len: u32,
}

fn main() {}
