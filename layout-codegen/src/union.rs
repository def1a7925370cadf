//! What every emitter asks of unions and open enums: a union's members seen
//! as fields (named by the same rules), and whether a type holds a union,
//! which leaves it without whole-value functions.

use wasm_layout_core::descriptor::{StructLayout, TypeKind, TypeLayout, UnionLayout};
use wasm_layout_core::StructRepr;

/// A union's members as the fields of a struct at offset 0, for naming and
/// the name registry: a member is named exactly as a field would be, and
/// carries its doc comment as a field would.
pub(crate) fn as_struct(u: &UnionLayout) -> StructLayout {
    StructLayout {
        fields: u.members,
        repr: StructRepr::Natural,
        rename: u.rename,
        rename_all: None,
        doc: u.doc,
        field_docs: u.member_docs,
    }
}

/// Whether `ty` is a union or holds one by value (in a field or an array):
/// such a type has a layout and a view but no whole value, as in Rust.
pub(crate) fn holds_union(ty: &TypeLayout) -> bool {
    match ty.kind {
        TypeKind::Union(_) => true,
        TypeKind::Struct(s) => s.fields.iter().any(|f| holds_union(f.ty)),
        TypeKind::Array(a) => holds_union(a.elem),
        _ => false,
    }
}
