use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Polygon {
    points: Vec<[f32; 2]>,
}

fn main() {}
