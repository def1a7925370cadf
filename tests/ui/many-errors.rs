use wasm_layout::WasmLayout;

// Every mistake of one struct is reported in one build.
#[derive(WasmLayout)]
#[layout(packed, align = 3, colour = "red")]
struct Everything {
    #[layout(align = 4)]
    len: usize,
    name: String,
    #[layout(rename = "9lives")]
    lives: u8,
    #[layout(rename_all = "camelCase")]
    glyph: char,
}

fn main() {}
