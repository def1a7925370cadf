//! The C emitter: one C11 header for clang's wasm32 target.
//!
//! Structs become `typedef struct Name { … } Name;` (with
//! `__attribute__((packed))` or `__attribute__((aligned(N)))`), enums a
//! fixed-width typedef plus one `#define` per variant, pointers `uint32_t`.
//! Every size, alignment and field offset is a `_Static_assert`, so the
//! compiler proves the header matches the Rust layout.

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::{String, ToString};

use crate::names::{field_name, variant_name};
use crate::writer::Writer;
use crate::{Backend, BindingsError, Language, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{EnumLayout, Scalar, StructLayout, TypeKind, TypeLayout};
use wasm_layout_core::fingerprint;
use wasm_layout_core::StructRepr;

/// C11 keywords and the names the standard headers included here define,
/// none of which a type, field or variant may take.
const RESERVED: &[&str] = &[
    "_Alignas",
    "_Alignof",
    "_Atomic",
    "_Bool",
    "_Complex",
    "_Generic",
    "_Imaginary",
    "_Noreturn",
    "_Static_assert",
    "_Thread_local",
    "alignas",
    "alignof",
    "auto",
    "bool",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "false",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "int16_t",
    "int32_t",
    "int64_t",
    "int8_t",
    "intmax_t",
    "intptr_t",
    "long",
    "NULL",
    "offsetof",
    "ptrdiff_t",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "size_t",
    "sizeof",
    "static",
    "static_assert",
    "struct",
    "switch",
    "true",
    "typedef",
    "uint16_t",
    "uint32_t",
    "uint64_t",
    "uint8_t",
    "uintmax_t",
    "uintptr_t",
    "union",
    "unsigned",
    "void",
    "volatile",
    "wchar_t",
    "while",
];

/// Emits C; remembers the file-scope names declared so far.
pub(crate) struct C {
    declared: BTreeSet<String>,
    guard: String,
}

impl C {
    pub(crate) fn new() -> Self {
        C { declared: BTreeSet::new(), guard: String::new() }
    }

    fn declare(&mut self, name: String, context: &str) -> Result<(), BindingsError> {
        if RESERVED.contains(&name.as_str()) {
            return Err(BindingsError::ReservedName {
                language: Language::C,
                name,
                context: context.to_string(),
            });
        }
        if self.declared.insert(name.clone()) {
            Ok(())
        } else {
            Err(BindingsError::DuplicateName { language: Language::C, name })
        }
    }

    fn sizes(&self, w: &mut Writer, ty: &TypeLayout) {
        let name = ty.export_name();
        w.line(format_args!(
            "_Static_assert(sizeof({name}) == {}, \"{name}: wasm32 size is {}\");",
            ty.size, ty.size
        ));
        w.line(format_args!(
            "_Static_assert(_Alignof({name}) == {}, \"{name}: wasm32 alignment is {}\");",
            ty.align, ty.align
        ));
    }
}

impl Backend for C {
    const INDENT: &'static str = "    ";

    fn begin(&mut self, w: &mut Writer, types: &[&'static TypeLayout]) {
        // The guard depends on the types, so two generated headers can be
        // included together.
        let set = types
            .iter()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, t| (h ^ fingerprint(t)).wrapping_mul(0x100_0000_01b3));
        self.guard = format!("WASM_LAYOUT_{set:016X}_H");
        w.line(format_args!("/* {GENERATED_NOTICE} */"));
        w.line(format_args!("/* Layouts are wasm32, little-endian: check with clang --target=wasm32. */"));
        w.line(format_args!("#ifndef {}", self.guard));
        w.line(format_args!("#define {}", self.guard));
        w.blank();
        w.line(format_args!("#include <stdbool.h>"));
        w.line(format_args!("#include <stddef.h>"));
        w.line(format_args!("#include <stdint.h>"));
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) -> Result<(), BindingsError> {
        let name = ty.export_name();
        self.declare(name.to_string(), "type")?;
        w.blank();
        w.line(format_args!("/* enum {name}: stored as {} */", e.repr.rust_name()));
        w.line(format_args!("typedef {} {name};", scalar(e.repr)));
        for v in e.variants {
            let constant = format!("{name}_{}", variant_name(v));
            self.declare(constant.clone(), "enum constant")?;
            w.line(format_args!("#define {constant} (({name}){})", literal(v.value)));
        }
        self.declare(format!("{name}_FINGERPRINT"), "fingerprint constant")?;
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
        Ok(())
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) -> Result<(), BindingsError> {
        let name = ty.export_name();
        self.declare(name.to_string(), "type")?;
        let mut fields = BTreeSet::new();
        for f in s.fields {
            let field = field_name(s, f);
            if RESERVED.contains(&field.as_str()) {
                let context = format!("field of {name}");
                return Err(BindingsError::ReservedName { language: Language::C, name: field, context });
            }
            if !fields.insert(field.clone()) {
                return Err(BindingsError::DuplicateName {
                    language: Language::C,
                    name: format!("{name}.{field}"),
                });
            }
        }
        let attribute = match s.repr {
            StructRepr::Natural => String::new(),
            StructRepr::Packed => String::from("__attribute__((packed)) "),
            StructRepr::Aligned(_) => format!("__attribute__((aligned({}))) ", ty.align),
        };
        w.blank();
        w.open(format_args!("typedef struct {attribute}{name} {{"));
        for f in s.fields {
            let (base, dims) = declarator(f.ty);
            let comment = match f.ty.kind {
                TypeKind::Pointer(p) => format!(" /* WasmPtr<{}> */", p.target_name),
                _ => String::new(),
            };
            w.line(format_args!("{base} {}{dims};{comment}", field_name(s, f)));
        }
        w.close(format_args!("}} {name};"));
        self.declare(format!("{name}_FINGERPRINT"), "fingerprint constant")?;
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
        for f in s.fields {
            let field = field_name(s, f);
            w.line(format_args!(
                "_Static_assert(offsetof({name}, {field}) == {}, \"{name}.{field}: wasm32 offset is {}\");",
                f.offset, f.offset
            ));
        }
        Ok(())
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
