use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Account {
    #[layout(rename = "account-id")]
    id: u32,
}

fn main() {}
