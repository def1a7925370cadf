//! Rules that span several attributes, or that look at field types.

use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Data, Input};
use crate::ctxt::Ctxt;
use wasm_layout_rules::Scalar;

/// The largest `#[layout(align = N)]`, as for Rust's `#[repr(align)]`.
const MAX_ALIGN: u64 = 1 << 29;

pub fn check(cx: &Ctxt, input: &Input) {
    let generics = &input.original.generics;
    if generics.params.iter().all(|p| matches!(p, syn::GenericParam::Lifetime(_))) {
        if !generics.params.is_empty() {
            cx.error_spanned_by(
                generics,
                "lifetime parameters are not supported: a value in linear memory cannot borrow from the host; remove them with the references that use them",
            );
        }
    } else {
        cx.error_spanned_by(
            generics,
            "generic types are not supported: a wasm32 layout needs concrete field types; derive on a concrete struct for each instantiation",
        );
    }
    match &input.data {
        Data::Struct(fields) => {
            check_struct_attrs(cx, input);
            for field in fields {
                check_type(cx, &field.ty);
            }
            crate::names::check(cx, input.ident, fields);
        }
        Data::Enum(variants) => check_enum(cx, input, variants),
        Data::Union(fields) => {
            crate::expand::unions::check(cx, input);
            for field in fields {
                check_type(cx, &field.ty);
            }
            crate::names::check(cx, input.ident, fields);
        }
    }
}

fn check_struct_attrs(cx: &Ctxt, input: &Input) {
    let attrs = &input.attrs;
    // #[layout(packed, align = 8)]: a packed struct has alignment 1, so the
    // two ask for different things.
    if let (Some(packed), Some(_)) = (attrs.packed, &attrs.align) {
        cx.syn_error(syn::Error::new(
            packed,
            "`packed` and `align` cannot be combined: a packed struct has alignment 1; keep `packed` for no padding or `align = N` for a raised alignment",
        ));
    }
    check_repr_matches_layout(cx, input);
    // #[repr(transparent)]: the host lays the struct out as its one field,
    // as wasm32 lays out a one-field struct; `packed` or `align` would make
    // the wasm32 layout differ from the field's.
    if let (Some(_), Some(span)) =
        (input.repr.transparent, attrs.packed.or(attrs.align.as_ref().map(|a| a.span)))
    {
        cx.syn_error(syn::Error::new(
            span,
            "#[repr(transparent)] keeps the layout of the struct's one field: drop #[layout(packed)] and #[layout(align = N)], or use #[repr(C)] to change the layout",
        ));
    }
    if let Some(align) = &attrs.align {
        if !align.value.is_power_of_two() || align.value > MAX_ALIGN {
            cx.syn_error(syn::Error::new(
                align.span,
                format!("`align = {}` is not a power of two up to 2^29: use 1, 2, 4, 8, 16, …", align.value),
            ));
        }
    }
}

/// `#[repr(packed)]` and `#[repr(align(N))]` change the host's layout only;
/// without the matching `#[layout(...)]` the wasm32 layout would silently
/// differ from the one the Rust type has.
fn check_repr_matches_layout(cx: &Ctxt, input: &Input) {
    let (attrs, repr) = (&input.attrs, &input.repr);
    if let Some(packed) = &repr.packed {
        match packed.value {
            Some(n) if n != 1 => cx.syn_error(syn::Error::new(
                packed.span,
                format!("#[repr(packed({n}))] has no wasm32 layout to match: #[layout(packed)] packs to 1 byte; use #[repr(packed)] with #[layout(packed)], or drop the packing"),
            )),
            _ if attrs.packed.is_none() => cx.syn_error(syn::Error::new(
                packed.span,
                "#[repr(packed)] changes only the host layout: add #[layout(packed)] so the wasm32 layout is packed too",
            )),
            _ => {}
        }
    }
    if let Some(align) = &repr.align {
        match &attrs.align {
            Some(layout) if layout.value == align.value => {}
            Some(layout) => cx.syn_error(syn::Error::new(
                layout.span,
                format!(
                    "#[layout(align = {})] differs from #[repr(align({}))]: write #[layout(align = {})]",
                    layout.value, align.value, align.value
                ),
            )),
            None => cx.syn_error(syn::Error::new(
                align.span,
                format!(
                    "#[repr(align({n}))] changes only the host layout: add #[layout(align = {n})] so the wasm32 layout is aligned too",
                    n = align.value
                ),
            )),
        }
    }
}

