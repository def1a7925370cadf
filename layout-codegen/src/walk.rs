//! The language-neutral walk: which named types a set of roots needs, in the
//! order generated code must declare them.

use alloc::collections::{BTreeMap, VecDeque};
use alloc::vec::Vec;

use crate::BindingsError;
use wasm_layout_core::descriptor::{FieldLayout, TypeKind, TypeLayout};
use wasm_layout_core::fingerprint;

/// Every struct and enum reachable from `roots`, each once, dependencies
/// first.
///
/// The order is deterministic: roots in the order given, each preceded by
/// the types its fields use (in declaration order, depth first); then the
/// targets of pointers and the elements of slices met on the way, in the order met (a pointer needs no
/// declaration before it, which is how self-referential types work). Two
/// types with one generated name are the same type when their fingerprints
/// agree, and a [`BindingsError::NameConflict`] otherwise.
///
/// ```
/// use wasm_layout_codegen::walk::collect;
/// use wasm_layout_core::WasmLayout;
/// assert!(collect(&[u32::LAYOUT, <[u8; 4]>::LAYOUT]).unwrap().is_empty());
/// ```
pub fn collect(roots: &[&'static TypeLayout]) -> Result<Vec<&'static TypeLayout>, BindingsError> {
    let mut walk = Walk { out: Vec::new(), seen: BTreeMap::new(), pointers: VecDeque::new() };
    for root in roots {
        walk.visit(root)?;
    }
    while let Some(target) = walk.pointers.pop_front() {
        walk.visit(target)?;
    }
    Ok(walk.out)
}

struct Walk {
    out: Vec<&'static TypeLayout>,
    seen: BTreeMap<&'static str, (&'static str, u64)>,
    pointers: VecDeque<&'static TypeLayout>,
}

impl Walk {
    fn visit(&mut self, ty: &'static TypeLayout) -> Result<(), BindingsError> {
        match ty.kind {
            TypeKind::Scalar(_) | TypeKind::Str => Ok(()),
            TypeKind::Pointer(p) => {
                self.pointers.push_back((p.target)());
                Ok(())
            }
            // A slice's elements are reached as a pointer's target is: a
            // struct may hold a slice of itself.
            TypeKind::Slice(s) => {
                self.pointers.push_back((s.elem)());
                Ok(())
            }
            TypeKind::Array(a) => self.visit(a.elem),
            TypeKind::Struct(s) => {
                if self.seen_before(ty)? {
                    return Ok(());
                }
                for field in s.fields {
                    self.visit(field.ty)?;
                }
                self.declare(ty)
            }
            TypeKind::Enum(_) => {
                if self.seen_before(ty)? {
                    return Ok(());
                }
                self.declare(ty)
            }
            TypeKind::Variant(v) => {
                if self.seen_before(ty)? {
                    return Ok(());
                }
                for field in v.cases.iter().flat_map(|c| c.fields) {
                    self.visit(field.ty)?;
                }
                self.declare(ty)
            }
            TypeKind::Option(o) => self.visit(o.some),
        }
    }

    fn seen_before(&self, ty: &'static TypeLayout) -> Result<bool, BindingsError> {
        match self.seen.get(ty.export_name()) {
            None => Ok(false),
            Some(&(_, print)) if print == fingerprint(ty) => Ok(true),
            Some(&(first, _)) => {
                Err(BindingsError::NameConflict { name: ty.export_name(), first, second: ty.name })
            }
        }
    }

    fn declare(&mut self, ty: &'static TypeLayout) -> Result<(), BindingsError> {
        // A struct cannot contain itself by value, so nothing under this name
        // was declared while its fields were walked; check anyway.
        if self.seen_before(ty)? {
            return Ok(());
        }
        self.seen.insert(ty.export_name(), (ty.name, fingerprint(ty)));
        self.out.push(ty);
        Ok(())
    }
}

/// The fields of every case of an enum with fields; none for anything else.
pub(crate) fn case_fields(ty: &TypeLayout) -> impl Iterator<Item = &'static FieldLayout> {
    let cases = match ty.kind {
        TypeKind::Variant(v) => v.cases,
        _ => &[],
    };
    cases.iter().flat_map(|c| c.fields)
}

/// The strings and slices a file needs: those the fields of `types` use
/// (in arrays and slices too), and `roots` that are one themselves
/// (`Bindings::new().add::<WasmStr>()` asks for `WasmStr` and `readStr`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Pairs {
    /// Whether a `WasmStr` is used.
    pub(crate) strings: bool,
    /// Each distinct `WasmSlice<T>` layout once, in the order met.
    pub(crate) slices: Vec<&'static TypeLayout>,
}

/// The [`Pairs`] of `roots` and the fields of `types`.
pub(crate) fn pairs(roots: &[&'static TypeLayout], types: &[&'static TypeLayout]) -> Pairs {
    fn visit(t: &'static TypeLayout, str_used: &mut bool, slices: &mut Vec<&'static TypeLayout>) {
        match t.kind {
            TypeKind::Str => *str_used = true,
            TypeKind::Array(a) => visit(a.elem, str_used, slices),
            TypeKind::Option(o) => visit(o.some, str_used, slices),
            TypeKind::Slice(s) => {
                let print = fingerprint(t);
                if !slices.iter().any(|known| fingerprint(known) == print) {
                    // The element first: a slice of slices names the inner one.
                    let elem = (s.elem)();
                    if !matches!(elem.kind, TypeKind::Struct(_) | TypeKind::Enum(_)) {
                        visit(elem, str_used, slices);
                    }
                    slices.push(t);
                }
            }
            _ => {}
        }
    }
    let (mut strings, mut slices) = (false, Vec::new());
    for root in roots {
        visit(root, &mut strings, &mut slices);
    }
    for ty in types {
        for f in ty.fields().iter().chain(case_fields(ty)) {
            visit(f.ty, &mut strings, &mut slices);
        }
    }
    Pairs { strings, slices }
}
