use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Segment {
    start: (f32, f32),
}

fn main() {}
