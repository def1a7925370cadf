//! The C emitter: one C11 header for clang's wasm32 target.
//!
//! Structs become `typedef struct Name { … } Name;` (with
//! `__attribute__((packed))` or `__attribute__((aligned(N)))`), enums a
//! fixed-width typedef plus one `#define` per variant, pointers `uint32_t`.
//! Every size, alignment and field offset is a `_Static_assert`, so the
//! compiler proves the header matches the Rust layout.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wasm_layout_rules::fnv;

use wasm_layout_rules::names::Scope;
use wasm_layout_rules::pair::{LEN_AT, PAIR, PTR_AT};

use crate::doc;
use crate::names::{field_name, variant_name};
use crate::walk::Pairs;
use crate::writer::Writer;
use crate::{Backend, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{
    EnumLayout, FieldLayout, OptionRepr, Scalar, StructLayout, TypeKind, TypeLayout, UnionLayout,
    VariantEnumLayout,
};
use wasm_layout_core::fingerprint;
use wasm_layout_core::StructRepr;

/// The macros the header defines besides one per type and variant: static
/// assertions and `alignof` spelled for C11 and for C++.
pub(crate) const ASSERT: &str = "WASM_LAYOUT_ASSERT";
pub(crate) const ALIGNOF: &str = "WASM_LAYOUT_ALIGNOF";

/// Takes the header's own file-scope names.
pub(crate) fn reserve(file: &mut Scope) {
    file.reserve(ASSERT, "the header's static-assertion macro");
    file.reserve(ALIGNOF, "the header's alignment macro");
}

/// The typedef of a `WasmStr` field.
const STR: &str = "WasmStr";

/// The typedef of a `WasmSlice<T>` field: `WasmSlice_<T>`, with `T` spelled
/// by [`mangle`].
pub(crate) fn slice_name(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Slice(s) => format!("WasmSlice_{}", mangle((s.elem)())),
        _ => mangle(t),
    }
}

/// A type as part of an identifier: `f32`, `Point`, `WasmPtr_Node`,
/// `WasmStr`, `WasmSlice_u8`, `u8_x4` for `[u8; 4]`.
fn mangle(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Scalar(s) => String::from(s.rust_name()),
        TypeKind::Pointer(p) => format!("WasmPtr_{}", p.target_name),
        TypeKind::Array(a) => format!("{}_x{}", mangle(a.elem), a.len),
        TypeKind::Str => String::from(STR),
        TypeKind::Slice(_) => slice_name(t),
        TypeKind::Option(o) => format!("Option_{}", mangle(o.some)),
        TypeKind::Struct(_) | TypeKind::Enum(_) | TypeKind::Variant(_) | TypeKind::Union(_) => {
            String::from(t.export_name())
        }
        TypeKind::Open(o) => format!("Open_{}", mangle(o.inner)),
    }
}

/// The macro that keeps a pair typedef from being defined twice when two
/// headers are included together.
fn pair_guard(name: &str) -> String {
    format!("WASM_LAYOUT_PAIR_{name}")
}

/// The file-scope names the pair typedefs bring: each typedef and
/// its guard macro, with a description.
pub(crate) fn pair_items(pairs: &Pairs) -> Vec<(String, String)> {
    let names = pairs
        .strings
        .then(|| String::from(STR))
        .into_iter()
        .chain(pairs.slices.iter().map(|t| slice_name(t)));
    names
        .flat_map(|name| {
            let guard = pair_guard(&name);
            [
                (guard.clone(), format!("the guard macro `{guard}`")),
                (name.clone(), format!("the pair typedef `{name}`")),
            ]
        })
        .collect()
}

/// The macro naming variant `variant` of enum `name`.
pub(crate) fn constant(name: &str, variant: &str) -> String {
    format!("{name}_{variant}")
}

/// Emits C.
pub(crate) struct C {
    guard: String,
}

impl C {
    pub(crate) fn new() -> Self {
        C { guard: String::new() }
    }

