//! The Rust side: the shapes as `#[derive(WasmLayout)]` items in a scratch
//! crate that prints every type's `SIZE`, `ALIGN` and `OFFSET_*` constants.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use super::reference::Numbers;
use super::shape::{Form, Repr, Shape, Target, Ty};
use crate::run::root;

impl Shape {
    pub(super) fn rust_ty(&self, ty: &Ty) -> String {
        match ty {
            Ty::Scalar(s) => s.rust().to_string(),
            Ty::Ptr(Target::Scalar(s)) => format!("WasmPtr<{}>", s.rust()),
            Ty::Ptr(Target::Named { name, .. }) => format!("WasmPtr<{name}>"),
            Ty::Array(elem, n) => format!("[{}; {n}]", self.rust_ty(elem)),
            Ty::Struct(i) => self.structs[*i].name.clone(),
            Ty::Enum(i) => self.enums[*i].name.clone(),
            Ty::Variant(i) => self.variants[*i].name.clone(),
            Ty::Union(i) => self.unions[*i].name.clone(),
            Ty::Str => "WasmStr".to_string(),
            Ty::Slice(elem) => format!("WasmSlice<{}>", self.rust_ty(elem)),
            Ty::Own(name) => name.clone(),
            Ty::OptPtr(t) => format!("Option<{}>", self.rust_ty(&Ty::Ptr(t.clone()))),
            Ty::OptNonZero(s) => format!("Option<NonZero{}>", s.rust().to_uppercase()),
            Ty::OptTagged(t) => format!("Option<{}>", self.rust_ty(t)),
        }
    }

    /// The shape's types as Rust items.
    pub(super) fn rust(&self) -> String {
        let mut s = String::new();
        for e in &self.enums {
            let _ = writeln!(
                s,
                "#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]\n#[repr({})]",
                e.repr.rust()
            );
            let _ = write!(s, "pub enum {} {{", e.name);
            for (j, v) in e.values.iter().enumerate() {
                let _ = write!(s, " V{j} = {v},");
            }
            s.push_str(" }\n");
        }
        for v in &self.variants {
            s.push_str(&self.rust_variant(v));
        }
        for u in &self.unions {
            s.push_str(&self.rust_union(u));
        }
        for d in &self.structs {
            s.push_str("#[derive(WasmLayout, Clone, Copy)]\n");
            if d.tuple == Form::Transparent {
                s.push_str("#[repr(transparent)]\n");
            }
            match d.repr {
                Repr::Natural => {}
                Repr::Packed => s.push_str("#[layout(packed)]\n"),
                Repr::Aligned(n) => {
                    let _ = writeln!(s, "#[layout(align = {n})]");
                }
            }
            if d.tuple == Form::Named {
                let _ = write!(s, "pub struct {} {{", d.name);
                for (j, ty) in d.fields.iter().enumerate() {
                    let _ = write!(s, " pub f{j}: {},", self.rust_ty(ty));
                }
                s.push_str(" }\n");
            } else {
                let fields: Vec<String> =
                    d.fields.iter().map(|ty| format!("pub {}", self.rust_ty(ty))).collect();
                let _ = writeln!(s, "pub struct {}({});", d.name, fields.join(", "));
            }
        }
        s
    }

    /// One row of the printed table per type: descriptor, SIZE, ALIGN, offsets.
    fn rust_rows(&self) -> String {
        let mut s = String::new();
        let named = self.enums.iter().map(|e| &e.name).chain(self.variants.iter().map(|v| &v.name));
        let named = named.chain(self.unions.iter().map(|u| &u.name));
        for name in named {
            let _ = writeln!(s, "    ({0}::LAYOUT, {0}::SIZE, {0}::ALIGN, &[]),", name);
        }
        for d in &self.structs {
            // A tuple struct's field `j` has the constant `OFFSET_<j>`.
            let f = if d.tuple == Form::Named { "F" } else { "" };
            let offs: Vec<String> =
                (0..d.fields.len()).map(|j| format!("{}::OFFSET_{f}{j}", d.name)).collect();
            let _ = writeln!(s, "    ({0}::LAYOUT, {0}::SIZE, {0}::ALIGN, &[{1}]),", d.name, offs.join(", "));
        }
        s
    }
}

