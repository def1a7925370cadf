use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
enum Direction {
    North,
    East,
    South,
    West,
}

fn main() {}
