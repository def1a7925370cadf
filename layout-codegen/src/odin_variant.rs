//! Odin for enums with fields: a struct holding a tag enum and a
//! `#raw_union` of one struct per case with fields.
//!
//! ```odin
//! Shape_Tag :: enum u8 { Circle = 0, Rect = 1, Empty = 2 }
//! Shape_Circle :: struct { radius: f32 }
//! Shape_Payload :: struct #raw_union { Circle: Shape_Circle, Rect: Shape_Rect }
//! Shape :: struct { tag: Shape_Tag, payload: Shape_Payload }
//! ```
//!
//! with an `#assert` for every size, alignment and offset.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{CaseLayout, TypeLayout, VariantEnumLayout};
use wasm_layout_rules::names::Lang;

use crate::names::{case_field_name, case_name};
use crate::odin::{odin_type, Odin};
use crate::writer::Writer;

fn payload(name: &str) -> String {
    format!("{name}_Payload")
}

fn tag_enum(name: &str) -> String {
    format!("{name}_Tag")
}

fn case_struct(name: &str, c: &CaseLayout) -> String {
    format!("{name}_{}", case_name(c))
}

fn with_fields(v: &VariantEnumLayout) -> impl Iterator<Item = &'static CaseLayout> {
    v.cases.iter().filter(|c| !c.fields.is_empty())
}

/// The file-scope names an enum with fields brings besides its own.
pub(crate) fn items(name: &str, v: &VariantEnumLayout) -> Vec<(String, String)> {
    let mut out = alloc::vec![
        (payload(name), format!("the payload union of `{name}`")),
        (tag_enum(name), format!("the tag enum of `{name}`")),
    ];
    for c in with_fields(v) {
        out.push((case_struct(name, c), format!("the struct of case `{}` of `{name}`", c.name)));
    }
    out
}

fn asserts(w: &mut Writer, name: &str, size: usize, align: usize) {
    w.line(format_args!("#assert(size_of({name}) == {size})"));
    w.line(format_args!("#assert(align_of({name}) == {align})"));
}

impl Odin {
    pub(crate) fn variant_enum(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        let name = ty.export_name();
        let (union, tag) = (payload(name), tag_enum(name));
        w.blank();
        w.open(format_args!("{tag} :: enum {} {{", v.tag.rust_name()));
        for c in v.cases {
            w.line(format_args!("{} = {},", case_name(c), c.value));
        }
        w.close(format_args!("}}"));
        for c in with_fields(v) {
            let case = case_struct(name, c);
            w.open(format_args!("{case} :: struct {{"));
            for f in c.fields {
                w.line(format_args!("{}: {},", case_field_name(Lang::Odin, f), odin_type(f.ty)));
            }
            w.close(format_args!("}}"));
            asserts(w, &case, c.size, c.align);
            for f in c.fields {
                let field = case_field_name(Lang::Odin, f);
                w.line(format_args!("#assert(offset_of({case}, {field}) == {})", f.offset - v.payload));
            }
        }
        w.open(format_args!("{union} :: struct #raw_union {{"));
        for c in with_fields(v) {
            w.line(format_args!("{}: {},", case_name(c), case_struct(name, c)));
        }
        w.close(format_args!("}}"));
        w.open(format_args!("{name} :: struct {{"));
        w.line(format_args!("tag: {tag},"));
        w.line(format_args!("payload: {union},"));
        w.close(format_args!("}}"));
        self.fingerprint_and_sizes(w, ty);
        w.line(format_args!("#assert(offset_of({name}, tag) == 0)"));
        w.line(format_args!("#assert(offset_of({name}, payload) == {})", v.payload));
    }
}
