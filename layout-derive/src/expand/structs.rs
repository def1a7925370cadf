//! Emission for structs: one call into the `struct_layout!` template of the
//! runtime (`__private::struct_layout`), which writes the layout constants,
//! the `WasmLayout` impl, the `<Name>Ref` / `<Name>Mut` views and, for
//! `#[repr(C)]`, the host check. The derive decides the layout and the
//! names; the template writes the code around the input's own tokens.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};
use syn::Type;
use wasm_layout_rules::shape::StructRepr;

use super::fields::parts;
use super::host::{field_bounds, host_check};
use super::opt_str;
use super::predict::predict;
use super::whole::whole_bounds;
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
    let (size, align, view_bytes, rules) = match p {
        Some(p) => {
            let size = Literal::usize_unsuffixed(p.size);
            let bytes = quote!([u8; #size]);
            (size.into_token_stream(), Literal::usize_unsuffixed(p.align).into_token_stream(), bytes, None)
        }
        None => {
            let count = Literal::usize_unsuffixed(fields.len());
            let consts = (0..fields.len()).map(|i| {
                let (o, i) = (format_ident!("__O{}", i), Literal::usize_unsuffixed(i));
                quote!(#o #i)
            });
            let rules = quote!(rules [#count; #(#tys),*; #(#consts)*]);
            (quote!(__N), quote!(__A), quote!(<#ident as #krate::WasmLayout>::Bytes), Some(rules))
        }
    };
    let rename = opt_str(input.attrs.rename.as_ref());
    let rename_all = match &input.attrs.rename_all {
        Some(rule) => {
            // The descriptor's variant, spelled as `RenameRule`'s own.
            let rule = proc_macro2::Ident::new(rule.value.variant_name(), proc_macro2::Span::call_site());
            quote!(::core::option::Option::Some(__wl::RenameRule::#rule))
        }
        None => quote!(__wl::NONE_RULE),
    };

    // Only what is there: the template takes what is missing from one
    // shared constant, which costs rustc less than literals of its own.
    let doc = match input.attrs.doc.as_str() {
        "" => None,
        doc => Some(Literal::string(doc)).map(|d| quote!(doc #d)),
    };
    let field_docs = fields.iter().any(|f| !f.attrs.doc.is_empty()).then(|| {
        let docs = fields.iter().map(|f| Literal::string(&f.attrs.doc));
        quote!(field_docs [#(#docs),*])
    });
    let parts = parts(fields, p, input.repr.packed.is_some(), krate);
    // The read-only view carries `at` only where it can report an error.
    let ref_at = if parts.checked { quote!(at at) } else { quote!(_) };
    let validate = parts.checked.then(|| {
        let (bools, validated) = (&parts.bools, &parts.validated);
        quote!(validate [#bools] [#validated])
    });
    let bounds = field_bounds(fields, krate);
    let whole = whole_bounds(fields.iter().map(|f| &f.ty), krate);
    let host = input.repr.c.map(|_| host_check(input, fields, &bounds, p));
    let (fields, pad) = (&parts.fields, &parts.pad);
    quote! {
        #krate::__private::struct_layout! {
            #vis struct #ident #ref_ident [#ref_at] #mut_ident #name
            [#bounds] whole [#whole] [#view_bytes] size #size align #align repr [#repr]
            rename #rename, #rename_all; #doc #field_docs
            #rules #validate
            pad [#pad]
            fields [#fields]
            host [#host]
        }
    }
}
