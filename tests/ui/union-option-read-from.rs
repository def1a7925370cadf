use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
union Value {
    whole: u32,
    real: f32,
}

// An `Option` of a union has a tag, but the union's active member is still
// not recorded: no whole value, views only.
fn main() {
    let bytes = [0u8; 8];
    let _ = <Option<Value>>::read_from(&bytes);
    let _ = <Option<Value>>::view(&bytes).map(|v| v.map(|v| v.map(|v| v.whole())));
}
