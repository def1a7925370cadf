use wasm_layout::WasmLayout;

// `#[repr(u8)]` alone lays out each case as its own struct led by the tag,
// which C cannot express: the derive asks for `#[repr(C, u8)]`.
#[derive(WasmLayout)]
#[repr(u8)]
enum Shape {
    Point,
    Circle { radius: f32 },
    Line(f32, f32),
}

fn main() {}
