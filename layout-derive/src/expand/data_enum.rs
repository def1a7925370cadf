//! Emission for enums with fields (`#[repr(C, u8)]`, `C, u16`, `C, u32`):
//! the layout constants, the `WasmLayout` and `WasmVariant` impls, the case
//! views (`<Name>Ref` / `<Name>Mut`, one variant per case, and per case
//! `<Name><Case>Ref` / `<Name><Case>Mut` with one getter per field) and the
//! host check (a data enum is always `#[repr(C)]`; one with an `Option` in a
//! case is not checked, as an `Option` has this crate's layout, not the host's).
//!
//! The numbers come from the rules: each case's fields through
//! `StructShape::new`, the whole through `VariantShape::new`, evaluated in
//! constants over the field types' own `SIZE` and `ALIGN`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::host::type_bounds;
use super::opt_str;
use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use crate::variant::{cases, tag, Case};

pub fn expand(input: &Input, variants: &[Variant], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let name = ident.to_string();
    let cx = Ctxt::default();
    let cases = cases(&cx, input, variants);
    drop(cx.check());
    let tag = tag(input).expect("checked: a u8, u16 or u32 tag");
    let tag_ty = input.repr.int.as_ref().expect("checked: an integer repr");
    let tag_scalar = Ident::new(tag.variant_name(), Span::call_site());
    let (read_tag, write_tag) =
        (format_ident!("read_{}", tag.rust_name()), format_ident!("write_{}", tag.rust_name()));
    let (ref_enum, mut_enum) = (format_ident!("{}Ref", ident), format_ident!("{}Mut", ident));
    let bounds = type_bounds(cases.iter().flat_map(|c| c.fields.iter().map(|f| &f.ty)), krate);
    let whole = super::whole::whole_list(cases.iter().flat_map(|c| c.fields.iter().map(|f| &f.ty)));

    // Discriminants: the user's expressions, else one more than the last.
    let mut prev: Option<Ident> = None;
    let discs: Vec<Ident> = (0..cases.len()).map(|i| format_ident!("__D{}", i)).collect();
    let disc_consts = cases.iter().zip(&discs).map(|(c, d)| {
        let value = match (&c.variant.original.discriminant, &prev) {
            (Some((_, expr)), _) => quote!(#expr),
            (None, Some(p)) => quote!(#p + 1),
            (None, None) => quote!(0),
        };
        prev = Some(d.clone());
        quote!(const #d: #tag_ty = #value;)
    });

    // Per case: `__C<i>` its struct shape, `__O<i>_<j>` its fields' offsets.
    let shapes = cases.iter().enumerate().map(|(i, c)| {
        let ci = format_ident!("__C{}", i);
        let n = Literal::usize_unsuffixed(c.fields.len());
        let tys = c.fields.iter().map(|f| &f.ty);
        let offsets = (0..c.fields.len()).map(|j| {
            let (o, j) = (format_ident!("__O{}_{}", i, j), Literal::usize_unsuffixed(j));
            quote!(const #o: usize = __P + #ci.offsets[#j];)
        });
        quote! {
            const #ci: __wl::StructShape<#n> =
                __wl::StructShape::<#n>::new([#(__wl::shape::<#tys>()),*], __wl::StructRepr::Natural);
            #(#offsets)*
        }
    });
    let case_shapes = (0..cases.len()).map(|i| {
        let ci = format_ident!("__C{}", i);
        quote!(__wl::FieldShape { size: #ci.size, align: #ci.align })
    });

    let offset = |i: usize, j: usize| format_ident!("__O{}_{}", i, j);
    let binds = |c: &Case| -> Vec<Ident> { (0..c.fields.len()).map(|j| format_ident!("__f{}", j)).collect() };
    // `Name::Case { a: __f0, b: __f1 }`, `Name::Case(__f0, __f1)` or `Name::Case`.
    let pattern = |c: &Case, values: &[TokenStream]| -> TokenStream {
        let v = c.variant.ident;
        if c.fields.is_empty() {
            return quote!(#ident::#v);
        }
        if c.tuple {
            quote!(#ident::#v(#(#values),*))
        } else {
            let idents = c.fields.iter().map(|f| f.ident.expect("a named field"));
            quote!(#ident::#v { #(#idents: #values),* })
        }
    };

    let case_layouts = cases.iter().enumerate().map(|(i, c)| {
        let ci = format_ident!("__C{}", i);
        let d = &discs[i];
        let vname = c.variant.ident.to_string();
        let rename = opt_str(c.variant.attrs.rename.as_ref());
        let tuple = c.tuple;
        let doc = &c.variant.attrs.doc;
        let docs: Vec<&String> = match c.fields.iter().any(|f| !f.attrs.doc.is_empty()) {
            true => c.fields.iter().map(|f| &f.attrs.doc).collect(),
            false => Vec::new(),
        };
        let fields = c.fields.iter().enumerate().map(|(j, f)| {
            let (fname, o, ty, frename) = (&f.name, offset(i, j), &f.ty, opt_str(f.attrs.rename.as_ref()));
            quote!(__wl::FieldLayout { name: #fname, offset: #o, ty: <#ty as __wl::WasmLayout>::LAYOUT, rename: #frename })
        });
        quote! {
            __wl::CaseLayout {
                name: #vname, value: #d as i64, rename: #rename, doc: #doc, field_docs: &[#(#docs),*],
                fields: &[#(#fields),*],
                size: #ci.size, align: #ci.align, tuple: #tuple,
            }
        }
    });

    let validate_arms = cases.iter().enumerate().map(|(i, c)| {
        let d = &discs[i];
        let checks = c.fields.iter().enumerate().map(|(j, f)| {
            let (o, ty) = (offset(i, j), &f.ty);
            quote!(__wl::validate::<#ty, #o, __N>(bytes)?;)
        });
        quote!(#d => { #(#checks)* ::core::result::Result::Ok(()) })
    });
    let check_write_arms = cases.iter().enumerate().map(|(i, c)| {
        let b = binds(c);
        let pat = pattern(c, &b.iter().map(|b| quote!(#b)).collect::<Vec<_>>());
        let checks = b.iter().enumerate().map(|(j, b)| {
            let o = offset(i, j);
            quote!(__wl::WasmLayout::__check_write(#b).map_err(|e| e.offset_by(#o))?;)
        });
        quote!(#pat => { #(#checks)* })
    });
    let decode = |i: usize, c: &Case| {
        let values: Vec<TokenStream> = c
            .fields
            .iter()
            .enumerate()
            .map(|(j, f)| {
                let (o, ty) = (offset(i, j), &f.ty);
                quote!(__wl::decode::<#ty, #ty, #o, __N>(bytes))
            })
            .collect();
        pattern(c, &values)
    };
    let decode_arms = cases.iter().enumerate().map(|(i, c)| {
        let d = &discs[i];
        let value = decode(i, c);
        quote!(#d => #value,)
    });
    let fallback = decode(0, &cases[0]);
    let encode_arms = cases.iter().enumerate().map(|(i, c)| {
        let d = &discs[i];
        let b = binds(c);
        let pat = pattern(c, &b.iter().map(|b| quote!(#b)).collect::<Vec<_>>());
        let writes = c.fields.iter().enumerate().map(|(j, f)| {
            let (o, ty, b) = (offset(i, j), &f.ty, &b[j]);
            quote!(__wl::encode::<#ty, #o, __N>(#b, bytes);)
        });
        quote!(#pat => { __wl::#write_tag(bytes, 0, #d); #(#writes)* })
    });

    // The case views.
    let view_items = cases.iter().enumerate().filter(|(_, c)| !c.fields.is_empty()).map(|(i, c)| {
        let (r, m) = (&c.view, &c.view_mut);
        let getters = c.fields.iter().enumerate().map(|(j, f)| {
            let (o, ty, g) = (offset(i, j), &f.ty, &f.getter);
            quote! {
                #[doc = "This field, read from its wasm32 offset."]
                #[inline(always)]
                pub fn #g(self) -> <#ty as __wl::WasmLayout>::Ref<'a> { __wl::get::<#ty, #o, __N>(self.bytes, self.at) }
            }
        });
        let mut_methods = c.fields.iter().enumerate().map(|(j, f)| {
            let (o, ty, g, s, vm) = (offset(i, j), &f.ty, &f.getter, &f.setter, &f.view_mut);
            let whole = super::whole::whole_bounds([ty], krate);
            quote! {
                #[doc = "This field, read from its wasm32 offset."]
                #[inline(always)]
                pub fn #g(&self) -> <#ty as __wl::WasmLayout>::Ref<'_> { __wl::get::<#ty, #o, __N>(self.bytes, self.at) }
                #[doc = "A mutable view of this field."]
                #[inline(always)]
                pub fn #vm(&mut self) -> <#ty as __wl::WasmLayout>::Mut<'_> { __wl::get_mut::<#ty, #o, __N>(self.bytes, self.at) }
                #[doc = "Overwrites this field."]
                #[inline(always)]
                pub fn #s(&mut self, value: #ty) #whole { __wl::encode::<#ty, #o, __N>(&value, self.bytes) }
            }
        });
        quote! {
            impl<'a> #r<'a> #bounds {
                #(#getters)*
                /// The bytes of the whole enum value.
                #[inline(always)]
                pub fn as_bytes(self) -> &'a [u8] { self.bytes }
            }
            #[automatically_derived]
            impl<'a> ::core::clone::Clone for #r<'a> #bounds {
                #[inline(always)]
                fn clone(&self) -> Self { *self }
            }
            #[automatically_derived]
            impl<'a> ::core::marker::Copy for #r<'a> #bounds {}
            impl<'a> #m<'a> #bounds {
                #(#mut_methods)*
            }
        }
    });
    let view_decls = cases.iter().filter(|c| !c.fields.is_empty()).map(|c| {
        let (r, m) = (&c.view, &c.view_mut);
        let v = c.variant.ident.to_string();
        quote! {
            #[doc = ::core::concat!("A read-only view of the fields of case `", #v, "` of [`", #name, "`]: one getter per field.")]
            #[allow(dead_code)]
            #vis struct #r<'a> #bounds { bytes: &'a <#ident as #krate::WasmLayout>::Bytes, at: usize }
            #[doc = ::core::concat!("A mutable view of the fields of case `", #v, "` of [`", #name, "`]: getters, `set_<field>` setters and `<field>_mut` views.")]
            #[allow(dead_code)]
            #vis struct #m<'a> #bounds { bytes: &'a mut <#ident as #krate::WasmLayout>::Bytes, at: usize }
        }
    });
    let ref_variants = cases.iter().map(|c| {
        let (v, r) = (c.variant.ident, &c.view);
        let doc = quote!(#[doc = ::core::concat!("The `", ::core::stringify!(#v), "` case.")]);
        if c.fields.is_empty() {
            quote!(#doc #v)
        } else {
            quote!(#doc #v(#r<'a>))
        }
    });
    let mut_variants = cases.iter().map(|c| {
        let (v, m) = (c.variant.ident, &c.view_mut);
        let doc = quote!(#[doc = ::core::concat!("The `", ::core::stringify!(#v), "` case.")]);
        if c.fields.is_empty() {
            quote!(#doc #v)
        } else {
            quote!(#doc #v(#m<'a>))
        }
    });
    let case_arms = |mutable: bool| {
        cases
            .iter()
            .zip(&discs)
            .map(|(c, d)| {
                let v = c.variant.ident;
                let (e, view) = if mutable { (&mut_enum, &c.view_mut) } else { (&ref_enum, &c.view) };
                if c.fields.is_empty() {
                    quote!(#d => ::core::result::Result::Ok(#e::#v),)
                } else {
                    quote!(#d => ::core::result::Result::Ok(#e::#v(#view { bytes, at })),)
                }
            })
            .collect::<Vec<_>>()
    };
    let (ref_arms, mut_arms) = (case_arms(false), case_arms(true));

    let host_msg = |what: &str| {
        quote!(::core::concat!(
            "wasm-layout: `", #name, "` is #[repr(C, ", ::core::stringify!(#tag_ty), ")] but its ", #what,
            " on this host is not its wasm32 ", #what, "; are its field types #[repr(C)]?"
        ))
    };
    let (size_msg, align_msg) = (host_msg("size"), host_msg("alignment"));
    // Rust's own layout of the enum is the wasm32 one when each field's is:
    // only then is it checked. (An `Option` has this crate's layout, not
    // the host's: Rust gives `Option<WasmPtr<T>>` a tag and `Option<Kind>`
    // a niche; nor has an enum holding such a field.)
    let field_tys = cases.iter().flat_map(|c| &c.fields).map(|f| &f.ty);
    let host = quote_spanned! {ident.span()=>
        const _: () = {
            if true #(&& __wl::host_same::<#field_tys>())* {
                ::core::assert!(::core::mem::size_of::<#ident>() == __N, #size_msg);
                ::core::assert!(::core::mem::align_of::<#ident>() == __A, #align_msg);
            }
        };
    };
    let rename = opt_str(input.attrs.rename.as_ref());
    let enum_doc = &input.attrs.doc;

    quote! {
        #(#view_decls)*
        #[doc = ::core::concat!("The case a [`", #name, "`] holds, as a read-only view of its fields: what `", #name, "::view(bytes)?.variant()` gives.")]
        #[derive(Clone, Copy)]
        #[allow(dead_code)]
        #vis enum #ref_enum<'a> #bounds { #(#ref_variants,)* }
        #[doc = ::core::concat!("The case a [`", #name, "`] holds, as a mutable view of its fields: what `", #name, "::view_mut(bytes)?.variant_mut()` gives.")]
        #[allow(dead_code)]
        #vis enum #mut_enum<'a> #bounds { #(#mut_variants,)* }
        #[doc(hidden)]
        #[allow(non_upper_case_globals, dead_code, clippy::all)]
        const _: () = {
            use #krate::__private as __wl;
            const __TAG: __wl::FieldShape = __wl::shape::<#tag_ty>();
            #(#shapes)*
            const __V: __wl::VariantShape = __wl::VariantShape::new(__TAG, &[#(#case_shapes),*]);
            const __N: usize = __V.size;
            const __A: usize = __V.align;
            const __P: usize = __V.payload;
            #(#disc_consts)*

            #[automatically_derived]
            impl __wl::WasmLayout for #ident #bounds {
                const SIZE: usize = __N;
                const ALIGN: usize = __A;
                const NAME: &'static str = #name;
                const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
                    name: #name,
                    size: __N,
                    align: __A,
                    kind: __wl::TypeKind::Variant(__wl::VariantEnumLayout {
                        tag: __wl::Scalar::#tag_scalar,
                        payload: __P,
                        cases: &[#(#case_layouts),*],
                        rename: #rename,
                        doc: #enum_doc,
                    }),
                };
                type Bytes = [u8; __N];
                type Ref<'a> = __wl::VariantRef<'a, #ident>;
                type Mut<'a> = __wl::VariantMut<'a, #ident>;

                #[inline]
                fn __validate(bytes: &[u8; __N]) -> ::core::result::Result<(), __wl::LayoutError> {
                    match __wl::#read_tag(bytes, 0) {
                        #(#validate_arms)*
                        value => ::core::result::Result::Err(__wl::invalid_discriminant(#name, value as i64)),
                    }
                }
                #[inline]
                fn __check_write(&self) -> ::core::result::Result<(), __wl::LayoutError> {
                    match self { #(#check_write_arms)* }
                    ::core::result::Result::Ok(())
                }
                #[inline]
                fn __decode(bytes: &[u8; __N]) -> Self {
                    match __wl::#read_tag(bytes, 0) {
                        #(#decode_arms)*
                        _ => #fallback,
                    }
                }
                #[inline]
                fn __encode(&self, bytes: &mut [u8; __N]) {
                    *bytes = [0; __N];
                    match self { #(#encode_arms)* }
                }
                #[inline(always)]
                fn __get(bytes: &[u8; __N], at: usize) -> __wl::VariantRef<'_, #ident> {
                    __wl::VariantRef::__at(bytes, at)
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut [u8; __N], at: usize) -> __wl::VariantMut<'_, #ident> {
                    __wl::VariantMut::__at(bytes, at)
                }
            }

            #[automatically_derived]
            impl __wl::WasmVariant for #ident #bounds {
                type CaseRef<'a> = #ref_enum<'a>;
                type CaseMut<'a> = #mut_enum<'a>;
                #[inline(always)]
                fn __tag(bytes: &[u8; __N]) -> u32 {
                    __wl::#read_tag(bytes, 0) as u32
                }
                #[inline]
                fn __case(bytes: &[u8; __N], at: usize) -> ::core::result::Result<#ref_enum<'_>, __wl::LayoutError> {
                    match __wl::#read_tag(bytes, 0) {
                        #(#ref_arms)*
                        value => ::core::result::Result::Err(__wl::invalid_discriminant(#name, value as i64).offset_by(at)),
                    }
                }
                #[inline]
                fn __case_mut(bytes: &mut [u8; __N], at: usize) -> ::core::result::Result<#mut_enum<'_>, __wl::LayoutError> {
                    match __wl::#read_tag(bytes, 0) {
                        #(#mut_arms)*
                        value => ::core::result::Result::Err(__wl::invalid_discriminant(#name, value as i64).offset_by(at)),
                    }
                }
            }

            #[automatically_derived]
            impl __wl::TaggedOption for #ident #bounds {
                type OptionBytes = [u8; __wl::option_size::<#ident>()];
                type __Whole = #whole;
            }

            #(#view_items)*
            #host
        };
    }
}