    pub(crate) fn sizes(&self, w: &mut Writer, ty: &TypeLayout) {
        let name = ty.export_name();
        w.line(format_args!(
            "{ASSERT}(sizeof({name}) == {}, \"{name}: wasm32 size is {}\");",
            ty.size, ty.size
        ));
        w.line(format_args!(
            "{ASSERT}({ALIGNOF}({name}) == {}, \"{name}: wasm32 alignment is {}\");",
            ty.align, ty.align
        ));
    }
}

impl Backend for C {
    const INDENT: &'static str = "    ";

    fn begin(&mut self, w: &mut Writer, types: &[&'static TypeLayout], pairs: &Pairs) {
        // The guard depends on the types, so two generated headers can be
        // included together.
        let set = types.iter().fold(fnv::OFFSET_BASIS, |h, t| fnv::bytes(h, &fingerprint(t).to_le_bytes()));
        self.guard = format!("WASM_LAYOUT_{set:016X}_H");
        w.line(format_args!("/* {GENERATED_NOTICE} */"));
        w.line(format_args!("/* Layouts are wasm32, little-endian: check with clang --target=wasm32. */"));
        w.line(format_args!("#ifndef {}", self.guard));
        w.line(format_args!("#define {}", self.guard));
        w.blank();
        w.line(format_args!("#include <stdbool.h>"));
        w.line(format_args!("#include <stddef.h>"));
        w.line(format_args!("#include <stdint.h>"));
        let cannot: Vec<&str> =
            types.iter().filter(|t| holds_empty_struct(t)).map(|t| t.export_name()).collect();
        w.blank();
        w.line(format_args!("#ifdef __cplusplus"));
        if !cannot.is_empty() {
            // C++ gives every object at least one byte; these layouts have
            // a zero-size struct in them, so their asserts would fail.
            w.line(format_args!(
                "#error \"wasm-layout: C++ gives every struct at least one byte, so it cannot lay out the zero-size struct types {}: include this header from C\"",
                cannot.join(", ")
            ));
        }
        w.line(format_args!("#define {ASSERT}(condition, message) static_assert(condition, message)"));
        w.line(format_args!("#define {ALIGNOF}(type) alignof(type)"));
        w.line(format_args!("#else"));
        w.line(format_args!("#define {ASSERT}(condition, message) _Static_assert(condition, message)"));
        w.line(format_args!("#define {ALIGNOF}(type) _Alignof(type)"));
        w.line(format_args!("#endif"));
        self.pairs(w, pairs);
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) {
        let name = ty.export_name();
        w.blank();
        doc::block(w, e.doc);
        w.line(format_args!("/* enum {name}: stored as {} */", e.repr.rust_name()));
        w.line(format_args!("typedef {} {name};", scalar(e.repr)));
        for v in e.variants {
            doc::block(w, v.doc);
            let constant = constant(name, variant_name(v));
            w.line(format_args!("#define {constant} (({name}){})", literal(v.value)));
        }
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        if let Some(f) = s.newtype() {
            // A newtype: a typedef of its field's type, whose layout it has.
            let (base, dims) = declarator(f.ty);
            w.blank();
            doc::block(w, s.doc);
            w.line(format_args!("typedef {base} {name}{dims};{}", comment(f.ty)));
            w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
            return self.sizes(w, ty);
        }
        let attribute = match s.repr {
            StructRepr::Natural => String::new(),
            StructRepr::Packed => String::from("__attribute__((packed)) "),
            StructRepr::Aligned(_) => format!("__attribute__((aligned({}))) ", ty.align),
        };
        // An empty struct and a zero-length array are extensions C11 has no
        // standard spelling for; `__extension__` keeps `-pedantic` quiet.
        let extension = if has_zero_size_part(ty) { "__extension__ " } else { "" };
        w.blank();
        doc::block(w, s.doc);
        if s.fields.is_empty() {
            w.line(format_args!("{extension}typedef struct {attribute}{name} {{}} {name};"));
        } else {
            w.open(format_args!("{extension}typedef struct {attribute}{name} {{"));
            for (i, f) in s.fields.iter().enumerate() {
                doc::block(w, s.field_doc(i));
                member(w, s, f);
            }
            w.close(format_args!("}} {name};"));
        }
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
        for f in s.fields {
            let field = field_name(s, f);
            w.line(format_args!(
                "{ASSERT}(offsetof({name}, {field}) == {}, \"{name}.{field}: wasm32 offset is {}\");",
                f.offset, f.offset
            ));
        }
    }

    fn union(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        self.union_decl(w, ty, u);
    }

    fn variant(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        self.variant_enum(w, ty, v);
    }

    fn end(&mut self, w: &mut Writer) {
        w.blank();
        w.line(format_args!("#endif /* {} */", self.guard));
    }
}

pub(crate) fn scalar(s: Scalar) -> &'static str {
    match s {
        Scalar::U8 => "uint8_t",
        Scalar::U16 => "uint16_t",
        Scalar::U32 => "uint32_t",
        Scalar::U64 => "uint64_t",
        Scalar::I8 => "int8_t",
        Scalar::I16 => "int16_t",
        Scalar::I32 => "int32_t",
        Scalar::I64 => "int64_t",
        Scalar::F32 => "float",
        Scalar::F64 => "double",
        Scalar::Bool => "bool",
    }
}

