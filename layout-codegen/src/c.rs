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

use crate::names::{field_name, variant_name};
use crate::writer::Writer;
use crate::{Backend, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{EnumLayout, Scalar, StructLayout, TypeKind, TypeLayout};
use wasm_layout_core::fingerprint;
use wasm_layout_core::StructRepr;

/// The macros the header defines besides one per type and variant: static
/// assertions and `alignof` spelled for C11 and for C++.
const ASSERT: &str = "WASM_LAYOUT_ASSERT";
const ALIGNOF: &str = "WASM_LAYOUT_ALIGNOF";

/// Takes the header's own file-scope names.
pub(crate) fn reserve(file: &mut Scope) {
    file.reserve(ASSERT, "the header's static-assertion macro");
    file.reserve(ALIGNOF, "the header's alignment macro");
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

    fn sizes(&self, w: &mut Writer, ty: &TypeLayout) {
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

    fn begin(&mut self, w: &mut Writer, types: &[&'static TypeLayout]) {
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
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) {
        let name = ty.export_name();
        w.blank();
        w.line(format_args!("/* enum {name}: stored as {} */", e.repr.rust_name()));
        w.line(format_args!("typedef {} {name};", scalar(e.repr)));
        for v in e.variants {
            let constant = constant(name, variant_name(v));
            w.line(format_args!("#define {constant} (({name}){})", literal(v.value)));
        }
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        let attribute = match s.repr {
            StructRepr::Natural => String::new(),
            StructRepr::Packed => String::from("__attribute__((packed)) "),
            StructRepr::Aligned(_) => format!("__attribute__((aligned({}))) ", ty.align),
        };
        // An empty struct and a zero-length array are extensions C11 has no
        // standard spelling for; `__extension__` keeps `-pedantic` quiet.
        let extension = if has_zero_size_part(ty) { "__extension__ " } else { "" };
        w.blank();
        if s.fields.is_empty() {
            w.line(format_args!("{extension}typedef struct {attribute}{name} {{}} {name};"));
        } else {
            w.open(format_args!("{extension}typedef struct {attribute}{name} {{"));
            for f in s.fields {
                let (base, dims) = declarator(f.ty);
                let comment = match f.ty.kind {
                    TypeKind::Pointer(p) => format!(" /* WasmPtr<{}> */", p.target_name),
                    _ => String::new(),
                };
                w.line(format_args!("{base} {}{dims};{comment}", field_name(s, f)));
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

    fn end(&mut self, w: &mut Writer) {
        w.blank();
        w.line(format_args!("#endif /* {} */", self.guard));
    }
}

fn scalar(s: Scalar) -> &'static str {
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
fn declarator(t: &TypeLayout) -> (&'static str, String) {
    match t.kind {
        TypeKind::Scalar(s) => (scalar(s), String::new()),
        TypeKind::Pointer(_) => ("uint32_t", String::new()),
        TypeKind::Struct(_) | TypeKind::Enum(_) => (t.export_name(), String::new()),
        TypeKind::Array(a) => {
            let (base, inner) = declarator(a.elem);
            (base, format!("[{}]{inner}", a.len))
        }
    }
}

/// An integer literal with the value `v`, valid for every repr up to 32 bits.
fn literal(v: i64) -> String {
    if v == i64::from(i32::MIN) {
        String::from("(-2147483647 - 1)")
    } else if v > i64::from(i32::MAX) {
        format!("{v}u")
    } else {
        v.to_string()
    }
}
