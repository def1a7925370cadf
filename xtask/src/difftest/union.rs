//! `#[repr(C)]` unions: generated, written in Rust and in C, and laid out
//! by the reference rules (every member at offset 0; the size is the
//! largest member's, rounded up to the largest alignment).
//!
//! The derive checks a `#[repr(C)]` union's size and alignment against
//! Rust's own on the host, so its members are types whose host layout is
//! their wasm32 layout: scalars, pointers, strings, slices, fieldless
//! enums, arrays of these and other unions.

use std::fmt::Write as _;

use super::reference::round_up;
use super::shape::{Decl, Gen, Shape, Target, Ty, SCALARS};

#[derive(Debug, Clone)]
pub(crate) struct UnionDef {
    pub(crate) name: String,
    pub(crate) members: Vec<Ty>,
}

impl Gen {
    /// A union at nesting `depth`; returns its index.
    pub(crate) fn union(&mut self, depth: usize) -> usize {
        let name = self.name('U');
        let members = (0..1 + self.rng.below(4)).map(|_| self.member(depth)).collect();
        self.shape.unions.push(UnionDef { name, members });
        let i = self.shape.unions.len() - 1;
        self.shape.order.push(Decl::Union(i));
        i
    }

    fn member(&mut self, depth: usize) -> Ty {
        let scalar = |g: &mut Gen| SCALARS[g.rng.below(SCALARS.len())];
        match self.rng.below(10) {
            0 => Ty::Ptr(Target::Scalar(scalar(self))),
            1 => Ty::Str,
            2 => Ty::Slice(Box::new(Ty::Scalar(scalar(self)))),
            3 => Ty::Enum(self.enumeration()),
            4 => Ty::Array(Box::new(Ty::Scalar(scalar(self))), 1 + self.rng.below(5)),
            5 if depth < 4 => Ty::Union(self.union(depth + 1)),
            _ => Ty::Scalar(scalar(self)),
        }
    }
}

impl Shape {
    /// The union as a Rust item.
    pub(crate) fn rust_union(&self, u: &UnionDef) -> String {
        let mut s = format!("#[derive(WasmLayout, Clone, Copy)]\n#[repr(C)]\npub union {} {{", u.name);
        for (j, ty) in u.members.iter().enumerate() {
            let _ = write!(s, " pub f{j}: {},", self.rust_ty(ty));
        }
        s.push_str(" }\n");
        s
    }

    /// The union as a C declaration.
    pub(crate) fn c_union(&self, u: &UnionDef) -> String {
        let mut s = format!("union {} {{", u.name);
        for (j, ty) in u.members.iter().enumerate() {
            let (base, dims) = self.c_parts(ty);
            let sep = if base.ends_with('*') { "" } else { " " };
            let _ = write!(s, " {base}{sep}f{j}{dims};");
        }
        s.push_str(" };\n");
        s
    }
}

/// Size, alignment and offsets (all 0) by the C rules, given each member's
/// size and alignment.
pub(crate) fn union_numbers(
    u: &UnionDef,
    size_align: &dyn Fn(&Ty) -> (usize, usize),
) -> (usize, usize, Vec<usize>) {
    let (mut size, mut align) = (0, 1);
    for ty in &u.members {
        let (s, a) = size_align(ty);
        size = size.max(s);
        align = align.max(a);
    }
    (round_up(size, align), align, vec![0; u.members.len()])
}
