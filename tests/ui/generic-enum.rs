use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(u8)]
enum Tagged<T> {
    A,
    B(T),
}

fn main() {}
