use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
union Value {
    int: u32,
    float: f32,
}

fn main() {}
