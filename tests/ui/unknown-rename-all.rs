use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
#[layout(rename_all = "kebab-case")]
struct Account {
    account_id: u32,
}

fn main() {}
