use wasm_layout::WasmLayout;

// #[repr(packed)] alone would give a 5-byte Rust type whose wasm32 layout is
// 8 bytes.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C, packed)]
struct Packet {
    kind: u8,
    len: u32,
}

#[derive(WasmLayout, Clone, Copy)]
#[repr(packed(2))]
#[layout(packed)]
struct Half {
    kind: u8,
    len: u32,
}

fn main() {}
