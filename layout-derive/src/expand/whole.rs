//! The `WholeValue` bounds of a struct: a union has no whole value, and
//! neither has a type that contains one, so a struct is a `WholeValue`
//! exactly when each field type that may hold a union is one, and a field's
//! setter (which writes a whole value of the field) needs its own type's;
//! an enum with fields likewise, over the fields of all its cases.
//!
//! A derived type says it in its `TaggedOption` impl, as the list of the
//! types that must be whole values for it to be one (`__Whole`); a field's
//! setter carries its own type's bound.
//!
//! Scalars, pointers, pairs and arrays of them are whole values by their
//! names and get no bound, so a struct of them costs nothing here. The
//! bounds are higher-ranked (`for<'__w>`), which stable Rust accepts on
//! concrete types: where one does not hold, the impl or the setter is left
//! out instead of the struct failing to compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

use super::host::leaf_types;

/// The leaf types of `tys` that may not be whole values, each once.
fn leaves<'a>(tys: impl IntoIterator<Item = &'a Type>) -> Vec<&'a Type> {
    let mut seen = Vec::new();
    for ty in tys {
        for leaf in leaf_types(ty) {
            if !seen.contains(&leaf) {
                seen.push(leaf);
            }
        }
    }
    seen
}

/// `where for<'__w> Leaf: WholeValue, …` for the leaf types of `tys`, or
/// nothing when every one is a whole value by its name.
pub fn whole_bounds<'a>(tys: impl IntoIterator<Item = &'a Type>, krate: &TokenStream) -> TokenStream {
    let seen = leaves(tys);
    if seen.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(for<'__w> #seen: #krate::__private::WholeValue),*)
}

/// The `TaggedOption::__Whole` list of the leaf types of `tys`:
/// `(A, (B, ()))`, or `()` when every one is a whole value by its name.
pub fn whole_list<'a>(tys: impl IntoIterator<Item = &'a Type>) -> TokenStream {
    leaves(tys).into_iter().rev().fold(quote!(()), |rest, ty| quote!((#ty, #rest)))
}
