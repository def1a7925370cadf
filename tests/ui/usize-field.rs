use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Buffer {
    ptr: u32,
    len: usize,
}

fn main() {}
