//! What the derive emits when the input has errors: the errors, plus stubs
//! of everything a correct derive would define, so the rest of the user's
//! code type-checks and each mistake is reported once.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

pub fn expand(input: &DeriveInput, err: syn::Error) -> TokenStream {
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
    quote! {
        #errors
        #views
        #[automatically_derived]
        impl #impl_generics ::wasm_layout::WasmLayout for #ident #ty_generics #where_clause {
            const SIZE: usize = 0;
            const ALIGN: usize = 1;
            const NAME: &'static str = "";
            const LAYOUT: &'static ::wasm_layout::TypeLayout = <[u8; 0] as ::wasm_layout::WasmLayout>::LAYOUT;
            type Bytes = [u8; 0];
            type Ref<'a> = ();
            type Mut<'a> = ();
            fn __validate(_: &[u8; 0]) -> ::core::result::Result<(), ::wasm_layout::LayoutError> { unimplemented!() }
            fn __decode(_: &[u8; 0]) -> Self { unimplemented!() }
            fn __encode(&self, _: &mut [u8; 0]) { unimplemented!() }
            fn __get(_: &[u8; 0], _: usize) {}
            fn __get_mut(_: &mut [u8; 0]) {}
        }
    }
}
