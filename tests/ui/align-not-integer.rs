use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(align = "16")]
struct Block {
    data: [u8; 32],
}

fn main() {}
