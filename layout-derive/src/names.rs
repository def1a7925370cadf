//! The Rust names the derive emits for a struct, in one place: how each is
//! spelled, and the check that no two of them clash, through the
//! generated-name registry of `wasm_layout_rules::names` (the one the
//! binding generators use for their languages).

use proc_macro2::Ident;
use quote::format_ident;
use wasm_layout_rules::names::{is_tuple_field, tuple_field, Lang, NameError, Scope, ScopeKind};

use crate::ast::Field;
use crate::ctxt::Ctxt;

/// The read-only view type of `name`: `<Name>Ref`.
pub fn ref_view(name: &Ident) -> Ident {
    format_ident!("{}Ref", name)
}

/// The mutable view type of `name`: `<Name>Mut`.
pub fn mut_view(name: &Ident) -> Ident {
    format_ident!("{}Mut", name)
}

/// The names one field gives the struct (`OFFSET_<F>`) and its views (the
/// getter is the field's own identifier; `set_<f>`; and for fields that are
/// not scalars `<f>_mut`).
///
/// A tuple struct's field `0` (`struct Pair(u32, f32)`) has the getter
/// `_0` (the name every output gives it, see
/// [`tuple_field`](wasm_layout_rules::names::tuple_field)), the setter
/// `set_0`, the mutable view `_0_mut` and the constant `OFFSET_0`, as a
/// tuple variant's field has in an enum's case views.
pub struct FieldNames {
    pub offset: String,
    pub setter: String,
    /// `None` for scalar fields, which have no mutable view of their own.
    pub view_mut: Option<String>,
}

impl FieldNames {
    /// The names of field `name` (without `r#`); `view_mut`: whether it has
    /// a mutable view of its own (it is not a scalar).
    pub fn of(name: &str, view_mut: bool) -> Self {
        FieldNames {
            offset: format!("OFFSET_{}", name.to_uppercase()),
            setter: format!("set_{name}"),
            view_mut: view_mut.then(|| format!("{name}_mut")),
        }
    }

    /// The names of tuple field `index` (`"0"`): `OFFSET_0`, `set_0` and,
    /// with `view_mut`, `_0_mut`.
    pub fn of_tuple(index: &str, view_mut: bool) -> Self {
        FieldNames {
            offset: format!("OFFSET_{index}"),
            setter: format!("set_{index}"),
            view_mut: view_mut.then(|| format!("{}_mut", tuple_field(index))),
        }
    }

    /// The name of the field's accessor alias in the expansion's scope
    /// (`type OFFSET_POS = __wl::At<Point, 8>`): the offset constant's name
    /// after `underscores` underscores (see [`alias_underscores`]).
    pub fn alias(&self, underscores: usize) -> String {
        format!("{}{}", "_".repeat(underscores), self.offset)
    }

    /// The getter of field `name` (its name without `r#`, or a tuple
    /// field's index): the name itself, or `_0` for tuple field `0`.
    pub fn getter(&self, name: &str) -> String {
        match is_tuple_field(name) {
            true => tuple_field(name),
            false => String::from(name),
        }
    }

    /// `name` as an identifier spanned on field `f`.
    pub fn ident(f: &Field, name: &str) -> Ident {
        Ident::new(name, f.ident.span())
    }
}

/// Whether an identifier of the input could be shadowed by a name the
/// struct expansion declares in the scope where it reads the field types:
/// a field's accessor alias, `OFFSET_<F>` after some underscores (see
/// [`alias_underscores`]).
pub fn may_shadow(text: &str) -> bool {
    text.trim_start_matches('_').starts_with("OFFSET_")
}

/// How many underscores go before each field's `OFFSET_<F>` to name its
/// accessor alias: none, unless the struct's `name` or an identifier in a
/// field type is one of the aliases (`struct S { pos: OFFSET_POS }`, where
/// `type OFFSET_POS = __wl::At<OFFSET_POS, 0>` would refer to itself); then
/// the fewest with which no alias is such an identifier. The input names
/// finitely many identifiers, so some count is free.
pub fn alias_underscores(name: &str, fields: &[Field]) -> usize {
    let mut mentions: Vec<&str> = fields.iter().flat_map(|f| f.mentions.iter().map(String::as_str)).collect();
    if may_shadow(name) {
        mentions.push(name);
    }
    if mentions.is_empty() {
        return 0;
    }
    let aliased = || fields.iter().filter(|f| f.scalar.is_none());
    (0..).find(|&k| aliased().all(|f| !mentions.contains(&f.names.alias(k).as_str()))).unwrap_or_default()
}

/// Declares every name the expansion of struct `name` emits, in the order
/// of the fields; a name that two items would share is an error at the
/// second field, naming both items.
pub fn check(cx: &Ctxt, name: &Ident, fields: &[Field]) {
    let mut items = Scope::new(Lang::Rust, ScopeKind::Items);
    for (view, what) in [(ref_view(name), "read-only"), (mut_view(name), "mutable")] {
        if let Err(e) = items.declare(&view.to_string(), &format!("the {what} view of `{name}`")) {
            cx.error_spanned_by(name, message(&e));
        }
    }
    // `<Name>Mut` has every method `<Name>Ref` has, and more.
    let mut methods = Scope::new(Lang::Rust, ScopeKind::Members);
    let mut consts = Scope::new(Lang::Rust, ScopeKind::Members);
    for f in fields {
        let names = &f.names;
        let x = &f.name;
        let mut declared = vec![
            consts.declare(&names.offset, &format!("the offset constant of field `{x}`")),
            methods.declare(&names.getter(x), &format!("the getter of field `{x}`")),
            methods.declare(&names.setter, &format!("the setter of field `{x}`")),
        ];
        if let Some(view_mut) = &names.view_mut {
            declared.push(methods.declare(view_mut, &format!("the mutable view of field `{x}`")));
        }
        for e in declared.into_iter().filter_map(Result::err) {
            cx.error_spanned_by(&f.ident, message(&e));
        }
    }
}

/// The registry's error, told in Rust terms: a Rust name follows the field
/// name (`#[layout(rename)]` renames only in the bindings).
fn message(e: &NameError) -> String {
    match e {
        NameError::Clash { name, first, second, .. } => {
            format!("{first} and {second} would both be named `{name}`: rename one of the fields")
        }
        NameError::Reserved { name, item, .. } => {
            format!("{item} would be named `{name}`, a reserved word in Rust")
        }
    }
}
