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
            diff(&expected, &actual)
        );
    }
}

/// A line diff with three lines of context around each change.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut lines = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            lines.push(('+', b[j]));
            j += 1;
        } else {
            lines.push(('-', a[i]));
            i += 1;
        }
    }
    let near_change =
        |k: usize| lines[k.saturating_sub(3)..(k + 4).min(lines.len())].iter().any(|(c, _)| *c != ' ');
    let mut out = String::new();
    let mut skipped = false;
    for (k, (c, line)) in lines.iter().enumerate() {
        if near_change(k) {
            if skipped {
                out.push_str("   ...\n");
                skipped = false;
            }
            out.push_str(&format!("{c}  {line}\n"));
        } else {
            skipped = true;
        }
    }
    out
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
