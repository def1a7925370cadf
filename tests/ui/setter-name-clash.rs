use wasm_layout::WasmLayout;

// `x`'s setter is `set_x`, which is also the getter of field `set_x`.
#[derive(WasmLayout)]
struct Clash {
    x: u8,
    set_x: u16,
}

fn main() {}
