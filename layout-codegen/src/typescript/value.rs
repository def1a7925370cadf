//! Expressions and statements for one value of a layout: its TypeScript
//! type, how to read it (bounds already checked), check it (before any byte
//! is written) and store it (after every check passed).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{FieldLayout, Scalar, StructLayout, TypeKind, TypeLayout};
use wasm_layout_rules::names::Lang;
use wasm_layout_rules::pair::{LEN_AT, PTR_AT};

use super::TypeScript;
use crate::writer::Writer;

/// The key TypeScript gives field `f` of struct `s`: its name, or `0`, `1`,
/// … for a tuple struct's field (see [`crate::names::member_name`]).
pub(super) fn field_key(s: &StructLayout, f: &FieldLayout) -> String {
    crate::names::member_name(Lang::TypeScript, s, f)
}

/// `value.radius`, or `value[0]` for a tuple field's key `0`: how code
/// reaches member `key` of `value` (an object, a tuple, a view), and how
/// an error message names it (`Duo[0]`, `Shape.Rect[0]`, `Rect.min`): a
/// name reads as the code that reaches the field.
pub(super) fn member(value: &str, key: &str) -> String {
    if key.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{value}[{key}]")
    } else {
        format!("{value}.{key}")
    }
}

/// Arrays up to this length are read as one array literal (fastest in V8);
/// longer ones fill an array in a loop.
const LITERAL_ARRAY_MAX: usize = 16;

impl TypeScript {
    /// An expression reading a `t` at `at` from `view`; `ctx` names the field
    /// in errors; `depth` numbers the index variables of nested arrays.
    pub(super) fn read(&mut self, t: &TypeLayout, at: &str, ctx: &str, depth: usize) -> String {
        if t.size == 0 {
            return zero_value(t);
        }
        match t.kind {
            TypeKind::Scalar(Scalar::Bool) => {
                self.used.insert("readBoolAt");
                format!("readBoolAt(view, {at}, \"{ctx}\")")
            }
            TypeKind::Scalar(s) => get(s, at),
            TypeKind::Pointer(_) => get(Scalar::U32, at),
            TypeKind::Str | TypeKind::Slice(_) => format!(
                "{{ ptr: {}, len: {} }}",
                get(Scalar::U32, &offset_expr(at, PTR_AT)),
                get(Scalar::U32, &offset_expr(at, LEN_AT))
            ),
            TypeKind::Array(a) if a.len <= LITERAL_ARRAY_MAX => {
                let elems: Vec<String> = (0..a.len)
                    .map(|i| self.read(a.elem, &offset_expr(at, i * a.elem.size), ctx, depth + 1))
                    .collect();
                format!("[{}]", elems.join(", "))
            }
            TypeKind::Array(a) => {
                let elem_at = format!("{at} + i{depth} * {}", a.elem.size);
                let elem = self.read(a.elem, &elem_at, ctx, depth + 1);
                let ty = ts_type(a.elem);
                format!(
                    "((): {ty}[] => {{ const out{depth}: {ty}[] = []; for (let i{depth} = 0; i{depth} < {len}; i{depth}++) out{depth}.push({elem}); return out{depth}; }})()",
                    len = a.len
                )
            }
            TypeKind::Struct(_) => format!("load{}(view, {at})", t.export_name()),
            TypeKind::Enum(_) | TypeKind::Variant(_) => {
                format!("load{}(view, {at}, \"{ctx}\")", t.export_name())
            }
            TypeKind::Option(o) => self.read_option(&o, at, ctx, depth),
            // Any value of the repr: an open enum's reads never fail.
            TypeKind::Open(o) => get(o.repr(), at),
            // Never asked: a type holding a union has no whole value, and
            // its view reaches a union through the union's view class.
            TypeKind::Union(_) => String::from("undefined"),
        }
    }

