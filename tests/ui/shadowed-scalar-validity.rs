// An array of a type named like `u16` with the same size and alignment, but
// not every two bytes are a valid value (an enum): the derive must not leave
// the check of those bytes out, so the crate must not compile.
use wasm_layout::WasmLayout;

mod tags {
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy)]
    #[repr(u16)]
    pub enum Tag {
        A = 0,
        B = 1,
    }
}

#[allow(non_camel_case_types)]
use tags::Tag as u16;

#[derive(WasmLayout)]
struct Tags {
    tags: [u16; 4],
    count: u32,
}

fn main() {}
