//! C for enums with fields: a tagged struct.
//!
//! ```c
//! typedef struct Shape_Circle { float radius; } Shape_Circle;      /* one per case with fields */
//! typedef union Shape_Payload { Shape_Circle Circle; … } Shape_Payload;
//! typedef struct Shape { uint8_t tag; Shape_Payload payload; } Shape;
//! #define Shape_Circle_TAG ((uint8_t)0)                           /* one per case */
//! ```
//!
//! with a `_Static_assert` for every size, alignment and offset (the case
//! structs' fields at their offsets within the case).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{CaseLayout, TypeLayout, VariantEnumLayout};
use wasm_layout_core::fingerprint;
use wasm_layout_rules::names::Lang;

use crate::c::{declarator, literal, scalar, ALIGNOF, ASSERT, C};
use crate::names::{case_field_name, case_name};
use crate::writer::Writer;

/// The payload union's typedef.
fn payload(name: &str) -> String {
    format!("{name}_Payload")
}

/// A case's struct typedef.
fn case_struct(name: &str, c: &CaseLayout) -> String {
    format!("{name}_{}", case_name(c))
}

/// A case's tag macro.
fn tag(name: &str, c: &CaseLayout) -> String {
    format!("{name}_{}_TAG", case_name(c))
}

/// The cases that have fields (and so a struct and a union member).
fn with_fields(v: &VariantEnumLayout) -> impl Iterator<Item = &'static CaseLayout> {
    v.cases.iter().filter(|c| !c.fields.is_empty())
}

/// The file-scope names an enum with fields brings besides its own.
pub(crate) fn items(name: &str, v: &VariantEnumLayout) -> Vec<(String, String)> {
    let mut out = alloc::vec![(payload(name), format!("the payload union of `{name}`"))];
    for c in with_fields(v) {
        out.push((case_struct(name, c), format!("the struct of case `{}` of `{name}`", c.name)));
    }
    for c in v.cases {
        out.push((tag(name, c), format!("the tag macro of case `{}` of `{name}`", c.name)));
    }
    out
}

fn assert_size(w: &mut Writer, name: &str, size: usize, align: usize) {
    w.line(format_args!("{ASSERT}(sizeof({name}) == {size}, \"{name}: wasm32 size is {size}\");"));
    w.line(format_args!("{ASSERT}({ALIGNOF}({name}) == {align}, \"{name}: wasm32 alignment is {align}\");"));
}

fn assert_offset(w: &mut Writer, name: &str, member: &str, at: usize) {
    w.line(format_args!(
        "{ASSERT}(offsetof({name}, {member}) == {at}, \"{name}.{member}: wasm32 offset is {at}\");"
    ));
}

impl C {
    pub(crate) fn variant_enum(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        let name = ty.export_name();
        let union = payload(name);
        w.blank();
        w.line(format_args!(
            "/* enum {name}: a {} tag, then the payload of the case it names */",
            v.tag.rust_name()
        ));
        for c in v.cases {
            w.line(format_args!("#define {} (({}){})", tag(name, c), scalar(v.tag), literal(c.value)));
        }
        for c in with_fields(v) {
            let case = case_struct(name, c);
            let extension = if c.size == 0 { "__extension__ " } else { "" };
            w.open(format_args!("{extension}typedef struct {case} {{"));
            for f in c.fields {
                let (base, dims) = declarator(f.ty);
                w.line(format_args!("{base} {}{dims};", case_field_name(Lang::C, f)));
            }
            w.close(format_args!("}} {case};"));
            assert_size(w, &case, c.size, c.align);
            for f in c.fields {
                assert_offset(w, &case, &case_field_name(Lang::C, f), f.offset - v.payload);
            }
        }
        w.open(format_args!("typedef union {union} {{"));
        for c in with_fields(v) {
            w.line(format_args!("{} {};", case_struct(name, c), case_name(c)));
        }
        w.close(format_args!("}} {union};"));
        w.open(format_args!("typedef struct {name} {{"));
        w.line(format_args!("{} tag;", scalar(v.tag)));
        w.line(format_args!("{union} payload;"));
        w.close(format_args!("}} {name};"));
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        assert_size(w, name, ty.size, ty.align);
        assert_offset(w, name, "tag", 0);
        assert_offset(w, name, "payload", v.payload);
    }
}
