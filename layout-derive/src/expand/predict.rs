//! The layout of a struct whose field types the derive can name by itself:
//! scalars, `WasmPtr<T>`, `WasmStr`, `WasmSlice<T>` and arrays of them with
//! literal lengths.
//!
//! For such a struct the expansion writes offsets, size and alignment as
//! integer literals instead of paths to constants: rustc type-checks and
//! evaluates a literal far faster, which is most of what a crate of many
//! structs pays for this derive. The numbers come from the rules' own
//! [`Placer`] (the same code `StructShape::new` runs in the core) and the
//! sizes from [`Scalar`]; only the names are read here. The names are
//! checked at compile time (see [`builtin`]).
//! Whatever it cannot name (a derived struct, an enum, an array whose
//! length is a constant) makes the whole struct take the general path.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};
use syn::{Expr, ExprLit, Lit, Type};
use wasm_layout_rules::pair::PAIR;
use wasm_layout_rules::shape::{array_size, FieldShape, Placer, StructRepr};
use wasm_layout_rules::Scalar;

use crate::ast::Field;

/// Offsets, field ends, size and alignment, as `StructShape` has them.
pub struct Predicted {
    pub offsets: Vec<usize>,
    pub ends: Vec<usize>,
    pub size: usize,
    pub align: usize,
}

/// The scalar a field type names (`u32`, `bool`, …), if it is one: a
/// single identifier, no path.
pub fn scalar(ty: &Type) -> Option<Scalar> {
    let Type::Path(p) = ty else { return None };
    let ident = p.path.get_ident().filter(|_| p.qself.is_none())?;
    Scalar::from_rust_name(&ident.to_string())
}

/// Whether `ty` is, by its last path segment, `WasmPtr<…>`.
pub fn is_pointer(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "WasmPtr")
}

/// Whether `ty` is, by its last path segment, `WasmStr` or `WasmSlice<…>`:
/// a `(ptr, len)` pair.
pub fn is_pair(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last().filter(|_| p.qself.is_none()) else { return false };
    (last.ident == "WasmStr" && last.arguments.is_empty())
        || (last.ident == "WasmSlice" && !last.arguments.is_empty())
}

/// The size and alignment of a field type the derive knows by its name.
pub fn known(ty: &Type) -> Option<FieldShape> {
    match ty {
        Type::Array(a) => {
            let elem = known(&a.elem)?;
            let Expr::Lit(ExprLit { lit: Lit::Int(len), .. }) = &a.len else { return None };
            let size = array_size(elem.size, len.base10_parse::<usize>().ok()?)?;
            Some(FieldShape { size, align: elem.align })
        }
        Type::Paren(p) => known(&p.elem),
        Type::Group(g) => known(&g.elem),
        Type::Path(p) => {
            if let Some(s) = scalar(ty) {
                return Some(FieldShape { size: s.size(), align: s.size() });
            }
            if is_pair(ty) {
                return Some(PAIR);
            }
            let last = p.path.segments.last()?;
            // A pointer is a u32 offset.
            (is_pointer(ty) && !last.arguments.is_empty())
                .then_some(FieldShape { size: Scalar::U32.size(), align: Scalar::U32.size() })
        }
        _ => None,
    }
}

/// The layout of fields of these types, by the rules' [`Placer`], or `None`
/// when a type is not [`known`] or the layout is impossible (the general
/// path then reports that at compile time).
pub fn predict(fields: &[Field], repr: StructRepr) -> Option<Predicted> {
    let mut offsets = Vec::with_capacity(fields.len());
    let mut ends = Vec::with_capacity(fields.len());
    let mut placer = Placer::new(repr);
    for f in fields {
        let shape = match f.scalar {
            Some(s) => FieldShape { size: s.size(), align: s.size() },
            None => known(&f.ty)?,
        };
        let placed = placer.place(shape).ok()?;
        offsets.push(placed.offset);
        ends.push(placed.end);
    }
    let (size, align) = placer.finish().ok()?;
    Some(Predicted { offsets, ends, size, align })
}

