//! The Odin emitter: one file for the wasm32 targets (`js_wasm32`,
//! `freestanding_wasm32`, …).
//!
//! Only sized types (never `int`/`uint`), enums with their backing type,
//! `#packed`, `#align(N)`, `[N]T`, pointers as `u32`, and an `#assert` for
//! every size, alignment and field offset. `offset_of(T, field)` is the form
//! Odin accepts at file scope (`offset_of(T.field)` is not).

use alloc::format;
use alloc::string::{String, ToString};

use crate::doc;
use crate::names::{field_name, variant_name};
use crate::writer::Writer;
use crate::{Backend, BindingsError, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{
    EnumLayout, OptionRepr, Scalar, StructLayout, TypeKind, TypeLayout, UnionLayout, VariantEnumLayout,
};
use wasm_layout_core::fingerprint;
use wasm_layout_core::StructRepr;
use wasm_layout_rules::names::Lang;
use wasm_layout_rules::pair::PAIR;

const PAIR_SIZE: usize = PAIR.size;
const PAIR_ALIGN: usize = PAIR.align;

/// Package names Odin reserves.
const RESERVED_PACKAGES: &[&str] = &["_", "runtime", "builtin", "intrinsics"];

/// Emits Odin.
pub(crate) struct Odin {
    package: String,
}

impl Odin {
    /// An emitter for `package`, or why that cannot be a package name.
    pub(crate) fn new(package: &str) -> Result<Self, BindingsError> {
        let mut chars = package.chars();
        let identifier = chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
            && chars.all(|c| c == '_' || c.is_ascii_alphanumeric());
        if !identifier || RESERVED_PACKAGES.contains(&package) || Lang::Odin.is_reserved(package) {
            return Err(BindingsError::InvalidOdinPackage { name: package.to_string() });
        }
        Ok(Odin { package: package.to_string() })
    }

    pub(crate) fn fingerprint_and_sizes(&mut self, w: &mut Writer, ty: &TypeLayout) {
        let name = ty.export_name();
        w.line(format_args!("{name}_FINGERPRINT : u64 : 0x{:016x}", fingerprint(ty)));
        w.line(format_args!("#assert(size_of({name}) == {})", ty.size));
        w.line(format_args!("#assert(align_of({name}) == {})", ty.align));
    }
}

impl Backend for Odin {
    const INDENT: &'static str = "\t";

    fn begin(&mut self, w: &mut Writer, _types: &[&'static TypeLayout], pairs: &crate::walk::Pairs) {
        w.line(format_args!("// {GENERATED_NOTICE}"));
        w.line(format_args!(
            "// Layouts are wasm32, little-endian; pointers are u32 offsets into linear memory."
        ));
        w.line(format_args!("package {}", self.package));
        if pairs.strings || !pairs.slices.is_empty() {
            // A `WasmStr` field is an Odin `string` and a `WasmSlice<T>` one
            // a `[]T`: on the wasm32 targets both are (data pointer, int
            // length), 8 bytes, as the Rust pair is.
            w.blank();
            w.line(format_args!(
                "// WasmStr fields are Odin strings and WasmSlice(T) fields []T: (ptr, len), {PAIR_SIZE} bytes on wasm32."
            ));
        }
        if pairs.strings {
            pair_asserts(w, "string");
        }
        for t in &pairs.slices {
            pair_asserts(w, &odin_type(t));
        }
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) {
        let name = ty.export_name();
        w.blank();
        doc::line_comments(w, e.doc);
        w.open(format_args!("{name} :: enum {} {{", scalar(e.repr)));
        for v in e.variants {
            doc::line_comments(w, v.doc);
            w.line(format_args!("{} = {},", variant_name(v), v.value));
        }
        w.close(format_args!("}}"));
        self.fingerprint_and_sizes(w, ty);
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        let directive = match s.repr {
            StructRepr::Natural => String::new(),
            StructRepr::Packed => String::from(" #packed"),
            // `#align(N)` sets exactly N in Odin; the layout's alignment is
            // already max(natural, N).
            StructRepr::Aligned(_) => format!(" #align({})", ty.align),
        };
        w.blank();
        doc::line_comments(w, s.doc);
        if let Some(f) = s.newtype() {
            // A newtype: a distinct type of its field's type, whose layout it has.
            w.line(format_args!("{name} :: distinct {}", odin_type(f.ty)));
            return self.fingerprint_and_sizes(w, ty);
        }
        if s.fields.is_empty() {
            w.line(format_args!("{name} :: struct{directive} {{}}"));
        } else {
            w.open(format_args!("{name} :: struct{directive} {{"));
            for (i, f) in s.fields.iter().enumerate() {
                doc::line_comments(w, s.field_doc(i));
                let comment = match f.ty.kind {
                    TypeKind::Pointer(p) => format!(" // WasmPtr({})", p.target_name),
                    TypeKind::Str => String::from(" // WasmStr"),
                    TypeKind::Slice(p) => format!(" // WasmSlice({})", p.elem_name),
                    TypeKind::Open(o) => {
                        format!(" // Open({}): any value, named or not", o.inner.export_name())
                    }
                    _ => String::new(),
                };
                w.line(format_args!("{}: {},{comment}", field_name(s, f), odin_type(f.ty)));
            }
            w.close(format_args!("}}"));
        }
        self.fingerprint_and_sizes(w, ty);
        for f in s.fields {
            w.line(format_args!("#assert(offset_of({name}, {}) == {})", field_name(s, f), f.offset));
        }
    }

    fn union(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        self.union_decl(w, ty, u);
    }

    fn variant(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        self.variant_enum(w, ty, v);
    }

    fn end(&mut self, _w: &mut Writer) {}
}

/// The assert that an Odin `string` or slice type is laid out as the pair.
/// Odin defines both as `data` then `len` (`runtime.Raw_String`,
/// `runtime.Raw_Slice`); their size and alignment are what the target
/// decides, so those are asserted.
fn pair_asserts(w: &mut Writer, ty: &str) {
    w.line(format_args!("#assert(size_of({ty}) == {PAIR_SIZE} && align_of({ty}) == {PAIR_ALIGN})"));
}

/// Odin spells its sized scalars as Rust does (`u8`, `f64`, `bool`, …).
fn scalar(s: Scalar) -> &'static str {
    s.rust_name()
}

pub(crate) fn odin_type(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Scalar(s) => scalar(s).to_string(),
        TypeKind::Pointer(_) => String::from("u32"),
        TypeKind::Array(a) => format!("[{}]{}", a.len, odin_type(a.elem)),
        TypeKind::Str => String::from("string"),
        TypeKind::Slice(s) => format!("[]{}", odin_type((s.elem)())),
        TypeKind::Struct(_) | TypeKind::Enum(_) | TypeKind::Variant(_) | TypeKind::Union(_) => {
            t.export_name().to_string()
        }
        // An Odin enum holds any value of its backing type, named or not.
        TypeKind::Open(o) => odin_type(o.inner),
        TypeKind::Option(o) => match o.repr {
            // 0 is None: the inner type itself.
            OptionRepr::Zero => odin_type(o.some),
            OptionRepr::Tagged { .. } => format!("struct {{ tag: u8, some: {} }}", odin_type(o.some)),
        },
    }
}
