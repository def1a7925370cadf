//! The per-field parts of a struct's call into the `struct_layout!`
//! template (see `wasm_layout_core::__private::struct_layout`): the
//! descriptor's entry of every field, one entry per field in the list of
//! its kind, and the lists of checks and padding ranges. Field names,
//! types and visibilities are the input's own tokens.
//!
//! The tokens are appended one by one to a few streams rather than built as
//! many small `quote!` streams spliced together: each splice is a round trip
//! through the compiler's proc-macro bridge, which in a crate of hundreds of
//! structs is most of the derive's own run time.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
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
    /// `"x" 8 (descriptor) (rename);` per field, in declaration order.
    pub layout: TokenStream,
    /// `vis x x OFFSET_X set_x 8 u32, read_u32 write_u32;` per scalar field
    /// (the getter, then the member: `_0 0` in a tuple struct)
    /// every byte pattern of which is valid.
    pub scalars: TokenStream,
    /// The same, then `get_bool`, per scalar field some bytes of which are
    /// invalid (`bool`).
    pub checked_scalars: TokenStream,
    /// `vis x x OFFSET_X OFFSET_X set_x 8 Type, Builtin, [at] __wl x_mut encode [&];`
    /// per field that is not a scalar (the second `OFFSET_X` names its
    /// accessor alias, with underscores before it where the input uses
    /// that name: see `names::alias_underscores`).
    pub others: TokenStream,
    /// Offsets of the fields of a scalar type some of whose bytes are
    /// invalid (`bool`).
    pub bools: TokenStream,
    /// `Type = offset,` of the other fields whose bytes need a check.
    pub validated: TokenStream,
    /// `x offset check_write [&];` of the fields whose type is not known by
    /// its name (which may hold an `Option<WasmPtr<T>>`, whose
    /// `Some(WasmPtr::null())` cannot be written): the struct's
    /// `__check_write` checks them. Empty for a struct of known types.
    pub check: TokenStream,
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
/// unaligned, so it is copied, never borrowed; `underscores`: before each
/// accessor alias's name (see `names::alias_underscores`).
pub fn parts(
    fields: &[Field],
    p: Option<&Predicted>,
    packed: bool,
    underscores: usize,
    krate: &TokenStream,
) -> Parts {
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

        // "name" offset (descriptor) __wasm_layout_none;
        let lt = &mut parts.layout;
        lt.append(Literal::string(&f.name));
        lt.append(off.clone());
        let mut desc = TokenStream::new();
        match sc {
            Some(s) => {
                // `__wl::LAYOUT_U32` and its siblings, named after the scalar.
                desc.append(ident("__wl"));
                punct(&mut desc, "::");
                desc.append(format_ident!("LAYOUT_{}", s.rust_name().to_uppercase()));
            }
            None => {
                punct(&mut desc, "<");
                ty.to_tokens(&mut desc);
                desc.append(ident("as"));
                runtime_path(&mut desc, "WasmLayout");
                punct(&mut desc, ">");
                punct(&mut desc, "::");
                desc.append(ident("LAYOUT"));
            }
        }
        lt.append(Group::new(Delimiter::Parenthesis, desc));
        // `__wasm_layout_none`, a local the template binds to `None` (a local, not a
        // constant: an array of constants alone would be a promoted
        // constant, which rustc's const-propagation lint evaluates in
        // full for every struct), or `(Some("name"))`.
        match &f.attrs.rename {
            Some(lit) => {
                lt.append(Group::new(
                    Delimiter::Parenthesis,
                    quote::quote!(::core::option::Option::Some(#lit)),
                ));
            }
            None => lt.append(ident("__wasm_layout_none")),
        }
        punct(lt, ";");

        // vis getter member OFFSET_X [alias] set_x offset Type, kind…;
        let names = &f.names;
        let ts = match sc {
            Some(s) if s.any_bytes_valid() => &mut parts.scalars,
            Some(_) => &mut parts.checked_scalars,
            None => &mut parts.others,
        };
        f.vis.to_tokens(ts);
        ts.append(f.ident.clone());
        // The member the struct's own code names (`x`, or `0` in a tuple
        // struct), the user's token.
        f.member.to_tokens(ts);
        let offset = FieldNames::ident(f, &names.offset);
        ts.append(offset.clone());
        if sc.is_none() {
            ts.append(match underscores {
                0 => offset,
                k => FieldNames::ident(f, &names.alias(k)),
            });
        }
        ts.append(FieldNames::ident(f, &names.setter));
        ts.append(off.clone());
        ty.to_tokens(ts);
        punct(ts, ",");
        match (sc, &names.view_mut) {
            (Some(s), _) => {
                // read_x write_x, then for a type some of whose bytes are
                // invalid (`bool`) get_x, whose getter returns a `Result`.
                let n = s.rust_name();
                ts.append(format_ident!("read_{}", n));
                ts.append(format_ident!("write_{}", n));
                if !s.any_bytes_valid() {
                    ts.append(format_ident!("get_{}", n));
                }
            }
            (None, view_mut) => {
                // Builtin, [at] __wl x_mut encode [&]
                match (known(ty), p) {
                    (Some(_), Some(_)) => ts.extend(builtin(ty, krate)),
                    _ => {
                        ty.to_tokens(ts);
                        let c = &mut parts.check;
                        f.member.to_tokens(c);
                        c.append(off.clone());
                        let mut amp = TokenStream::new();
                        if packed {
                            c.append(ident("check_write_value"));
                        } else {
                            c.append(ident("check_write"));
                            punct(&mut amp, "&");
                        }
                        c.append(Group::new(Delimiter::Bracket, amp));
                        punct(c, ";");
                    }
                }
                punct(ts, ",");
                let at: Option<TokenTree> = checked.then(|| ident("at").into());
                ts.append(Group::new(Delimiter::Bracket, at.into_iter().collect()));
                // The field's own `WholeValue` bounds, which its setter needs.
                ts.append(Group::new(Delimiter::Bracket, super::whole::whole_bounds([&f.ty], krate)));
                ts.append(ident("__wl"));
                ts.extend(view_mut.as_ref().map(|n| FieldNames::ident(f, n)));
                let mut amp = TokenStream::new();
                if packed {
                    ts.append(ident("encode_value"));
                } else {
                    ts.append(ident("encode"));
                    punct(&mut amp, "&");
                }
                ts.append(Group::new(Delimiter::Bracket, amp));
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
