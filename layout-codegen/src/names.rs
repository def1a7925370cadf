//! Names in generated code: renames and `rename_all` rules, shared by every
//! emitter (the rules are the user's, not a language's).

use alloc::string::String;

use wasm_layout_core::descriptor::{FieldLayout, StructLayout, VariantLayout};

/// The name generated code gives field `f` of struct `s`: its own
/// `#[layout(rename)]`, else the struct's `rename_all` rule applied to the
/// Rust name, else the Rust name. Every language uses this one name, so a
/// field is spelled the same in TypeScript, C and Odin.
pub fn field_name(s: &StructLayout, f: &FieldLayout) -> String {
    match (f.rename, s.rename_all) {
        (Some(r), _) => String::from(r),
        (None, Some(rule)) => rule.apply(f.name),
        (None, None) => String::from(f.name),
    }
}

/// The name generated code gives a variant.
pub(crate) fn variant_name(v: &VariantLayout) -> &'static str {
    v.rename.unwrap_or(v.name)
}
