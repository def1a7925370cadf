use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
enum Never {}

fn main() {}
