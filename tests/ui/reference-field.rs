use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Node<'a> {
    value: u32,
    next: &'a Node<'a>,
}

fn main() {}
