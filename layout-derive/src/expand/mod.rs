//! Code emission: `derive` reads, checks, then emits or falls back.

mod data_enum;
mod enums;
mod fields;
pub mod generic;
mod generic_parts;
mod host;
pub mod predict;
mod structs;
pub mod unions;
mod whole;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Data, Input};
use crate::ctxt::Ctxt;
use crate::{check, fallback};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let parsed = Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        check::check(&cx, parsed);
    }
    let krate = parsed.as_ref().map_or_else(|| quote!(::wasm_layout), krate);
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => match &parsed.data {
            Data::Struct(fields) if generic::is_generic(&parsed) => generic::expand(&parsed, fields, &krate),
            Data::Struct(fields) => structs::expand(&parsed, fields, &krate),
            Data::Enum(variants) if variants.iter().any(|v| !v.original.fields.is_empty()) => {
                data_enum::expand(&parsed, variants, &krate)
            }
            Data::Enum(variants) => enums::expand(&parsed, variants, &krate),
            Data::Union(members) => unions::expand(&parsed, members, &krate),
        },
        (Err(err), _) => fallback::expand(input, err, &krate),
        (Ok(()), None) => unreachable!("the input was rejected without an error"),
    }
}

/// The path generated code reaches the runtime through: `::wasm_layout`
/// unless `#[layout(crate = "...")]` says otherwise.
fn krate(input: &Input) -> TokenStream {
    match &input.attrs.krate {
        Some(path) => quote!(#path),
        None => quote!(::wasm_layout),
    }
}

/// `Some("name")` or `None`, as a descriptor field.
fn opt_str(lit: Option<&syn::LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    }
}
