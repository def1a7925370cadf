use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Meters(f64);

fn main() {}