    /// Statements that throw a `RangeError` naming `ctx` unless `value` is a
    /// valid `t`; they write nothing. `ctx` is the text of a template
    /// literal: array elements add their index (`Rect.tags[${i0}]`).
    pub(super) fn check(&mut self, w: &mut Writer, t: &TypeLayout, value: &str, ctx: &str, depth: usize) {
        match t.kind {
            TypeKind::Scalar(Scalar::Bool) => {
                self.used.insert("checkBool");
                w.line(format_args!("checkBool({value}, `{ctx}`);"));
            }
            TypeKind::Scalar(s @ (Scalar::U64 | Scalar::I64)) => {
                self.used.insert("checkBig");
                let signed = s == Scalar::I64;
                w.line(format_args!("checkBig({value}, {signed}, \"{}\", `{ctx}`);", s.rust_name()));
            }
            TypeKind::Scalar(s @ (Scalar::F32 | Scalar::F64)) => {
                self.used.insert("checkFloat");
                w.line(format_args!("checkFloat({value}, \"{}\", `{ctx}`);", s.rust_name()));
            }
            TypeKind::Scalar(s) => {
                self.used.insert("checkInt");
                let (min, max) = int_range(s);
                w.line(format_args!("checkInt({value}, {min}, {max}, \"{}\", `{ctx}`);", s.rust_name()));
            }
            TypeKind::Pointer(p) => {
                self.used.insert("checkInt");
                let ty = format!("WasmPtr<{}>", p.target_name);
                w.line(format_args!("checkInt({value}, 0, 4294967295, \"{ty}\", `{ctx}`);"));
            }
            TypeKind::Str | TypeKind::Slice(_) => {
                self.used.insert("checkPair");
                w.line(format_args!("checkPair({value}, \"{}\", `{ctx}`);", ts_type(t)));
            }
            TypeKind::Enum(_) | TypeKind::Variant(_) => {
                w.line(format_args!("check{}({value}, `{ctx}`);", t.export_name()))
            }
            TypeKind::Option(o) => self.check_option(w, &o, value, ctx, depth),
            TypeKind::Open(o) => {
                self.used.insert("checkInt");
                let (min, max) = int_range(o.repr());
                let ty = format!("Open<{}>", o.inner.export_name());
                w.line(format_args!("checkInt({value}, {min}, {max}, \"{ty}\", `{ctx}`);"));
            }
            // Never asked (see `read`).
            TypeKind::Union(_) => {}
            TypeKind::Struct(_) => w.line(format_args!("check{}({value}, `{ctx}`);", t.export_name())),
            // A short array of scalars: one inline test of all, the full
            // check (and its messages) only for a bad value, in a helper,
            // which keeps a setter small enough for V8 to inline it.
            TypeKind::Array(a)
                if a.len <= LITERAL_ARRAY_MAX && matches!(a.elem.kind, TypeKind::Scalar(_)) =>
            {
                let TypeKind::Scalar(s) = a.elem.kind else { unreachable!() };
                let elems = super::elems::scalar(s).elems;
                self.used.insert("checkElems");
                self.used.insert(elems);
                let mut ok =
                    alloc::vec![format!("Array.isArray({value})"), format!("{value}.length === {}", a.len)];
                ok.extend((0..a.len).filter_map(|i| valid(a.elem, &format!("{value}[{i}]"))));
                w.line(format_args!(
                    "if (!({})) checkElems({value}, {}, {elems}, `{ctx}`);",
                    ok.join(" && "),
                    a.len
                ));
            }
            TypeKind::Array(a) => {
                self.used.insert("checkLength");
                // The length tested inline: a value that passes does not
                // escape, so V8 may keep an array literal out of the heap.
                w.line(format_args!(
                    "if (!(Array.isArray({value}) && {value}.length === {len})) checkLength({value}, {len}, `{ctx}`);",
                    len = a.len
                ));
                // `!`: the length was just checked (and keeps the code valid
                // under `noUncheckedIndexedAccess`).
                if a.len <= LITERAL_ARRAY_MAX {
                    for i in 0..a.len {
                        self.check_elem(w, a.elem, &format!("{value}[{i}]!"), &format!("{ctx}[{i}]"), depth);
                    }
                } else {
                    w.open(format_args!("for (let i{depth} = 0; i{depth} < {}; i{depth}++) {{", a.len));
                    let elem_ctx = format!("{ctx}[${{i{depth}}}]");
                    self.check_elem(w, a.elem, &format!("{value}[i{depth}]!"), &elem_ctx, depth);
                    w.close(format_args!("}}"));
                }
            }
        }
    }

