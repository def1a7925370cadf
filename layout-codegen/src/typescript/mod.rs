//! The TypeScript emitter: one self-contained module over `DataView`.
//!
//! Per struct `Name`: `interface Name` (a tuple struct: `type Name = [A, B]`,
//! its fields keyed `0`, `1` everywhere below; a newtype: an alias of its
//! field's type), `NameLayout`, `NameFingerprint`,
//! `readName`, `writeName`, `class NameView` (live; array fields give live
//! arrays, pointer and slice fields a `<field>View()`, `view0()` for a tuple
//! field) and `class NameArray`
//! (N structs side by side: a cursor, own views, `column(field)`), with the
//! file-private `loadName`, `checkName` and `storeName`. Per enum: an
//! `as const` object and a union type of the same name, `NameLayout`,
//! `NameFingerprint`, `readName`, `writeName` and `nameOfName`, with
//! `loadName` and `checkName`. Helpers are emitted only when used, so the
//! file passes `noUnusedLocals`; the `NameArray` classes come last, after
//! the helper class they extend.
//!
//! Every number from JavaScript is checked before a byte is written: a
//! pointer must be an integer in `[0, 2^32)`, an integer must fit its type,
//! a `bigint` 64 bits, an enum one of its values, an array its length, and
//! the bytes must lie in the memory; else a `RangeError` names the type and
//! field, and nothing was written.

mod arrays;
mod case_view;
mod elems;
mod helpers;
mod live;
mod option;
mod store;
mod union;
mod value;
mod variant;
mod view;

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{
    EnumLayout, StructLayout, TypeKind, TypeLayout, UnionLayout, VariantEnumLayout,
};
use wasm_layout_core::fingerprint;
use wasm_layout_rules::names::Scope;

pub(crate) use self::case_view::{case_view_class, CASE_VIEW_MEMBERS, VARIANT_VIEW_MEMBERS};
use self::value::{field_key, get, offset_expr, ts_type};
pub(crate) use self::view::{view_methods, VIEW_MEMBERS};
use crate::doc;
use crate::names::{typescript_tuple, variant_name};
use crate::writer::Writer;
use crate::{Backend, GENERATED_NOTICE};

/// A condition true unless `ptr` is an integer in `[0, 2^32)`. Spelled so
/// that V8 folds it to one comparison for a small integer: a moving view
/// checks every `ptr` it is given at no measurable cost.
pub(crate) fn bad_ptr(ptr: &str) -> String {
    format!("!(typeof {ptr} === \"number\" && {ptr} >= 0 && {ptr} <= 4294967295 && {ptr} % 1 === 0)")
}

/// Whether reading a `ty` reads its last byte.
fn reads_last_byte(ty: &TypeLayout) -> bool {
    match ty.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .max_by_key(|f| f.offset + f.ty.size)
            .is_some_and(|f| f.ty.size > 0 && f.offset + f.ty.size == ty.size && reads_last_byte(f.ty)),
        TypeKind::Array(a) => a.len > 0 && reads_last_byte(a.elem),
        // A case or `None` may leave the last bytes unread.
        TypeKind::Variant(_) | TypeKind::Option(_) => false,
        _ => ty.size > 0,
    }
}

/// Takes the helpers' names at file scope.
pub(crate) fn reserve(file: &mut Scope) {
    for name in helpers::names() {
        file.reserve(name, "a helper of the generated TypeScript");
    }
}

/// The prefixes of a type's functions (`read<Name>`, …).
pub(crate) fn prefixes(structure: bool) -> &'static [&'static str] {
    if structure {
        &["read", "write", "load", "check", "store"]
    } else {
        &["read", "write", "load", "check", "nameOf"]
    }
}

/// Emits TypeScript; remembers which helpers the file needs, and holds the
/// `<Name>Array` classes, which come after the helpers they extend.
pub(crate) struct TypeScript {
    used: BTreeSet<&'static str>,
    arrays: Writer,
}

impl TypeScript {
    pub(crate) fn new() -> Self {
        TypeScript { used: BTreeSet::new(), arrays: Writer::new(Self::INDENT) }
    }
}

