// A field type named like a built-in scalar but meaning another type: the
// derive reads the layout off the names, and the rules, applied to the real
// types, disagree. The crate must not compile.
#![allow(non_camel_case_types)]
use wasm_layout::WasmLayout;

mod wide {
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy)]
    pub struct u16 {
        pub wide: u64,
    }
}

use wide::u16;

#[derive(WasmLayout)]
struct Pair {
    halves: [u16; 2],
    tag: u8,
}

fn main() {}
