use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
union Value {
    whole: u32,
    real: f32,
}

fn main() {
    let bytes = [0u8; 4];
    let _ = Value::read_from(&bytes);
    let _ = Value::view(&bytes).map(|v| v.whole());
}
