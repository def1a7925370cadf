use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Tree {
    value: u32,
    left: Box<Tree>,
}

fn main() {}