/// What a member (or a newtype's typedef) of type `t` says in a comment
/// beside it: the Rust type a plain C type stands for.
fn comment(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Pointer(p) => format!(" /* WasmPtr<{}> */", p.target_name),
        TypeKind::Slice(p) => format!(" /* WasmSlice<{}> */", p.elem_name),
        TypeKind::Open(o) => format!(" /* Open<{}> */", o.inner.export_name()),
        _ => String::new(),
    }
}

/// Whether `ty` is a zero-size struct or holds one (by value, in arrays too):
/// C++ cannot lay it out.
fn holds_empty_struct(ty: &TypeLayout) -> bool {
    match ty.kind {
        TypeKind::Struct(s) => ty.size == 0 || s.fields.iter().any(|f| holds_empty_struct(f.ty)),
        TypeKind::Array(a) => holds_empty_struct(a.elem),
        _ => false,
    }
}

/// Whether `ty` is empty or has a zero-size field: a GNU extension in C.
fn has_zero_size_part(ty: &TypeLayout) -> bool {
    ty.size == 0 || ty.fields().iter().any(|f| f.ty.size == 0)
}

/// The element type and the `[N]…` suffix of a declarator for `t`.
pub(crate) fn declarator(t: &TypeLayout) -> (String, String) {
    match t.kind {
        TypeKind::Scalar(s) => (String::from(scalar(s)), String::new()),
        TypeKind::Pointer(_) => (String::from("uint32_t"), String::new()),
        TypeKind::Struct(_)
        | TypeKind::Enum(_)
        | TypeKind::Variant(_)
        | TypeKind::Union(_)
        | TypeKind::Str
        | TypeKind::Slice(_) => (mangle(t), String::new()),
        // Any value of the repr, named by the enum constants or not.
        TypeKind::Open(o) => (String::from(scalar(o.repr())), String::new()),
        TypeKind::Option(o) => match o.repr {
            // 0 is None: the inner type itself.
            OptionRepr::Zero => declarator(o.some),
            OptionRepr::Tagged { .. } => {
                let (base, dims) = declarator(o.some);
                (format!("struct {{ uint8_t tag; {base} some{dims}; }}"), String::new())
            }
        },
        TypeKind::Array(a) => {
            let (base, inner) = declarator(a.elem);
            (base, format!("[{}]{inner}", a.len))
        }
    }
}

