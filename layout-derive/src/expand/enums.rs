//! Emission for fieldless enums with an integer `#[repr]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::opt_str;
use crate::ast::{Input, Variant};
use crate::check::enum_repr;

pub fn expand(input: &Input, variants: &[Variant], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let name = ident.to_string();
    // Inside the generated `const _` block, `__wl` is the runtime.
    let wl = quote!(__wl);
    let repr = input.repr.int.as_ref().expect("checked: an integer repr");
    // The descriptor's variant, spelled as `Scalar`'s own.
    let scalar = enum_repr(repr).expect("checked: a supported repr");
    let scalar = proc_macro2::Ident::new(scalar.variant_name(), proc_macro2::Span::call_site());

    let discs: Vec<_> = (0..variants.len()).map(|i| format_ident!("__D{}", i)).collect();
    let vidents: Vec<_> = variants.iter().map(|v| v.ident).collect();
    let first = vidents[0];
    let variant_layouts = variants.iter().zip(&discs).map(|(v, d)| {
        let vname = v.ident.to_string();
        let (rename, doc) = (opt_str(v.attrs.rename.as_ref()), &v.attrs.doc);
        quote!(#wl::VariantLayout { name: #vname, value: #d as i64, rename: #rename, doc: #doc })
    });
    let rename = opt_str(input.attrs.rename.as_ref());
    let doc = &input.attrs.doc;

    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, clippy::all)]
        const _: () = {
            use #krate::__private as __wl;

            #(const #discs: #repr = #ident::#vidents as #repr;)*

            #[automatically_derived]
            impl #wl::WasmLayout for #ident {
                const SIZE: usize = <#repr as #wl::WasmLayout>::SIZE;
                const ALIGN: usize = <#repr as #wl::WasmLayout>::ALIGN;
                const NAME: &'static str = #name;
                const LAYOUT: &'static #wl::TypeLayout = &#wl::TypeLayout {
                    name: #name,
                    size: Self::SIZE,
                    align: Self::ALIGN,
                    kind: #wl::TypeKind::Enum(#wl::EnumLayout {
                        repr: #wl::Scalar::#scalar,
                        variants: &[#(#variant_layouts),*],
                        rename: #rename,
                        doc: #doc,
                    }),
                };
                type Bytes = <#repr as #wl::WasmLayout>::Bytes;
                type Ref<'a> = ::core::result::Result<#ident, #wl::LayoutError>;
                type Mut<'a> = #wl::ValueMut<'a, #ident>;

                #[inline]
                fn __validate(bytes: &Self::Bytes) -> ::core::result::Result<(), #wl::LayoutError> {
                    match #repr::from_le_bytes(*bytes) {
                        #(#discs)|* => ::core::result::Result::Ok(()),
                        value => ::core::result::Result::Err(#wl::invalid_discriminant(#name, value as i64)),
                    }
                }
                #[inline]
                fn __decode(bytes: &Self::Bytes) -> Self {
                    match #repr::from_le_bytes(*bytes) {
                        #(#discs => #ident::#vidents,)*
                        _ => #ident::#first,
                    }
                }
                #[inline]
                fn __encode(&self, bytes: &mut Self::Bytes) {
                    let value: #repr = match self { #(#ident::#vidents => #discs,)* };
                    *bytes = value.to_le_bytes();
                }
                #[inline]
                fn __get(bytes: &Self::Bytes, at: usize) -> Self::Ref<'_> {
                    match <Self as #wl::WasmLayout>::__validate(bytes) {
                        ::core::result::Result::Ok(()) => ::core::result::Result::Ok(<Self as #wl::WasmLayout>::__decode(bytes)),
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e.offset_by(at)),
                    }
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> Self::Mut<'_> {
                    #wl::ValueMut::__at(bytes, at)
                }
            }
            #[automatically_derived]
            impl #wl::FieldlessEnum for #ident {
                type Repr = #repr;
                #[inline]
                fn from_repr(raw: #repr) -> ::core::option::Option<Self> {
                    match raw {
                        #(#discs => ::core::option::Option::Some(#ident::#vidents),)*
                        _ => ::core::option::Option::None,
                    }
                }
                #[inline]
                fn to_repr(&self) -> #repr {
                    match self { #(#ident::#vidents => #discs,)* }
                }
            }

            #[automatically_derived]
            impl #wl::TaggedOption for #ident {
                type OptionBytes = [u8; #wl::option_size::<#ident>()];
                type __Whole = ();
            }
        };
    }
}
