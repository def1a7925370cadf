use wasm_layout::WasmLayout;

// `Option<T>` is supported for pointers, `NonZero` integers, scalars,
// strings, slices and derived structs, enums and unions; not for an array
// (nor an `Option` of an `Option`).
#[derive(WasmLayout)]
struct Player {
    score: u32,
    targets: Option<[u32; 2]>,
}

fn main() {}
