use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(align = 8)]
#[layout(align = 16)]
struct Block {
    data: [u8; 32],
}

fn main() {}
