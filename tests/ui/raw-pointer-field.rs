use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Node {
    value: u32,
    next: *const Node,
}

fn main() {}
