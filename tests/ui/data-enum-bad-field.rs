use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[repr(C, u8)]
enum Shape {
    Circle { radius: usize },
    Named(String),
}

fn main() {}
