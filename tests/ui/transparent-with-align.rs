use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(transparent)]
#[layout(align = 8)]
struct Meters(f32);

fn main() {}
