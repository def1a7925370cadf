//! Emission for `#[repr(C)]` unions: the layout (every member at offset 0,
//! the size and alignment from the rules' `union_shape` over the member
//! types), the `WasmLayout` impl and the `<Name>Ref` / `<Name>Mut` views,
//! with a getter per member giving that member's view.
//!
//! A union is not a `WholeValue`: nothing in its bytes records the active
//! member, so it has no `read_from` / `write_to` (asking for one is a
//! compile error naming `WholeValue`), and neither has a struct or array
//! that contains one (its `TaggedOption` impl lists it as `Union<Self>`,
//! which is never whole). Its `__decode` and `__encode`, which only whole-value
//! paths reach, are never called; they decode the first member and zero the
//! bytes, without panicking. Member setters write one member whole and zero
//! the bytes after it, so no stale bytes of another member remain.

use proc_macro2::TokenStream;
use quote::quote;

use super::host::field_bounds;
use super::opt_str;
use super::whole::whole_bounds;
use crate::ast::{Field, Input};
use crate::ctxt::Ctxt;
use crate::names::{mut_view, ref_view, FieldNames};

/// A union must be `#[repr(C)]` (Rust gives any other union no layout to
/// check) and takes no struct placement attributes:
///
/// ```text
/// #[derive(WasmLayout)]
/// #[layout(packed)]          // rejected: a union's members all start at 0
/// union U { a: u32, b: f32 } // rejected: no #[repr(C)]
/// ```
pub fn check(cx: &Ctxt, input: &Input) {
    let union = match &input.original.data {
        syn::Data::Union(u) => u.union_token.span,
        _ => return,
    };
    if input.repr.c.is_none() || input.repr.int.is_some() {
        cx.syn_error(syn::Error::new(
            union,
            "a union needs #[repr(C)]: without it Rust gives the union no defined layout to match wasm32's",
        ));
    }
    let attrs = &input.attrs;
    let placement = attrs
        .packed
        .map(|s| (s, "`packed` does not apply to a union: its members all start at offset 0; remove it"))
        .or_else(|| {
            attrs.align.as_ref().map(|a| {
                (a.span, "`align` does not apply to a union: its members all start at offset 0; remove it")
            })
        });
    if let Some((span, message)) = placement {
        cx.syn_error(syn::Error::new(span, message));
    }
    if input.repr.packed.is_some() || input.repr.align.is_some() {
        cx.syn_error(syn::Error::new(
            union,
            "#[repr(packed)] and #[repr(align)] are not supported on a union: use #[repr(C)] alone",
        ));
    }
    if let Some(rule) = &attrs.rename_all {
        cx.syn_error(syn::Error::new(
            rule.span,
            "`rename_all` does not apply to a union: rename its members one by one with #[layout(rename = \"…\")]",
        ));
    }
}

