//! `Option<T>` in generated TypeScript: `T | null`. Where 0 is `None`
//! (`Option<WasmPtr<T>>`, `Option<NonZero…>`) the inner type's bytes, 0 read
//! as `null`; otherwise a `u8` tag (0 `null`, 1 the value at `payload`, any
//! other tag a `RangeError`) and the payload zeroed for `null`.

use alloc::format;
use alloc::string::String;

use wasm_layout_core::descriptor::{OptionLayout, OptionRepr, Scalar, TypeKind, TypeLayout};

use super::value::{get, offset_expr, set, ts_type};
use super::TypeScript;
use crate::writer::Writer;

/// The scalar an option whose `None` is 0 is stored as, and its zero.
fn zero_scalar(o: &OptionLayout) -> (Scalar, &'static str) {
    match o.some.kind {
        TypeKind::Scalar(s @ (Scalar::U64 | Scalar::I64)) => (s, "0n"),
        TypeKind::Scalar(s) => (s, "0"),
        _ => (Scalar::U32, "0"),
    }
}

impl TypeScript {
    pub(super) fn read_option(&mut self, o: &OptionLayout, at: &str, ctx: &str, depth: usize) -> String {
        match o.repr {
            OptionRepr::Zero => {
                self.used.insert("nonZero");
                format!("nonZero({})", get(zero_scalar(o).0, at))
            }
            OptionRepr::Tagged { payload } => {
                self.used.insert("invalidDiscriminant");
                let some = self.read(o.some, &offset_expr(at, payload), ctx, depth + 1);
                let ty = ts_type(o.some);
                format!(
                    "((t{depth}: number): {ty} | null => t{depth} === 0 ? null : t{depth} === 1 ? {some} : invalidDiscriminant(\"Option\", {at}, t{depth}, \"{ctx}\"))(view.getUint8({at}))"
                )
            }
        }
    }

    pub(super) fn check_option(
        &mut self,
        w: &mut Writer,
        o: &OptionLayout,
        value: &str,
        ctx: &str,
        depth: usize,
    ) {
        w.open(format_args!("{{"));
        w.line(format_args!("const o{depth} = {value};"));
        w.open(format_args!("if (o{depth} !== null) {{"));
        self.check(w, o.some, &format!("o{depth}"), ctx, depth + 1);
        if o.repr == OptionRepr::Zero {
            self.used.insert("checkNonZero");
            w.line(format_args!("checkNonZero(o{depth}, \"{}\", `{ctx}`);", ts_name(o.some)));
        }
        w.close(format_args!("}}"));
        w.close(format_args!("}}"));
    }

    pub(super) fn store_option(
        &mut self,
        w: &mut Writer,
        t: &TypeLayout,
        o: &OptionLayout,
        at: &str,
        value: &str,
        depth: usize,
    ) {
        match o.repr {
            OptionRepr::Zero => {
                let (s, zero) = zero_scalar(o);
                w.line(format_args!("{};", set(s, at, &format!("{value} ?? {zero}"))));
            }
            OptionRepr::Tagged { payload } => {
                self.used.insert("zeroBytes");
                w.open(format_args!("{{"));
                w.line(format_args!("const o{depth} = {value};"));
                w.line(format_args!("zeroBytes(view, {at}, {});", t.size));
                w.open(format_args!("if (o{depth} !== null) {{"));
                w.line(format_args!("view.setUint8({at}, 1);"));
                self.store(w, o.some, &offset_expr(at, payload), &format!("o{depth}"), depth + 1);
                w.close(format_args!("}}"));
                w.close(format_args!("}}"));
            }
        }
    }
}

/// How an error names the inner type: `WasmPtr<Node>`, `u32`.
fn ts_name(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Pointer(p) => format!("WasmPtr<{}>", p.target_name),
        TypeKind::Scalar(s) => String::from(s.rust_name()),
        _ => String::from(t.export_name()),
    }
}
