use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy)]
struct Target {
    id: u32,
}

// `Option<T>` is supported for pointers, `NonZero` integers, scalars,
// strings, slices and enums; not (yet) for a struct.
#[derive(WasmLayout)]
struct Player {
    score: u32,
    target: Option<Target>,
}

fn main() {}