/// The element type a wasm32 slice's `ptr` points to, as a base and the
/// `[N]…` suffix: a struct by its tag and an enum by its repr, so no
/// declaration is needed before the pair typedefs.
fn pointee(t: &TypeLayout) -> (String, String) {
    match t.kind {
        TypeKind::Scalar(s) => (String::from(scalar(s)), String::new()),
        TypeKind::Enum(e) => (String::from(scalar(e.repr)), String::new()),
        TypeKind::Open(o) => (String::from(scalar(o.repr())), String::new()),
        TypeKind::Pointer(_) => (String::from("uint32_t"), String::new()),
        TypeKind::Struct(_) | TypeKind::Variant(_) | TypeKind::Str | TypeKind::Slice(_) => {
            (format!("struct {}", mangle(t)), String::new())
        }
        TypeKind::Union(_) => (format!("union {}", mangle(t)), String::new()),
        TypeKind::Option(_) => declarator(t),
        TypeKind::Array(a) => {
            let (base, inner) = pointee(a.elem);
            (base, format!("[{}]{inner}", a.len))
        }
    }
}

impl C {
    /// The `WasmStr` and `WasmSlice_<T>` typedefs, in both modes, each with
    /// its asserts.
    fn pairs(&self, w: &mut Writer, used: &Pairs) {
        if !used.strings && used.slices.is_empty() {
            return;
        }
        let mut pairs: Vec<(String, String)> = Vec::new();
        if used.strings {
            pairs.push((String::from(STR), String::from("const char *ptr")));
        }
        for t in &used.slices {
            let TypeKind::Slice(s) = t.kind else { continue };
            let (base, dims) = pointee((s.elem)());
            let ptr = if dims.is_empty() { format!("{base} *ptr") } else { format!("{base} (*ptr){dims}") };
            pairs.push((slice_name(t), ptr));
        }
        w.blank();
        w.line(format_args!("/*"));
        w.line(format_args!(
            " * WasmStr and WasmSlice<T> fields: (ptr, len), 8 bytes, alignment 4. Compiled for"
        ));
        w.line(format_args!(
            " * wasm32 (__wasm32__ defined), ptr is a pointer into linear memory: a string is a"
        ));
        w.line(format_args!(
            " * `const char *` and a byte length (not NUL-terminated), a slice a typed pointer and"
        ));
        w.line(format_args!(
            " * an element count. Compiled natively (a host reading a guest's memory), ptr is the"
        ));
        w.line(format_args!(" * uint32_t offset into that memory. The layout is the same either way."));
        w.line(format_args!(" */"));
        for (name, ptr) in &pairs {
            let guard = pair_guard(name);
            w.line(format_args!("#ifndef {guard}"));
            w.line(format_args!("#define {guard}"));
            w.line(format_args!("#ifdef __wasm32__"));
            w.line(format_args!("typedef struct {name} {{ {ptr}; uint32_t len; }} {name};"));
            w.line(format_args!("#else"));
            w.line(format_args!("typedef struct {name} {{ uint32_t ptr; uint32_t len; }} {name};"));
            w.line(format_args!("#endif"));
            w.line(format_args!(
                "{ASSERT}(sizeof({name}) == {size}, \"{name}: wasm32 size is {size}\");",
                size = PAIR.size
            ));
            w.line(format_args!(
                "{ASSERT}({ALIGNOF}({name}) == {align}, \"{name}: wasm32 alignment is {align}\");",
                align = PAIR.align
            ));
            for (field, at) in [("ptr", PTR_AT), ("len", LEN_AT)] {
                w.line(format_args!(
                    "{ASSERT}(offsetof({name}, {field}) == {at}, \"{name}.{field}: wasm32 offset is {at}\");"
                ));
            }
            w.line(format_args!("#endif"));
        }
    }
}

/// An integer literal with the value `v`, valid for every repr up to 32 bits.
pub(crate) fn literal(v: i64) -> String {
    if v == i64::from(i32::MIN) {
        String::from("(-2147483647 - 1)")
    } else if v > i64::from(i32::MAX) {
        format!("{v}u")
    } else {
        v.to_string()
    }
}

/// One member line of a struct or union: its declarator, and the Rust type
/// in a comment where the C type does not say it.
pub(crate) fn member(w: &mut Writer, s: &StructLayout, f: &FieldLayout) {
    let (base, dims) = declarator(f.ty);
    let comment = comment(f.ty);
    w.line(format_args!("{base} {}{dims};{comment}", field_name(s, f)));
}
