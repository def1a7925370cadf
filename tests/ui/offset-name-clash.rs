use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[allow(non_snake_case)]
struct Clash {
    ab: u8,
    AB: u16,
}

fn main() {}
