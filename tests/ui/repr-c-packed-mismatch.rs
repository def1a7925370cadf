use wasm_layout::WasmLayout;

// The wasm32 layout is packed (size 5), the host layout is not (size 8).
#[derive(WasmLayout)]
#[repr(C)]
#[layout(packed)]
struct Header {
    tag: u8,
    len: u32,
}

fn main() {}
