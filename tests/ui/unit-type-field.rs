use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Marker {
    id: u32,
    nothing: (),
}

fn main() {}
