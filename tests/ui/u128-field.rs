use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Id {
    uuid: u128,
}

fn main() {}
