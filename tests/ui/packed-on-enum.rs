use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(u16)]
#[layout(packed)]
enum Kind {
    A,
    B,
}

fn main() {}
