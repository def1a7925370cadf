//! C for unions: `typedef union Name { … } Name;` with the size, alignment
//! and every member's offset (0) asserted, as for structs.

use wasm_layout_core::descriptor::{TypeLayout, UnionLayout};
use wasm_layout_core::fingerprint;

use crate::c::{member, ASSERT, C};
use crate::names::field_name;
use crate::union::as_struct;
use crate::writer::Writer;

impl C {
    pub(crate) fn union_decl(&mut self, w: &mut Writer, ty: &TypeLayout, u: &UnionLayout) {
        let name = ty.export_name();
        let s = as_struct(u);
        w.blank();
        crate::doc::block(w, u.doc);
        w.line(format_args!(
            "/* union {name}: every member at offset 0; which one holds a value is not recorded */"
        ));
        w.open(format_args!("typedef union {name} {{"));
        for (i, f) in u.members.iter().enumerate() {
            crate::doc::block(w, u.member_doc(i));
            member(w, &s, f);
        }
        w.close(format_args!("}} {name};"));
        w.line(format_args!("#define {name}_FINGERPRINT UINT64_C(0x{:016x})", fingerprint(ty)));
        self.sizes(w, ty);
        for f in u.members {
            let field = field_name(&s, f);
            w.line(format_args!(
                "{ASSERT}(offsetof({name}, {field}) == 0, \"{name}.{field}: wasm32 offset is 0\");"
            ));
        }
    }
}
