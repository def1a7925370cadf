//! Expansion snapshots: what the derive emits for a few representative
//! inputs, pretty-printed and compared with `tests/snapshots/<name>.rs`.
//! `WASM_LAYOUT_BLESS=1 cargo test -p wasm-layout-derive` rewrites them.

use std::path::PathBuf;

use crate::expand;

/// Expands `source`, pretty-prints it under a header quoting the input and
/// compares it with the committed snapshot.
fn check(name: &str, source: &str) {
    let input: syn::DeriveInput = syn::parse_str(source).expect("the snapshot input parses");
    let file: syn::File = syn::parse2(expand::derive(&input)).expect("the expansion parses as a file");
    let mut actual = String::from("// What #[derive(WasmLayout)] emits for:\n//\n");
    for line in source.trim().lines() {
        actual.push_str(format!("//     {line}").trim_end());
        actual.push('\n');
    }
    actual.push('\n');
    actual.push_str(&prettyplease::unparse(&file));

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.rs"));
    if std::env::var_os("WASM_LAYOUT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        panic!(
            "the expansion of `{name}` differs from {} (- snapshot, + now); rerun with WASM_LAYOUT_BLESS=1 if the change is intended:\n{}",
            path.display(),
            wasm_layout_codegen::diff::unified(&expected, &actual)
        );
    }
}

#[test]
fn plain_struct_with_padding() {
    check(
        "plain_struct_with_padding",
        r#"
#[derive(WasmLayout)]
pub struct Header {
    pub tag: u8,
    pub len: u32,
    pub flags: u16,
}
"#,
    );
}

#[test]
fn nested_arrays_bool_pointer() {
    check(
        "nested_arrays_bool_pointer",
        r#"
#[derive(WasmLayout)]
pub struct Node {
    pub origin: Point,
    pub corners: [[f32; 2]; 4],
    pub visible: bool,
    pub next: WasmPtr<Self>,
}
"#,
    );
}

#[test]
fn packed() {
    check(
        "packed",
        r#"
#[derive(WasmLayout)]
#[layout(packed)]
struct Packet {
    kind: u8,
    len: u32,
}
"#,
    );
}

#[test]
fn aligned() {
    check(
        "aligned",
        r#"
#[derive(WasmLayout)]
#[layout(align = 16, rename_all = "camelCase")]
pub struct Block {
    pub byte_len: u32,
}
"#,
    );
}

#[test]
fn repr_c() {
    check(
        "repr_c",
        r#"
#[derive(WasmLayout)]
#[repr(C)]
pub struct Vertex {
    pub position: [f32; 3],
    pub color: u32,
}
"#,
    );
}

#[test]
fn tuple_struct() {
    check(
        "tuple_struct",
        r#"
#[derive(WasmLayout)]
#[repr(C)]
pub struct Pair(pub u32, bool, pub Inner);
"#,
    );
}

#[test]
fn newtype() {
    check(
        "newtype",
        r#"
#[derive(WasmLayout)]
#[repr(transparent)]
pub struct EntityId(pub u32);
"#,
    );
}

#[test]
fn enum_discriminants() {
    check(
        "enum_discriminants",
        r#"
#[derive(WasmLayout)]
#[repr(u8)]
pub enum Kind {
    Empty,
    #[layout(rename = "full")]
    Full = 5,
    Broken,
}
"#,
    );
}

#[test]
fn enum_with_fields() {
    check(
        "enum_with_fields",
        r#"
#[derive(WasmLayout)]
#[repr(C, u8)]
pub enum Shape {
    Circle { radius: f32 },
    Rect(Point, Point) = 4,
    Empty,
}
"#,
    );
}

#[test]
fn union_with_a_struct_member() {
    check(
        "union_with_a_struct_member",
        r#"
#[derive(WasmLayout)]
#[repr(C)]
pub union Payload {
    pub clock: Clock,
    pub fd: u32,
}
"#,
    );
}

#[test]
fn struct_holding_a_union() {
    check(
        "struct_holding_a_union",
        r#"
#[derive(WasmLayout)]
pub struct Event {
    pub tag: u8,
    pub payload: Payload,
    pub history: [Payload; 2],
}
"#,
    );
}
