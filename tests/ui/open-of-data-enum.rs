use wasm_layout::{Open, WasmLayout};

#[derive(WasmLayout, Clone, Copy)]
#[repr(C, u8)]
enum Shape {
    Circle { radius: f32 },
    Empty,
}

#[derive(WasmLayout)]
struct Image {
    shape: Open<Shape>,
}

fn main() {}
