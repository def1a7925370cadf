//! The derive input, read from syn once, with each node keeping its tokens
//! for error spans.

use syn::visit_mut::VisitMut;
use syn::{Data as SynData, DeriveInput, Fields, Ident, Type, Visibility};

use wasm_layout_rules::Scalar;

use crate::attr::{Container, Member, Repr};
use crate::ctxt::Ctxt;
use crate::expand::predict::scalar;
use crate::names::{may_shadow, FieldNames};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub attrs: Container,
    pub repr: Repr,
    pub data: Data<'a>,
    pub original: &'a DeriveInput,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
    /// A union's members (see `expand::unions`).
    Union(Vec<Field<'a>>),
}

pub struct Field<'a> {
    /// The getter's name: the field's own identifier, or for a tuple
    /// struct's field `0` the identifier `_0` (see `names::FieldNames`),
    /// spanned on the field's type.
    pub ident: Ident,
    /// How the struct's own code names the field: `self.x`, or `self.0` in
    /// a tuple struct (the user's token, or an index spanned on the field).
    pub member: syn::Member,
    /// The name without `r#`; `"0"`, `"1"`, … in a tuple struct (the
    /// descriptor's name).
    pub name: String,
    pub vis: &'a Visibility,
    /// The field type with `Self` replaced by the struct's name, so it means
    /// the same inside the generated view impls.
    pub ty: Type,
    /// The scalar `ty` names, if it is one (read once: asking the compiler
    /// for an identifier's text is a round trip through the proc-macro
    /// bridge).
    pub scalar: Option<Scalar>,
    /// The names the field gives the struct and its views.
    pub names: FieldNames,
    /// The identifiers in `ty` that a name the expansion declares beside
    /// the field types could shadow (see `names::may_shadow`); almost
    /// always none.
    pub mentions: Vec<String>,
    pub attrs: Member,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: Member,
    pub original: &'a syn::Variant,
}

impl<'a> Input<'a> {
    /// Reads the input; errors go to `cx`. Always `Some` today: an input
    /// whose shape left nothing more to check would be `None`.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = Container::from_attrs(cx, &input.attrs);
        let repr = Repr::from_attrs(&input.attrs);
        let data = match &input.data {
            SynData::Struct(s) => match &s.fields {
                Fields::Named(named) => Data::Struct(
                    named
                        .named
                        .iter()
                        .enumerate()
                        .map(|(i, f)| Field::from_syn(cx, f, i, &input.ident))
                        .collect(),
                ),
                Fields::Unit => Data::Struct(Vec::new()),
                Fields::Unnamed(fields) => Data::Struct(
                    fields
                        .unnamed
                        .iter()
                        .enumerate()
                        .map(|(i, f)| Field::from_syn(cx, f, i, &input.ident))
                        .collect(),
                ),
            },
            SynData::Enum(e) => Data::Enum(
                e.variants
                    .iter()
                    .map(|v| Variant {
                        ident: &v.ident,
                        attrs: Member::from_attrs(cx, &v.attrs, "variant"),
                        original: v,
                    })
                    .collect(),
            ),
            SynData::Union(u) => Data::Union(
                u.fields
                    .named
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Field::from_syn(cx, f, i, &input.ident))
                    .collect(),
            ),
        };
        Some(Input { ident: &input.ident, vis: &input.vis, attrs, repr, data, original: input })
    }
}

impl<'a> Field<'a> {
    /// Field `index` of its struct: a named field, or a tuple struct's
    /// field `index`.
    fn from_syn(cx: &Ctxt, field: &'a syn::Field, index: usize, owner: &Ident) -> Self {
        let mut ty = field.ty.clone();
        let mut replace = ReplaceSelf::new(owner);
        replace.visit_type_mut(&mut ty);
        let scalar = scalar(&ty);
        let (ident, member, name, names) = match &field.ident {
            Some(ident) => {
                let name = syn::ext::IdentExt::unraw(ident).to_string();
                let names = FieldNames::of(&name, scalar.is_none());
                (ident.clone(), syn::Member::Named(ident.clone()), name, names)
            }
            None => {
                let span = syn::spanned::Spanned::span(&field.ty);
                let name = index.to_string();
                let names = FieldNames::of_tuple(&name, scalar.is_none());
                let ident = Ident::new(&names.getter(&name), span);
                (ident, syn::Member::Unnamed(syn::Index { index: index as u32, span }), name, names)
            }
        };
        Field {
            ident,
            member,
            names,
            name,
            vis: &field.vis,
            scalar,
            ty,
            mentions: replace.mentions,
            attrs: Member::from_attrs(cx, &field.attrs, "field"),
        }
    }
}

/// Replaces `Self` by the type's name in a field type, and keeps the
/// identifiers the expansion could shadow ([`mentions`](Self::mentions)):
/// one walk, reading each identifier's text once (each read is a round
/// trip through the proc-macro bridge).
pub struct ReplaceSelf<'a> {
    owner: &'a Ident,
    /// The identifiers of the type that [`may_shadow`] names, in order.
    pub mentions: Vec<String>,
}

impl<'a> ReplaceSelf<'a> {
    pub fn new(owner: &'a Ident) -> Self {
        ReplaceSelf { owner, mentions: Vec::new() }
    }

    fn note(&mut self, text: String) {
        if may_shadow(&text) {
            self.mentions.push(text);
        }
    }
}

impl VisitMut for ReplaceSelf<'_> {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        for seg in path.segments.iter_mut() {
            let text = seg.ident.to_string();
            if text == "Self" {
                seg.ident = Ident::new(&self.owner.to_string(), seg.ident.span());
            } else {
                self.note(text);
            }
        }
        syn::visit_mut::visit_path_mut(self, path);
    }

    /// A macro in a field type expands inside the expansion's scope: its
    /// tokens are read too (what its definition writes cannot be seen
    /// here; the derive rejects a macro as a field's whole type).
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        let mut trees: Vec<proc_macro2::TokenTree> = mac.tokens.clone().into_iter().collect();
        while let Some(tree) = trees.pop() {
            match tree {
                proc_macro2::TokenTree::Ident(ident) => self.note(ident.to_string()),
                proc_macro2::TokenTree::Group(g) => trees.extend(g.stream()),
                _ => {}
            }
        }
        syn::visit_mut::visit_macro_mut(self, mac);
    }
}
