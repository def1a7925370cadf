use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(u64)]
enum Flag {
    Off,
    On,
}

fn main() {}
