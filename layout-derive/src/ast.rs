//! The derive input, read from syn once, with each node keeping its tokens
//! for error spans.

use syn::visit_mut::VisitMut;
use syn::{Data as SynData, DeriveInput, Fields, Ident, Type, Visibility};

use wasm_layout_rules::Scalar;

use crate::attr::{Container, Member, Repr};
use crate::ctxt::Ctxt;
use crate::expand::predict::scalar;
use crate::names::FieldNames;

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
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The name without `r#`.
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
    pub attrs: Member,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: Member,
    pub original: &'a syn::Variant,
}

impl<'a> Input<'a> {
    /// Reads the input; `None` when its shape (a union, a tuple struct) leaves
    /// nothing more to check. Errors go to `cx`.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = Container::from_attrs(cx, &input.attrs);
        let repr = Repr::from_attrs(&input.attrs);
        let data = match &input.data {
            SynData::Struct(s) => match &s.fields {
                Fields::Named(named) => {
                    Data::Struct(named.named.iter().map(|f| Field::from_syn(cx, f, &input.ident)).collect())
                }
                Fields::Unit => Data::Struct(Vec::new()),
                Fields::Unnamed(fields) => {
                    cx.error_spanned_by(
                        fields,
                        "tuple structs are not supported: give the fields names (`struct Pair { a: u32, b: u32 }`), which become the getters and the field names in TypeScript, C and Odin",
                    );
                    return None;
                }
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
            SynData::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "unions are not supported: a union has no single field layout to check; use a struct with a fieldless `#[repr(u8)]` enum tag and one field per case",
                );
                return None;
            }
        };
        Some(Input { ident: &input.ident, vis: &input.vis, attrs, repr, data, original: input })
    }
}

impl<'a> Field<'a> {
    fn from_syn(cx: &Ctxt, field: &'a syn::Field, owner: &Ident) -> Self {
        let ident = field.ident.as_ref().expect("named field");
        let mut ty = field.ty.clone();
        ReplaceSelf(owner).visit_type_mut(&mut ty);
        let name = syn::ext::IdentExt::unraw(ident).to_string();
        let scalar = scalar(&ty);
        Field {
            ident,
            names: FieldNames::of(&name, scalar.is_none()),
            name,
            vis: &field.vis,
            scalar,
            ty,
            attrs: Member::from_attrs(cx, &field.attrs, "field"),
        }
    }
}

pub struct ReplaceSelf<'a>(pub &'a Ident);

impl VisitMut for ReplaceSelf<'_> {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        for seg in path.segments.iter_mut() {
            if seg.ident == "Self" {
                seg.ident = Ident::new(&self.0.to_string(), seg.ident.span());
            }
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}
