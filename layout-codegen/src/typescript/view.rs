//! `class <Name>View`: a live view of one struct in a `WebAssembly.Memory`.

use alloc::format;

use wasm_layout_core::descriptor::{FieldLayout, StructLayout, TypeKind, TypeLayout};

use super::value::{offset_expr, ts_type};
use super::TypeScript;
use crate::names::field_name;
use crate::union::holds_union;
use crate::writer::Writer;

/// The members every view class has besides its fields' accessors.
pub(crate) const VIEW_MEMBERS: &[&str] =
    &["ptr", "constructor", "#memory", "#ptr", "#view", "#fresh", "#span"];

impl TypeScript {
    pub(super) fn view_class(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        let size = ty.size;
        // What the class needs: TypeScript refuses unused private members.
        // A struct or union field is a nested view; a field holding a union
        // has no setter, and one that is neither (an array of unions) no
        // accessor at all: no whole value of it can be read or written.
        let nested = |f: &FieldLayout| matches!(f.ty.kind, TypeKind::Struct(_) | TypeKind::Union(_));
        let whole = |f: &FieldLayout| !holds_union(f.ty);
        let stores = s.fields.iter().any(|f| f.ty.size > 0 && whole(f));
        let reads = s.fields.iter().any(|f| f.ty.size > 0 && !nested(f) && whole(f));
        let nests = s.fields.iter().any(nested);
        let tail =
            matches!(ty.kind, TypeKind::Union(_)) && s.fields.iter().any(|f| whole(f) && f.ty.size < size);
        let memory = stores || nests;
        self.used.insert("badPtr");
        let span = stores || nests;
        if span || reads {
            self.used.insert("dataViewOf");
            self.used.insert("outOfBounds");
        }
        w.line(format_args!(
            "/** A live view of one `{name}` in a `WebAssembly.Memory`; survives `memory.grow`. */"
        ));
        w.open(format_args!("export class {name}View {{"));
        // `#ptr` and `#view` start as a number and a DataView, not as
        // `undefined`: V8 then keeps `#ptr` a small integer and knows that
        // `#view` only ever holds a DataView, so a getter loads the field
        // and reads, with no check of what it loaded. Over a hand-written
        // loop with a hoisted DataView, a view moved along an array then
        // costs one store (`ptr`) and one load (`#view`) per element.
        if memory {
            w.line(format_args!("readonly #memory: WebAssembly.Memory;"));
        }
        w.line(format_args!("#ptr = 0;"));
        if reads {
            w.line(format_args!("#view: DataView = emptyView;"));
            self.used.insert("emptyView");
        }
        w.line(format_args!(
            "/** Throws a `RangeError` unless `ptr` is an integer in [0, 2^32); bounds are checked on each access. */"
        ));
        let unused = if memory { "" } else { "_" };
        w.open(format_args!("constructor({unused}memory: WebAssembly.Memory, ptr: number) {{"));
        w.line(format_args!("if ({}) badPtr(ptr, \"{name}View\");", super::bad_ptr("ptr")));
        if memory {
            w.line(format_args!("this.#memory = memory;"));
        }
        w.line(format_args!("this.#ptr = ptr;"));
        if reads {
            w.line(format_args!("this.#view = dataViewOf(memory);"));
        }
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** Where the viewed `{name}` starts; set it to move the view (e.g. along an array). */"
        ));
        w.open(format_args!("get ptr(): number {{"));
        w.line(format_args!("return this.#ptr;"));
        w.close(format_args!("}}"));
        w.open(format_args!("set ptr(value: number) {{"));
        w.line(format_args!("if ({}) badPtr(value, \"{name}View\");", super::bad_ptr("value")));
        w.line(format_args!("this.#ptr = value;"));
        w.close(format_args!("}}"));
        if reads {
            w.line(format_args!(
                "/** After a read threw `error`: the memory's current DataView if `memory.grow` replaced the buffer, else `error` again; out of bounds either way. */"
            ));
            w.open(format_args!("#fresh(error: unknown): DataView {{"));
            w.line(format_args!("const view = dataViewOf(this.#memory);"));
            w.line(format_args!(
                "if (this.#ptr + {size} > view.byteLength) outOfBounds(this.#ptr, {size}, view.byteLength);"
            ));
            w.open(format_args!("if (view === this.#view) {{"));
            w.line(format_args!("throw error;"));
            w.close(format_args!("}}"));
            w.line(format_args!("this.#view = view;"));
            w.line(format_args!("return view;"));
            w.close(format_args!("}}"));
        }
        if stores || nests {
            w.line(format_args!(
                "/** Before a write: the memory's current DataView, which holds the whole `{name}`. */"
            ));
            w.open(format_args!("#span(): DataView {{"));
            w.line(format_args!("const view = dataViewOf(this.#memory);"));
            w.line(format_args!(
                "if (this.#ptr + {size} > view.byteLength) outOfBounds(this.#ptr, {size}, view.byteLength);"
            ));
            if reads {
                w.line(format_args!("this.#view = view;"));
            }
            w.line(format_args!("return view;"));
            w.close(format_args!("}}"));
        }
        for f in s.fields.iter().filter(|f| nested(f) || whole(f)) {
            let field = field_name(s, f);
            let ctx = format!("{name}.{field}");
            let at = offset_expr("this.#ptr", f.offset);
            match f.ty.kind {
                TypeKind::Struct(_) | TypeKind::Union(_) => {
                    let inner = f.ty.export_name();
                    w.open(format_args!("get {field}(): {inner}View {{"));
                    // Bounds as a view of the whole outer struct has them.
                    w.line(format_args!("this.#span();"));
                    w.line(format_args!("return new {inner}View(this.#memory, {at});"));
                }
                // Zero-size: nothing to read, no buffer involved.
                _ if f.ty.size == 0 => {
                    w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                    w.line(format_args!("return {};", self.read(f.ty, &at, &ctx, 0)));
                }
                _ => {
                    let read = self.read(f.ty, &at, &ctx, 0);
                    w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                    // The fast path reads the cached view; only an exception
                    // (detached or outgrown buffer, or a real error) costs more.
                    w.line(format_args!("let view = this.#view;"));
                    w.open(format_args!("try {{"));
                    w.line(format_args!("return {read};"));
                    w.close_open(format_args!("}} catch (error) {{"));
                    w.line(format_args!("view = this.#fresh(error);"));
                    w.line(format_args!("return {read};"));
                    w.close(format_args!("}}"));
                }
            }
            w.close(format_args!("}}"));
            if !whole(f) {
                continue;
            }
            w.open(format_args!("set {field}(value: {}) {{", ts_type(f.ty)));
            self.check(w, f.ty, "value", &ctx, 0);
            if f.ty.size > 0 {
                w.line(format_args!("const view = this.#span();"));
                self.store(w, f.ty, &at, "value", 0);
            }
            if tail && f.ty.size < size {
                // A union member: no stale bytes of another member remain.
                self.used.insert("zeroBytes");
                let end = offset_expr("this.#ptr", f.ty.size);
                if f.ty.size == 0 {
                    w.line(format_args!("const view = this.#span();"));
                }
                w.line(format_args!("zeroBytes(view, {end}, {});", size - f.ty.size));
            }
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
    }
}
