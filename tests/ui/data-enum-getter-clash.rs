use wasm_layout::WasmLayout;

// The setter of `x` and the getter of a field named `set_x` would clash.
#[derive(WasmLayout)]
#[repr(C, u8)]
enum Shape {
    Dot { x: f32, set_x: f32 },
}

fn main() {}
