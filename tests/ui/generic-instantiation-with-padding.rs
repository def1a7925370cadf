use wasm_layout::WasmLayout;

#[derive(WasmLayout)]
struct Pair<A, B> {
    a: A,
    b: B,
}

// `Pair<u8, u32>` has 3 bytes of padding after `a`: a generic struct's bytes
// are its fields' bytes back to back, so this instantiation is an error.
#[derive(WasmLayout)]
struct Holder {
    pair: Pair<u8, u32>,
}

fn main() {}
