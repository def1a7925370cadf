//! Odin for unions: `Name :: struct #raw_union { … }` with the size,
//! alignment and every member's offset (0) asserted, as for structs.

use wasm_layout_core::descriptor::{TypeLayout, UnionLayout};

use crate::names::field_name;
use crate::odin::{odin_type, Odin};
use crate::union::as_struct;
use crate::writer::Writer;

impl Odin {
    pub(crate) fn union_decl(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        let name = ty.export_name();
        let s = as_struct(u);
        w.blank();
        crate::doc::line_comments(w, u.doc);
        w.line(format_args!("// Every member at offset 0; which one holds a value is not recorded."));
        w.open(format_args!("{name} :: struct #raw_union {{"));
        for (i, f) in u.members.iter().enumerate() {
            crate::doc::line_comments(w, u.member_doc(i));
            w.line(format_args!("{}: {},", field_name(&s, f), odin_type(f.ty)));
        }
        w.close(format_args!("}}"));
        self.fingerprint_and_sizes(w, ty);
        for f in u.members {
            w.line(format_args!("#assert(offset_of({name}, {}) == 0)", field_name(&s, f)));
        }
    }
}
