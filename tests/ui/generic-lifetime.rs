use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Borrowed<'a, T> {
    value: T,
    marker: core::marker::PhantomData<&'a ()>,
}

fn main() {}
