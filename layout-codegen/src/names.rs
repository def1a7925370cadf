//! Names in generated code: renames and `rename_all` rules, shared by every
//! emitter (the rules are the user's, not a language's).

use alloc::string::String;

use wasm_layout_core::descriptor::{CaseLayout, FieldLayout, StructLayout, VariantLayout};
use wasm_layout_rules::names::{is_tuple_field, tuple_field, Lang};

/// The name generated code gives field `f` of struct `s`: its own
/// `#[layout(rename)]`, else the struct's `rename_all` rule applied to the
/// Rust name, else the Rust name. Every language uses this one name, so a
/// field is spelled the same in TypeScript, C and Odin. A tuple struct's
/// field `0` is `_0` ([`tuple_field`]) in C and Odin (and in Rust's
/// getters): an identifier in each, so members and asserts name it as any
/// other field. TypeScript keys it `0` instead (see [`typescript_tuple`]).
pub fn field_name(s: &StructLayout, f: &FieldLayout) -> String {
    match (f.rename, s.rename_all) {
        (Some(r), _) => String::from(r),
        (None, _) if is_tuple_field(f.name) => tuple_field(f.name),
        (None, Some(rule)) => rule.apply(f.name),
        (None, None) => String::from(f.name),
    }
}

/// The name `lang` gives field `f` of struct `s`: [`field_name`], except
/// that in TypeScript a tuple field keeps its index (`0`, `1`, …), the key
/// of a tuple type (see [`typescript_tuple`]) and of its view's accessors.
pub(crate) fn member_name(lang: Lang, s: &StructLayout, f: &FieldLayout) -> String {
    match f.rename {
        None => tuple_key(lang, f.name).unwrap_or_else(|| field_name(s, f)),
        Some(_) => field_name(s, f),
    }
}

/// Whether TypeScript gives struct `s` a tuple type (`[number, number]`,
/// read as an array literal, its fields `value[0]`, `value[1]`): a tuple
/// struct none of whose fields is renamed. A newtype is an alias of its
/// field's type instead ([`StructLayout::newtype`]).
pub fn typescript_tuple(s: &StructLayout) -> bool {
    s.is_tuple() && s.newtype().is_none() && s.fields.iter().all(|f| f.rename.is_none())
}

/// The name `lang` gives a tuple field (Rust name `"0"`): the index itself in
/// TypeScript (a key of an object or a tuple), `_0` elsewhere; `None` for a
/// named field.
fn tuple_key(lang: Lang, name: &str) -> Option<String> {
    match (is_tuple_field(name), lang) {
        (false, _) => None,
        (true, Lang::TypeScript) => Some(String::from(name)),
        (true, _) => Some(tuple_field(name)),
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
        None => tuple_key(lang, f.name).unwrap_or_else(|| String::from(f.name)),
    }
}
