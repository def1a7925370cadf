//! Emission for structs: the layout constants, the `WasmLayout` impl, the
//! `<Name>Ref` / `<Name>Mut` views and, for `#[repr(C)]`, the host check.

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

use super::opt_str;
use crate::ast::{Field, Input};

/// The types with a built-in `WasmLayout` impl that a path names.
const SCALARS: [&str; 11] = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64", "bool"];

/// The scalar a field type names (`u32`, `bool`, …), if it is one. Scalar
/// fields are read and written through non-generic helpers, which rustc
/// checks much faster than the generic path every other type takes.
fn scalar_name(ty: &Type) -> Option<&'static str> {
    let Type::Path(p) = ty else { return None };
    let ident = p.path.get_ident().filter(|_| p.qself.is_none())?;
    SCALARS.iter().copied().find(|s| ident == s)
}

/// `read_u32`, `write_f64`, … for a scalar.
fn scalar_fn(prefix: &str, scalar: &str) -> proc_macro2::Ident {
    format_ident!("{}_{}", prefix, scalar)
}

pub fn expand(input: &Input, fields: &[Field], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis;
    let name = ident.to_string();
    let ref_ident = format_ident!("{}Ref", ident);
    let mut_ident = format_ident!("{}Mut", ident);
    // Inside the generated `const _` block, `__wl` is the runtime (see below).
    let wl = quote!(__wl);
    let count = fields.len();
    let n_fields = Literal::usize_unsuffixed(count);

    let repr = match (&input.attrs.packed, &input.attrs.align) {
        (Some(_), _) => quote!(#wl::StructRepr::Packed),
        (None, Some(a)) => {
            let n = a.value as usize;
            quote!(#wl::StructRepr::Aligned(#n))
        }
        (None, None) => quote!(#wl::StructRepr::Natural),
    };
    let tys: Vec<&Type> = fields.iter().map(|f| &f.ty).collect();
    let idx: Vec<usize> = (0..count).collect();
    let lit = Literal::usize_unsuffixed;
    // Const arguments are paths to named consts, never `{ expr }`: each
    // braced argument is a body of its own for rustc to type-check and
    // evaluate, thousands in a crate of many structs.
    let off = |i: usize| format_ident!("__O{}", i).into_token_stream();
    let size = quote!(__N);
    // Only fields that take the generic path need their offset as a named
    // const; scalar fields pass `Name::OFFSET_<FIELD>` as a plain argument.
    let named_consts =
        fields.iter().zip(&idx).filter(|(f, _)| scalar_name(&f.ty).is_none()).map(|(_, &i)| {
            let (o, i) = (off(i), lit(i));
            quote!(const #o: usize = __SHAPE.offsets[#i];)
        });
    let size_const = fields.iter().any(|f| scalar_name(&f.ty).is_none()).then(|| {
        quote!(
            const __N: usize = __SHAPE.size;
        )
    });
    // The public offset constant of field `i`, as a runtime value.
    let offset_const = |f: &Field| format_ident!("OFFSET_{}", f.name.to_uppercase()).into_token_stream();
    let end = |i: usize| {
        let i = lit(i);
        quote!(__SHAPE.ends[#i])
    };

    // Layout constants.
    let offset_consts = fields.iter().zip(&idx).map(|(f, i)| {
        let c = format_ident!("OFFSET_{}", f.name.to_uppercase());
        let fvis = f.vis;
        let doc = format!("Offset of `{}` in bytes, in the wasm32 layout.", f.name);
        let i = lit(*i);
        quote!(#[doc = #doc] #fvis const #c: usize = __SHAPE.offsets[#i];)
    });
    let field_layouts = fields.iter().zip(&idx).map(|(f, i)| {
        let (fname, ty, rename) = (&f.name, &f.ty, opt_str(f.attrs.rename.as_ref()));
        let i = lit(*i);
        quote! {
            #wl::FieldLayout {
                name: #fname,
                offset: __SHAPE.offsets[#i],
                ty: <#ty as #wl::WasmLayout>::LAYOUT,
                rename: #rename,
            }
        }
    });
    let rename = opt_str(input.attrs.rename.as_ref());
    let rename_all = match &input.attrs.rename_all {
        Some(rule) => {
            let rule = format_ident!("{}", rule.value);
            quote!(::core::option::Option::Some(#wl::RenameRule::#rule))
        }
        None => quote!(::core::option::Option::None),
    };

    // Accessors.
    let validates = fields.iter().zip(&idx).map(|(f, &i)| {
        let (ty, o) = (&f.ty, off(i));
        let at = offset_const(f);
        match scalar_name(ty) {
            Some("bool") => quote!(#wl::validate_bool(bytes, #ident::#at)?;),
            Some(_) => quote!(),
            None => quote!(#wl::validate::<#ty, #o, #size>(bytes)?;),
        }
    });
    let decodes = fields.iter().zip(&idx).map(|(f, &i)| {
        let (fi, ty, o) = (f.ident, &f.ty, off(i));
        let at = offset_const(f);
        match scalar_name(ty) {
            Some(sc) => {
                let read = scalar_fn("read", sc);
                quote!(#fi: #wl::#read(bytes, #ident::#at))
            }
            None => quote!(#fi: #wl::decode::<#ty, #o, #size>(bytes)),
        }
    });
    let encodes = fields.iter().zip(&idx).map(|(f, &i)| {
        let (fi, ty, o) = (f.ident, &f.ty, off(i));
        let at = offset_const(f);
        let pad_start = if i == 0 { quote!(0) } else { end(i - 1) };
        let write = match scalar_name(ty) {
            Some(sc) => {
                let write = scalar_fn("write", sc);
                quote!(#wl::#write(bytes, #ident::#at, self.#fi);)
            }
            None => {
                // A `#[repr(packed)]` field may be unaligned: copy it, never borrow it.
                let value = if input.repr.packed { quote!(&{ self.#fi }) } else { quote!(&self.#fi) };
                quote!(#wl::encode::<#ty, #o, #size>(#value, bytes);)
            }
        };
        quote! {
            #wl::zero_range(bytes, #pad_start, #ident::#at);
            #write
        }
    });
    let tail_start = match count {
        0 => quote!(0),
        n => end(n - 1),
    };

    // View methods.
    // The body of a getter, for a view whose bytes are `self.bytes`.
    let get_body = |f: &Field, o: &TokenStream| {
        let (ty, at) = (&f.ty, offset_const(f));
        match scalar_name(ty) {
            Some("bool") => quote!(#wl::get_bool(self.bytes, #ident::#at)),
            Some(sc) => {
                let read = scalar_fn("read", sc);
                quote!(#wl::#read(self.bytes, #ident::#at))
            }
            None => quote!(#wl::get::<#ty, #o, #size>(self.bytes)),
        }
    };
    let ref_getters = fields.iter().zip(&idx).map(|(f, &i)| {
        let (fi, fvis, ty, o) = (f.ident, f.vis, &f.ty, off(i));
        let ret = getter_type(ty, quote!('a));
        let doc = getter_doc(&f.name);
        let body = get_body(f, &o);
        quote_spanned! {f.original.span()=>
            #[doc = #doc]
            #[inline(always)]
            #fvis fn #fi(&self) -> #ret { #body }
        }
    });
    let mut_methods = fields.iter().zip(&idx).map(|(f, &i)| {
        let (fi, fvis, ty, o) = (f.ident, f.vis, &f.ty, off(i));
        let ret = getter_type(ty, quote!('_));
        let unraw = &f.name;
        let setter = format_ident!("set_{}", unraw);
        let doc = getter_doc(&f.name);
        let doc_set = format!("Overwrites `{unraw}`.");
        let body = get_body(f, &o);
        // Scalars need no mutable view: `set_<field>` is all there is to do.
        let (set_body, view_mut) = match scalar_name(ty) {
            Some(sc) => {
                let write = scalar_fn("write", sc);
                let at = offset_const(f);
                (quote!(#wl::#write(self.bytes, #ident::#at, value)), quote!())
            }
            None => {
                let getter_mut = format_ident!("{}_mut", unraw);
                let doc_mut = format!("A mutable view of `{unraw}`.");
                let view_mut = quote! {
                    #[doc = #doc_mut]
                    #[inline(always)]
                    #fvis fn #getter_mut(&mut self) -> <#ty as #wl::WasmLayout>::Mut<'_> {
                        #wl::get_mut::<#ty, #o, #size>(self.bytes)
                    }
                };
                (quote!(#wl::encode::<#ty, #o, #size>(&value, self.bytes)), view_mut)
            }
        };
        quote_spanned! {f.original.span()=>
            #[doc = #doc]
            #[inline(always)]
            #fvis fn #fi(&self) -> #ret { #body }
            #view_mut
            #[doc = #doc_set]
            #[inline(always)]
            #fvis fn #setter(&mut self, value: #ty) { #set_body }
        }
    });

    let guard = field_bounds(fields, krate);
    // An empty struct reads and writes no field.
    let unused_bytes = (count == 0).then(|| quote!(let _ = bytes;));
    let host_check = input.repr.c.map(|_| host_check(input, fields, &guard));
    let ref_doc = format!("A read-only view of a [`{name}`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.");
    let mut_doc = format!("A mutable view of a [`{name}`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.");
    let bytes_ty = quote!(<#ident as #krate::WasmLayout>::Bytes);

    quote! {
        #[doc = #ref_doc]
        #[allow(dead_code)]
        #vis struct #ref_ident<'a> #guard { bytes: &'a #bytes_ty }

        #[doc = #mut_doc]
        #[allow(dead_code)]
        #vis struct #mut_ident<'a> #guard { bytes: &'a mut #bytes_ty }

        #[doc(hidden)]
        #[allow(non_upper_case_globals, dead_code, clippy::all)]
        const _: () = {
            use #krate::__private as __wl;

            const __SHAPE: #wl::StructShape<#n_fields> =
                #wl::StructShape::new([#(#wl::shape::<#tys>()),*], #repr);
            #size_const
            #(#named_consts)*

            #[automatically_derived]
            impl #ident #guard {
                #(#offset_consts)*
            }

            #[automatically_derived]
            impl #wl::WasmLayout for #ident #guard {
                const SIZE: usize = __SHAPE.size;
                const ALIGN: usize = __SHAPE.align;
                const NAME: &'static str = #name;
                const LAYOUT: &'static #wl::TypeLayout = &#wl::TypeLayout {
                    name: #name,
                    size: __SHAPE.size,
                    align: __SHAPE.align,
                    kind: #wl::TypeKind::Struct(#wl::StructLayout {
                        fields: &[#(#field_layouts),*],
                        repr: #repr,
                        rename: #rename,
                        rename_all: #rename_all,
                    }),
                };
                type Bytes = [u8; __SHAPE.size];
                type Ref<'a> = #ref_ident<'a>;
                type Mut<'a> = #mut_ident<'a>;

                #[inline]
                fn __validate(bytes: &Self::Bytes) -> ::core::result::Result<(), #wl::LayoutError> {
                    #(#validates)*
                    #unused_bytes
                    ::core::result::Result::Ok(())
                }
                #[inline]
                fn __decode(bytes: &Self::Bytes) -> Self {
                    #unused_bytes
                    #ident { #(#decodes),* }
                }
                #[inline]
                fn __encode(&self, bytes: &mut Self::Bytes) {
                    #(#encodes)*
                    #wl::zero_range(bytes, #tail_start, __SHAPE.size);
                }
                #[inline(always)]
                fn __get(bytes: &Self::Bytes, _: usize) -> #ref_ident<'_> {
                    #ref_ident { bytes }
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut Self::Bytes) -> #mut_ident<'_> {
                    #mut_ident { bytes }
                }
            }

            #[automatically_derived]
            impl<'a> #ref_ident<'a> #guard {
                #(#ref_getters)*
            }

            #[automatically_derived]
            impl<'a> ::core::clone::Clone for #ref_ident<'a> #guard {
                #[inline(always)]
                fn clone(&self) -> Self { *self }
            }

            #[automatically_derived]
            impl<'a> ::core::marker::Copy for #ref_ident<'a> #guard {}

            #[automatically_derived]
            impl<'a> #wl::ViewRef<'a> for #ref_ident<'a> #guard {
                type Target = #ident;
                #[inline(always)]
                fn as_bytes(&self) -> &'a [u8] { self.bytes }
            }

            #[automatically_derived]
            impl<'a> #mut_ident<'a> #guard {
                #(#mut_methods)*
            }

            #[automatically_derived]
            impl<'a> #wl::ViewMut<'a> for #mut_ident<'a> #guard {
                type Target = #ident;
                #[inline(always)]
                fn as_bytes(&self) -> &[u8] { self.bytes }
                #[inline(always)]
                fn as_view(&self) -> #ref_ident<'_> { #ref_ident { bytes: self.bytes } }
                #[inline]
                fn write(&mut self, value: &#ident) {
                    <#ident as #wl::WasmLayout>::__encode(value, self.bytes)
                }
            }

            #host_check
        };
    }
}

fn getter_doc(name: &str) -> String {
    format!("`{name}`, read from its wasm32 offset.")
}

/// What a getter returns, spelled concretely for scalars so the docs read
/// `f64`, not `<f64 as WasmLayout>::Ref<'a>`.
fn getter_type(ty: &Type, lifetime: TokenStream) -> TokenStream {
    if let Type::Path(p) = ty {
        if p.qself.is_none() {
            if let Some(ident) = p.path.get_ident() {
                let s = ident.to_string();
                if SCALARS.contains(&s.as_str()) && s != "bool" {
                    return quote!(#ident);
                }
                if s == "bool" {
                    return quote!(::core::result::Result<bool, __wl::LayoutError>);
                }
            }
        }
    }
    quote!(<#ty as __wl::WasmLayout>::Ref<#lifetime>)
}

/// For `#[repr(C)]`: compile-time proof that the host's layout is the
/// wasm32 layout, and the `HostLayout` marker that the zero-copy path needs.
/// Each assertion is spanned on what it checks, so a failure points at the
/// field (or the struct) whose host layout differs.
fn host_check(input: &Input, fields: &[Field], guard: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let fix = "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]";
    let size_msg = format!(
        "wasm-layout: `{ident}` is #[repr(C)] but its size on this host is not its wasm32 size; {fix}"
    );
    let align_msg =
        format!("wasm-layout: `{ident}` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; {fix}");
    let offsets = fields.iter().enumerate().map(|(i, f)| {
        let (fi, i) = (f.ident, Literal::usize_unsuffixed(i));
        let msg = format!(
            "wasm-layout: `{ident}` is #[repr(C)] but field `{}` is at a different offset on this host than on wasm32; {fix}",
            f.name
        );
        quote_spanned! {fi.span()=>
            ::core::assert!(::core::mem::offset_of!(#ident, #fi) == __SHAPE.offsets[#i], #msg);
        }
    });
    quote_spanned! {ident.span()=>
        const _: () = {
            #(#offsets)*
            ::core::assert!(::core::mem::size_of::<#ident>() == __SHAPE.size, #size_msg);
            ::core::assert!(::core::mem::align_of::<#ident>() == __SHAPE.align, #align_msg);
        };
        #[automatically_derived]
        impl __wl::HostLayout for #ident #guard {}
    }
}

/// `where Color: WasmLayout, …` for the field types the derive cannot see
/// are `WasmLayout` (not scalars, not `WasmPtr`), spanned on the field type.
///
/// Every generated item repeats it, so a type that lacks the impl is one
/// error at the field (rustc reports identical errors once) instead of one
/// per generated use of the type. `WasmPtr<T>` is left out: `T` may be the
/// struct itself or point back to it, and the bound would be a cycle.
fn field_bounds(fields: &[Field], krate: &TokenStream) -> TokenStream {
    let mut seen = Vec::new();
    let mut bounds = Vec::new();
    for f in fields {
        for leaf in leaf_types(&f.ty) {
            let key = leaf.to_token_stream().to_string();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let bound = quote!(#leaf: #krate::__private::WasmLayout);
            bounds.push(respan(bound, leaf.span()));
        }
    }
    if bounds.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(for<'__w> #bounds),*)
}

/// The named types inside `ty` whose `WasmLayout` impl is not built in.
fn leaf_types(ty: &Type) -> Vec<&Type> {
    match ty {
        Type::Array(a) => leaf_types(&a.elem),
        Type::Paren(p) => leaf_types(&p.elem),
        Type::Group(g) => leaf_types(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            let builtin = p.path.get_ident().is_some_and(|i| SCALARS.iter().any(|s| i == s));
            let pointer = p.path.segments.last().is_some_and(|s| s.ident == "WasmPtr");
            if builtin || pointer {
                Vec::new()
            } else {
                vec![ty]
            }
        }
        _ => vec![ty],
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}
