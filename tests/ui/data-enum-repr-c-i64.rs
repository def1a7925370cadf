use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(C, i64)]
enum Shape {
    Circle { radius: f32 },
    Empty,
}

fn main() {}
