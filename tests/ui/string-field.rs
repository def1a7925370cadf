use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct User {
    id: u32,
    name: String,
}

fn main() {}
