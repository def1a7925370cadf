// A scalar field whose type only shares a built-in scalar's name: the
// derive reads and writes it as the built-in type, so the crate does not
// type-check.
#![allow(non_camel_case_types)]
use wasm_layout::WasmLayout;

mod wide {
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy)]
    pub struct u32 {
        pub wide: u64,
    }
}

use wide::u32;

#[derive(WasmLayout)]
struct Pair {
    len: u32,
    tag: u8,
}

fn main() {}
