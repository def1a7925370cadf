//! The per-field parts of a struct's call into the `struct_layout!`
//! template (see `wasm_layout_core::__private::struct_layout`): one entry
//! per field, and the lists of checks and padding ranges. Field names,
//! types and visibilities are the input's own tokens.
//!
//! The tokens are appended one by one to a few streams rather than built as
//! many small `quote!` streams spliced together: each splice is a round trip
//! through the compiler's proc-macro bridge, which in a crate of hundreds of
//! structs is most of the derive's own run time.

use proc_macro2::{Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{format_ident, ToTokens, TokenStreamExt};

use super::predict::{builtin, known, may_be_invalid, Predicted};
use crate::ast::Field;
use crate::names::FieldNames;

/// Field `i`'s offset: a literal, or on the general path the const `__O<i>`
/// the template defines from the rules' `StructShape` (a const argument
/// must be a literal or a name, never `{ expr }`: each braced argument is a
/// body of its own for rustc to check and evaluate).
pub fn offset(p: Option<&Predicted>, i: usize) -> TokenTree {
    match p {
        Some(p) => Literal::usize_unsuffixed(p.offsets[i]).into(),
        None => format_ident!("__O{}", i).into(),
    }
}

/// What the template is given besides the struct's own parts.
#[derive(Default)]
pub struct Parts {
    /// `vis x "x" OFFSET_X set_x 8 u32, rename, scalar … ;` per field.
    pub fields: TokenStream,
    /// Offsets of the fields of a scalar type some of whose bytes are
    /// invalid (`bool`).
    pub bools: TokenStream,
    /// `Type = offset,` of the other fields whose bytes need a check.
    pub validated: TokenStream,
    /// `start, end;` of each padding range.
    pub pad: TokenStream,
    /// Whether some field's bytes need a check (`bools` or `validated` is
    /// not empty): only then can the read-only view report an error, so only
    /// then does it carry its offset `at`.
    pub checked: bool,
}

/// Whether a field's bytes need a check: a scalar some of whose bytes are
/// invalid (`bool`), or, unless the layout is read off the names and the
/// type's every byte pattern is valid, any other type.
fn needs_check(f: &Field, p: Option<&Predicted>) -> bool {
    match f.scalar {
        Some(s) => !s.any_bytes_valid(),
        None => p.is_none() || may_be_invalid(&f.ty),
    }
}

fn ident(s: &str) -> Ident {
    Ident::new(s, Span::call_site())
}

fn punct(ts: &mut TokenStream, s: &str) {
    let last = s.len() - 1;
    for (i, c) in s.chars().enumerate() {
        ts.append(Punct::new(c, if i < last { Spacing::Joint } else { Spacing::Alone }));
    }
}

/// `__wl::NAME`.
fn runtime_path(ts: &mut TokenStream, name: &str) {
    ts.append(ident("__wl"));
    punct(ts, "::");
    ts.append(ident(name));
}

/// Builds the parts; `packed` (`#[repr(packed)]`): a field may be
/// unaligned, so it is copied, never borrowed.
pub fn parts(fields: &[Field], p: Option<&Predicted>, packed: bool, krate: &TokenStream) -> Parts {
    let checked = fields.iter().any(|f| needs_check(f, p));
    let mut parts = Parts { checked, ..Parts::default() };
    for (i, f) in fields.iter().enumerate() {
        let ty = &f.ty;
        let sc = f.scalar;
        let off = offset(p, i);
        // On the literal path, a field type whose every byte is valid by its
        // name needs no check of its bytes, only of its name.
        match sc {
            _ if !needs_check(f, p) => {}
            Some(_) => parts.bools.append(off.clone()),
            None => {
                ty.to_tokens(&mut parts.validated);
                punct(&mut parts.validated, "=");
                parts.validated.append(off.clone());
                punct(&mut parts.validated, ",");
            }
        }

        // vis ident "name" OFFSET_X set_x offset Type, rename, kind;
        let names = &f.names;
        let ts = &mut parts.fields;
        f.vis.to_tokens(ts);
        ts.append(f.ident.clone());
        ts.append(Literal::string(&f.name));
        ts.append(FieldNames::ident(f, &names.offset));
        ts.append(FieldNames::ident(f, &names.setter));
        ts.append(off.clone());
        ty.to_tokens(ts);
        punct(ts, ",");
        match &f.attrs.rename {
            Some(lit) => {
                ts.extend(quote::quote!(::core::option::Option::Some(#lit)));
            }
            None => runtime_path(ts, "NONE"),
        }
        punct(ts, ",");
        match (sc, &names.view_mut) {
            (Some(s), _) => {
                // scalar read_x write_x get LAYOUT_X Ret: a getter returns
                // the value itself, or for a type some of whose bytes are
                // invalid (`bool`), a `Result` of it.
                let n = s.rust_name();
                ts.append(ident("scalar"));
                let read = format_ident!("read_{}", n);
                ts.append(read.clone());
                ts.append(format_ident!("write_{}", n));
                if s.any_bytes_valid() {
                    ts.append(read);
                    ts.append(format_ident!("LAYOUT_{}", n.to_uppercase()));
                    ty.to_tokens(ts);
                } else {
                    ts.append(format_ident!("get_{}", n));
                    ts.append(format_ident!("LAYOUT_{}", n.to_uppercase()));
                    runtime_path(ts, "Checked");
                    punct(ts, "<");
                    ty.to_tokens(ts);
                    punct(ts, ">");
                    punct(ts, ",");
                    ts.append(ident("at"));
                }
            }
            (None, view_mut) => {
                // generic(__wl x_mut encode &)
                // generic(Builtin, [at] [where …] __wl x_mut encode &)
                let mut g = TokenStream::new();
                match (known(ty), p) {
                    (Some(_), Some(_)) => g.extend(builtin(ty, krate)),
                    _ => ty.to_tokens(&mut g),
                }
                punct(&mut g, ",");
                let at: Option<TokenTree> = checked.then(|| ident("at").into());
                g.append(proc_macro2::Group::new(proc_macro2::Delimiter::Bracket, at.into_iter().collect()));
                let whole = super::whole::whole_bounds([&f.ty], krate);
                g.append(proc_macro2::Group::new(proc_macro2::Delimiter::Bracket, whole));
                g.append(ident("__wl"));
                g.extend(view_mut.as_ref().map(|n| FieldNames::ident(f, n)));
                if packed {
                    g.append(ident("encode_value"));
                } else {
                    g.append(ident("encode"));
                    punct(&mut g, "&");
                }

                ts.append(ident("generic"));
                ts.append(proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, g));
            }
        }
        punct(ts, ";");
        // Zeroes the padding before this field: from where the previous
        // field ends to this field's offset.
        pad(&mut parts.pad, p, i, Some(off));
    }
    pad(&mut parts.pad, p, fields.len(), None);
    parts
}

/// The padding range before field `next` (or, with `at` `None`, the tail).
/// Known layouts write it only where there is padding.
fn pad(ts: &mut TokenStream, p: Option<&Predicted>, next: usize, at: Option<TokenTree>) {
    match p {
        Some(p) => {
            let start = next.checked_sub(1).map_or(0, |i| p.ends[i]);
            let end = p.offsets.get(next).copied().unwrap_or(p.size);
            if start < end {
                ts.append(Literal::usize_unsuffixed(start));
                punct(ts, ",");
                ts.append(Literal::usize_unsuffixed(end));
                punct(ts, ";");
            }
        }
        None => {
            match next.checked_sub(1) {
                Some(i) => {
                    let i = Literal::usize_unsuffixed(i);
                    ts.extend(quote::quote!(__SHAPE.ends[#i]));
                }
                None => ts.append(Literal::usize_unsuffixed(0)),
            }
            punct(ts, ",");
            ts.append(at.unwrap_or_else(|| ident("__N").into()));
            punct(ts, ";");
        }
    }
}
