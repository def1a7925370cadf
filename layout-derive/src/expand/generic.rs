//! Emission for generic structs (`struct Vec2<T> { x: T, y: T }`,
//! `struct Buf<const N: usize> { data: [u8; N] }`): one generic
//! `WasmLayout` impl whose constants come from the field types' own
//! (`StructShape::new` over `<T as WasmLayout>::SIZE` and `ALIGN`), so
//! every instantiation gets its layout where it is used.
//!
//! The plain struct template cannot serve here: its `const _` blocks and
//! array lengths cannot name a type parameter. Stable Rust cannot size
//! `[u8; N]` from `T::SIZE` either, so the bytes are the fields' bytes back
//! to back (`__private::Cat`), fields are reached by their offset constants,
//! and an instantiation whose layout has padding is a compile error at its
//! `SIZE` (`__private::unpadded_size`).
//!
//! Each type parameter gets a `WasmLayout` bound, so a type argument
//! without a layout is an error where the struct is instantiated. The Rust
//! name of an instantiation is `Vec2<f32>`, its name in the bindings
//! `Vec2_f32` (`__private::NameBuf`), both computed from the arguments'
//! names at compile time.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::visit_mut::VisitMut;
use syn::{GenericParam, Type};

use super::generic_parts::{host_check, names, SelfType};
use super::host::leaf_types;
use super::opt_str;
use super::whole::whole_bounds;
use crate::ast::{Field, Input};
use crate::ctxt::Ctxt;
use crate::names::{mut_view, ref_view, FieldNames};

/// What a generic struct may not have: lifetimes (checked with every
/// struct), `align` (a raised alignment is tail padding, which a generic
/// struct's bytes cannot hold) and `#[repr(packed)]` (its fields could not
/// be borrowed to encode them).
pub fn check(cx: &Ctxt, input: &Input) {
    if let Some(align) = &input.attrs.align {
        cx.syn_error(syn::Error::new(
            align.span,
            "`align` is not supported on a generic struct: a raised alignment adds padding, and a generic struct's bytes are its fields' bytes back to back; derive on a concrete struct instead",
        ));
    }
    if let Some(packed) = &input.repr.packed {
        cx.syn_error(syn::Error::new(
            packed.span,
            "#[repr(packed)] is not supported on a generic struct: its fields could not be borrowed; use #[layout(packed)] alone (the wasm32 layout), or #[repr(C)]",
        ));
    }
}

/// Whether the struct has type or const parameters (lifetimes are an
/// error of their own).
pub fn is_generic(input: &Input) -> bool {
    input.original.generics.params.iter().any(|p| !matches!(p, GenericParam::Lifetime(_)))
}

