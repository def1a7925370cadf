use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(C)]
enum Flag {
    Off,
    On,
}

fn main() {}
