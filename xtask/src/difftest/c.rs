//! The C side: the shapes as C declarations with `_Static_assert`s of the
//! numbers Rust printed, checked by clang for wasm32.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use super::reference::Numbers;
use super::shape::{Decl, Repr, Shape, Target, Ty};

impl Shape {
    /// `(base type, array dimensions)` of a field type.
    pub(super) fn c_parts(&self, ty: &Ty) -> (String, String) {
        match ty {
            Ty::Scalar(s) => (s.c().to_string(), String::new()),
            Ty::Ptr(Target::Scalar(s)) => (format!("{} *", s.c()), String::new()),
            Ty::Ptr(Target::Named { name, is_enum: false }) => (format!("struct {name} *"), String::new()),
            Ty::Ptr(Target::Named { name, is_enum: true }) => (format!("{name} *"), String::new()),
            Ty::Array(elem, n) => {
                let (base, dims) = self.c_parts(elem);
                (base, format!("[{n}]{dims}"))
            }
            Ty::Struct(i) => (format!("struct {}", self.structs[*i].name), String::new()),
            Ty::Enum(i) => (self.enums[*i].name.clone(), String::new()),
            Ty::Variant(i) => (format!("struct {}", self.variants[*i].name), String::new()),
            Ty::Union(i) => (format!("union {}", self.unions[*i].name), String::new()),
            Ty::Own(name) => (format!("struct {name}"), String::new()),
            Ty::OptPtr(t) => self.c_parts(&Ty::Ptr(t.clone())),
            Ty::OptNonZero(s) => (s.c().to_string(), String::new()),
            // Rust's `repr(C, u8)`: a tag, then a union of the cases'
            // structs (`None`'s is empty and left out).
            Ty::OptTagged(t) => {
                let (base, dims) = self.c_parts(t);
                let sep = if base.ends_with('*') { "" } else { " " };
                let some = format!("struct {{ {base}{sep}f0{dims}; }} some;");
                (format!("struct {{ uint8_t tag; union {{ {some} }} payload; }}"), String::new())
            }
            // What a wasm32 guest sees (the generated header's `__wasm32__`
            // branch): a pointer into linear memory and a `uint32_t` length.
            Ty::Str => ("struct { const char *ptr; uint32_t len; }".to_string(), String::new()),
            Ty::Slice(elem) => {
                let (base, dims) = self.c_parts(elem);
                let ptr = match (dims.is_empty(), base.ends_with('*')) {
                    (true, true) => format!("{base}ptr"),
                    (true, false) => format!("{base} *ptr"),
                    (false, _) => format!("{base} (*ptr){dims}"),
                };
                (format!("struct {{ {ptr}; uint32_t len; }}"), String::new())
            }
        }
    }

    /// The shape's types as C declarations.
    pub(super) fn c_decls(&self) -> String {
        let mut s = String::new();
        for e in &self.enums {
            let _ = writeln!(s, "typedef {} {};", e.repr.c(), e.name);
        }
        for decl in &self.order {
            let d = match *decl {
                Decl::Struct(i) => &self.structs[i],
                Decl::Variant(i) => {
                    s.push_str(&self.c_variant(&self.variants[i]));
                    continue;
                }
                Decl::Union(i) => {
                    s.push_str(&self.c_union(&self.unions[i]));
                    continue;
                }
            };
            let attr = match d.repr {
                Repr::Natural => String::new(),
                Repr::Packed => "__attribute__((packed)) ".into(),
                Repr::Aligned(n) => format!("__attribute__((aligned({n}))) "),
            };
            let _ = write!(s, "struct {attr}{} {{", d.name);
            for (j, ty) in d.fields.iter().enumerate() {
                let (base, dims) = self.c_parts(ty);
                let sep = if base.ends_with('*') { "" } else { " " };
                let _ = write!(s, " {base}{sep}f{j}{dims};");
            }
            s.push_str(" };\n");
        }
        s
    }
}

/// `_Static_assert`s of `numbers` for every type of `shape`.
fn c_asserts(shape: &Shape, numbers: &BTreeMap<String, Numbers>) -> String {
    let mut s = String::new();
    let mut one = |c_name: &str, name: &str, members: &[String]| {
        let Some(n) = numbers.get(name) else { return };
        let _ = writeln!(s, "_Static_assert(sizeof({c_name}) == {}, \"{name} size\");", n.size);
        let _ = writeln!(s, "_Static_assert(_Alignof({c_name}) == {}, \"{name} align\");", n.align);
        for (m, o) in members.iter().zip(&n.offsets) {
            let _ = writeln!(s, "_Static_assert(offsetof({c_name}, {m}) == {o}, \"{name}.{m} offset\");");
        }
    };
    for e in &shape.enums {
        one(&e.name, &e.name, &[]);
    }
    for d in &shape.structs {
        let members: Vec<String> = (0..d.fields.len()).map(|j| format!("f{j}")).collect();
        one(&format!("struct {}", d.name), &d.name, &members);
    }
    for v in &shape.variants {
        one(&format!("struct {}", v.name), &v.name, &Shape::variant_members(v));
    }
    for u in &shape.unions {
        let members: Vec<String> = (0..u.members.len()).map(|j| format!("f{j}")).collect();
        one(&format!("union {}", u.name), &u.name, &members);
    }
    s
}

const C_PRELUDE: &str =
    "/* Generated by `cargo xtask difftest`. */\n#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n";

/// The C file for `shapes`, asserting `numbers`.
pub(super) fn c_source(shapes: &[Shape], numbers: &BTreeMap<String, Numbers>) -> String {
    let mut s = String::from(C_PRELUDE);
    for shape in shapes {
        s.push_str(&shape.c_decls());
        s.push_str(&c_asserts(shape, numbers));
    }
    s
}

/// Runs clang for wasm32 on `source` (written to `path`); `Err` is its output.
pub(super) fn clang_check(path: &Path, source: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, source).map_err(|e| format!("{}: {e}", path.display()))?;
    let out = Command::new("clang")
        .args(["--target=wasm32", "-ffreestanding", "-nostdlib", "-std=c11", "-Wall", "-Wextra", "-Werror"])
        .args(["-fsyntax-only", "-ferror-limit=5"])
        .arg(path)
        .output()
        .map_err(|e| format!("clang: {e} (apt-get install -y --no-install-recommends clang lld)"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}
