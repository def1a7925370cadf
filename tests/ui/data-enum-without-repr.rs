use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
enum Shape {
    Circle { radius: f32 },
    Empty,
}

fn main() {}
