//! Enums with fields in generated TypeScript: a union discriminated by a
//! `tag` property holding the case's name,
//! `{ tag: "Circle"; radius: number } | { tag: "Rect"; 0: Point; 1: Point } | { tag: "Empty" }`,
//! with `<Name>Layout` (size, alignment, payload offset, each case's tag
//! value and field offsets), `<Name>Fingerprint`, `read<Name>` and
//! `write<Name>`. Reading an unknown tag throws a `RangeError` at the tag's
//! offset; writing zeroes every byte the case does not use.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{CaseLayout, TypeLayout, VariantEnumLayout};
use wasm_layout_core::fingerprint;
use wasm_layout_rules::names::Lang;

use super::value::{get, member, offset_expr, set, ts_type};
use super::TypeScript;
use crate::names::{case_field_name, case_name};
use crate::writer::Writer;

/// A key of a case's object: a field name, or `0`, `1`, … of a tuple case.
fn key(f: &wasm_layout_core::FieldLayout) -> String {
    case_field_name(Lang::TypeScript, f)
}

/// The object type of one case.
fn case_type(c: &CaseLayout) -> String {
    let mut parts: Vec<String> = alloc::vec![format!("tag: \"{}\"", case_name(c))];
    parts.extend(c.fields.iter().map(|f| format!("{}: {}", key(f), ts_type(f.ty))));
    format!("{{ {} }}", parts.join("; "))
}