impl Backend for TypeScript {
    const INDENT: &'static str = "  ";

    fn begin(&mut self, w: &mut Writer, _types: &[&'static TypeLayout], pairs: &crate::walk::Pairs) {
        if pairs.strings {
            self.used.insert("WasmStr");
            self.used.insert("readStr");
        }
        if !pairs.slices.is_empty() {
            self.used.insert("WasmSlice");
        }
        w.line(format_args!("// {GENERATED_NOTICE}"));
        w.line(format_args!("// Layouts are wasm32, little-endian; `ptr` is a byte offset into the view."));
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) {
        let name = ty.export_name();
        self.used.insert("checkSpan");
        self.used.insert("invalidDiscriminant");
        self.used.insert("badValue");
        w.blank();
        doc::block(w, e.doc);
        w.open(format_args!("export const {name} = {{"));
        for v in e.variants {
            doc::block(w, v.doc);
            w.line(format_args!("{}: {},", variant_name(v), v.value));
        }
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export type {name} = (typeof {name})[keyof typeof {name}];"));
        w.line(format_args!(
            "export const {name}Layout = {{ size: {}, align: {} }} as const;",
            ty.size, ty.align
        ));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));
        w.line(format_args!(
            "/** Reads a `{name}`; throws a `RangeError` on a bad pointer, bytes out of bounds or an unknown value. */"
        ));
        self.reader(w, ty, &format!("load{name}(view, ptr, \"{name}\")"));
        w.open(format_args!("function load{name}(view: DataView, ptr: number, field: string): {name} {{"));
        w.line(format_args!("const value = {};", get(e.repr, "ptr")));
        self.cases(w, e);
        w.line(format_args!("{}return value as {name};", Self::INDENT));
        w.close(format_args!("}}"));
        w.line(format_args!("return invalidDiscriminant(\"{name}\", ptr, value, field);"));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** Checks `value`, then the bounds, then writes it: after a `RangeError` nothing was written. */"
        ));
        w.open(format_args!(
            "export function write{name}(view: DataView, ptr: number, value: {name}): void {{"
        ));
        w.line(format_args!("check{name}(value, \"{name}\");"));
        w.line(format_args!("checkSpan(view, ptr, {}, \"{name}\");", ty.size));
        w.line(format_args!("{};", value::set(e.repr, "ptr", "value")));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** The name of the `{name}` variant of value `value`, or `undefined` if none has it. */"
        ));
        w.open(format_args!(
            "export function nameOf{name}(value: number): keyof typeof {name} | undefined {{"
        ));
        w.open(format_args!("switch (value) {{"));
        for v in e.variants {
            w.line(format_args!("case {}: return \"{}\";", v.value, variant_name(v)));
        }
        w.close(format_args!("}}"));
        w.line(format_args!("return undefined;"));
        w.close(format_args!("}}"));
        let values: Vec<String> = e.variants.iter().map(|v| v.value.to_string()).collect();
        w.open(format_args!("function check{name}(value: {name}, field: string): void {{"));
        self.cases(w, e);
        w.line(format_args!("{}return;", Self::INDENT));
        w.close(format_args!("}}"));
        w.line(format_args!("badValue(value, \"a {name} (one of {})\", field);", values.join(", ")));
        w.close(format_args!("}}"));
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        let size = ty.size;
        if crate::union::holds_union(ty) {
            w.blank();
            w.line(format_args!(
                "/** {name} holds a union, whose active member is not recorded: it is read and written through `{name}View` only. */"
            ));
            return self.view_only(w, ty, s);
        }
        self.used.insert("checkSpan");
        w.blank();
        doc::block(w, s.doc);
        // A newtype's value is its field's (`type EntityId = number`), a
        // tuple struct's a tuple (`type Duo = [number, number]`); their
        // views' accessors are `0`, `1`, … as the tuple's keys.
        let newtype = s.newtype();
        let tuple = typescript_tuple(s);
        // How the functions below reach a field of `value`.
        let member = |key: &str| match newtype {
            Some(_) => String::from("value"),
            None => value::member("value", key),
        };
        if let Some(f) = newtype {
            w.line(format_args!("export type {name} = {};", ts_type(f.ty)));
        } else if tuple {
            self.tuple_type(w, name, s);
        } else if s.fields.is_empty() {
            w.line(format_args!("export interface {name} {{}}"));
        } else {
            w.open(format_args!("export interface {name} {{"));
            for (i, f) in s.fields.iter().enumerate() {
                doc::block(w, s.field_doc(i));
                w.line(format_args!("{}: {};", field_key(s, f), ts_type(f.ty)));
            }
            w.close(format_args!("}}"));
        }

        w.open(format_args!("export const {name}Layout = {{"));
        w.line(format_args!("size: {size},"));
        w.line(format_args!("align: {},", ty.align));
        if s.fields.is_empty() {
            w.line(format_args!("offsets: {{}},"));
        } else {
            w.open(format_args!("offsets: {{"));
            for f in s.fields {
                w.line(format_args!("{}: {},", field_key(s, f), f.offset));
            }
            w.close(format_args!("}},"));
        }
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));

        w.line(format_args!(
            "/** Reads a `{name}`; throws a `RangeError` on a bad pointer, bytes out of bounds, an invalid bool or an unknown enum value. */"
        ));
        self.reader(w, ty, &format!("load{name}(view, ptr)"));
        w.line(format_args!(
            "/** Checks the whole `value` and the bounds, then writes every field and zeroes the padding: after a `RangeError` nothing was written. */"
        ));
        w.open(format_args!(
            "export function write{name}(view: DataView, ptr: number, value: {name}): void {{"
        ));
        w.line(format_args!("check{name}(value, \"{name}\");"));
        w.line(format_args!("checkSpan(view, ptr, {size}, \"{name}\");"));
        w.line(format_args!("store{name}(view, ptr, value);"));
        w.close(format_args!("}}"));

        let reads = s.fields.iter().any(|f| f.ty.size > 0);
        let pads = (0..s.fields.len()).any(|i| ty.padding_after(i) > 0);
        let unused = |used: bool| if used { "" } else { "_" };
        let (u_read, u_store) = (unused(reads), unused(reads || pads));
        w.open(format_args!("function load{name}({u_read}view: DataView, {u_read}ptr: number): {name} {{"));
        if let Some(f) = newtype {
            let read = self.read(f.ty, &offset_expr("ptr", f.offset), name, 0);
            w.line(format_args!("return {read};"));
        } else if tuple {
            w.open(format_args!("return ["));
            for f in s.fields {
                let ctx = value::member(name, &field_key(s, f));
                let read = self.read(f.ty, &offset_expr("ptr", f.offset), &ctx, 0);
                w.line(format_args!("{read},"));
            }
            w.close(format_args!("];"));
        } else if s.fields.is_empty() {
            w.line(format_args!("return {{}};"));
        } else {
            w.open(format_args!("return {{"));
            for f in s.fields {
                let field = field_key(s, f);
                let read = self.read(f.ty, &offset_expr("ptr", f.offset), &value::member(name, &field), 0);
                w.line(format_args!("{field}: {read},"));
            }
            w.close(format_args!("}};"));
        }
        w.close(format_args!("}}"));
        // `field` names the value itself where it is not what was asked
        // for (an array of the wrong length, not an object); its fields are
        // named from the type, with no name made per call (`Point.x`).
        let u_field = unused(newtype.is_none());
        w.open(format_args!("function check{name}(value: {name}, {u_field}field: string): void {{"));
        if tuple {
            // Not an array, or not of this length: a `RangeError` naming it.
            self.used.insert("checkLength");
            let len = s.fields.len();
            w.line(format_args!(
                "if (!(Array.isArray(value) && value.length === {len})) checkLength(value, {len}, field);"
            ));
        } else if newtype.is_none() {
            // Not an object: a `RangeError` naming it, not a `TypeError`
            // from reading a field of `null`.
            self.used.insert("checkObject");
            w.line(format_args!("checkObject(value, \"a {name} (an object)\", field);"));
        }
        for f in s.fields {
            let field = field_key(s, f);
            // A newtype's value is its field's: errors name the type.
            let ctx = match newtype {
                Some(_) => String::from(name),
                None => value::member(name, &field),
            };
            self.check(w, f.ty, &member(&field), &ctx, 0);
        }
        w.close(format_args!("}}"));
        let u_value = unused(reads);
        w.open(format_args!(
            "function store{name}({u_store}view: DataView, {u_store}ptr: number, {u_value}value: {name}): void {{"
        ));
        for (i, f) in s.fields.iter().enumerate() {
            self.store(w, f.ty, &offset_expr("ptr", f.offset), &member(&field_key(s, f)), 0);
            let pad = ty.padding_after(i);
            if pad > 0 {
                self.used.insert("zeroBytes");
                let at = offset_expr("ptr", f.offset + f.ty.size);
                w.line(format_args!("zeroBytes(view, {at}, {pad}); // padding"));
            }
        }
        w.close(format_args!("}}"));
        self.view_class(w, ty, s);
        let mut arrays = core::mem::replace(&mut self.arrays, Writer::new(Self::INDENT));
        self.struct_array(&mut arrays, ty, s);
        self.arrays = arrays;
    }

    fn union(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        self.union_decl(w, ty, u);
    }

    fn variant(&mut self, w: &mut Writer, ty: &TypeLayout, v: &VariantEnumLayout) {
        self.variant_enum(w, ty, v);
    }

    fn end(&mut self, w: &mut Writer) {
        helpers::emit(w, &self.used);
        let arrays = core::mem::replace(&mut self.arrays, Writer::new(Self::INDENT)).finish();
        for line in arrays.lines() {
            w.line(format_args!("{line}"));
        }
    }
}

