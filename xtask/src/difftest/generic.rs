//! Generic structs in the random shapes: a definition `G<T, const N: usize>`
//! whose fields are `T`, `[T; k]` or `[T; N]` (so no instantiation has
//! padding, which a generic struct's bytes require), instantiated with a
//! scalar, a fieldless enum, an array of scalars, a pointer or a new struct
//! as `T`, and reused within a shape so that one definition is often
//! instantiated twice.
//!
//! To the reference and to C an instantiation is a plain struct with the
//! arguments substituted, named as the bindings name it (`G1_2_u32_3` for
//! `G1_2<u32, 3>`, the rule restated here); the Rust side declares the
//! definition once and names each instantiation by its arguments, and its
//! table prints the descriptor's name in the bindings, so a slip in the
//! naming rule shows as a missing type.

use std::fmt::Write as _;

use super::shape::{Decl, Form, Gen, Repr, Shape, StructDef, Target, Ty, SCALARS};

/// A field of a generic definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GField {
    /// `T`.
    T,
    /// `[T; k]`.
    Array(usize),
    /// `[T; N]`.
    N,
}

/// A generic struct definition.
#[derive(Debug, Clone)]
pub(super) struct GenericDef {
    pub(super) name: String,
    pub(super) fields: Vec<GField>,
    /// Whether it has the const parameter `N`.
    pub(super) const_n: bool,
}

/// One instantiation: the struct (in [`Shape::structs`]) it is to the
/// reference and C.
#[derive(Debug, Clone)]
pub(super) struct Instance {
    pub(super) index: usize,
    pub(super) generic: usize,
    pub(super) arg: Ty,
    pub(super) n: usize,
}

impl Gen {
    /// An instantiation of a generic struct at nesting `depth`: of a new
    /// definition, or of one this shape already has; returns it as a field
    /// type.
    pub(super) fn generic(&mut self, depth: usize) -> Ty {
        let existing = self.shape.generics.len();
        let g = if existing > 0 && self.rng.percent(50) {
            self.rng.below(existing)
        } else {
            let name = self.name('G');
            let const_n = self.rng.percent(50);
            let mut fields: Vec<GField> = (0..1 + self.rng.below(3))
                .map(|_| match self.rng.below(3) {
                    0 => GField::Array(self.rng.below(4)),
                    1 if const_n => GField::N,
                    _ => GField::T,
                })
                .collect();
            if const_n && !fields.contains(&GField::N) {
                fields.push(GField::N);
            }
            self.shape.generics.push(GenericDef { name, fields, const_n });
            existing
        };
        let arg = match self.rng.below(8) {
            0 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            1 => Ty::Enum(self.enumeration()),
            2 => {
                Ty::Array(Box::new(Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())])), 1 + self.rng.below(3))
            }
            3 => Ty::Ptr(Target::Scalar(SCALARS[self.rng.below(SCALARS.len())])),
            _ => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        };
        let n = if self.shape.generics[g].const_n { self.rng.below(4) } else { 0 };
        let name = self.shape.instance_name(g, &arg, n);
        // One struct per distinct instantiation, as the bindings have it.
        if let Some(i) = self.shape.structs.iter().position(|d| d.name == name) {
            return Ty::Struct(i);
        }
        let fields = self.shape.generics[g]
            .fields
            .iter()
            .map(|f| match f {
                GField::T => arg.clone(),
                GField::Array(k) => Ty::Array(Box::new(arg.clone()), *k),
                GField::N => Ty::Array(Box::new(arg.clone()), n),
            })
            .collect();
        self.shape.structs.push(StructDef { name, fields, repr: Repr::Natural, tuple: Form::Named });
        let index = self.shape.structs.len() - 1;
        self.shape.order.push(Decl::Struct(index));
        self.shape.instances.push(Instance { index, generic: g, arg, n });
        Ty::Struct(index)
    }
}

impl Shape {
    /// The bindings' name of an instantiation: the definition's name, then
    /// `_` and each argument's name.
    fn instance_name(&self, g: usize, arg: &Ty, n: usize) -> String {
        let def = &self.generics[g];
        let mut name = format!("{}_{}", def.name, self.arg_name(arg));
        if def.const_n {
            let _ = write!(name, "_{n}");
        }
        name
    }

    fn arg_name(&self, ty: &Ty) -> String {
        match ty {
            Ty::Scalar(s) => s.rust().to_string(),
            Ty::Struct(i) => self.structs[*i].name.clone(),
            Ty::Enum(i) => self.enums[*i].name.clone(),
            Ty::Array(elem, k) => format!("{}x{k}", self.arg_name(elem)),
            Ty::Ptr(Target::Scalar(s)) => format!("ptr_{}", s.rust()),
            _ => unreachable!("not an argument the generator makes: {ty:?}"),
        }
    }

    /// The instantiation struct `i` is, if it is one.
    pub(super) fn instance(&self, i: usize) -> Option<&Instance> {
        self.instances.iter().find(|inst| inst.index == i)
    }

    /// The Rust type of the struct or enum named `name` (a pointer's
    /// target): an instantiation's `G1_2<u32, 3>`, else the name.
    pub(super) fn rust_named(&self, name: &str) -> String {
        let instance = self.structs.iter().position(|d| d.name == name).and_then(|i| self.instance(i));
        match instance {
            Some(inst) => self.rust_instance(inst),
            None => name.to_string(),
        }
    }

    /// An instantiation's Rust type: `G1_2<u32, 3>`.
    pub(super) fn rust_instance(&self, inst: &Instance) -> String {
        let def = &self.generics[inst.generic];
        let arg = self.rust_ty(&inst.arg);
        match def.const_n {
            true => format!("{}<{arg}, {}>", def.name, inst.n),
            false => format!("{}<{arg}>", def.name),
        }
    }

    /// The generic definitions as Rust items.
    pub(super) fn rust_generics(&self) -> String {
        let mut s = String::new();
        for def in &self.generics {
            let params = if def.const_n { "<T, const N: usize>" } else { "<T>" };
            let _ = write!(s, "#[derive(WasmLayout, Clone, Copy)]\npub struct {}{params} {{", def.name);
            for (j, f) in def.fields.iter().enumerate() {
                let ty = match f {
                    GField::T => "T".to_string(),
                    GField::Array(k) => format!("[T; {k}]"),
                    GField::N => "[T; N]".to_string(),
                };
                let _ = write!(s, " pub f{j}: {ty},");
            }
            s.push_str(" }\n");
        }
        s
    }
}
