use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
union Value {
    whole: u32,
    real: f32,
}

#[derive(WasmLayout, Clone, Copy)]
struct Tagged {
    tag: u8,
    value: Value,
}

fn main() {
    let mut bytes = [0u8; 8];
    let t = Tagged { tag: 1, value: Value { whole: 7 } };
    let _ = t.write_to(&mut bytes);
    let _ = Tagged::view(&bytes).map(|v| v.value().real());
}
