//! What the derive emits when the input has errors: the errors, plus stubs
//! of everything a correct derive would define, so the rest of the user's
//! code type-checks and each mistake is reported once.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DeriveInput, Type};

pub fn expand(input: &DeriveInput, err: syn::Error, krate: &TokenStream) -> TokenStream {
    let errors = err.into_compile_error();
    let ident = &input.ident;
    let vis = &input.vis;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let views = match &input.data {
        syn::Data::Struct(_) => {
            let r = format_ident!("{}Ref", ident);
            let m = format_ident!("{}Mut", ident);
            quote! {
                #vis struct #r<'a>(::core::marker::PhantomData<&'a ()>);
                #vis struct #m<'a>(::core::marker::PhantomData<&'a mut ()>);
            }
        }
        _ => quote!(),
    };
    // `WasmLayout: Sized`: a stub impl for an unsized struct would only add
    // rustc's own error about it.
    if is_unsized(input) {
        return quote!(#errors #views);
    }
    // A union has no whole value; anything else stubs that it has one, so
    // that reading it reports nothing more.
    let whole = (!matches!(input.data, syn::Data::Union(_))).then(|| {
        quote!(#[automatically_derived] impl #impl_generics #krate::WholeValue for #ident #ty_generics #where_clause {})
    });
    // The stub's lifetimes are named so they cannot shadow the input's own.
    quote! {
        #errors
        #views
        #[automatically_derived]
        impl #impl_generics #krate::WasmLayout for #ident #ty_generics #where_clause {
            const SIZE: usize = 0;
            const ALIGN: usize = 1;
            const NAME: &'static str = "";
            const LAYOUT: &'static #krate::TypeLayout = <[u8; 0] as #krate::WasmLayout>::LAYOUT;
            type Bytes = [u8; 0];
            type Ref<'__a> = ();
            type Mut<'__a> = ();
            fn __validate(_: &[u8; 0]) -> ::core::result::Result<(), #krate::LayoutError> { unimplemented!() }
            fn __decode(_: &[u8; 0]) -> Self { unimplemented!() }
            fn __encode(&self, _: &mut [u8; 0]) { unimplemented!() }
            fn __get(_: &[u8; 0], _: usize) {}
            fn __get_mut(_: &mut [u8; 0], _: usize) {}
        }
        #whole
    }
}

/// Whether the last field is a slice, `str` or trait object.
fn is_unsized(input: &DeriveInput) -> bool {
    let syn::Data::Struct(s) = &input.data else { return false };
    match s.fields.iter().last().map(|f| &f.ty) {
        Some(Type::Slice(_) | Type::TraitObject(_)) => true,
        Some(Type::Path(p)) => p.path.is_ident("str"),
        _ => false,
    }
}
