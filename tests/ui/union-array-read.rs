use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
union Value {
    whole: u32,
    real: f32,
}

fn main() {
    let bytes = [0u8; 8];
    let _ = <[Value; 2]>::read_from(&bytes);
}