pub fn expand(input: &Input, fields: &[Field], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let generics = &input.original.generics;
    let (impl_g, ty_g, _) = generics.split_for_impl();
    let this = quote!(#ident #ty_g);
    let (r, m) = (ref_view(ident), mut_view(ident));
    // The field types, `Self` as the instantiation (`WasmPtr<Self>` is
    // `WasmPtr<Node<T>>`), so they mean the same in every generated impl.
    let this_ty: Type = syn::parse_quote!(#ident #ty_g);
    let tys: Vec<Type> = match &input.original.data {
        syn::Data::Struct(s) => s
            .fields
            .iter()
            .map(|f| {
                let mut ty = f.ty.clone();
                SelfType(&this_ty).visit_type_mut(&mut ty);
                ty
            })
            .collect(),
        _ => fields.iter().map(|f| f.ty.clone()).collect(),
    };

    // The bounds every item repeats: the user's, `T: WasmLayout` per type
    // parameter, and the field types the derive cannot see have a layout.
    let mut preds: Vec<TokenStream> = Vec::new();
    if let Some(w) = &generics.where_clause {
        preds.extend(w.predicates.iter().map(|p| quote!(#p)));
    }
    for p in &generics.params {
        if let GenericParam::Type(t) = p {
            let t = &t.ident;
            preds.push(quote_spanned!(t.span()=> #t: #krate::__private::WasmLayout));
        }
    }
    let is_param = |ty: &Type| match ty {
        Type::Path(p) if p.qself.is_none() => {
            p.path.get_ident().is_some_and(|i| generics.type_params().any(|t| t.ident == *i))
        }
        _ => false,
    };
    let mut seen: Vec<&Type> = Vec::new();
    for ty in &tys {
        for leaf in leaf_types(ty) {
            if !is_param(leaf) && !seen.contains(&leaf) {
                seen.push(leaf);
                preds.push(quote!(for<'__w> #leaf: #krate::__private::WasmLayout));
            }
        }
    }
    let where_ = quote!(where #(#preds,)*);

    // The views' generics: `'a` and the struct's own parameters (without
    // their defaults).
    let mut view_generics = generics.clone();
    view_generics.params.insert(0, syn::parse_quote!('a));
    view_generics.where_clause = None;
    let (view_params, view_args, _) = view_generics.split_for_impl();
    let args: Vec<TokenStream> = generics
        .params
        .iter()
        .map(|p| match p {
            GenericParam::Type(t) => {
                let t = &t.ident;
                quote!(#t)
            }
            GenericParam::Const(c) => {
                let c = &c.ident;
                quote!(#c)
            }
            GenericParam::Lifetime(l) => {
                let l = &l.lifetime;
                quote!(#l)
            }
        })
        .collect();

    let count = Literal::usize_unsuffixed(fields.len());
    let repr = match input.attrs.packed {
        Some(_) => quote!(__wl::StructRepr::Packed),
        None => quote!(__wl::StructRepr::Natural),
    };
    let bytes_ty = tys
        .iter()
        .rev()
        .fold(quote!(__wl::End), |rest, ty| quote!(__wl::Cat<<#ty as __wl::WasmLayout>::Bytes, #rest>));
    let offs: Vec<_> = fields.iter().map(|f| FieldNames::ident(f, &f.names.offset)).collect();

    let name = ident.to_string();
    let (rust_name, binding) = names(input);

    let descriptors = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let (n, rename) = (&f.name, opt_str(f.attrs.rename.as_ref()));
        quote!(__wl::FieldLayout { name: #n, offset: Self::#off, ty: <#ty as __wl::WasmLayout>::LAYOUT, rename: #rename })
    });
    let rename_all = match &input.attrs.rename_all {
        Some(rule) => {
            let rule = proc_macro2::Ident::new(rule.value.variant_name(), proc_macro2::Span::call_site());
            quote!(::core::option::Option::Some(__wl::RenameRule::#rule))
        }
        None => quote!(::core::option::Option::None),
    };
    let doc = &input.attrs.doc;
    let field_docs: Vec<&String> = match fields.iter().any(|f| !f.attrs.doc.is_empty()) {
        true => fields.iter().map(|f| &f.attrs.doc).collect(),
        false => Vec::new(),
    };
    let offset_consts = fields.iter().zip(&offs).enumerate().map(|(i, (f, off))| {
        let (fvis, i) = (f.vis, Literal::usize_unsuffixed(i));
        quote! {
            #[doc = "This field's offset in bytes, in the wasm32 layout."]
            #fvis const #off: usize = Self::__WL_SHAPE.offsets[#i];
        }
    });
    let validate = offs.iter().zip(&tys).map(|(off, ty)| quote!(__wl::validate_at::<#ty>(b, Self::#off)?;));
    let check_write = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let fi = &f.member;
        quote!(__wl::check_write_at::<#ty>(&self.#fi, Self::#off)?;)
    });
    let decode = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let fi = &f.member;
        quote!(#fi: <#ty as __wl::WasmLayout>::__decode(__wl::field_at::<#ty>(b, Self::#off)))
    });
    let encode = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let fi = &f.member;
        quote!(__wl::WasmLayout::__encode(&self.#fi, __wl::field_at_mut::<#ty>(b, Self::#off));)
    });
    let ref_getters = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let (fvis, fi) = (f.vis, &f.ident);
        quote! {
            #[doc = "This field, read from its wasm32 offset."]
            #[inline]
            #fvis fn #fi(self) -> <#ty as __wl::WasmLayout>::Ref<'a> {
                __wl::get_at::<#ty>(__wl::bytes_of(self.bytes), <#this>::#off, self.at)
            }
        }
    });
    let mut_methods = fields.iter().zip(&offs).zip(&tys).map(|((f, off), ty)| {
        let (fvis, fi) = (f.vis, &f.ident);
        let set = FieldNames::ident(f, &f.names.setter);
        let whole = whole_bounds([ty], krate);
        let view_mut = f.names.view_mut.as_ref().map(|n| {
            let n = FieldNames::ident(f, n);
            quote! {
                #[doc = "A mutable view of this field."]
                #[inline]
                #fvis fn #n(&mut self) -> <#ty as __wl::WasmLayout>::Mut<'_> {
                    __wl::get_mut_at::<#ty>(__wl::bytes_of_mut(self.bytes), <#this>::#off, self.at)
                }
            }
        });
        quote! {
            #[doc = "This field, read from its wasm32 offset."]
            #[inline]
            #fvis fn #fi(&self) -> <#ty as __wl::WasmLayout>::Ref<'_> {
                __wl::get_at::<#ty>(__wl::bytes_of(self.bytes), <#this>::#off, self.at)
            }
            #view_mut
            #[doc = "Overwrites this field."]
            #[inline]
            #fvis fn #set(&mut self, value: #ty) #whole {
                __wl::WasmLayout::__encode(&value, __wl::field_at_mut::<#ty>(__wl::bytes_of_mut(self.bytes), <#this>::#off));
            }
        }
    });
    let whole = whole_bounds(&tys, krate);
    let whole_preds = match whole.is_empty() {
        true => TokenStream::new(),
        // `where a, b` after the shared `where …,`: drop the keyword.
        false => whole.into_iter().skip(1).collect(),
    };
    let host = input.repr.c.map(|_| host_check(input, fields, &offs, &this));
    let host_use = host.as_ref().map(|_| quote!(let () = Self::__WL_HOST;));
    let host_impl = host.as_ref().map(|_| {
        let leaves = seen.iter().map(|t| quote!(for<'__w> #t: __wl::HostLayout));
        let params = generics.params.iter().filter_map(|p| match p {
            GenericParam::Type(t) => {
                let t = &t.ident;
                Some(quote!(#t: __wl::HostLayout))
            }
            _ => None,
        });
        quote! {
            #[automatically_derived]
            impl #impl_g __wl::HostLayout for #this #where_ #(#leaves,)* #(#params,)* {}
        }
    });
    let ref_doc = quote!(
        ::core::concat!("A read-only view of a [`", #name, "`] in its wasm32 layout: one getter per field.")
    );
    let mut_doc = quote!(
        ::core::concat!("A mutable view of a [`", #name, "`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.")
    );
    let bytes_field = quote!(<#this as #krate::__private::WasmLayout>::Bytes);
    let marker = quote!(::core::marker::PhantomData<fn() -> #this>);
    quote! {
        #[doc = #ref_doc]
        #vis struct #r #view_params #where_ { bytes: &'a #bytes_field, at: usize, _of: #marker }
        #[doc = #mut_doc]
        #vis struct #m #view_params #where_ { bytes: &'a mut #bytes_field, at: usize, _of: #marker }
        #[doc(hidden)]
        #[allow(non_upper_case_globals, dead_code, clippy::all)]
        const _: () = {
            use #krate::__private as __wl;
            impl #impl_g #this #where_ {
                const __WL_SHAPE: __wl::StructShape<#count> =
                    __wl::StructShape::<#count>::new([#(__wl::shape::<#tys>()),*], #repr);
                const __WL_NAME: __wl::NameBuf = #rust_name;
                const __WL_BINDING: __wl::NameBuf = #binding;
                #host
                #(#offset_consts)*
            }
            #[automatically_derived]
            impl #impl_g __wl::WasmLayout for #this #where_ {
                const SIZE: usize = {
                    #host_use
                    __wl::unpadded_size(Self::__WL_SHAPE.size, &[#(<#tys as __wl::WasmLayout>::SIZE),*])
                };
                const ALIGN: usize = Self::__WL_SHAPE.align;
                const NAME: &'static str = Self::__WL_NAME.as_str();
                const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
                    name: Self::NAME,
                    size: Self::SIZE,
                    align: Self::ALIGN,
                    kind: __wl::TypeKind::Struct(__wl::StructLayout {
                        fields: &[#(#descriptors),*],
                        repr: #repr,
                        rename: ::core::option::Option::Some(Self::__WL_BINDING.as_str()),
                        rename_all: #rename_all,
                        doc: #doc,
                        field_docs: &[#(#field_docs),*],
                    }),
                };
                type Bytes = #bytes_ty;
                type Ref<'a> = #r #view_args;
                type Mut<'a> = #m #view_args;
                #[inline]
                fn __validate(bytes: &Self::Bytes) -> ::core::result::Result<(), __wl::LayoutError> {
                    let b = __wl::bytes_of(bytes);
                    #(#validate)*
                    let _ = b;
                    ::core::result::Result::Ok(())
                }
                #[inline]
                fn __check_write(&self) -> ::core::result::Result<(), __wl::LayoutError> {
                    #(#check_write)*
                    ::core::result::Result::Ok(())
                }
                #[inline]
                fn __decode(bytes: &Self::Bytes) -> Self {
                    let b = __wl::bytes_of(bytes);
                    let _ = b;
                    #ident { #(#decode),* }
                }
                #[inline]
                fn __encode(&self, bytes: &mut Self::Bytes) {
                    let b = __wl::bytes_of_mut(bytes);
                    #(#encode)*
                    let _ = b;
                }
                #[inline(always)]
                fn __get(bytes: &Self::Bytes, at: usize) -> #r<'_, #(#args),*> {
                    #r { bytes, at, _of: ::core::marker::PhantomData }
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> #m<'_, #(#args),*> {
                    #m { bytes, at, _of: ::core::marker::PhantomData }
                }
            }
            #[automatically_derived]
            impl #impl_g __wl::WholeValue for #this #where_ #whole_preds {}
            #host_impl
            impl #view_params #r #view_args #where_ {
                #(#ref_getters)*
            }
            #[automatically_derived]
            impl #view_params __wl::Clone for #r #view_args #where_ {
                #[inline(always)]
                fn clone(&self) -> Self { *self }
            }
            #[automatically_derived]
            impl #view_params __wl::Copy for #r #view_args #where_ {}
            #[automatically_derived]
            impl #view_params __wl::ViewRef<'a> for #r #view_args #where_ {
                type Target = #this;
                #[inline(always)]
                fn __parts(&self) -> (&'a [u8], usize) { (__wl::bytes_of(self.bytes), self.at) }
            }
            impl #view_params #m #view_args #where_ {
                #(#mut_methods)*
            }
            #[automatically_derived]
            impl #view_params __wl::ViewMut<'a> for #m #view_args #where_ {
                type Target = #this;
                #[inline(always)]
                fn __bytes(&self) -> (&<#this as __wl::WasmLayout>::Bytes, usize) { (self.bytes, self.at) }
                #[inline(always)]
                fn __bytes_mut(&mut self) -> &mut <#this as __wl::WasmLayout>::Bytes { self.bytes }
            }
        };
    }
}
