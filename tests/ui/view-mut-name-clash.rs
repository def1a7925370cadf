use wasm_layout::WasmLayout;

// `pos`'s mutable view is `pos_mut`, which is also the getter of field
// `pos_mut`.
#[derive(WasmLayout)]
struct Clash {
    pos: [f32; 2],
    pos_mut: u32,
}

fn main() {}
