use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(align = 12)]
struct Block {
    data: [u8; 24],
}

fn main() {}
