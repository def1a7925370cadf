use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Block {
    tag: u8,
    #[layout(align = 16)]
    data: [u8; 32],
}

fn main() {}
