//! Hostile names: every keyword of every output language, the names the
//! generated code uses itself, Rust-side clashes reached through renames and
//! names differing only in case, as type, field, variant and enum names. Each
//! either gives a `BindingsError` that names it, or output that tsc
//! (`--strict`), clang (C11 `-pedantic` and C++17) and Odin (`-vet
//! -strict-style`, both wasm32 targets) accept.

use std::fmt::Write;

use wasm_layout::codegen::Lang;
use wasm_layout::{
    Bindings, BindingsError, EnumLayout, FieldLayout, Scalar, StructLayout, StructRepr, TypeKind, TypeLayout,
    VariantLayout, WasmLayout,
};

use crate::c::clang_strict;
use crate::common::{has_clang, odin, odin_check_source, scratch_dir, ODIN_TARGETS};
use crate::node::{has_node, report, ts_dir, tsc};

/// Words no list of reserved words names, which generated code might still
/// trip over.
const EXTRA: &[&str] = &[
    // the generated code's own names and JavaScript's special members
    "ptr",
    "constructor",
    "prototype",
    "__proto__",
    "view",
    "value",
    "field",
    "memory",
    "error",
    "byte",
    "at",
    "length",
    "buffer",
    "i0",
    "out0",
    "toString",
    "valueOf",
    // the generated TypeScript's helpers, among them names a helper declares
    // beside its own (`Typed` beside `Elems`, `memOfNew` beside `memOf`)
    "Mem",
    "LiveArray",
    "LiveArrayF32",
    "StructArray",
    "Typed",
    "emptyTyped",
    "memOfNew",
    "hasOwnProperty",
    "then",
    // TypeScript's contextual keywords
    "type",
    "as",
    "async",
    "get",
    "set",
    "of",
    "from",
    "declare",
    "module",
    "namespace",
    "readonly",
    "keyof",
    "infer",
    "is",
    "asserts",
    "abstract",
    "accessor",
    "satisfies",
    "override",
    "out",
    "require",
    "global",
    "unique",
    "intrinsic",
    "object",
    "Symbol",
    "Promise",
    "Map",
    "Number",
    "Math",
    "JSON",
    "console",
    // C and its headers
    "main",
    "errno",
    "NULL",
    "INT8_MAX",
    "UINT64_C",
    "SIZE_MAX",
    "int_least8_t",
    "__LINE__",
    "_Reserved",
    "WASM_LAYOUT_ASSERT",
    "WASM_LAYOUT_ALIGNOF",
    "unix",
    "linux",
    "wasm32",
    "max_align_t",
    // Odin
    "context",
    "size_of",
    "offset_of",
    "u8",
    "uintptr",
    "rawptr",
    "cstring",
    "layout",
    "ODIN_OS",
    "soa",
    // Rust-side clashes, and case
    "x",
    "set_x",
    "pos",
    "pos_mut",
    "OFFSET_X",
    "Point",
    "point",
    "POINT",
];

/// Every hostile word, each once.
fn words() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = [Lang::TypeScript, Lang::C, Lang::Odin, Lang::Rust]
        .iter()
        .flat_map(|l| l.reserved().iter().copied())
        .chain(EXTRA.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// A struct named `name` with `u32` fields named `fields` (given as renames).
fn structure(name: &'static str, fields: &[&'static str]) -> &'static TypeLayout {
    let fields: Vec<FieldLayout> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| FieldLayout { name: "a", offset: 4 * i, ty: u32::LAYOUT, rename: Some(f) })
        .collect();
    let size = 4 * fields.len();
    let s = StructLayout {
        fields: Box::leak(fields.into_boxed_slice()),
        repr: StructRepr::Natural,
        rename: Some(name),
        rename_all: None,
        doc: "",
        field_docs: &[],
    };
    leak(TypeLayout {
        name: "Hostile",
        size,
        align: if size == 0 { 1 } else { 4 },
        kind: TypeKind::Struct(s),
    })
}

/// A `u8` enum named `name` with variants named `variants`.
fn enumeration(name: &'static str, variants: &[&'static str]) -> &'static TypeLayout {
    let variants: Vec<VariantLayout> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| VariantLayout { name: "A", value: i as i64, rename: Some(v), doc: "" })
        .collect();
    let variants = Box::leak(variants.into_boxed_slice());
    let e = EnumLayout { repr: Scalar::U8, variants, rename: Some(name), doc: "" };
    leak(TypeLayout { name: "HostileEnum", size: 1, align: 1, kind: TypeKind::Enum(e) })
}

/// The output of `b` in `lang`.
fn generate(b: &Bindings, lang: Lang) -> Result<String, BindingsError> {
    match lang {
        Lang::TypeScript => b.try_typescript(),
        Lang::C => b.try_c(),
        _ => b.try_odin(),
    }
}

