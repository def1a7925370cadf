use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Packet {
    len: u32,
    data: [u8],
}

fn main() {}
