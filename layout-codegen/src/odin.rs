//! The Odin emitter: one file for the wasm32 targets (`js_wasm32`,
//! `freestanding_wasm32`, …).
//!
//! Only sized types (never `int`/`uint`), enums with their backing type,
//! `#packed`, `#align(N)`, `[N]T`, pointers as `u32`, and an `#assert` for
//! every size, alignment and field offset. `offset_of(T, field)` is the form
//! Odin accepts at file scope (`offset_of(T.field)` is not).

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::{String, ToString};

use crate::names::{field_name, variant_name};
use crate::writer::Writer;
use crate::{Backend, BindingsError, Language, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{EnumLayout, Scalar, StructLayout, TypeKind, TypeLayout};
use wasm_layout_core::fingerprint;
use wasm_layout_core::StructRepr;

/// Odin's keywords: no type, field or variant may take one.
const KEYWORDS: &[&str] = &[
    "asm",
    "auto_cast",
    "bit_field",
    "bit_set",
    "break",
    "case",
    "cast",
    "context",
    "continue",
    "defer",
    "distinct",
    "do",
    "dynamic",
    "else",
    "enum",
    "fallthrough",
    "for",
    "foreign",
    "if",
    "import",
    "in",
    "map",
    "matrix",
    "not_in",
    "notin",
    "or_break",
    "or_continue",
    "or_else",
    "or_return",
    "package",
    "proc",
    "return",
    "struct",
    "switch",
    "transmute",
    "typeid",
    "union",
    "using",
    "when",
    "where",
];

/// Builtin names a package-scope type must not shadow.
const BUILTINS: &[&str] = &[
    "any",
    "b16",
    "b32",
    "b64",
    "b8",
    "bool",
    "byte",
    "complex128",
    "complex32",
    "complex64",
    "cstring",
    "f16",
    "f32",
    "f64",
    "false",
    "i128",
    "i16",
    "i32",
    "i64",
    "i8",
    "int",
    "nil",
    "quaternion128",
    "quaternion256",
    "quaternion64",
    "rawptr",
    "rune",
    "string",
    "true",
    "typeid",
    "u128",
    "u16",
    "u32",
    "u64",
    "u8",
    "uint",
    "uintptr",
];

/// Package names Odin reserves.
const RESERVED_PACKAGES: &[&str] = &["_", "runtime", "builtin", "intrinsics"];

/// Emits Odin; remembers the package-scope names declared so far.
pub(crate) struct Odin {
    package: String,
    declared: BTreeSet<String>,
}

impl Odin {
    pub(crate) fn new(package: &str) -> Result<Self, BindingsError> {
        let mut chars = package.chars();
        let identifier = chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
            && chars.all(|c| c == '_' || c.is_ascii_alphanumeric());
        if !identifier || RESERVED_PACKAGES.contains(&package) || KEYWORDS.contains(&package) {
            return Err(BindingsError::InvalidOdinPackage { name: package.to_string() });
        }
        Ok(Odin { package: package.to_string(), declared: BTreeSet::new() })
    }

    fn declare(&mut self, name: String, context: &str) -> Result<(), BindingsError> {
        if KEYWORDS.contains(&name.as_str()) || BUILTINS.contains(&name.as_str()) || name == self.package {
            return Err(BindingsError::ReservedName {
                language: Language::Odin,
                name,
                context: context.to_string(),
            });
        }
        if self.declared.insert(name.clone()) {
            Ok(())
        } else {
            Err(BindingsError::DuplicateName { language: Language::Odin, name })
        }
    }

    fn fingerprint_and_sizes(&mut self, w: &mut Writer, ty: &TypeLayout) -> Result<(), BindingsError> {
        let name = ty.export_name();
        self.declare(format!("{name}_FINGERPRINT"), "fingerprint constant")?;
        w.line(format_args!("{name}_FINGERPRINT : u64 : 0x{:016x}", fingerprint(ty)));
        w.line(format_args!("#assert(size_of({name}) == {})", ty.size));
        w.line(format_args!("#assert(align_of({name}) == {})", ty.align));
        Ok(())
    }
}

fn member(name: &str, context: &str) -> Result<(), BindingsError> {
    if KEYWORDS.contains(&name) {
        return Err(BindingsError::ReservedName {
            language: Language::Odin,
            name: name.to_string(),
            context: context.to_string(),
        });
    }
    Ok(())
}

impl Backend for Odin {
    const INDENT: &'static str = "\t";

    fn begin(&mut self, w: &mut Writer, _types: &[&'static TypeLayout]) {
        w.line(format_args!("// {GENERATED_NOTICE}"));
        w.line(format_args!(
            "// Layouts are wasm32, little-endian; pointers are u32 offsets into linear memory."
        ));
        w.line(format_args!("package {}", self.package));
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) -> Result<(), BindingsError> {
        let name = ty.export_name();
        self.declare(name.to_string(), "type")?;
        w.blank();
        w.open(format_args!("{name} :: enum {} {{", scalar(e.repr)));
        for v in e.variants {
            member(variant_name(v), &format!("variant of {name}"))?;
            w.line(format_args!("{} = {},", variant_name(v), v.value));
        }
        w.close(format_args!("}}"));
        self.fingerprint_and_sizes(w, ty)
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) -> Result<(), BindingsError> {
        let name = ty.export_name();
        self.declare(name.to_string(), "type")?;
        let mut fields = BTreeSet::new();
        for f in s.fields {
            let field = field_name(s, f);
            member(&field, &format!("field of {name}"))?;
            if !fields.insert(field.clone()) {
                return Err(BindingsError::DuplicateName {
                    language: Language::Odin,
                    name: format!("{name}.{field}"),
                });
            }
        }
        let directive = match s.repr {
            StructRepr::Natural => String::new(),
            StructRepr::Packed => String::from(" #packed"),
            // `#align(N)` sets exactly N in Odin; the layout's alignment is
            // already max(natural, N).
            StructRepr::Aligned(_) => format!(" #align({})", ty.align),
        };
        w.blank();
        if s.fields.is_empty() {
            w.line(format_args!("{name} :: struct{directive} {{}}"));
        } else {
            w.open(format_args!("{name} :: struct{directive} {{"));
            for f in s.fields {
                let comment = match f.ty.kind {
                    TypeKind::Pointer(p) => format!(" // WasmPtr({})", p.target_name),
                    _ => String::new(),
                };
                w.line(format_args!("{}: {},{comment}", field_name(s, f), odin_type(f.ty)));
            }
            w.close(format_args!("}}"));
        }
        self.fingerprint_and_sizes(w, ty)?;
        for f in s.fields {
            w.line(format_args!("#assert(offset_of({name}, {}) == {})", field_name(s, f), f.offset));
        }
        Ok(())
    }

    fn end(&mut self, _w: &mut Writer) {}
}

fn scalar(s: Scalar) -> &'static str {
    match s {
        Scalar::U8 => "u8",
        Scalar::U16 => "u16",
        Scalar::U32 => "u32",
        Scalar::U64 => "u64",
        Scalar::I8 => "i8",
        Scalar::I16 => "i16",
        Scalar::I32 => "i32",
        Scalar::I64 => "i64",
        Scalar::F32 => "f32",
        Scalar::F64 => "f64",
        Scalar::Bool => "bool",
    }
}

fn odin_type(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Scalar(s) => scalar(s).to_string(),
        TypeKind::Pointer(_) => String::from("u32"),
        TypeKind::Array(a) => format!("[{}]{}", a.len, odin_type(a.elem)),
        TypeKind::Struct(_) | TypeKind::Enum(_) => t.export_name().to_string(),
    }
}
