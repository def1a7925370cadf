//! The parts of a struct's expansion spanned on the input: the field bounds
//! and, for `#[repr(C)]`, the host check.

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

use super::predict::{is_pair, is_pointer, scalar, Predicted};
use crate::ast::{Field, Input};

/// For `#[repr(C)]`: compile-time proof that the host's layout is the
/// wasm32 layout, and the `HostLayout` marker that the zero-copy path needs.
/// Each assertion is spanned on what it checks, so a failure points at the
/// field (or the struct) whose host layout differs. Offsets are the
/// literals, or on the general path the consts `__O0`, … the template
/// defines.
pub fn host_check(
    input: &Input,
    fields: &[Field],
    guard: &TokenStream,
    p: Option<&Predicted>,
) -> TokenStream {
    let ident = input.ident;
    let fix = "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]";
    let name = ident.to_string();
    let size_msg = quote!(::core::concat!(
        "wasm-layout: `", #name, "` is #[repr(C)] but its size on this host is not its wasm32 size; ", #fix
    ));
    let align_msg = quote!(::core::concat!(
        "wasm-layout: `", #name, "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; ", #fix
    ));
    let offsets = fields.iter().enumerate().map(|(i, f)| {
        let fi = &f.member;
        let at = super::fields::offset(p, i);
        let field = &f.name;
        let msg = quote!(::core::concat!(
            "wasm-layout: `", #name, "` is #[repr(C)] but field `", #field,
            "` is at a different offset on this host than on wasm32; ", #fix
        ));
        quote_spanned! {fi.span()=>
            ::core::assert!(::core::mem::offset_of!(#ident, #fi) == #at, #msg);
        }
    });
    let lit = |n: usize| Literal::usize_unsuffixed(n).into_token_stream();
    let (size, align) = p.map_or_else(|| (quote!(__N), quote!(__A)), |p| (lit(p.size), lit(p.align)));
    quote_spanned! {ident.span()=>
        const _: () = {
            #(#offsets)*
            ::core::assert!(::core::mem::size_of::<#ident>() == #size, #size_msg);
            ::core::assert!(::core::mem::align_of::<#ident>() == #align, #align_msg);
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
/// per generated use of the type. `WasmPtr<T>` and `WasmSlice<T>` are left
/// out: `T` may be the struct itself or point back to it, and the bound would
/// be a cycle.
pub fn field_bounds(fields: &[Field], krate: &TokenStream) -> TokenStream {
    type_bounds(fields.iter().filter(|f| f.scalar.is_none()).map(|f| &f.ty), krate)
}

/// [`field_bounds`] for any field types.
pub fn type_bounds<'t>(tys: impl Iterator<Item = &'t Type>, krate: &TokenStream) -> TokenStream {
    let mut seen: Vec<&Type> = Vec::new();
    let mut bounds = Vec::new();
    for ty in tys {
        for leaf in leaf_types(ty) {
            if seen.contains(&leaf) {
                continue;
            }
            seen.push(leaf);
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
pub(super) fn leaf_types(ty: &Type) -> Vec<&Type> {
    match ty {
        Type::Array(a) => leaf_types(&a.elem),
        Type::Paren(p) => leaf_types(&p.elem),
        Type::Group(g) => leaf_types(&g.elem),
        _ if scalar(ty).is_some() || is_pointer(ty) || is_pair(ty) => Vec::new(),
        // `Option<WasmPtr<T>>` may point back to the type itself, as
        // `Option<WasmSlice<T>>` may hold it: as for `WasmPtr<T>`, no bound.
        _ if option_arg(ty).is_some_and(|t| is_pointer(t) || is_pair(t)) => Vec::new(),
        _ => vec![ty],
    }
}

/// The `T` of `Option<T>`, by the last path segment's name.
fn option_arg(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last().filter(|_| p.qself.is_none())?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first() {
        Some(syn::GenericArgument::Type(t)) if args.args.len() == 1 => Some(t),
        _ => None,
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
