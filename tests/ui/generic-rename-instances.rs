use wasm_layout::WasmLayout;

// `rename_instances` names instantiations: a plain struct has none.
#[derive(WasmLayout)]
#[layout(rename_instances(Plain_u8 = "Plain8"))]
struct Plain {
    x: u8,
}

// The new name must be an identifier.
#[derive(WasmLayout)]
#[layout(rename_instances(Vec2_u8 = "not a name"))]
struct Vec2<T> {
    x: T,
    y: T,
}

fn main() {}