const RUST_MAIN: &str = r#"
fn main() {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (layout, size, align, offsets) in TABLE {
        // An enum with fields: the payload's offset, then every case
        // field's, as the descriptor has them.
        let offsets: Vec<usize> = match layout.kind {
            TypeKind::Variant(v) => std::iter::once(v.payload)
                .chain(v.cases.iter().flat_map(|c| c.fields.iter().map(|f| f.offset)))
                .collect(),
            // A union: every member's offset (0), as the descriptor has them.
            TypeKind::Union(u) => u.members.iter().map(|f| f.offset).collect(),
            _ => offsets.to_vec(),
        };
        let described: Vec<usize> = match layout.kind {
            TypeKind::Variant(_) | TypeKind::Union(_) => offsets.clone(),
            _ => layout.fields().iter().map(|f| f.offset).collect(),
        };
        if described != offsets || layout.size != *size || layout.align != *align {
            writeln!(out, "DESCRIPTOR {} size {} align {} offsets {:?}", layout.name, layout.size, layout.align, described).unwrap();
        }
        write!(out, "{} {} {}", layout.name, size, align).unwrap();
        for o in &offsets {
            write!(out, " {o}").unwrap();
        }
        writeln!(out).unwrap();
    }
}
"#;

/// Builds and runs the scratch crate for `shapes`; returns what it printed.
pub(super) fn rust_layouts(dir: &Path, shapes: &[Shape]) -> Result<BTreeMap<String, Numbers>, String> {
    let krate = dir.join("crate");
    std::fs::create_dir_all(krate.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"difftest-shapes\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nwasm-layout = {{ path = {:?} }}\n\n[workspace]\n",
        root().display().to_string()
    );
    write_if_changed(&krate.join("Cargo.toml"), &manifest)?;
    if !krate.join("Cargo.lock").exists() {
        let _ = std::fs::copy(root().join("Cargo.lock"), krate.join("Cargo.lock"));
    }
    let mut src = String::from(
        "// Generated by `cargo xtask difftest`.\n#![allow(dead_code, non_camel_case_types, unused_imports, clippy::all)]\n\
         use core::num::{NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8};\n\
         use wasm_layout::{TypeKind, TypeLayout, WasmLayout, WasmPtr, WasmSlice, WasmStr};\n\n",
    );
    for s in shapes {
        src.push_str(&s.rust());
    }
    src.push_str("\nstatic TABLE: &[(&TypeLayout, usize, usize, &[usize])] = &[\n");
    for s in shapes {
        src.push_str(&s.rust_rows());
    }
    src.push_str("];\n");
    src.push_str(RUST_MAIN);
    write_if_changed(&krate.join("src/main.rs"), &src)?;

    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("cargo run (difftest crate): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the generated Rust did not build or run ({}):\n{}",
            krate.join("src/main.rs").display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    parse_table(&String::from_utf8_lossy(&out.stdout))
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses `name size align offsets…` lines; a `DESCRIPTOR` line is an error.
fn parse_table(text: &str) -> Result<BTreeMap<String, Numbers>, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with("DESCRIPTOR") {
            return Err(format!("the derived LAYOUT descriptor disagrees with SIZE/ALIGN/OFFSET_*: {line}"));
        }
        let mut words = line.split_whitespace();
        let name = words.next().ok_or("empty line from the difftest crate")?.to_string();
        let nums: Vec<usize> =
            words.map(str::parse).collect::<Result<_, _>>().map_err(|e| format!("{line}: {e}"))?;
        let [size, align, offsets @ ..] = &nums[..] else {
            return Err(format!("short line from the difftest crate: {line}"));
        };
        out.insert(name, Numbers { size: *size, align: *align, offsets: offsets.to_vec() });
    }
    Ok(out)
}