/// The words `make` turns into bindings that `lang` accepts; a refused one
/// must be refused with a text naming it.
fn accepted(lang: Lang, make: impl Fn(&'static str) -> Bindings) -> Vec<&'static str> {
    let mut ok = Vec::new();
    for word in words() {
        match generate(&make(word), lang) {
            Ok(_) => ok.push(word),
            Err(e) => {
                let text = e.to_string();
                assert!(
                    text.contains(&format!("`{word}`")),
                    "{lang:?}, `{word}`: the error does not name it: {text}"
                );
                assert!(text.contains(lang.name()) || text.contains("rename"), "{lang:?}: {text}");
            }
        }
    }
    ok
}

/// Two files per language: every accepted word as a type name (one struct
/// and one enum each), as a field of one struct, as a variant of one enum;
/// plus types and fields differing only in case.
fn files(lang: Lang) -> Vec<String> {
    let types = accepted(lang, |w| Bindings::new().add_layout(structure(w, &["a"])));
    let enums = accepted(lang, |w| Bindings::new().add_layout(enumeration(w, &["A"])));
    let fields = accepted(lang, |w| Bindings::new().add_layout(structure("Holder", &[w])));
    let variants = accepted(lang, |w| Bindings::new().add_layout(enumeration("Choice", &[w])));
    // Most words are some other language's: each file really holds many.
    for (what, list) in [("types", &types), ("enums", &enums), ("fields", &fields), ("variants", &variants)] {
        assert!(list.len() > 60, "{lang:?}: only {} {what} accepted of {}", list.len(), words().len());
    }
    assert!(!fields.contains(&"constructor") || lang != Lang::TypeScript, "a view accessor `constructor`");
    assert!(!fields.contains(&"ptr") || lang != Lang::TypeScript, "a field shadowing the view's `ptr`");

    let mut by_type = Bindings::new();
    for w in &types {
        by_type = by_type.add_layout(structure(w, &["a"]));
    }
    // An enum under a word a struct took is a clash: give enums a suffix.
    for w in &enums {
        by_type = by_type.add_layout(enumeration(leak(format!("{w}_e")).as_str(), &["A"]));
    }
    let by_member = Bindings::new()
        .add_layout(structure("Holder", &fields))
        .add_layout(enumeration("Choice", &variants))
        .add_layout(structure("Cased", &["x", "X", "set_x", "pos", "pos_mut", "Pos"]));
    let mut out = Vec::new();
    for b in [by_type, by_member] {
        match generate(&b, lang) {
            Ok(text) => out.push(text),
            Err(e) => panic!("{lang:?}: accepted one by one, refused together: {e}"),
        }
    }
    out
}

#[test]
fn hostile_names_are_refused_clearly_or_compile() {
    let (node, clang, odin) = (has_node(), has_clang(), odin());
    if node {
        let dir = scratch_dir("hostile-ts");
        let mut include = String::new();
        for (i, text) in files(Lang::TypeScript).iter().enumerate() {
            std::fs::write(dir.join(format!("hostile{i}.ts")), text).expect("write");
            let _ = write!(include, "{}\"hostile{i}.ts\"", if i == 0 { "" } else { ", " });
        }
        let tsconfig = format!(
            "{{\n  \"extends\": {:?},\n  \"compilerOptions\": {{ \"typeRoots\": [{:?}] }},\n  \"include\": [{include}]\n}}\n",
            ts_dir().join("tsconfig.json"),
            ts_dir().join("node_modules/@types")
        );
        std::fs::write(dir.join("tsconfig.json"), tsconfig).expect("write");
        let out = tsc(&dir.join("tsconfig.json"));
        assert!(out.status.success(), "{}", report("tsc", &out));
    }
    if clang {
        for text in files(Lang::C) {
            for cxx in [false, true] {
                if let Err(e) = clang_strict(&text, cxx) {
                    panic!("clang (C++: {cxx}) rejected a hostile header:\n{e}\n{text}");
                }
            }
        }
    }
    if let Some(odin) = odin {
        let dir = scratch_dir("hostile-odin");
        for (i, text) in files(Lang::Odin).iter().enumerate() {
            for target in ODIN_TARGETS {
                if let Err(e) = odin_check_source(&odin, &dir.join(i.to_string()), text, target) {
                    panic!("odin -target:{target} rejected a hostile file:\n{e}");
                }
            }
        }
    }
}

#[test]
fn the_view_ptr_and_constructor_are_refused_in_typescript_only() {
    let b = Bindings::new().add_layout(structure("Node", &["ptr"]));
    let e = b.try_typescript().unwrap_err().to_string();
    assert!(e.contains("field `a` of `Hostile`") && e.contains("`NodeView`") && e.contains("`ptr`"), "{e}");
    assert!(b.try_c().is_ok() && b.try_odin().is_ok());
    let e = Bindings::new().add_layout(structure("Node", &["constructor"])).try_typescript().unwrap_err();
    assert!(e.to_string().contains("reserved word in TypeScript"), "{e}");
}
