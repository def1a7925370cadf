//! The descriptors of a `#[repr(C)] union` and of an [`Open<E>`](crate::Open).

use super::{FieldLayout, Scalar, TypeKind, TypeLayout};

/// A `#[repr(C)] union` deriving `WasmLayout`: every member at offset 0, the
/// size the largest member's rounded up to the largest alignment (see
/// [`union_shape`](wasm_layout_rules::union::union_shape)).
#[derive(Debug, Clone, Copy)]
pub struct UnionLayout {
    /// The members in declaration order; each `offset` is 0.
    pub members: &'static [FieldLayout],
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// The union's doc comment (see [`StructLayout::doc`](super::StructLayout::doc)).
    pub doc: &'static str,
    /// Its members' doc comments, by member index; empty when none has one
    /// (see [`StructLayout::field_docs`](super::StructLayout::field_docs)).
    pub member_docs: &'static [&'static str],
}

impl UnionLayout {
    /// The doc comment of member `index`; empty if it has none.
    pub fn member_doc(&self, index: usize) -> &'static str {
        self.member_docs.get(index).copied().unwrap_or("")
    }
}

/// An [`Open<E>`](crate::Open): the fieldless enum `E` stored as its repr,
/// every value of which reads.
#[derive(Debug, Clone, Copy)]
pub struct OpenLayout {
    /// `E`'s layout (a [`TypeKind::Enum`](super::TypeKind::Enum)).
    pub inner: &'static TypeLayout,
}

impl OpenLayout {
    /// The integer the value is stored as: the enum's repr (for a
    /// hand-made descriptor whose `inner` is not an enum, the unsigned
    /// integer of its size).
    pub const fn repr(&self) -> Scalar {
        match self.inner.kind {
            TypeKind::Enum(e) => e.repr,
            _ => match self.inner.size {
                1 => Scalar::U8,
                2 => Scalar::U16,
                _ => Scalar::U32,
            },
        }
    }
}