/// The built-in type a [`known`] field type names, spelled by paths the
/// user's scope cannot shadow (`[::core::primitive::u8; 6]`,
/// `::wasm_layout::WasmPtr<T>`, `::wasm_layout::WasmStr`), for the compile-time check that the field
/// type is that type. The array lengths and the pointer's arguments are the
/// input's own tokens.
pub fn builtin(ty: &Type, krate: &TokenStream) -> TokenStream {
    match ty {
        Type::Array(a) => {
            let (elem, len) = (builtin(&a.elem, krate), &a.len);
            quote!([#elem; #len])
        }
        Type::Paren(p) => builtin(&p.elem, krate),
        Type::Group(g) => builtin(&g.elem, krate),
        Type::Path(p) => match (scalar(ty), p.path.segments.last()) {
            (Some(s), _) => {
                let name = Ident::new(s.rust_name(), Span::call_site());
                quote!(::core::primitive::#name)
            }
            (None, Some(last)) => {
                // `WasmPtr<T>`, `WasmStr` or `WasmSlice<T>`: the name the
                // input used, reached through the runtime's path.
                let (name, args) = (&last.ident, &last.arguments);
                quote!(#krate::#name #args)
            }
            (None, None) => ty.to_token_stream(),
        },
        _ => ty.to_token_stream(),
    }
}

/// Whether a field of this type the derive knows by name can hold invalid
/// bytes: a scalar that is not valid for every byte (`bool`), or an array of
/// them.
pub fn may_be_invalid(ty: &Type) -> bool {
    match ty {
        Type::Array(a) => may_be_invalid(&a.elem),
        Type::Paren(p) => may_be_invalid(&p.elem),
        Type::Group(g) => may_be_invalid(&g.elem),
        _ => scalar(ty).is_some_and(|s| !s.any_bytes_valid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(s: &str) -> Type {
        syn::parse_str(s).unwrap()
    }

    fn shape(s: &str) -> Option<(usize, usize)> {
        known(&ty(s)).map(|f| (f.size, f.align))
    }

    #[test]
    fn names_it_knows() {
        assert_eq!(shape("u8"), Some((1, 1)));
        assert_eq!(shape("bool"), Some((Scalar::Bool.size(), Scalar::Bool.size())));
        assert_eq!(shape("i16"), Some((2, 2)));
        assert_eq!(shape("f32"), Some((4, 4)));
        assert_eq!(shape("u64"), Some((8, 8)));
        assert_eq!(shape("WasmPtr<Node>"), Some((4, 4)));
        assert_eq!(shape("wasm_layout::WasmPtr<u8>"), Some((4, 4)));
        assert_eq!(shape("[[u16; 3]; 2]"), Some((12, 2)));
        assert_eq!(shape("WasmStr"), Some((8, 4)));
        assert_eq!(shape("wasm_layout::WasmSlice<Node>"), Some((8, 4)));
        assert_eq!(shape("[WasmSlice<f32>; 2]"), Some((16, 4)));
        for other in [
            "Point",
            "[u8; LEN]",
            "usize",
            "WasmPtr",
            "WasmSlice",
            "WasmStr<u8>",
            "core::primitive::u32",
            "<u8 as X>::Y",
        ] {
            assert_eq!(shape(other), None, "{other}");
        }
        assert!(may_be_invalid(&ty("[[bool; 2]; 3]")));
        assert!(!may_be_invalid(&ty("[u8; 3]")));
    }

    /// `predict` over fields of these types.
    fn predict_types(tys: &[&str], repr: StructRepr) -> Option<Predicted> {
        let names = (0..tys.len()).map(|i| quote::format_ident!("f{}", i));
        let tys = tys.iter().map(|t| syn::parse_str::<syn::Type>(t).unwrap());
        let input: syn::DeriveInput = syn::parse_quote!(struct S { #(#names: #tys,)* });
        let cx = crate::ctxt::Ctxt::default();
        let parsed = crate::ast::Input::from_syn(&cx, &input).unwrap();
        let crate::ast::Data::Struct(fields) = &parsed.data else { unreachable!() };
        predict(fields, repr)
    }

    #[test]
    fn places_fields_by_the_rules() {
        let tys = ["u8", "u32", "u16"];
        let p = predict_types(&tys, StructRepr::Natural).unwrap();
        assert_eq!((p.offsets, p.ends, p.size, p.align), (vec![0, 4, 8], vec![1, 8, 10], 12, 4));
        let p = predict_types(&tys, StructRepr::Packed).unwrap();
        assert_eq!((p.offsets, p.size, p.align), (vec![0, 1, 5], 7, 1));
        let p = predict_types(&tys, StructRepr::Aligned(16)).unwrap();
        assert_eq!((p.size, p.align), (16, 16));
        assert!(predict_types(&[], StructRepr::Natural).is_some_and(|p| p.size == 0 && p.align == 1));
        assert!(predict_types(&["[u64; 1000000000]"], StructRepr::Natural).is_none());
        assert!(predict_types(&["Point"], StructRepr::Natural).is_none());
    }
}
