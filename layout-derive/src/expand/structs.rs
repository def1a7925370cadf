//! Emission for structs: one call into the `struct_layout!` template of the
//! runtime (`__private::struct_layout`), which writes the layout constants,
//! the `WasmLayout` impl, the `<Name>Ref` / `<Name>Mut` views and, for
//! `#[repr(C)]`, the host check. The derive decides the layout and the
//! names; the template writes the code around the input's own tokens.

use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::Type;
use wasm_layout_rules::shape::{FieldShape, StructRepr};
use wasm_layout_rules::variant::tagged_option;

use super::fields::{parts, Parts};
use super::host::{field_bounds, host_check};
use super::predict::predict;
use super::whole::whole_list;
use crate::ast::{Field, Input};
use crate::names::{mut_view, ref_view};

pub fn expand(input: &Input, fields: &[Field], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let name = ident.to_string();
    let (ref_ident, mut_ident) = (ref_view(ident), mut_view(ident));

    let placement = match (&input.attrs.packed, &input.attrs.align) {
        (Some(_), _) => StructRepr::Packed,
        (None, Some(a)) => StructRepr::Aligned(a.value as usize),
        (None, None) => StructRepr::Natural,
    };
    let repr = match placement {
        StructRepr::Packed => quote!(__wl::StructRepr::Packed),
        StructRepr::Aligned(n) => {
            let n = Literal::usize_unsuffixed(n);
            quote!(__wl::StructRepr::Aligned(#n))
        }
        StructRepr::Natural => quote!(__wl::StructRepr::Natural),
    };
    let tys: Vec<&Type> = fields.iter().map(|f| &f.ty).collect();
    // With every field type known by name, the layout is written as
    // literals (see `predict`); otherwise the template computes it with the
    // rules' `StructShape::new` over the field types.
    let predicted = predict(fields, placement);
    let p = predicted.as_ref();
    // Size and alignment as single tokens, the view's bytes as the group
    // the template matches: interpolating a token tree appends it, where
    // interpolating a stream costs a round trip through the compiler's
    // proc-macro bridge.
    let (size, align, option, view_bytes, rules): (TokenTree, TokenTree, TokenTree, TokenTree, _) = match p {
        Some(p) => {
            let size = Literal::usize_unsuffixed(p.size);
            let bytes = bracket(quote!([u8; #size]));
            // The size of `Option<Self>`, by the rules, as a literal: a
            // computed array length would be a body of its own for rustc to
            // check and evaluate in every struct.
            let option = tagged_option(FieldShape { size: p.size, align: p.align }).size;
            let option = Literal::usize_unsuffixed(option).into();
            (size.into(), Literal::usize_unsuffixed(p.align).into(), option, bytes, None)
        }
        None => {
            let count = Literal::usize_unsuffixed(fields.len());
            let consts = (0..fields.len()).map(|i| {
                let (o, i) = (format_ident!("__O{}", i), Literal::usize_unsuffixed(i));
                quote!(#o #i)
            });
            let rules = quote!(rules [#count; #(#tys),*; #(#consts)*]);
            let bytes = bracket(quote!(<#ident as #krate::WasmLayout>::Bytes));
            (ident_tree("__N"), ident_tree("__A"), ident_tree("__OPTION"), bytes, Some(rules))
        }
    };
    let rename = match &input.attrs.rename {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(__wl::NONE),
    };
    let rename_all = match &input.attrs.rename_all {
        Some(rule) => {
            // The descriptor's variant, spelled as `RenameRule`'s own.
            let rule = proc_macro2::Ident::new(rule.value.variant_name(), proc_macro2::Span::call_site());
            quote!(::core::option::Option::Some(__wl::RenameRule::#rule))
        }
        None => quote!(__wl::NONE_RULE),
    };

    let doc = Literal::string(&input.attrs.doc);
    // The fields' docs, only when one has some: a struct without pays
    // nothing per field.
    let field_docs: Vec<Literal> = match fields.iter().any(|f| !f.attrs.doc.is_empty()) {
        true => fields.iter().map(|f| Literal::string(&f.attrs.doc)).collect(),
        false => Vec::new(),
    };
    // A shared constant when empty: an empty array of its own would be a
    // promoted constant, which rustc's const-propagation lint evaluates
    // for every struct.
    let field_docs = match field_docs.is_empty() {
        true => quote!((__wl::NO_DOCS)),
        false => quote!((&[#(#field_docs),*])),
    };
    let underscores = crate::names::alias_underscores(&name, fields);
    let parts = parts(fields, p, input.repr.packed.is_some(), underscores, krate);
    // The read-only view carries `at` only where it can report an error.
    let ref_at = bracket(if parts.checked { quote!(at at) } else { quote!(_) });
    let validate = parts.checked.then(|| {
        let (bools, validated) = (&parts.bools, &parts.validated);
        quote!(validate [#bools] [#validated])
    });
    let check = (!parts.check.is_empty()).then(|| {
        let check = &parts.check;
        quote!(check [#check])
    });
    let bounds = field_bounds(fields, krate);
    let whole = bracket(whole_list(fields.iter().map(|f| &f.ty)));
    let host = bracket(input.repr.c.map(|_| host_check(input, fields, &bounds, p)).unwrap_or_default());
    let Parts { layout, scalars, checked_scalars, others, pad, .. } = parts;
    let (bounds, repr) = (bracket(bounds), bracket(repr));
    let (layout, scalars, checked, others, pad) =
        (bracket(layout), bracket(scalars), bracket(checked_scalars), bracket(others), bracket(pad));
    quote! {
        #krate::__private::struct_layout! {
            #vis struct #ident #ref_ident #ref_at #mut_ident #name
            #bounds whole #whole #view_bytes size #size align #align option #option repr #repr
            rename #rename, #rename_all, __wasm_layout_none, #doc #field_docs;
            #rules #validate #check
            pad #pad
            layout #layout
            scalars #scalars
            checked #checked
            others #others
            host #host
        }
    }
}

/// `[tokens]` as one token tree.
fn bracket(tokens: TokenStream) -> TokenTree {
    Group::new(Delimiter::Bracket, tokens).into()
}

fn ident_tree(name: &str) -> TokenTree {
    proc_macro2::Ident::new(name, proc_macro2::Span::call_site()).into()
}
