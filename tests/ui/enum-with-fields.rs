use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(u8)]
enum Shape {
    Point,
    Circle { radius: f32 },
    Line(f32, f32),
}

fn main() {}
