use wasm_layout::WasmLayout;

// A type parameter gets a `WasmLayout` bound: instantiating with a type
// that has no wasm32 layout is an error where it is used.
#[derive(WasmLayout)]
struct Vec2<T> {
    x: T,
    y: T,
}

struct Color {
    r: u8,
}

#[derive(WasmLayout)]
struct Sprite {
    pos: Vec2<Color>,
}

fn main() {}
