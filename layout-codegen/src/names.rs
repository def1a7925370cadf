//! Names in generated code: renames and `rename_all` rules, shared by every
//! emitter (the rules are the user's, not a language's).

use alloc::string::String;

use wasm_layout_core::descriptor::{CaseLayout, FieldLayout, StructLayout, VariantLayout};
use wasm_layout_rules::names::{is_tuple_field, tuple_field, Lang};

/// The name generated code gives field `f` of struct `s`: its own
/// `#[layout(rename)]`, else the struct's `rename_all` rule applied to the
/// Rust name, else the Rust name. Every language uses this one name, so a
/// field is spelled the same in TypeScript, C and Odin. A tuple struct's
/// field `0` is `_0` ([`tuple_field`]) in every language: an identifier in
/// each, so views, members and asserts name it as any other field.
pub fn field_name(s: &StructLayout, f: &FieldLayout) -> String {
    match (f.rename, s.rename_all) {
        (Some(r), _) => String::from(r),
        (None, _) if is_tuple_field(f.name) => tuple_field(f.name),
        (None, Some(rule)) => rule.apply(f.name),
        (None, None) => String::from(f.name),
    }
}

/// The name generated code gives a variant.
pub(crate) fn variant_name(v: &VariantLayout) -> &'static str {
    v.rename.unwrap_or(v.name)
}

/// The name generated code gives a case of an enum with fields.
pub(crate) fn case_name(c: &CaseLayout) -> &'static str {
    c.rename.unwrap_or(c.name)
}

/// The name generated code gives a field of a case: its rename, else its
/// Rust name; a tuple variant's field `0` is `0` in TypeScript (a key of the
/// case's object) and `_0` in C and Odin (a member name).
pub(crate) fn case_field_name(lang: Lang, f: &FieldLayout) -> String {
    match f.rename {
        Some(r) => String::from(r),
        None if lang != Lang::TypeScript && is_tuple_field(f.name) => tuple_field(f.name),
        None => String::from(f.name),
    }
}
