use wasm_layout::{WasmLayout, WasmPtr};

#[derive(WasmLayout)]
struct Message {
    body: WasmPtr<String>,
}

fn main() {}
