use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Deltas {
    values: [isize; 4],
}

fn main() {}