impl TypeScript {
    pub(super) fn variant_enum(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        let name = ty.export_name();
        let size = ty.size;
        self.used.insert("checkSpan");
        self.used.insert("invalidDiscriminant");
        self.used.insert("badValue");
        self.used.insert("checkObject");
        self.used.insert("zeroBytes");
        w.blank();
        crate::doc::block(w, v.doc);
        w.line(format_args!("export type {name} ="));
        for (i, c) in v.cases.iter().enumerate() {
            let end = if i + 1 == v.cases.len() { ";" } else { "" };
            crate::doc::block(w, c.doc);
            w.line(format_args!("  | {}{end}", case_type(c)));
        }
        w.open(format_args!("export const {name}Layout = {{"));
        w.line(format_args!("size: {size},"));
        w.line(format_args!("align: {},", ty.align));
        w.line(format_args!("payload: {},", v.payload));
        w.open(format_args!("tags: {{"));
        for c in v.cases {
            w.line(format_args!("{}: {},", case_name(c), c.value));
        }
        w.close(format_args!("}},"));
        w.open(format_args!("offsets: {{"));
        for c in v.cases {
            let offsets: Vec<String> = c.fields.iter().map(|f| format!("{}: {}", key(f), f.offset)).collect();
            if offsets.is_empty() {
                w.line(format_args!("{}: {{}},", case_name(c)));
            } else {
                w.line(format_args!("{}: {{ {} }},", case_name(c), offsets.join(", ")));
            }
        }
        w.close(format_args!("}},"));
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));

        w.line(format_args!(
            "/** Reads a `{name}`; throws a `RangeError` on a bad pointer, bytes out of bounds, an unknown tag or an invalid field. */"
        ));
        self.reader(w, ty, &format!("load{name}(view, ptr, \"{name}\")"));
        w.line(format_args!(
            "/** Checks the whole `value` and the bounds, then writes the tag and the case's fields and zeroes every other byte: after a `RangeError` nothing was written. */"
        ));
        w.open(format_args!(
            "export function write{name}(view: DataView, ptr: number, value: {name}): void {{"
        ));
        w.line(format_args!("check{name}(value, \"{name}\");"));
        w.line(format_args!("checkSpan(view, ptr, {size}, \"{name}\");"));
        w.line(format_args!("store{name}(view, ptr, value);"));
        w.close(format_args!("}}"));

        // load
        w.open(format_args!("function load{name}(view: DataView, ptr: number, field: string): {name} {{"));
        w.line(format_args!("const tag = {};", get(v.tag, "ptr")));
        w.open(format_args!("switch (tag) {{"));
        for c in v.cases {
            w.line(format_args!("case {}:", c.value));
            let mut parts: Vec<String> = alloc::vec![format!("tag: \"{}\"", case_name(c))];
            for f in c.fields {
                let ctx = member(&format!("{name}.{}", case_name(c)), &key(f));
                let read = self.read(f.ty, &offset_expr("ptr", f.offset), &ctx, 0);
                parts.push(format!("{}: {read}", key(f)));
            }
            w.line(format_args!("  return {{ {} }};", parts.join(", ")));
        }
        w.close(format_args!("}}"));
        // Named as Rust names it, so the message is Rust's own.
        w.line(format_args!("return invalidDiscriminant(\"{}\", ptr, tag, field);", ty.name));
        w.close(format_args!("}}"));

        // check
        let names: Vec<String> = v.cases.iter().map(|c| format!("\\\"{}\\\"", case_name(c))).collect();
        w.open(format_args!("function check{name}(value: {name}, field: string): void {{"));
        w.line(format_args!("checkObject(value, \"a {name} ({{ tag, … }})\", field);"));
        w.open(format_args!("switch (value.tag) {{"));
        for c in v.cases {
            w.open(format_args!("case \"{}\": {{", case_name(c)));
            for f in c.fields {
                let ctx = member("${field}", &key(f));
                self.check(w, f.ty, &member("value", &key(f)), &ctx, 0);
            }
            w.line(format_args!("return;"));
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
        w.line(format_args!(
            "badValue((value as {{ tag?: unknown }}).tag, \"a {name} tag (one of {})\", `${{field}}.tag`);",
            names.join(", ")
        ));
        w.close(format_args!("}}"));

        // store
        w.open(format_args!("function store{name}(view: DataView, ptr: number, value: {name}): void {{"));
        w.line(format_args!("zeroBytes(view, ptr, {size});"));
        w.open(format_args!("switch (value.tag) {{"));
        for c in v.cases {
            w.open(format_args!("case \"{}\": {{", case_name(c)));
            w.line(format_args!("{};", set(v.tag, "ptr", &c.value.to_string())));
            for f in c.fields {
                self.store(w, f.ty, &offset_expr("ptr", f.offset), &member("value", &key(f)), 0);
            }
            w.line(format_args!("return;"));
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
        w.close(format_args!("}}"));
        self.variant_view(w, ty, v);
    }

    /// `class <Name>View`: the case's name as `tag`, and whole-value `read`
    /// and `write`, and a getter per case with fields giving its view (see
    /// `case_view.rs`), over a `WebAssembly.Memory` (surviving `memory.grow`).
    fn variant_view(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        let (name, size) = (ty.export_name(), ty.size);
        self.used.insert("badPtr");
        self.used.insert("memOf");
        w.line(format_args!(
            "/** A live view of one `{name}` in a `WebAssembly.Memory`; survives `memory.grow`. */"
        ));
        w.open(format_args!("export class {name}View {{"));
        // `#m` starts as a `Mem`: V8 then checks no class on each access.
        self.used.insert("noMem");
        w.line(format_args!("readonly #m: Mem = noMem;"));
        w.line(format_args!("#ptr = 0;"));
        w.open(format_args!("constructor(memory: WebAssembly.Memory, ptr: number) {{"));
        w.line(format_args!("if ({}) badPtr(ptr, \"{name}View\");", super::bad_ptr("ptr")));
        w.line(format_args!("this.#m = memOf(memory);"));
        w.line(format_args!("this.#ptr = ptr;"));
        w.close(format_args!("}}"));
        w.line(format_args!("/** Where the viewed `{name}` starts; set it to move the view. */"));
        w.open(format_args!("get ptr(): number {{"));
        w.line(format_args!("return this.#ptr;"));
        w.close(format_args!("}}"));
        w.open(format_args!("set ptr(value: number) {{"));
        w.line(format_args!("if ({}) badPtr(value, \"{name}View\");", super::bad_ptr("value")));
        w.line(format_args!("this.#ptr = value;"));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** The name of the case the tag names; a `RangeError` for a tag that names none. */"
        ));
        w.open(format_args!("get tag(): {name}[\"tag\"] {{"));
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!("m.span(this.#ptr, {size});"));
        w.line(format_args!("const view = m.dv;"));
        w.line(format_args!("const tag = {};", get(v.tag, "this.#ptr")));
        w.open(format_args!("switch (tag) {{"));
        for c in v.cases {
            w.line(format_args!("case {}:", c.value));
            w.line(format_args!("  return \"{}\";", case_name(c)));
        }
        w.close(format_args!("}}"));
        w.line(format_args!(
            "return invalidDiscriminant(\"{}\", this.#ptr, tag, \"{name}View.tag\");",
            ty.name
        ));
        w.close(format_args!("}}"));
        w.line(format_args!("/** Reads the whole value, as `read{name}` does. */"));
        w.open(format_args!("read(): {name} {{"));
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!("m.span(this.#ptr, {size});"));
        w.line(format_args!("return read{name}(m.dv, this.#ptr);"));
        w.close(format_args!("}}"));
        w.line(format_args!("/** Writes the whole value, as `write{name}` does. */"));
        w.open(format_args!("write(value: {name}): void {{"));
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!("m.span(this.#ptr, {size});"));
        w.line(format_args!("write{name}(m.dv, this.#ptr, value);"));
        w.close(format_args!("}}"));
        self.case_getters(w, ty, v);
        w.close(format_args!("}}"));
        self.case_views(w, ty, v);
    }
}
