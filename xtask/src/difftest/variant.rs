//! Enums with fields (`#[repr(C, u8/u16/u32)]`): generated, written in
//! Rust and in C, and laid out by the reference rules.
//!
//! Rust defines `#[repr(C, int)]` as a `repr(C)` struct of the tag and a
//! `repr(C)` union of one `repr(C)` struct per case; the C twin is exactly
//! that (unit cases, being empty, left out of the union). Their numbers are
//! the size, the alignment, the payload's offset and every case field's
//! offset from the start of the enum.

use std::fmt::Write as _;

use super::reference::round_up;
use super::shape::{Gen, Sc, Shape, Ty};

/// The tags an enum with fields may have.
const TAGS: [Sc; 3] = [Sc::U8, Sc::U16, Sc::U32];

#[derive(Debug, Clone)]
pub(crate) struct VariantDef {
    pub(crate) name: String,
    pub(crate) tag: Sc,
    pub(crate) cases: Vec<CaseDef>,
}

#[derive(Debug, Clone)]
pub(crate) struct CaseDef {
    pub(crate) fields: Vec<Ty>,
    /// `C1(T, U)` rather than `C1 { f0: T, f1: U }`.
    pub(crate) tuple: bool,
}

impl Gen {
    /// An enum with fields at nesting `depth`; returns its index. The first
    /// case has a field (an enum of unit cases only is a fieldless one).
    pub(crate) fn variant(&mut self, depth: usize) -> usize {
        let name = self.name('V');
        let tag = TAGS[self.rng.below(TAGS.len())];
        let cases = (0..1 + self.rng.below(4))
            .map(|k| {
                let n = if k == 0 { 1 + self.rng.below(3) } else { self.rng.below(4) };
                let fields = (0..n).map(|_| self.case_field(depth, &name)).collect();
                CaseDef { fields, tuple: self.rng.percent(50) }
            })
            .collect();
        self.shape.variants.push(VariantDef { name, tag, cases });
        let i = self.shape.variants.len() - 1;
        self.shape.order.push(super::shape::Decl::Variant(i));
        i
    }

    /// A case's field: any field type but a struct held by value (the
    /// derive checks the enum's size against Rust's own on the host, where
    /// a struct without `#[repr(C)]` is laid out otherwise).
    fn case_field(&mut self, depth: usize, own: &str) -> Ty {
        let ty = self.field(depth + 1, own);
        if holds_struct(&ty) {
            Ty::Scalar(Sc::U16)
        } else {
            ty
        }
    }
}

fn holds_struct(ty: &Ty) -> bool {
    match ty {
        Ty::Struct(_) | Ty::Union(_) => true,
        Ty::Array(t, _) | Ty::OptTagged(t) => holds_struct(t),
        _ => false,
    }
}

impl Shape {
    /// The enum as a Rust item.
    pub(crate) fn rust_variant(&self, v: &VariantDef) -> String {
        let mut s = format!(
            "#[derive(WasmLayout, Clone, Copy)]\n#[repr(C, {})]\npub enum {} {{",
            v.tag.rust(),
            v.name
        );
        for (k, c) in v.cases.iter().enumerate() {
            let tys: Vec<String> = c.fields.iter().map(|t| self.rust_ty(t)).collect();
            match (c.fields.is_empty(), c.tuple) {
                (true, _) => write!(s, " C{k},"),
                (false, true) => write!(s, " C{k}({}),", tys.join(", ")),
                (false, false) => {
                    let named: Vec<String> =
                        tys.iter().enumerate().map(|(j, t)| format!("f{j}: {t}")).collect();
                    write!(s, " C{k} {{ {} }},", named.join(", "))
                }
            }
            .expect("writing to a String");
        }
        s.push_str(" }\n");
        s
    }

    /// The enum as a C struct of the tag and a union of the cases' structs.
    pub(crate) fn c_variant(&self, v: &VariantDef) -> String {
        let mut s = format!("struct {} {{ {} tag; union {{", v.name, v.tag.c());
        for (k, c) in v.cases.iter().enumerate().filter(|(_, c)| !c.fields.is_empty()) {
            s.push_str(" struct {");
            for (j, ty) in c.fields.iter().enumerate() {
                let (base, dims) = self.c_parts(ty);
                let sep = if base.ends_with('*') { "" } else { " " };
                let _ = write!(s, " {base}{sep}f{j}{dims};");
            }
            let _ = write!(s, " }} c{k};");
        }
        s.push_str(" } payload; };\n");
        s
    }

    /// The members whose offsets are the enum's numbers, in order:
    /// `payload`, then `payload.c<k>.f<j>` of every case field.
    pub(crate) fn variant_members(v: &VariantDef) -> Vec<String> {
        let fields = v
            .cases
            .iter()
            .enumerate()
            .flat_map(|(k, c)| (0..c.fields.len()).map(move |j| format!("payload.c{k}.f{j}")));
        std::iter::once("payload".to_string()).chain(fields).collect()
    }
}

/// Size, alignment and offsets (see [`Shape::variant_members`]) by the C
/// rules, given each case field's size and alignment.
pub(crate) fn variant_numbers(
    v: &VariantDef,
    size_align: &dyn Fn(&Ty) -> (usize, usize),
) -> (usize, usize, Vec<usize>) {
    let t = v.tag.size();
    let (mut union_size, mut union_align, mut locals) = (0, 1, Vec::new());
    for c in &v.cases {
        let (mut at, mut align) = (0, 1);
        for ty in &c.fields {
            let (s, a) = size_align(ty);
            at = round_up(at, a);
            locals.push(at);
            at += s;
            align = align.max(a);
        }
        union_size = union_size.max(round_up(at, align));
        union_align = union_align.max(align);
    }
    let union_size = round_up(union_size, union_align);
    let payload = round_up(t, union_align);
    let align = t.max(union_align);
    let offsets = std::iter::once(payload).chain(locals.iter().map(|o| payload + o)).collect();
    (round_up(payload + union_size, align), align, offsets)
}
