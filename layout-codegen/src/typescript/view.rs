//! `class <Name>View`: a live view of one struct in a `WebAssembly.Memory`.
//!
//! Every view of one memory shares that memory's `Mem` (a DataView and
//! typed arrays over its current buffer): the constructor stores two fields
//! and allocates nothing else. A scalar getter reads the typed array when
//! the field is aligned (and the host little-endian), else the DataView; a
//! setter checks the value, then that the whole struct is in the memory,
//! then writes. Each field kind has an arm of its own in `accessors`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{FieldLayout, Scalar, StructLayout, TypeKind, TypeLayout};

use super::elems;
use super::value::{field_key, member, offset_expr, ts_type};
use super::TypeScript;
use crate::union::holds_union;
use crate::writer::Writer;

/// The members every view class has besides its fields' accessors.
pub(crate) const VIEW_MEMBERS: &[&str] = &["ptr", "constructor", "#m", "#ptr"];

/// The methods a view class has for its fields (besides their accessors):
/// `<field>View()` for a pointer to a struct (a view of it) and for a
/// `WasmSlice` (a live view of its elements); a tuple struct's field `0`
/// has `view0()` (`0View` is no identifier). Each with its field.
pub(crate) fn view_methods(s: &StructLayout) -> Vec<(String, &'static FieldLayout)> {
    s.fields
        .iter()
        .filter(|f| pointee(f.ty).is_some() || matches!(f.ty.kind, TypeKind::Slice(_)))
        .map(|f| {
            let key = field_key(s, f);
            let method = match key.starts_with(|c: char| c.is_ascii_digit()) {
                true => format!("view{key}"),
                false => format!("{key}View"),
            };
            (method, f)
        })
        .collect()
}

/// The struct a `WasmPtr` field points to, if it points to a struct.
fn pointee(t: &TypeLayout) -> Option<&'static TypeLayout> {
    match t.kind {
        TypeKind::Pointer(p) => Some((p.target)()).filter(|t| matches!(t.kind, TypeKind::Struct(_))),
        _ => None,
    }
}

/// The scalar a field of `t` is stored as, if it is one (an enum's repr).
fn stored_scalar(t: &TypeLayout) -> Option<Scalar> {
    match t.kind {
        TypeKind::Scalar(s) => Some(s),
        TypeKind::Pointer(_) => Some(Scalar::U32),
        TypeKind::Enum(e) => Some(e.repr),
        _ => None,
    }
}

