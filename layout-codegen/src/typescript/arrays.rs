//! Live arrays: an array field's getter (`LiveArray`, or `<Name>Array` for
//! structs), the element kinds of non-scalar elements, and the
//! `class <Name>Array` of every struct with its `column(field)` reader.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{StructLayout, TypeKind, TypeLayout};

use super::elems;
use super::value::ts_type;
use super::TypeScript;
use crate::names::field_name;
use crate::writer::Writer;

/// An element kind: the expression of an `Elems` and its three types.
struct Kind {
    expr: String,
    value: String,
    view: String,
    typed: &'static str,
}

impl TypeScript {
    /// A live view of the array `t` at `at` (with `m`, the `Mem`, in scope)
    /// and its type: `ctx` names it in errors.
    pub(super) fn live(&mut self, t: &TypeLayout, at: &str, ctx: &str) -> (String, String) {
        let TypeKind::Array(a) = t.kind else { unreachable!("a live view of an array") };
        self.live_of(a.elem, at, &a.len.to_string(), ctx)
    }

    /// A live view of `len` elements `elem` from `at` (with `m` in scope),
    /// and its type.
    pub(super) fn live_of(&mut self, elem: &TypeLayout, at: &str, len: &str, ctx: &str) -> (String, String) {
        if let TypeKind::Struct(_) = elem.kind {
            let name = elem.export_name();
            return (format!("new {name}Array(m.memory, {at}, {len})"), format!("{name}Array"));
        }
        self.used.insert("LiveArray");
        let k = self.kind(elem, ctx);
        let ty = format!("LiveArray<{}, {}, {}>", k.value, k.view, k.typed);
        (format!("new {ty}(m, {at}, {len}, {}, {}, \"{ctx}\")", elem.size, k.expr), ty)
    }

    /// The element kind of arrays of `t` (not a struct).
    fn kind(&mut self, t: &TypeLayout, ctx: &str) -> Kind {
        let value = ts_type(t);
        match t.kind {
            TypeKind::Scalar(s) => {
                let (name, typed, _, _) = elems::scalar(s);
                self.used.insert(name);
                Kind { expr: String::from(name), view: value.clone(), value, typed }
            }
            TypeKind::Pointer(_) => {
                self.used.insert("u32Elems");
                Kind { expr: String::from("u32Elems"), view: value.clone(), value, typed: "Uint32Array" }
            }
            _ => {
                self.used.insert("Elems");
                let mut check = Writer::new("");
                self.check(&mut check, t, "value", "${field}", 0);
                let mut store = Writer::new("");
                self.store(&mut store, t, "at", "value", 0);
                let flat = |w: Writer| w.finish().lines().map(str::trim).collect::<Vec<_>>().join(" ");
                let load = self.read(t, "at", ctx, 0);
                // What `get` gives: a live view of an array, else the value.
                let (view, view_ty) = match t.kind {
                    TypeKind::Array(_) => {
                        let (expr, ty) = self.live(t, "at", ctx);
                        (format!("(m, at) => {expr}"), ty)
                    }
                    _ => (format!("(m, at) => {{ const view = m.dv; return {load}; }}"), value.clone()),
                };
                let (check, store) = (flat(check), flat(store));
                let expr = format!(
                    "{{ size: {}, shift: -1, typed: () => null, view: {view}, load: ({}) => ({load}), check: ({}) => {{ {check} }}, store: ({}) => {{ {store} }} }}",
                    t.size,
                    params(&["view", "at"], &load),
                    params(&["value", "field"], &check),
                    params(&["view", "at", "value"], &store),
                );
                Kind { expr, value, view: view_ty, typed: "never" }
            }
        }
    }

    /// `class <Name>Array`: emitted after the helpers, as it extends one.
    pub(super) fn struct_array(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let (name, size) = (ty.export_name(), ty.size);
        self.used.insert("StructArray");
        w.blank();
        w.line(format_args!(
            "/** A live view of `length` `{name}`s side by side ({size} bytes each) from `ptr` in a `WebAssembly.Memory`: `get(i)` moves one cursor view, `at(i)` makes a view, `column(field)` reads one field of all. */"
        ));
        w.open(format_args!("export class {name}Array extends StructArray<{name}, {name}View> {{"));
        w.line(format_args!(
            "/** Throws a `RangeError` unless `ptr` and `length` are integers and the structs end by 2^32; bounds are checked on each access. */"
        ));
        w.open(format_args!("constructor(memory: WebAssembly.Memory, ptr: number, length: number) {{"));
        w.line(format_args!(
            "super(memory, ptr, length, {size}, {name}View, load{name}, write{name}, \"{name}Array\");"
        ));
        w.close(format_args!("}}"));
        // Columns of the scalar fields, one overload per element kind.
        // Each element kind with its fields: (quoted name, offset).
        let mut groups: Vec<(Kind, Vec<(String, usize)>)> = Vec::new();
        for f in s.fields {
            if !matches!(f.ty.kind, TypeKind::Scalar(_) | TypeKind::Pointer(_)) {
                continue;
            }
            let field = field_name(s, f);
            let k = self.kind(f.ty, &format!("{name}.{field}"));
            let case = (format!("\"{field}\""), f.offset);
            match groups.iter_mut().find(|g| g.0.expr == k.expr) {
                Some(g) => g.1.push(case),
                None => groups.push((k, alloc::vec![case])),
            }
        }
        if !groups.is_empty() {
            self.used.insert("show");
            w.line(format_args!(
                "/** A live view of one scalar field of every `{name}` (a column); reads an aligned field through the memory's typed array. */"
            ));
            let mut types = Vec::new();
            for (k, cases) in &groups {
                let ty = format!("LiveArray<{}, {}, {}>", k.value, k.view, k.typed);
                let names: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
                w.line(format_args!("column(field: {}): {ty};", names.join(" | ")));
                types.push(ty);
            }
            w.open(format_args!("column(field: string): {} {{", types.join(" | ")));
            w.open(format_args!("switch (field) {{"));
            for (k, cases) in &groups {
                for (field, offset) in cases {
                    let ctx = format!("{name}.{}", field.trim_matches('"'));
                    w.line(format_args!(
                        "case {field}: return this.columnAt({offset}, {}, \"{ctx}\");",
                        k.expr
                    ));
                }
            }
            w.close(format_args!("}}"));
            w.line(format_args!(
                "throw new RangeError(`{name}Array: ${{show(field)}} is not a scalar field of {name}`);"
            ));
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
    }
}

/// `names` as the parameters of an arrow function with `body`, each unused
/// one prefixed by `_` (as `noUnusedParameters` wants).
fn params(names: &[&str], body: &str) -> String {
    let uses = |name: &str| {
        body.match_indices(name).any(|(i, _)| {
            let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.';
            !body[..i].ends_with(word)
                && !body[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    names
        .iter()
        .map(|n| if uses(n) { String::from(*n) } else { format!("_{n}") })
        .collect::<Vec<_>>()
        .join(", ")
}