fn check_enum(cx: &Ctxt, input: &Input, variants: &[crate::ast::Variant]) {
    let attrs = &input.attrs;
    if let Some(span) = attrs.packed {
        cx.syn_error(syn::Error::new(
            span,
            "`packed` applies to structs; an enum is stored as its `#[repr]` integer",
        ));
    }
    if let Some(align) = &attrs.align {
        cx.syn_error(syn::Error::new(
            align.span,
            "`align` applies to structs; an enum is aligned as its `#[repr]` integer",
        ));
    }
    if let Some(rule) = &attrs.rename_all {
        cx.syn_error(syn::Error::new(rule.span, "`rename_all` applies to struct fields; rename variants one by one with #[layout(rename = \"...\")]"));
    }
    // `enum Never {}`: rustc rejects any integer repr on it, so asking for
    // one would send the user in a circle.
    if variants.is_empty() {
        cx.error_spanned_by(
            input.ident,
            "an enum with no variants has no value to read or write: add at least one variant",
        );
        return;
    }
    if variants.iter().any(|v| !matches!(v.original.fields, syn::Fields::Unit)) {
        crate::variant::check(cx, input, variants);
        return;
    }
    match (&input.repr.int, input.repr.c) {
        (None, Some(c)) => cx.syn_error(syn::Error::new(
            c,
            "#[repr(C)] is not supported for an enum: its size follows the host's C compiler, not wasm32; use #[repr(i32)] (what C gives an enum on wasm32) or a smaller integer repr such as #[repr(u8)]",
        )),
        (None, None) => cx.error_spanned_by(
            input.ident,
            format!(
                "an enum needs an integer repr to have a wasm32 layout: add {}",
                one_of(&Scalar::ENUM_REPRS.map(|s| format!("#[repr({})]", s.rust_name())))
            ),
        ),
        (Some(int), _) if enum_repr(int).is_none() => cx.error_spanned_by(
            int,
            format!(
                "#[repr({int})] is not supported for an enum: use {}",
                one_of(&Scalar::ENUM_REPRS.map(Scalar::rust_name))
            ),
        ),
        (Some(_), _) => {}
    }
}

/// Reports a type the layout rules do not support, with what to use instead.
pub fn check_type(cx: &Ctxt, ty: &Type) {
    match ty {
        Type::Array(a) => check_type(cx, &a.elem),
        Type::Paren(p) => check_type(cx, &p.elem),
        Type::Group(g) => check_type(cx, &g.elem),
        Type::Path(p) => {
            let Some(last) = p.path.segments.last() else { return };
            let name = last.ident.to_string();
            if let Some(hint) = unsupported_path(&name) {
                cx.error_spanned_by(ty, hint);
            } else if name == "WasmPtr" || name == "Option" {
                if let PathArguments::AngleBracketed(args) = &last.arguments {
                    for arg in &args.args {
                        if let GenericArgument::Type(t) = arg {
                            check_type(cx, t);
                        }
                    }
                }
            }
        }
        Type::Reference(_) => cx.error_spanned_by(
            ty,
            "references are not supported: a host reference means nothing in wasm32 memory; use `WasmPtr<T>` (a u32 offset) or store the value inline",
        ),
        Type::Ptr(_) => cx.error_spanned_by(
            ty,
            "raw pointers are not supported: their size depends on the host; use `WasmPtr<T>`, a u32 offset into linear memory",
        ),
        Type::Slice(_) => cx.error_spanned_by(ty, "slices have no fixed size: use a fixed array `[T; N]`"),
        Type::Tuple(t) if t.elems.is_empty() => cx.error_spanned_by(
            ty,
            "`()` is not supported: remove the field, or use an empty #[derive(WasmLayout)] struct",
        ),
        Type::Tuple(_) => cx.error_spanned_by(
            ty,
            "tuples are not supported: Rust does not fix their layout; use a #[derive(WasmLayout)] tuple struct (`struct Pair(f32, f32)`) or one with named fields",
        ),
        _ => cx.error_spanned_by(
            ty,
            "this type has no wasm32 layout: use an integer, float, bool, `WasmPtr<T>`, a fixed array or a #[derive(WasmLayout)] type",
        ),
    }
}

fn unsupported_path(name: &str) -> Option<&'static str> {
    Some(match name {
        "usize" | "isize" => "`usize`/`isize` are host-sized (8 bytes on x86_64, 4 on wasm32): use `u32`/`i32`, or `WasmPtr<T>` for an offset into linear memory",
        "u128" | "i128" => "128-bit integers are not supported: standard C has no such type and TypeScript's DataView cannot read one; use `[u64; 2]` or two `u64` fields",
        "char" => "`char` is not supported: its valid values are not all u32 values and C, Odin and TypeScript disagree on it; use `u32` and convert with `char::from_u32`",
        "String" | "str" => "`String` is not supported: it lives on the host heap; use a fixed `[u8; N]` plus a length field, or a `WasmPtr<u8>` and a length",
        "Vec" => "`Vec` is not supported: it lives on the host heap; use a fixed array `[T; N]`, or a `WasmPtr<T>` and a count",
        "Box" | "Rc" | "Arc" => "heap pointers are not supported: store the value inline, or use `WasmPtr<T>` to point into linear memory",
        "PhantomData" => "`PhantomData` is not supported: it is not part of the shared layout; remove the field",
        _ => return None,
    })
}

/// The scalar an enum's `#[repr(int)]` names, if an enum may use it.
pub fn enum_repr(int: &syn::Ident) -> Option<Scalar> {
    Scalar::from_rust_name(&int.to_string()).filter(|s| s.is_enum_repr())
}

/// `a, b or c`.
pub fn one_of<S: AsRef<str>>(names: &[S]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { " or " } else { ", " });
        }
        out.push_str(name.as_ref());
    }
    out
}
