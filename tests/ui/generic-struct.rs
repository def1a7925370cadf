use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Pair<T> {
    a: T,
    b: T,
}

fn main() {}
