//! Live views of the fields of one case of an enum with fields: the
//! TypeScript side of Rust's `variant()` / `variant_mut()`.
//!
//! `<Name>View` has a getter per case with fields, named as the case's tag
//! (`view.Circle`), that reads the tag and gives a `<Name><Case>View` when
//! the tag names that case, `null` when it names another, and a
//! `RangeError` when it names none. The case view has a getter and a setter
//! per field (named as the case's object keys, so a tuple case's are `0`,
//! `1`, …): scalars are read and written in place, a struct field gives its
//! view, an array field its live view. The case view was made for the tag
//! it saw: it does not read the tag again, so after the tag changes its
//! accessors see the new case's bytes (as a moved cursor would).

use alloc::format;
use alloc::string::String;

use wasm_layout_core::descriptor::{CaseLayout, FieldLayout, TypeLayout, VariantEnumLayout};
use wasm_layout_rules::names::Lang;

use super::value::{offset_expr, ts_type};
use super::TypeScript;
use crate::names::{case_field_name, case_name};
use crate::union::holds_union;
use crate::writer::Writer;

/// The members a case view class has besides its fields' accessors.
pub(crate) const CASE_VIEW_MEMBERS: &[&str] = &["ptr", "constructor", "#m", "#ptr"];

/// The members an enum's view class has besides its cases' getters.
pub(crate) const VARIANT_VIEW_MEMBERS: &[&str] =
    &["ptr", "constructor", "#m", "#ptr", "tag", "read", "write"];

/// The name of the view class of case `c` of the enum named `name`, or
/// `None` for a case without fields (it has nothing to view).
pub(crate) fn case_view_class(name: &str, c: &CaseLayout) -> Option<String> {
    (!c.fields.is_empty()).then(|| format!("{name}{}View", case_name(c)))
}

impl TypeScript {
    /// The getters of `<Name>View` that give a case's view, one per case
    /// with fields.
    pub(super) fn case_getters(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        let name = ty.export_name();
        for c in v.cases {
            let Some(class) = case_view_class(name, c) else { continue };
            let case = case_name(c);
            w.line(format_args!(
                "/** The fields of case `{case}` as a live view, `null` when the tag names another case; a `RangeError` for a tag that names none. */"
            ));
            w.open(format_args!("get {case}(): {class} | null {{"));
            w.line(format_args!(
                "return this.tag === \"{case}\" ? new {class}(this.#m.memory, this.#ptr) : null;"
            ));
            w.close(format_args!("}}"));
        }
    }

    /// The view class of every case with fields.
    pub(super) fn case_views(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        for c in v.cases {
            if let Some(class) = case_view_class(ty.export_name(), c) {
                self.case_view(w, ty, c, &class);
            }
        }
    }

    fn case_view(&mut self, w: &mut Writer, ty: &TypeLayout, c: &CaseLayout, class: &str) {
        let (name, case) = (ty.export_name(), case_name(c));
        self.used.insert("badPtr");
        self.used.insert("memOf");
        w.line(format_args!(
            "/** A live view of the fields of case `{case}` of a `{name}` (see `{name}View.{case}`); it does not check the tag again. */"
        ));
        w.open(format_args!("export class {class} {{"));
        // `#m` starts as a `Mem`: V8 then checks no class on each access.
        self.used.insert("noMem");
        w.line(format_args!("readonly #m: Mem = noMem;"));
        w.line(format_args!("readonly #ptr: number;"));
        w.open(format_args!("constructor(memory: WebAssembly.Memory, ptr: number) {{"));
        w.line(format_args!("if ({}) badPtr(ptr, \"{class}\");", super::bad_ptr("ptr")));
        w.line(format_args!("this.#m = memOf(memory);"));
        w.line(format_args!("this.#ptr = ptr;"));
        w.close(format_args!("}}"));
        w.line(format_args!("/** Where the viewed `{name}` starts (its tag, not the case's fields). */"));
        w.open(format_args!("get ptr(): number {{"));
        w.line(format_args!("return this.#ptr;"));
        w.close(format_args!("}}"));
        for (i, f) in c.fields.iter().enumerate() {
            crate::doc::block(w, c.field_doc(i));
            self.case_field(w, ty, c, f);
        }
        w.close(format_args!("}}"));
    }

    /// The getter and setter of one field of a case.
    fn case_field(&mut self, w: &mut Writer, ty: &TypeLayout, c: &CaseLayout, f: &FieldLayout) {
        let (name, size) = (ty.export_name(), ty.size);
        let key = case_field_name(Lang::TypeScript, f);
        let ctx = super::value::member(&format!("{name}.{}", case_name(c)), &key);
        let at = offset_expr("this.#ptr", f.offset);
        let span = format!("m.span(this.#ptr, {size});");
        if !self.nested_getter(w, f.ty, &key, &at, &ctx, &span) {
            w.open(format_args!("get {key}(): {} {{", ts_type(f.ty)));
            w.line(format_args!("const m = this.#m;"));
            w.line(format_args!("{span}"));
            w.line(format_args!("const view = m.dv;"));
            w.line(format_args!("return {};", self.read(f.ty, &at, &ctx, 0)));
        }
        w.close(format_args!("}}"));
        // Nothing to write for a zero-size field; no whole value of a union.
        if f.ty.size == 0 || holds_union(f.ty) {
            return;
        }
        w.line(format_args!(
            "/** Checks `value` and the bounds, then writes this field: after a `RangeError` nothing was written. */"
        ));
        w.open(format_args!("set {key}(value: {}) {{", ts_type(f.ty)));
        self.check(w, f.ty, "value", &ctx, 0);
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!("{span}"));
        w.line(format_args!("const view = m.dv;"));
        self.store(w, f.ty, &at, "value", 0);
        w.close(format_args!("}}"));
    }
}
