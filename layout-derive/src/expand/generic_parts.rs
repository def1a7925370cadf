//! Parts of a generic struct's expansion (see `generic`): the names of an
//! instantiation, its `#[repr(C)]` host check, and `Self` in field types.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{GenericParam, Type};

use crate::ast::{Field, Input};

/// The `NameBuf` expressions of an instantiation's names: `Vec2<f32>` (the
/// Rust name, `NAME`) and `Vec2_f32` (the name in the bindings: the
/// struct's or its `rename`, then `_` and each argument's), from the
/// arguments' own names at compile time; an instantiation named in
/// `rename_instances` takes the name given there.
pub fn names(input: &Input) -> (TokenStream, TokenStream) {
    let (ident, generics) = (input.ident, &input.original.generics);
    let name = ident.to_string();
    let mut rust_name = quote!(__wl::NameBuf::new(#name).push("<"));
    let base = match &input.attrs.rename {
        Some(lit) => quote!(#lit),
        None => quote!(#name),
    };
    let mut binding = quote!(__wl::NameBuf::new(#base));
    for (i, p) in generics.params.iter().enumerate() {
        if i > 0 {
            rust_name = quote!(#rust_name.push(", "));
        }
        match p {
            GenericParam::Type(t) => {
                let t = &t.ident;
                rust_name = quote!(#rust_name.push(<#t as __wl::WasmLayout>::NAME));
                binding = quote!(#binding.push("_").push_binding(<#t as __wl::WasmLayout>::LAYOUT));
            }
            GenericParam::Const(c) => {
                let c = &c.ident;
                rust_name = quote!(#rust_name.push_int(#c as i128));
                binding = quote!(#binding.push("_").push_int(#c as i128));
            }
            GenericParam::Lifetime(_) => {}
        }
    }
    // `rename_instances(Vec2_f32 = "Vec2f")`: by the name it would have.
    for (from, to) in &input.attrs.rename_instances {
        let from = from.to_string();
        binding = quote!(#binding.renamed(#from, #to));
    }
    (quote!(#rust_name.push(">")), binding)
}

/// For `#[repr(C)]`: the host check of one instantiation, a constant the
/// instantiation's `SIZE` evaluates, so it runs for every instantiation
/// used (where its size is needed), spanned on the field it checks.
pub fn host_check(input: &Input, fields: &[Field], offs: &[syn::Ident], this: &TokenStream) -> TokenStream {
    let name = input.ident.to_string();
    let fix = "an argument's host layout differs from its wasm32 one; instantiate it with #[repr(C)] structs and scalars";
    let offsets = fields.iter().zip(offs).map(|(f, off)| {
        let (fi, field) = (&f.member, &f.name);
        let msg = quote!(::core::concat!(
            "wasm-layout: an instantiation of `", #name, "` is #[repr(C)] but field `", #field,
            "` is at a different offset on this host than on wasm32: ", #fix
        ));
        quote_spanned! {fi.span()=>
            ::core::assert!(::core::mem::offset_of!(#this, #fi) == Self::#off, #msg);
        }
    });
    let size_msg = quote!(::core::concat!(
        "wasm-layout: an instantiation of `", #name, "` is #[repr(C)] but its size on this host is not its wasm32 size: ", #fix
    ));
    let align_msg = quote!(::core::concat!(
        "wasm-layout: an instantiation of `", #name, "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment: ", #fix
    ));
    quote! {
        const __WL_HOST: () = {
            #(#offsets)*
            ::core::assert!(::core::mem::size_of::<#this>() == Self::__WL_SHAPE.size, #size_msg);
            ::core::assert!(::core::mem::align_of::<#this>() == Self::__WL_SHAPE.align, #align_msg);
        };
    }
}

/// Replaces the type `Self` with the instantiation's type.
pub struct SelfType<'a>(pub &'a Type);

impl VisitMut for SelfType<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        match ty {
            Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self") => *ty = self.0.clone(),
            _ => syn::visit_mut::visit_type_mut(self, ty),
        }
    }
}
