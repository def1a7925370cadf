//! TypeScript for unions, and for structs that hold one: a layout constant,
//! a fingerprint and a view class, no interface and no `read`/`write`
//! functions. As in Rust, nothing in a union's bytes records which member
//! holds a value, so it has no whole value; its view has a getter per
//! member (a nested view for a struct or union member) and a setter that
//! writes that member and zeroes the bytes after it. In the view of a
//! struct holding a union, a union field is a nested view with no setter,
//! and an array of unions has no accessor: its elements are reached with
//! `new <Union>View(memory, ptr + <Name>Layout.offsets.<field> + i *
//! <Union>Layout.size)`.

use alloc::format;

use wasm_layout_core::descriptor::{StructLayout, TypeLayout, UnionLayout};
use wasm_layout_core::fingerprint;

use super::TypeScript;
use crate::union::as_struct;
use crate::writer::Writer;

impl TypeScript {
    pub(super) fn union_decl(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        let name = ty.export_name();
        w.blank();
        let note = format!(
            "union {name}: every member at offset 0; which one holds a value is not recorded, so it is read and written through `{name}View` only."
        );
        match u.doc {
            "" => crate::doc::block(w, &note),
            doc => crate::doc::block(w, &format!("{doc}\n\n{note}")),
        }
        self.view_only(w, ty, &as_struct(u));
    }

    /// The layout constant, the fingerprint and the view class of `ty`,
    /// whose fields (or members) are `s`'s.
    pub(super) fn view_only(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        w.open(format_args!("export const {name}Layout = {{"));
        w.line(format_args!("size: {},", ty.size));
        w.line(format_args!("align: {},", ty.align));
        if s.fields.is_empty() {
            w.line(format_args!("offsets: {{}},"));
        } else {
            w.open(format_args!("offsets: {{"));
            for f in s.fields {
                w.line(format_args!("{}: {},", super::value::field_key(s, f), f.offset));
            }
            w.close(format_args!("}},"));
        }
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));
        self.view_class(w, ty, s);
    }
}
