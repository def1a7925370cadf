use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(C, align(16))]
struct Aligned {
    x: u32,
}

#[derive(WasmLayout)]
#[repr(align(8))]
#[layout(align = 16)]
struct Different {
    x: u32,
}

fn main() {}
