//! The reference: the wasm32 C layout rules, restated here on purpose rather
//! than taken from layout-core, so that a slip in either shows.

use std::collections::BTreeMap;

use super::report::failure;
use super::shape::{Decl, EnumDef, Repr, Shape, Ty};
use super::union::union_numbers;
use super::variant::variant_numbers;

/// Size, alignment and field offsets of a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Numbers {
    /// `sizeof`.
    pub size: usize,
    /// `_Alignof`.
    pub align: usize,
    /// `offsetof` of each field, in order (empty for enums).
    pub offsets: Vec<usize>,
}

pub(super) fn round_up(v: usize, a: usize) -> usize {
    v.div_ceil(a) * a
}

/// The wasm32 C layout of every struct and enum in `shape`, by name.
pub(super) fn reference(shape: &Shape) -> BTreeMap<String, Numbers> {
    /// Size and alignment of the structs and enums with fields laid out so
    /// far, by index.
    struct Known<'a> {
        structs: Vec<(usize, usize)>,
        variants: Vec<(usize, usize)>,
        unions: Vec<(usize, usize)>,
        enums: &'a [EnumDef],
    }
    fn go(ty: &Ty, k: &Known) -> (usize, usize) {
        match ty {
            Ty::Scalar(s) => (s.size(), s.size()),
            Ty::Ptr(_) => (4, 4),
            Ty::Array(elem, n) => {
                let (s, a) = go(elem, k);
                (s * n, a)
            }
            Ty::Struct(i) => k.structs[*i],
            Ty::Variant(i) => k.variants[*i],
            Ty::Union(i) => k.unions[*i],
            Ty::Enum(i) => (k.enums[*i].repr.size(), k.enums[*i].repr.size()),
            // Two u32s: the pointer (to anything) and the length.
            Ty::Str | Ty::Slice(_) => (8, 4),
            Ty::OptPtr(_) => (4, 4),
            Ty::OptNonZero(s) => (s.size(), s.size()),
            // `#[repr(C, u8)] enum { None, Some(T) }`: the tag, then a
            // union of the cases' structs.
            Ty::OptTagged(t) => {
                let (s, a) = go(t, k);
                let payload = round_up(1, a);
                (round_up(payload + s, a.max(1)), a.max(1))
            }
            Ty::Own(_) => unreachable!("the struct being defined appears only behind a slice"),
        }
    }
    let mut out = BTreeMap::new();
    let none = (0, 0);
    let mut k = Known {
        structs: vec![none; shape.structs.len()],
        variants: vec![none; shape.variants.len()],
        unions: vec![none; shape.unions.len()],
        enums: &shape.enums,
    };
    for decl in &shape.order {
        match *decl {
            Decl::Struct(i) => {
                let def = &shape.structs[i];
                let (mut offset, mut align, mut offsets) = (0, 1, Vec::new());
                for ty in &def.fields {
                    let (s, a) = go(ty, &k);
                    let a = if def.repr == Repr::Packed { 1 } else { a };
                    offset = round_up(offset, a);
                    offsets.push(offset);
                    offset += s;
                    align = align.max(a);
                }
                if let Repr::Aligned(n) = def.repr {
                    align = align.max(n);
                }
                let size = round_up(offset, align);
                k.structs[i] = (size, align);
                out.insert(def.name.clone(), Numbers { size, align, offsets });
            }
            Decl::Variant(i) => {
                let v = &shape.variants[i];
                let (size, align, offsets) = variant_numbers(v, &|ty| go(ty, &k));
                k.variants[i] = (size, align);
                out.insert(v.name.clone(), Numbers { size, align, offsets });
            }
            Decl::Union(i) => {
                let u = &shape.unions[i];
                let (size, align, offsets) = union_numbers(u, &|ty| go(ty, &k));
                k.unions[i] = (size, align);
                out.insert(u.name.clone(), Numbers { size, align, offsets });
            }
        }
    }
    for e in &shape.enums {
        out.insert(e.name.clone(), Numbers { size: e.repr.size(), align: e.repr.size(), offsets: vec![] });
    }
    out
}

/// Every type of every shape: Rust's numbers against the reference's.
pub(super) fn compare_reference(
    shapes: &[Shape],
    rust: &BTreeMap<String, Numbers>,
    seed: u64,
) -> Result<(), String> {
    for shape in shapes {
        for (name, want) in reference(shape) {
            match rust.get(&name) {
                Some(got) if *got == want => {}
                got => {
                    return Err(failure(
                        shape,
                        seed,
                        &format!("{name}: the derive says {got:?}, the reference C rules say {want:?}"),
                    ))
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::difftest::shape::{Form, Sc, StructDef};
    use crate::difftest::union::UnionDef;
    use crate::difftest::variant::{CaseDef, VariantDef};

    #[test]
    fn reference_follows_the_c_rules() {
        let shape = Shape {
            index: 0,
            variants: vec![VariantDef {
                name: "V".into(),
                tag: Sc::U8,
                cases: vec![
                    CaseDef { fields: vec![Ty::Scalar(Sc::U8)], tuple: true },
                    CaseDef { fields: vec![Ty::Scalar(Sc::U32), Ty::Scalar(Sc::U8)], tuple: false },
                    CaseDef { fields: vec![], tuple: false },
                ],
            }],
            unions: vec![UnionDef {
                name: "U".into(),
                members: vec![
                    Ty::Scalar(Sc::U8),
                    Ty::Array(Box::new(Ty::Scalar(Sc::U16)), 3),
                    Ty::Scalar(Sc::U32),
                ],
            }],
            order: vec![Decl::Struct(0), Decl::Struct(1), Decl::Struct(2), Decl::Variant(0), Decl::Union(0)],
            enums: vec![EnumDef { name: "E".into(), repr: Sc::I16, values: vec![-1] }],
            structs: vec![
                StructDef {
                    name: "A".into(),
                    fields: vec![Ty::Scalar(Sc::U8)],
                    repr: Repr::Aligned(16),
                    tuple: Form::Tuple,
                },
                StructDef {
                    name: "B".into(),
                    fields: vec![Ty::Scalar(Sc::U8), Ty::Struct(0), Ty::Enum(0)],
                    repr: Repr::Natural,
                    tuple: Form::Named,
                },
                StructDef {
                    name: "P".into(),
                    fields: vec![
                        Ty::Scalar(Sc::U8),
                        Ty::Scalar(Sc::U32),
                        Ty::Array(Box::new(Ty::Scalar(Sc::U16)), 3),
                    ],
                    repr: Repr::Packed,
                    tuple: Form::Named,
                },
            ],
        };
        let r = reference(&shape);
        assert_eq!(r["A"], Numbers { size: 16, align: 16, offsets: vec![0] });
        assert_eq!(r["B"], Numbers { size: 48, align: 16, offsets: vec![0, 16, 32] });
        assert_eq!(r["P"], Numbers { size: 11, align: 1, offsets: vec![0, 1, 5] });
        assert_eq!(r["E"], Numbers { size: 2, align: 2, offsets: vec![] });
        // The tag, then the union (its largest case: u32 and u8, 8 bytes) at 4.
        assert_eq!(r["V"], Numbers { size: 12, align: 4, offsets: vec![4, 4, 4, 8] });
        // The largest member (6 bytes) rounded up to the largest alignment.
        assert_eq!(r["U"], Numbers { size: 8, align: 4, offsets: vec![0, 0, 0] });
    }
}