    /// The check of a setter's `value`: for a scalar, an inline test first,
    /// and the helper (not inlined by V8 while it never throws) only for a
    /// bad value, which keeps the setter small.
    pub(super) fn check_value(&mut self, w: &mut Writer, t: &TypeLayout, ctx: &str) {
        match valid(t, "value") {
            Some(ok) => {
                w.open(format_args!("if (!({ok})) {{"));
                self.check(w, t, "value", ctx, 0);
                w.close(format_args!("}}"));
            }
            None => self.check(w, t, "value", ctx, 0),
        }
    }

    /// The check of one array element: a scalar is tested first, so that the
    /// message (a string built per element) is only built for a bad one.
    fn check_elem(&mut self, w: &mut Writer, t: &TypeLayout, elem: &str, ctx: &str, depth: usize) {
        match valid(t, &format!("e{depth}")) {
            Some(ok) => {
                w.open(format_args!("{{"));
                w.line(format_args!("const e{depth} = {elem};"));
                w.open(format_args!("if (!({ok})) {{"));
                self.check(w, t, &format!("e{depth}"), ctx, depth + 1);
                w.close(format_args!("}}"));
                w.close(format_args!("}}"));
            }
            None => self.check(w, t, elem, ctx, depth + 1),
        }
    }

    /// Statements writing `value`, a checked `t`, at `at` into `view`, which
    /// holds those bytes.
    pub(super) fn store(&mut self, w: &mut Writer, t: &TypeLayout, at: &str, value: &str, depth: usize) {
        if t.size == 0 {
            return;
        }
        match t.kind {
            TypeKind::Scalar(Scalar::Bool) => w.line(format_args!("view.setUint8({at}, {value} ? 1 : 0);")),
            TypeKind::Scalar(s) => w.line(format_args!("{};", set(s, at, value))),
            TypeKind::Pointer(_) => w.line(format_args!("{};", set(Scalar::U32, at, value))),
            TypeKind::Str | TypeKind::Slice(_) => {
                w.line(format_args!(
                    "{};",
                    set(Scalar::U32, &offset_expr(at, PTR_AT), &format!("{value}.ptr"))
                ));
                w.line(format_args!(
                    "{};",
                    set(Scalar::U32, &offset_expr(at, LEN_AT), &format!("{value}.len"))
                ));
            }
            TypeKind::Enum(e) => w.line(format_args!("{};", set(e.repr, at, value))),
            TypeKind::Open(o) => w.line(format_args!("{};", set(o.repr(), at, value))),
            // Never asked (see `read`).
            TypeKind::Union(_) => {}
            TypeKind::Struct(_) | TypeKind::Variant(_) => {
                w.line(format_args!("store{}(view, {at}, {value});", t.export_name()))
            }
            TypeKind::Option(o) => self.store_option(w, t, &o, at, value, depth),
            TypeKind::Array(a) if a.len <= LITERAL_ARRAY_MAX => {
                for i in 0..a.len {
                    let elem_at = offset_expr(at, i * a.elem.size);
                    self.store(w, a.elem, &elem_at, &format!("{value}[{i}]!"), depth + 1);
                }
            }
            TypeKind::Array(a) => {
                w.open(format_args!("for (let i{depth} = 0; i{depth} < {}; i{depth}++) {{", a.len));
                let elem_at = format!("{at} + i{depth} * {}", a.elem.size);
                self.store(w, a.elem, &elem_at, &format!("{value}[i{depth}]!"), depth + 1);
                w.close(format_args!("}}"));
            }
        }
    }
}

/// A condition true when `value` is a valid `t` (a scalar or a pointer), the
/// same test the `check…` helper makes; `None` for other types.
pub(super) fn valid(t: &TypeLayout, value: &str) -> Option<String> {
    let s = match t.kind {
        TypeKind::Scalar(s) => s,
        // A pointer is its address, a `u32`.
        TypeKind::Pointer(_) => Scalar::U32,
        _ => return None,
    };
    // The test names what it tests `value`: the word stands for nothing else in it.
    Some(super::elems::scalar(s).valid.replace("value", value))
}

