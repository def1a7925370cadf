//! Parsing `#[layout(...)]` and `#[repr(...)]`, one attribute at a time.
//! Rules that span several attributes live in `check.rs`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};
use wasm_layout_rules::RenameRule;

use crate::ctxt::Ctxt;
use crate::symbol::*;

/// A value given in an attribute, with the tokens that gave it (for spans).
pub struct WithSpan<T> {
    pub value: T,
    pub span: Span,
}

/// `#[layout(...)]` on a struct or enum.
#[derive(Default)]
pub struct Container {
    pub packed: Option<Span>,
    pub align: Option<WithSpan<u64>>,
    pub rename: Option<LitStr>,
    pub rename_all: Option<WithSpan<RenameRule>>,
    pub krate: Option<syn::Path>,
    /// The doc comment (see `doc::text`), empty if none.
    pub doc: String,
}

/// `#[layout(...)]` on a field or variant: only `rename`; and its doc
/// comment.
#[derive(Default)]
pub struct Member {
    pub rename: Option<LitStr>,
    /// The doc comment (see `doc::text`), empty if none.
    pub doc: String,
}

/// What `#[repr(...)]` says.
#[derive(Default)]
pub struct Repr {
    /// `C`, with its span.
    pub c: Option<Span>,
    /// `packed` or `packed(N)` (with `N`): fields may be unaligned, so the
    /// generated code copies them out instead of taking references.
    pub packed: Option<WithSpan<Option<u64>>>,
    /// `align(N)`.
    pub align: Option<WithSpan<u64>>,
    /// An integer repr, spelled as in Rust (`u8`, `i64`, `usize`, …).
    pub int: Option<syn::Ident>,
    /// `transparent`, with its span: the struct's one field's layout, which
    /// the wasm32 layout of a one-field struct is already.
    pub transparent: Option<Span>,
}

const CONTAINER_KEYS: &str =
    "`packed`, `align = N`, `rename = \"Name\"`, `rename_all = \"camelCase\"` or `crate = \"path\"`";

fn set_once<T>(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        cx.error_spanned_by(&meta.path, format!("duplicate `{key}` in #[layout(...)]: give it once"));
    } else {
        *slot = Some(value);
    }
}

/// A name for generated TypeScript, C and Odin: an ASCII identifier.
fn identifier(cx: &Ctxt, lit: LitStr) -> LitStr {
    let s = lit.value();
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        cx.error_spanned_by(
            &lit,
            format!("`rename = {s:?}` is not an identifier: use ASCII letters, digits and `_`, not starting with a digit"),
        );
    }
    lit
}

/// The `N` of `align = N`: an integer literal.
fn align_value(cx: &Ctxt, expr: syn::Expr) -> Option<WithSpan<u64>> {
    let parsed = match &expr {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(lit), .. }) => lit.base10_parse::<u64>().ok(),
        _ => None,
    };
    if parsed.is_none() {
        cx.error_spanned_by(&expr, "`align` takes an integer literal, a power of two: `align = 16`");
    }
    parsed.map(|value| WithSpan { value, span: expr.span() })
}