impl TypeScript {
    /// `export function read<name>`: checks `ptr`, then `load`s; a read past
    /// the end throws Rust's out-of-bounds text. The bounds are not checked
    /// first (`DataView.byteLength` costs as much as the whole read): each
    /// access checks its own, and the rare failure is translated. When no
    /// field reads the last byte (tail padding), one read of it puts the
    /// whole value in bounds, as in Rust.
    fn reader(&mut self, w: &mut Writer, ty: &TypeLayout, load: &str) {
        let (name, size) = (ty.export_name(), ty.size);
        self.used.insert("badPtr");
        self.used.insert("readFailed");
        w.open(format_args!("export function read{name}(view: DataView, ptr: number): {name} {{"));
        w.line(format_args!("if ({}) badPtr(ptr, \"{name}\");", bad_ptr("ptr")));
        w.open(format_args!("try {{"));
        if size > 0 && !reads_last_byte(ty) {
            w.line(format_args!("view.getUint8(ptr + {}); // padding: in bounds too", size - 1));
        }
        w.line(format_args!("return {load};"));
        w.close_open(format_args!("}} catch (error) {{"));
        w.line(format_args!("return readFailed(error, view, ptr, {size});"));
        w.close(format_args!("}}"));
        w.close(format_args!("}}"));
    }

    /// `export type <name> = [A, B];`: a tuple struct's value, one element
    /// per field (on lines of their own when a field has a doc comment).
    fn tuple_type(&self, w: &mut Writer, name: &str, s: &StructLayout) {
        if s.field_docs.iter().all(|d| d.is_empty()) {
            let elems: Vec<String> = s.fields.iter().map(|f| ts_type(f.ty)).collect();
            w.line(format_args!("export type {name} = [{}];", elems.join(", ")));
            return;
        }
        w.open(format_args!("export type {name} = ["));
        for (i, f) in s.fields.iter().enumerate() {
            doc::block(w, s.field_doc(i));
            w.line(format_args!("{},", ts_type(f.ty)));
        }
        w.close(format_args!("];"));
    }

    /// `switch (value) {` and a `case` per variant, the last one open.
    fn cases(&self, w: &mut Writer, e: &EnumLayout) {
        w.open(format_args!("switch (value) {{"));
        for v in e.variants {
            w.line(format_args!("case {}:", v.value));
        }
    }
}