/// The value of a zero-size `t`, which no byte holds.
fn zero_value(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Array(a) if a.len == 0 => String::from("[]"),
        TypeKind::Array(a) if a.len <= LITERAL_ARRAY_MAX => {
            let elems: Vec<String> = (0..a.len).map(|_| zero_value(a.elem)).collect();
            format!("[{}]", elems.join(", "))
        }
        TypeKind::Array(a) => format!("Array.from({{ length: {} }}, () => {})", a.len, zero_value(a.elem)),
        TypeKind::Struct(s) if s.newtype().is_some() => s.fields.iter().map(|f| zero_value(f.ty)).collect(),
        TypeKind::Struct(s) if crate::names::typescript_tuple(&s) => {
            let elems: Vec<String> = s.fields.iter().map(|f| zero_value(f.ty)).collect();
            format!("[{}]", elems.join(", "))
        }
        TypeKind::Struct(s) => {
            let fields: Vec<String> =
                s.fields.iter().map(|f| format!("{}: {}", field_key(&s, f), zero_value(f.ty))).collect();
            if fields.is_empty() {
                String::from("{}")
            } else {
                format!("{{ {} }}", fields.join(", "))
            }
        }
        // Scalars, pointers and enums have a size.
        _ => String::from("undefined"),
    }
}

/// The smallest and largest value of an integer scalar up to 32 bits.
fn int_range(s: Scalar) -> (i64, i64) {
    match s {
        Scalar::U8 => (0, 255),
        Scalar::U16 => (0, 65535),
        Scalar::U32 => (0, 4_294_967_295),
        Scalar::I8 => (-128, 127),
        Scalar::I16 => (-32768, 32767),
        _ => (-2_147_483_648, 2_147_483_647),
    }
}

/// The TypeScript type of a value of `t`.
pub(super) fn ts_type(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Scalar(Scalar::Bool) => String::from("boolean"),
        TypeKind::Scalar(Scalar::U64 | Scalar::I64) => String::from("bigint"),
        TypeKind::Scalar(_) | TypeKind::Pointer(_) => String::from("number"),
        // A tuple as long as reads build an array literal.
        TypeKind::Array(a) if a.len <= LITERAL_ARRAY_MAX => {
            let elem = ts_type(a.elem);
            let elems: Vec<&str> = (0..a.len).map(|_| elem.as_str()).collect();
            format!("[{}]", elems.join(", "))
        }
        TypeKind::Array(a) => format!("{}[]", ts_type(a.elem)),
        TypeKind::Str => String::from("WasmStr"),
        TypeKind::Slice(_) => String::from("WasmSlice"),
        TypeKind::Struct(_) | TypeKind::Enum(_) | TypeKind::Variant(_) => t.export_name().to_string(),
        TypeKind::Option(o) => format!("({} | null)", ts_type(o.some)),
        // The number, named by the enum's constants or not.
        TypeKind::Open(_) => String::from("number"),
        // Reached only through its view class.
        TypeKind::Union(_) => format!("{}View", t.export_name()),
    }
}

fn accessor(s: Scalar) -> &'static str {
    match s {
        Scalar::U8 | Scalar::Bool => "Uint8",
        Scalar::U16 => "Uint16",
        Scalar::U32 => "Uint32",
        Scalar::U64 => "BigUint64",
        Scalar::I8 => "Int8",
        Scalar::I16 => "Int16",
        Scalar::I32 => "Int32",
        Scalar::I64 => "BigInt64",
        Scalar::F32 => "Float32",
        Scalar::F64 => "Float64",
    }
}

/// `view.getX(at)`, little-endian where the width needs it.
pub(super) fn get(s: Scalar, at: &str) -> String {
    let endian = if s.size() > 1 { ", true" } else { "" };
    format!("view.get{}({at}{endian})", accessor(s))
}

pub(super) fn set(s: Scalar, at: &str, value: &str) -> String {
    let endian = if s.size() > 1 { ", true" } else { "" };
    format!("view.set{}({at}, {value}{endian})", accessor(s))
}

/// `base + offset`, or `base` for offset 0.
pub(super) fn offset_expr(base: &str, offset: usize) -> String {
    if offset == 0 {
        base.to_string()
    } else {
        format!("{base} + {offset}")
    }
}
