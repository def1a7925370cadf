//! The layout of a struct whose field types the derive can name by itself:
//! scalars, `WasmPtr<T>` and arrays of them with literal lengths.
//!
//! For such a struct the expansion writes offsets, size and alignment as
//! integer literals instead of paths to constants: rustc type-checks and
//! evaluates a literal far faster, which is most of what a crate of many
//! structs pays for this derive. The placement below is the wasm32 C rule
//! of `StructShape::new` in layout-core (which this crate cannot call: the
//! core crate re-exports the derive). The names are checked at compile time
//! (see `expected_shapes` in `structs`), and `cargo xtask difftest` compares
//! the result with an independent implementation and with clang. Whatever
//! it cannot name (a derived struct, an enum, an array whose length is a
//! constant) makes the whole struct take the general path.

use syn::{Expr, ExprLit, Lit, Type};

/// Offsets, field ends, size and alignment, as `StructShape` has them.
pub struct Predicted {
    pub offsets: Vec<usize>,
    pub ends: Vec<usize>,
    pub size: usize,
    pub align: usize,
}

/// How fields are placed: `#[layout(packed)]`, `#[layout(align = N)]` or neither.
#[derive(Clone, Copy)]
pub enum Placement {
    Natural,
    Packed,
    Aligned(usize),
}

/// The size and alignment of a field type the derive knows by its name.
pub fn known(ty: &Type) -> Option<(usize, usize)> {
    match ty {
        Type::Array(a) => {
            let (size, align) = known(&a.elem)?;
            let Expr::Lit(ExprLit { lit: Lit::Int(len), .. }) = &a.len else { return None };
            Some((size.checked_mul(len.base10_parse::<usize>().ok()?)?, align))
        }
        Type::Paren(p) => known(&p.elem),
        Type::Group(g) => known(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            if let Some(ident) = p.path.get_ident() {
                let n = match ident.to_string().as_str() {
                    "u8" | "i8" | "bool" => 1,
                    "u16" | "i16" => 2,
                    "u32" | "i32" | "f32" => 4,
                    "u64" | "i64" | "f64" => 8,
                    _ => return None,
                };
                return Some((n, n));
            }
            let last = p.path.segments.last()?;
            (last.ident == "WasmPtr" && !last.arguments.is_empty()).then_some((4, 4))
        }
        _ => None,
    }
}

/// The layout of fields of these types, by the wasm32 C rules, or `None`
/// when a type is not [`known`] or the struct would not fit in 4 GiB (the
/// general path then reports that at compile time).
pub fn predict(tys: &[&Type], placement: Placement) -> Option<Predicted> {
    let mut offsets = Vec::with_capacity(tys.len());
    let mut ends = Vec::with_capacity(tys.len());
    let (mut offset, mut align) = (0usize, 1usize);
    for ty in tys {
        let (size, natural) = known(ty)?;
        let field_align = if let Placement::Packed = placement { 1 } else { natural };
        offset = align_up(offset, field_align)?;
        offsets.push(offset);
        offset = offset.checked_add(size)?;
        ends.push(offset);
        align = align.max(field_align);
    }
    if let Placement::Aligned(n) = placement {
        if !n.is_power_of_two() {
            return None;
        }
        align = align.max(n);
    }
    let size = align_up(offset, align)?;
    (size < 1 << 32).then_some(Predicted { offsets, ends, size, align })
}

fn align_up(value: usize, align: usize) -> Option<usize> {
    let mask = align.checked_sub(1)?;
    Some(value.checked_add(mask)? & !mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(s: &str) -> Type {
        syn::parse_str(s).unwrap()
    }

    #[test]
    fn names_it_knows() {
        assert_eq!(known(&ty("u8")), Some((1, 1)));
        assert_eq!(known(&ty("bool")), Some((1, 1)));
        assert_eq!(known(&ty("i16")), Some((2, 2)));
        assert_eq!(known(&ty("f32")), Some((4, 4)));
        assert_eq!(known(&ty("u64")), Some((8, 8)));
        assert_eq!(known(&ty("WasmPtr<Node>")), Some((4, 4)));
        assert_eq!(known(&ty("wasm_layout::WasmPtr<u8>")), Some((4, 4)));
        assert_eq!(known(&ty("[[u16; 3]; 2]")), Some((12, 2)));
        for other in ["Point", "[u8; LEN]", "usize", "WasmPtr", "core::primitive::u32", "<u8 as X>::Y"] {
            assert_eq!(known(&ty(other)), None, "{other}");
        }
    }

    #[test]
    fn places_fields_by_the_rules() {
        let tys = [ty("u8"), ty("u32"), ty("u16")];
        let tys: Vec<&Type> = tys.iter().collect();
        let p = predict(&tys, Placement::Natural).unwrap();
        assert_eq!((p.offsets, p.ends, p.size, p.align), (vec![0, 4, 8], vec![1, 8, 10], 12, 4));
        let p = predict(&tys, Placement::Packed).unwrap();
        assert_eq!((p.offsets, p.size, p.align), (vec![0, 1, 5], 7, 1));
        let p = predict(&tys, Placement::Aligned(16)).unwrap();
        assert_eq!((p.size, p.align), (16, 16));
        assert!(predict(&[], Placement::Natural).is_some_and(|p| p.size == 0 && p.align == 1));
        assert!(predict(&[&ty("[u64; 1000000000]")], Placement::Natural).is_none());
    }
}
