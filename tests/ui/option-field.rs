use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Player {
    score: u32,
    target: Option<u32>,
}

fn main() {}
