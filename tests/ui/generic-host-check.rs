use wasm_layout::WasmLayout;

// `#[repr(C)]` on a generic struct: the host check runs per instantiation,
// when its `SIZE` is evaluated.
#[derive(WasmLayout)]
#[repr(C)]
struct Wrap<T> {
    inner: T,
}

// Rust reorders this struct's fields on the host (8 bytes there, 12 on
// wasm32), so `Wrap<Loose>` is laid out differently on the host.
#[derive(WasmLayout)]
struct Loose {
    a: u8,
    b: u32,
    c: u8,
}

#[derive(WasmLayout)]
struct Holder {
    fine: Wrap<u32>,
    wrong: Wrap<Loose>,
}

fn main() {}