impl Container {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Container { doc: crate::doc::text(attrs), ..Container::default() };
        for attr in attrs.iter().filter(|a| a.path().is_ident(LAYOUT)) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(PACKED) {
                    set_once(cx, &meta, &mut out.packed, meta.path.span());
                } else if meta.path.is_ident(ALIGN) {
                    if let Some(align) = align_value(cx, meta.value()?.parse()?) {
                        set_once(cx, &meta, &mut out.align, align);
                    }
                } else if meta.path.is_ident(RENAME) {
                    let lit = identifier(cx, meta.value()?.parse()?);
                    set_once(cx, &meta, &mut out.rename, lit);
                } else if meta.path.is_ident(RENAME_ALL) {
                    let lit: LitStr = meta.value()?.parse()?;
                    match RenameRule::from_spelling(&lit.value()) {
                        Some(rule) => set_once(
                            cx,
                            &meta,
                            &mut out.rename_all,
                            WithSpan { value: rule, span: lit.span() },
                        ),
                        None => cx.error_spanned_by(
                            &lit,
                            format!(
                                "unknown rename_all rule {:?}: use one of {}",
                                lit.value(),
                                RenameRule::ALL.map(|(n, _)| format!("{n:?}")).join(", ")
                            ),
                        ),
                    }
                } else if meta.path.is_ident(CRATE) {
                    let lit: LitStr = meta.value()?.parse()?;
                    set_once(cx, &meta, &mut out.krate, lit.parse()?);
                } else {
                    let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
                    cx.error_spanned_by(
                        &meta.path,
                        format!("unknown layout attribute `{key}`: expected {CONTAINER_KEYS}"),
                    );
                    // Skip the rest of this item (`= value` or `(...)`) so the
                    // next key is still read.
                    if meta.input.peek(syn::Token![=]) {
                        meta.value()?.parse::<syn::Expr>()?;
                    } else if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                        meta.input.parse::<proc_macro2::Group>()?;
                    }
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

impl Member {
    /// `what` is "field" or "variant", for the messages.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute], what: &str) -> Self {
        let mut out = Member { doc: crate::doc::text(attrs), ..Member::default() };
        for attr in attrs.iter().filter(|a| a.path().is_ident(LAYOUT)) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(RENAME) {
                    let lit = identifier(cx, meta.value()?.parse()?);
                    set_once(cx, &meta, &mut out.rename, lit);
                    return Ok(());
                }
                let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
                let hint = match key.as_str() {
                    ALIGN => format!(
                        "`align` applies to a whole struct: put #[layout(align = N)] on the struct, not on a {what}"
                    ),
                    PACKED => format!("`packed` applies to a whole struct: put #[layout(packed)] on the struct, not on a {what}"),
                    RENAME_ALL | CRATE => format!("`{key}` belongs on the struct or enum, not on a {what}"),
                    _ => format!("unknown layout attribute `{key}` on a {what}: the only one a {what} takes is `rename = \"name\"`"),
                };
                cx.error_spanned_by(&meta.path, hint);
                if meta.input.peek(syn::Token![=]) {
                    meta.value()?.parse::<syn::Expr>()?;
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

impl Repr {
    pub fn from_attrs(attrs: &[Attribute]) -> Self {
        let mut out = Repr::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident(REPR)) {
            // rustc itself rejects malformed reprs; read what we understand.
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("C") {
                    out.c = Some(meta.path.span());
                } else if meta.path.is_ident("transparent") {
                    out.transparent = Some(meta.path.span());
                } else if meta.path.is_ident(PACKED) {
                    let n = paren_int(&meta);
                    out.packed = Some(WithSpan { value: n, span: meta.path.span() });
                    return Ok(());
                } else if meta.path.is_ident(ALIGN) {
                    if let Some(n) = paren_int(&meta) {
                        out.align = Some(WithSpan { value: n, span: meta.path.span() });
                    }
                    return Ok(());
                } else if let Some(ident) = meta.path.get_ident() {
                    let name = ident.to_string();
                    if matches!(name.as_str(), "u8" | "u16" | "u32" | "u64" | "u128" | "usize")
                        || matches!(name.as_str(), "i8" | "i16" | "i32" | "i64" | "i128" | "isize")
                    {
                        out.int = Some(ident.clone());
                    }
                }
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    meta.input.parse::<proc_macro2::Group>()?;
                }
                Ok(())
            });
        }
        out
    }
}

/// The `N` of `packed(N)` or `align(N)`, consuming the parenthesis.
fn paren_int(meta: &ParseNestedMeta) -> Option<u64> {
    if !meta.input.peek(syn::token::Paren) {
        return None;
    }
    let group: proc_macro2::Group = meta.input.parse().ok()?;
    syn::parse2::<syn::LitInt>(group.stream()).ok()?.base10_parse().ok()
}