pub fn expand(input: &Input, members: &[Field], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let name = ident.to_string();
    let (r, m) = (ref_view(ident), mut_view(ident));
    let bounds = field_bounds(members, krate);
    let ref_doc = quote!(
        ::core::concat!("A read-only view of a [`", #name, "`] in its wasm32 layout: a getter per member, giving that member's view.")
    );
    let mut_doc = quote!(
        ::core::concat!("A mutable view of a [`", #name, "`] in its wasm32 layout: a getter, a `<member>_mut` view (members that are not scalars) and a `set_<member>` setter per member.")
    );
    let tys: Vec<_> = members.iter().map(|f| &f.ty).collect();
    let descriptors = members.iter().map(|f| {
        let (n, ty, rename) = (&f.name, &f.ty, opt_str(f.attrs.rename.as_ref()));
        quote!(__wl::FieldLayout { name: #n, offset: 0, ty: <#ty as __wl::WasmLayout>::LAYOUT, rename: #rename })
    });
    let getters = members.iter().map(|f| {
        let (fvis, f_ident, ty) = (f.vis, &f.ident, &f.ty);
        quote! {
            #[doc = "This member, read from offset 0."]
            #[inline(always)]
            #fvis fn #f_ident(self) -> <#ty as __wl::WasmLayout>::Ref<'a> {
                __wl::get::<#ty, 0, __N>(self.bytes, self.at)
            }
        }
    });
    let mut_methods = members.iter().map(|f| {
        let (fvis, f_ident, ty) = (f.vis, &f.ident, &f.ty);
        let set = FieldNames::ident(f, &f.names.setter);
        let whole = whole_bounds([&f.ty], krate);
        let view_mut = f.names.view_mut.as_ref().map(|n| {
            let n = FieldNames::ident(f, n);
            quote! {
                #[doc = "A mutable view of this member."]
                #[inline(always)]
                #fvis fn #n(&mut self) -> <#ty as __wl::WasmLayout>::Mut<'_> {
                    __wl::get_mut::<#ty, 0, __N>(self.bytes, self.at)
                }
            }
        });
        quote! {
            #[doc = "This member, read from offset 0."]
            #[inline(always)]
            #fvis fn #f_ident(&self) -> <#ty as __wl::WasmLayout>::Ref<'_> {
                __wl::get::<#ty, 0, __N>(self.bytes, self.at)
            }
            #view_mut
            #[doc = "Writes this member whole and zeroes the bytes after it."]
            #[inline]
            #fvis fn #set(&mut self, value: #ty) #whole {
                __wl::encode::<#ty, 0, __N>(&value, self.bytes);
                __wl::zero_range(self.bytes, <#ty as __wl::WasmLayout>::SIZE, __N);
            }
        }
    });
    let first = members.first().map(|f| {
        let (f_ident, ty) = (&f.ident, &f.ty);
        quote!(#ident { #f_ident: __wl::decode::<#ty, #ty, 0, __N>(bytes) })
    });
    let rename = opt_str(input.attrs.rename.as_ref());
    let doc = &input.attrs.doc;
    let docs: Vec<&String> = match members.iter().any(|f| !f.attrs.doc.is_empty()) {
        true => members.iter().map(|f| &f.attrs.doc).collect(),
        false => Vec::new(),
    };
    let host = input.repr.c.map(|_| {
        let size_msg =
            quote!(::core::concat!("wasm-layout: `", #name, "` is #[repr(C)] but its size on this host is not its wasm32 size"));
        let align_msg = quote!(::core::concat!(
            "wasm-layout: `", #name, "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment"
        ));
        quote! {
            const _: () = {
                ::core::assert!(::core::mem::size_of::<#ident>() == __N, #size_msg);
                ::core::assert!(::core::mem::align_of::<#ident>() == __SHAPE.align, #align_msg);
            };
        }
    });
    let bytes = quote!(<#ident as #krate::WasmLayout>::Bytes);
    quote! {
        #[doc = #ref_doc]
        #[derive(Clone, Copy)]
        #vis struct #r<'a> #bounds { bytes: &'a #bytes, at: usize }
        #[doc = #mut_doc]
        #vis struct #m<'a> #bounds { bytes: &'a mut #bytes, at: usize }
        #[doc(hidden)]
        #[allow(non_upper_case_globals, dead_code, clippy::all)]
        const _: () = {
            use #krate::__private as __wl;
            const __SHAPE: __wl::FieldShape = __wl::union_shape(&[#(__wl::shape::<#tys>()),*]);
            const __N: usize = __SHAPE.size;
            #[automatically_derived]
            impl __wl::WasmLayout for #ident #bounds {
                const SIZE: usize = __N;
                const ALIGN: usize = __SHAPE.align;
                const NAME: &'static str = #name;
                const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
                    name: #name,
                    size: __N,
                    align: __SHAPE.align,
                    kind: __wl::TypeKind::Union(__wl::UnionLayout {
                        members: &[#(#descriptors),*], rename: #rename, doc: #doc, member_docs: &[#(#docs),*],
                    }),
                };
                type Bytes = [u8; __N];
                type Ref<'a> = #r<'a>;
                type Mut<'a> = #m<'a>;
                #[inline]
                fn __decode(bytes: &Self::Bytes) -> Self {
                    #first
                }
                #[inline]
                fn __encode(&self, bytes: &mut Self::Bytes) {
                    __wl::zero_range(bytes, 0, __N);
                }
                #[inline(always)]
                fn __get(bytes: &Self::Bytes, at: usize) -> #r<'_> {
                    #r { bytes, at }
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> #m<'_> {
                    #m { bytes, at }
                }
            }
            impl<'a> #r<'a> #bounds {
                #(#getters)*
            }
            #[automatically_derived]
            impl<'a> __wl::ViewRef<'a> for #r<'a> #bounds {
                type Target = #ident;
                #[inline(always)]
                fn __parts(&self) -> (&'a [u8], usize) { (self.bytes, self.at) }
            }
            impl<'a> #m<'a> #bounds {
                #(#mut_methods)*
            }
            #[automatically_derived]
            impl<'a> __wl::ViewMut<'a> for #m<'a> #bounds {
                type Target = #ident;
                #[inline(always)]
                fn __bytes(&self) -> (&[u8; __N], usize) { (self.bytes, self.at) }
                #[inline(always)]
                fn __bytes_mut(&mut self) -> &mut [u8; __N] { self.bytes }
            }
            // `Option<Self>` is tagged; `__Whole` never holds, so neither
            // the union nor its `Option` is a `WholeValue`.
            #[automatically_derived]
            impl __wl::TaggedOption for #ident #bounds {
                type OptionBytes = [u8; __wl::option_size::<#ident>()];
                type __Whole = __wl::Union<#ident>;
            }
            #host
        };
    }
}
