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
    let mut t = Tagged::view_mut(&mut bytes).unwrap();
    t.value_mut().set_real(1.5);
    t.set_value(Value { whole: 7 });
}
