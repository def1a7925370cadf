//! Enums with fields (`#[repr(C, u8)]`, `C, u16`, `C, u32`): the cases read
//! from syn, the rules they must follow, and the Rust names their expansion
//! emits (declared in a `wasm_layout_rules::names` scope, so a clash is an
//! error at the variant or field).

use proc_macro2::Span;
use quote::format_ident;
use syn::visit_mut::VisitMut;
use syn::{Fields, Ident, Type};
use wasm_layout_rules::names::{tuple_field, Lang, NameError, Scope, ScopeKind};
use wasm_layout_rules::Scalar;

use crate::ast::{Input, ReplaceSelf, Variant};
use crate::attr::Member;
use crate::check::{check_type, one_of};
use crate::ctxt::Ctxt;

/// The tags an enum with fields may use.
pub const TAGS: [Scalar; 3] = [Scalar::U8, Scalar::U16, Scalar::U32];

/// One case: its variant and fields.
pub struct Case<'a> {
    pub variant: &'a Variant<'a>,
    pub fields: Vec<CaseField<'a>>,
    /// `Name(…)` rather than `Name { … }`.
    pub tuple: bool,
    /// The case's views: `<Enum><Variant>Ref` and `<Enum><Variant>Mut`
    /// (emitted only for a case with fields).
    pub view: Ident,
    pub view_mut: Ident,
}

/// One field of a case.
pub struct CaseField<'a> {
    /// The field's identifier, or `None` in a tuple variant.
    pub ident: Option<&'a Ident>,
    /// The name in the descriptor: the identifier without `r#`, or `"0"`,
    /// `"1"`, … in a tuple variant.
    pub name: String,
    /// The field type, with `Self` replaced by the enum's name.
    pub ty: Type,
    pub attrs: Member,
    /// The getter (`radius`, `_0`), the setter (`set_radius`, `set_0`) and
    /// the mutable view (`radius_mut`, `_0_mut`) of the case's views.
    pub getter: Ident,
    pub setter: Ident,
    pub view_mut: Ident,
    /// The span errors about it point at.
    pub span: Span,
}

/// The cases of an enum with fields (read once the checks passed).
pub fn cases<'a>(cx: &Ctxt, input: &Input, variants: &'a [Variant<'a>]) -> Vec<Case<'a>> {
    let ident = input.ident;
    variants
        .iter()
        .map(|v| {
            let fields = v
                .original
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let mut ty = f.ty.clone();
                    ReplaceSelf::new(ident).visit_type_mut(&mut ty);
                    let span =
                        f.ident.as_ref().map_or_else(|| syn::spanned::Spanned::span(&f.ty), Ident::span);
                    let name = match &f.ident {
                        Some(id) => syn::ext::IdentExt::unraw(id).to_string(),
                        None => i.to_string(),
                    };
                    let (getter, setter, view_mut) = match &f.ident {
                        Some(id) => (
                            id.clone(),
                            format_ident!("set_{}", name, span = span),
                            format_ident!("{}_mut", name, span = span),
                        ),
                        // As a tuple struct's field (see `names::FieldNames`).
                        None => {
                            let getter = Ident::new(&tuple_field(&name), span);
                            let view_mut = format_ident!("{}_mut", getter);
                            (getter, format_ident!("set_{}", i, span = span), view_mut)
                        }
                    };
                    CaseField {
                        ident: f.ident.as_ref(),
                        name,
                        ty,
                        attrs: Member::from_attrs(cx, &f.attrs, "field"),
                        getter,
                        setter,
                        view_mut,
                        span,
                    }
                })
                .collect();
            Case {
                variant: v,
                fields,
                tuple: matches!(v.original.fields, Fields::Unnamed(_)),
                view: format_ident!("{}{}Ref", ident, v.ident),
                view_mut: format_ident!("{}{}Mut", ident, v.ident),
            }
        })
        .collect()
}

/// The scalar of the tag, once [`check`] passed.
pub fn tag(input: &Input) -> Option<Scalar> {
    let int = input.repr.int.as_ref()?;
    TAGS.into_iter().find(|s| int == s.rust_name())
}

/// Checks an enum whose variants have fields: `C` and a `u8`/`u16`/`u32`
/// tag in its repr, supported field types, and Rust names that do not clash.
pub fn check(cx: &Ctxt, input: &Input, variants: &[Variant]) {
    let fix = one_of(&TAGS.map(|s| format!("#[repr(C, {})]", s.rust_name())));
    match (&input.repr.int, input.repr.c) {
        // #[repr(u8)] alone lays out each case as its own struct starting
        // with the tag, not a tag and a union: C has no such type.
        (Some(int), None) => cx.error_spanned_by(
            int,
            format!("an enum with fields needs `C` in its repr to have a wasm32 layout (a tag, then a union of the cases): write #[repr(C, {int})]"),
        ),
        (None, _) => cx.error_spanned_by(
            input.ident,
            format!("an enum with fields needs `C` and a tag type in its repr to have a wasm32 layout (a tag, then a union of the cases): write {fix}"),
        ),
        (Some(int), Some(_)) if tag(input).is_none() => {
            cx.error_spanned_by(int, format!("#[repr(C, {int})] is not supported for an enum with fields: use {fix}"))
        }
        _ => {}
    }
    let cases = cases(cx, input, variants);
    for case in &cases {
        for f in &case.fields {
            check_type(cx, &f.ty);
        }
    }
    names(cx, input.ident, &cases);
}

/// Declares every Rust name the expansion emits; a clash is an error at the
/// second item.
fn names(cx: &Ctxt, name: &Ident, cases: &[Case]) {
    let mut items = Scope::new(Lang::Rust, ScopeKind::Items);
    for (view, what) in
        [(format_ident!("{}Ref", name), "read-only"), (format_ident!("{}Mut", name), "mutable")]
    {
        if let Err(e) = items.declare(&view.to_string(), &format!("the {what} view of `{name}`'s cases")) {
            cx.error_spanned_by(name, message(&e));
        }
    }
    for case in cases {
        let v = case.variant.ident;
        // A case without fields has no views of its own.
        let views = if case.fields.is_empty() {
            &[][..]
        } else {
            &[(&case.view, "read-only"), (&case.view_mut, "mutable")][..]
        };
        for &(view, what) in views {
            if let Err(e) = items.declare(&view.to_string(), &format!("the {what} view of case `{v}`")) {
                cx.error_spanned_by(v, message(&e));
            }
        }
        let mut methods = Scope::new(Lang::Rust, ScopeKind::Members);
        for f in &case.fields {
            let x = &f.name;
            let declared = [
                methods.declare(&f.getter.to_string(), &format!("the getter of field `{x}` of case `{v}`")),
                methods.declare(&f.setter.to_string(), &format!("the setter of field `{x}` of case `{v}`")),
                methods.declare(
                    &f.view_mut.to_string(),
                    &format!("the mutable view of field `{x}` of case `{v}`"),
                ),
            ];
            for e in declared.into_iter().filter_map(Result::err) {
                cx.syn_error(syn::Error::new(f.span, message(&e)));
            }
        }
    }
}

fn message(e: &NameError) -> String {
    match e {
        NameError::Clash { name, first, second, .. } => {
            format!("{first} and {second} would both be named `{name}`: rename one of them")
        }
        NameError::Reserved { name, item, .. } => {
            format!("{item} would be named `{name}`, a reserved word in Rust")
        }
    }
}
