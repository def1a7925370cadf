use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
#[layout(packed, rename_all = "camelCase")]
union Value {
    whole: u32,
    real: f32,
}

fn main() {}