impl TypeScript {
    pub(super) fn view_class(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        // TypeScript refuses unused private members: `#m` only when a field uses it.
        let mem = s.fields.iter().any(|f| f.ty.size > 0 || matches!(f.ty.kind, TypeKind::Array(_)));
        self.used.insert("badPtr");
        if mem {
            self.used.insert("memOf");
        }
        w.line(format_args!(
            "/** A live view of one `{name}` in a `WebAssembly.Memory`; survives `memory.grow`. */"
        ));
        w.open(format_args!("export class {name}View {{"));
        // `#ptr` starts as a number: V8 then keeps it a small integer.
        if mem {
            self.used.insert("noMem");
            w.line(format_args!("readonly #m: Mem = noMem;"));
        }
        w.line(format_args!("#ptr = 0;"));
        w.line(format_args!(
            "/** Throws a `RangeError` unless `ptr` is an integer in [0, 2^32); bounds are checked on each access. */"
        ));
        let unused = if mem { "" } else { "_" };
        w.open(format_args!("constructor({unused}memory: WebAssembly.Memory, ptr: number) {{"));
        w.line(format_args!("if ({}) badPtr(ptr, \"{name}View\");", super::bad_ptr("ptr")));
        if mem {
            w.line(format_args!("this.#m = memOf(memory);"));
        }
        w.line(format_args!("this.#ptr = ptr;"));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** Where the viewed `{name}` starts; set it to move the view (e.g. along an array). */"
        ));
        w.open(format_args!("get ptr(): number {{"));
        w.line(format_args!("return this.#ptr;"));
        w.close(format_args!("}}"));
        w.open(format_args!("set ptr(value: number) {{"));
        w.line(format_args!(
            "if (!(typeof value === \"number\" && value >>> 0 === value)) badPtr(value, \"{name}View\");"
        ));
        w.line(format_args!("this.#ptr = value;"));
        w.close(format_args!("}}"));
        for (i, f) in s.fields.iter().enumerate() {
            // An array of unions has no accessor: no whole value of it can
            // be read or written (see `union.rs`).
            if holds_union(f.ty) && !matches!(f.ty.kind, TypeKind::Struct(_) | TypeKind::Union(_)) {
                continue;
            }
            crate::doc::block(w, s.field_doc(i));
            self.accessors(w, ty, s, f);
        }
        for (method, f) in view_methods(s) {
            self.view_method(w, ty, s, f, &method);
        }
        w.close(format_args!("}}"));
    }

    /// `<field>View()`: a view of what a pointer or slice field points to.
    fn view_method(
        &mut self,
        w: &mut Writer,
        ty: &TypeLayout,
        s: &StructLayout,
        f: &FieldLayout,
        method: &str,
    ) {
        let field = field_key(s, f);
        // `this.next`, or `this[0]` for a tuple struct's field.
        let this = member("this", &field);
        if let TypeKind::Slice(sl) = f.ty.kind {
            let elem = (sl.elem)();
            let ctx = member(ty.export_name(), &field);
            self.used.insert("region");
            let (expr, live) = self.live_of(elem, "s.ptr", "s.len", &ctx);
            w.line(format_args!(
                "/** A live view of the elements `{field}` points to; a `RangeError` if it is null with elements or they are out of bounds. */"
            ));
            w.open(format_args!("{method}(): {live} {{"));
            w.line(format_args!("const m = this.#m;"));
            w.line(format_args!("const s = {this};"));
            w.line(format_args!("region(m, s.ptr, s.len, {}, \"{}\");", elem.size, elem.name));
            w.line(format_args!("return {expr};"));
            w.close(format_args!("}}"));
            return;
        }
        let target = pointee(f.ty).expect("a pointer to a struct");
        let inner = target.export_name();
        self.used.insert("deref");
        w.line(format_args!(
            "/** A view of the `{inner}` that `{field}` points to; a `RangeError` if it is null or its bytes are out of bounds. */"
        ));
        w.open(format_args!("{method}(): {inner}View {{"));
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!(
            "return new {inner}View(m.memory, deref(m, {this}, {}, \"{}\"));",
            target.size, target.name
        ));
        w.close(format_args!("}}"));
    }

    /// `get` and `set` of one field.
    fn accessors(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout, f: &FieldLayout) {
        let (name, size) = (ty.export_name(), ty.size);
        let field = field_key(s, f);
        let ctx = member(name, &field);
        let at = offset_expr("this.#ptr", f.offset);
        // Bounds as a view of the whole struct has them.
        let span = format!("if (this.#ptr + {size} > m.u8.length) m.span(this.#ptr, {size});");
        match f.ty.kind {
            TypeKind::Struct(_) | TypeKind::Union(_) => {
                let inner = f.ty.export_name();
                w.open(format_args!("get {field}(): {inner}View {{"));
                w.line(format_args!("const m = this.#m;"));
                w.line(format_args!("{span}"));
                w.line(format_args!("return new {inner}View(m.memory, {at});"));
            }
            TypeKind::Array(_) => {
                let (expr, live) = self.live(f.ty, &at, &ctx);
                w.open(format_args!("get {field}(): {live} {{"));
                w.line(format_args!("const m = this.#m;"));
                w.line(format_args!("{span}"));
                w.line(format_args!("return {expr};"));
            }
            // Zero-size: nothing to read, no buffer involved.
            _ if f.ty.size == 0 => {
                w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                w.line(format_args!("return {};", self.read(f.ty, &at, &ctx, 0)));
            }
            _ => {
                w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                w.line(format_args!("const m = this.#m;"));
                match stored_scalar(f.ty) {
                    Some(sc) if !matches!(f.ty.kind, TypeKind::Enum(_)) => {
                        self.fast_get(w, sc, f.offset);
                        let read = self.read(f.ty, "at", &ctx, 0);
                        self.slow_get(w, &read, size);
                    }
                    _ => {
                        let read = self.read(f.ty, &at, &ctx, 0);
                        self.slow_get(w, &read, size);
                    }
                }
            }
        }
        w.close(format_args!("}}"));
        // A field holding a union has no whole value to set.
        if holds_union(f.ty) {
            return;
        }
        w.open(format_args!("set {field}(value: {}) {{", ts_type(f.ty)));
        // A union member's setter also zeroes the bytes after the member, so
        // that no stale bytes of another member remain.
        let tail = matches!(ty.kind, TypeKind::Union(_)) && f.ty.size < size;
        if tail {
            self.check_value(w, f.ty, &ctx);
            self.used.insert("zeroBytes");
            w.line(format_args!("const m = this.#m;"));
            w.line(format_args!("const ptr = this.#ptr;"));
            w.line(format_args!("if (ptr + {size} > m.u8.length) m.span(ptr, {size});"));
            w.line(format_args!("const view = m.dv;"));
            if f.ty.size > 0 {
                self.store(w, f.ty, &offset_expr("ptr", f.offset), "value", 0);
            }
            w.line(format_args!("zeroBytes(view, {}, {});", offset_expr("ptr", f.ty.size), size - f.ty.size));
        } else if f.ty.size == 0 || !self.fast_setter(w, f.ty, f.offset, size, &ctx) {
            self.check_value(w, f.ty, &ctx);
            if f.ty.size > 0 {
                w.line(format_args!("const m = this.#m;"));
                w.line(format_args!("const ptr = this.#ptr;"));
                w.line(format_args!("if (ptr + {size} > m.u8.length) m.span(ptr, {size});"));
                w.line(format_args!("const view = m.dv;"));
                self.store(w, f.ty, &offset_expr("ptr", f.offset), "value", 0);
            }
        }
        w.close(format_args!("}}"));
    }

    /// The typed-array read of the scalar at `offset` from `this.#ptr`,
    /// returning it when the index was in the array; falls through
    /// otherwise, with `at` (where the scalar is) for the DataView read.
    /// Where the offset keeps `ptr`'s alignment, the test is of `ptr` and
    /// the index `(ptr >>> shift) + offset / size`: no addition V8 checks
    /// for overflow, and the same test in every getter of the struct.
    fn fast_get(&mut self, w: &mut Writer, sc: Scalar, offset: usize) {
        let elems::ScalarNames { member, shift, .. } = elems::scalar(sc);
        let at = offset_expr("ptr", offset);
        w.line(format_args!("const ptr = this.#ptr;"));
        if sc == Scalar::Bool {
            w.line(format_args!("const at = {at};"));
            w.line(format_args!("const byte = m.u8[at];"));
            w.line(format_args!("if (byte === 0 || byte === 1) return byte === 1;"));
            return;
        }
        if shift == 0 {
            w.line(format_args!("const at = {at};"));
            w.line(format_args!("const x = m.{member}[at];"));
            w.line(format_args!("if (x !== undefined) return x;"));
            return;
        }
        let mask = (1usize << shift) - 1;
        if offset & mask == 0 {
            let words = offset >> shift;
            let index =
                if words == 0 { format!("ptr >>> {shift}") } else { format!("(ptr >>> {shift}) + {words}") };
            w.open(format_args!("if ((ptr & {mask}) === 0) {{"));
            w.line(format_args!("const x = m.{member}[{index}];"));
            w.line(format_args!("if (x !== undefined) return x;"));
            w.close(format_args!("}}"));
            w.line(format_args!("const at = {at};"));
        } else {
            w.line(format_args!("const at = {at};"));
            w.open(format_args!("if ((at & {mask}) === 0) {{"));
            w.line(format_args!("const x = m.{member}[at >>> {shift}];"));
            w.line(format_args!("if (x !== undefined) return x;"));
            w.close(format_args!("}}"));
        }
    }

    /// The DataView read, retried once on the memory's new buffer.
    fn slow_get(&mut self, w: &mut Writer, read: &str, size: usize) {
        w.line(format_args!("let view = m.dv;"));
        w.open(format_args!("try {{"));
        w.line(format_args!("return {read};"));
        w.close_open(format_args!("}} catch (error) {{"));
        w.line(format_args!("m.fresh(error, this.#ptr, {size});"));
        w.line(format_args!("view = m.dv;"));
        w.line(format_args!("return {read};"));
        w.close(format_args!("}}"));
    }
}
