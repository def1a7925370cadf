use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(align = 16)]
struct Aligned<T> {
    x: T,
}

#[derive(WasmLayout)]
#[repr(C, packed)]
#[layout(packed)]
struct Packed<T> {
    x: T,
}

fn main() {}
