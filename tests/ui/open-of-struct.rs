use wasm_layout::{Open, WasmLayout};

#[derive(WasmLayout, Clone, Copy)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(WasmLayout)]
struct Image {
    format: Open<Point>,
}

fn main() {}
