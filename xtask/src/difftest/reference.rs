//! The reference: the wasm32 C layout rules, restated here on purpose rather
//! than taken from layout-core, so that a slip in either shows.

use std::collections::BTreeMap;

use super::report::failure;
use super::shape::{EnumDef, Repr, Shape, Ty};

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
    let mut out = BTreeMap::new();
    let mut structs: Vec<(usize, usize)> = Vec::new();
    let size_align = |ty: &Ty, structs: &[(usize, usize)]| -> (usize, usize) {
        fn go(ty: &Ty, structs: &[(usize, usize)], enums: &[EnumDef]) -> (usize, usize) {
            match ty {
                Ty::Scalar(s) => (s.size(), s.size()),
                Ty::Ptr(_) => (4, 4),
                Ty::Array(elem, n) => {
                    let (s, a) = go(elem, structs, enums);
                    (s * n, a)
                }
                Ty::Struct(i) => structs[*i],
                Ty::Enum(i) => (enums[*i].repr.size(), enums[*i].repr.size()),
                // Two u32s: the pointer (to anything) and the length.
                Ty::Str | Ty::Slice(_) => (8, 4),
                Ty::Own(_) => unreachable!("the struct being defined appears only behind a slice"),
            }
        }
        go(ty, structs, &shape.enums)
    };
    for def in &shape.structs {
        let (mut offset, mut align, mut offsets) = (0, 1, Vec::new());
        for ty in &def.fields {
            let (s, a) = size_align(ty, &structs);
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
        structs.push((size, align));
        out.insert(def.name.clone(), Numbers { size, align, offsets });
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
    use crate::difftest::shape::{Sc, StructDef};

    #[test]
    fn reference_follows_the_c_rules() {
        let shape = Shape {
            index: 0,
            enums: vec![EnumDef { name: "E".into(), repr: Sc::I16, values: vec![-1] }],
            structs: vec![
                StructDef { name: "A".into(), fields: vec![Ty::Scalar(Sc::U8)], repr: Repr::Aligned(16) },
                StructDef {
                    name: "B".into(),
                    fields: vec![Ty::Scalar(Sc::U8), Ty::Struct(0), Ty::Enum(0)],
                    repr: Repr::Natural,
                },
                StructDef {
                    name: "P".into(),
                    fields: vec![
                        Ty::Scalar(Sc::U8),
                        Ty::Scalar(Sc::U32),
                        Ty::Array(Box::new(Ty::Scalar(Sc::U16)), 3),
                    ],
                    repr: Repr::Packed,
                },
            ],
        };
        let r = reference(&shape);
        assert_eq!(r["A"], Numbers { size: 16, align: 16, offsets: vec![0] });
        assert_eq!(r["B"], Numbers { size: 48, align: 16, offsets: vec![0, 16, 32] });
        assert_eq!(r["P"], Numbers { size: 11, align: 1, offsets: vec![0, 1, 5] });
        assert_eq!(r["E"], Numbers { size: 2, align: 2, offsets: vec![] });
    }
}
