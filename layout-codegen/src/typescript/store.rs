//! A setter's write: through the memory's typed array when the field is
//! aligned on a little-endian host, else through the DataView in a helper
//! (cold, so V8 leaves it out of line and the setter stays small).
//!
//! Measured in `cargo xtask bench --only ts` (`write/*`): V8 (Node 20)
//! inlines a typed-array store where a DataView loaded from a field stays a
//! call, three times slower over a struct's fields.

use alloc::format;
use alloc::string::String;

use wasm_layout_core::descriptor::{Scalar, TypeKind, TypeLayout};

use super::elems;
use super::helpers::Helper;
use super::value::{offset_expr, valid};
use super::TypeScript;
use crate::writer::Writer;

/// Arrays up to this length are stored element by element.
const UNROLL_MAX: usize = 16;

impl TypeScript {
    /// The whole body of the setter of a scalar field, or of a short array
    /// of scalars, at `offset` in a struct of `size` bytes: one condition
    /// (a valid value, the struct in bounds of what the typed arrays serve,
    /// aligned) before a typed-array store, else one call that checks, throws
    /// or writes through the DataView. `false` (and nothing written) for
    /// other fields.
    pub(super) fn fast_setter(
        &mut self,
        w: &mut Writer,
        t: &TypeLayout,
        offset: usize,
        size: usize,
        ctx: &str,
    ) -> bool {
        let (elem, len) = match t.kind {
            TypeKind::Array(a) if a.len <= UNROLL_MAX && a.len > 0 => (a.elem, Some(a.len)),
            _ => (t, None),
        };
        let TypeKind::Scalar(s) = elem.kind else { return false };
        let elems::ScalarNames { elems: kind, member, shift, .. } = elems::scalar(s);
        self.used.insert(kind);
        let mut test = alloc::vec::Vec::new();
        match len {
            None => test.push(valid(elem, "value").expect("a scalar")),
            Some(len) => {
                test.push(String::from("Array.isArray(value)"));
                test.push(format!("value.length === {len}"));
                test.extend((0..len).map(|i| valid(elem, &format!("value[{i}]")).expect("a scalar")));
            }
        }
        // `m.end` is 0 on a big-endian host: one comparison for the bounds
        // and the byte order. The alignment of `ptr` alone where the offset
        // keeps it: the same test in every setter, which V8 then does once
        // for a loop's run of setters.
        test.push(format!("ptr + {size} <= m.end"));
        // The index: `(ptr >>> shift) + offset / size` where the offset
        // keeps `ptr`'s alignment (V8 shifts `ptr` once for all setters).
        // `at` (the field's address) only where the fast path uses it: an
        // addition V8 checks for overflow, which it cannot move into the
        // cold branch that alone would use it otherwise.
        let at = offset_expr("ptr", offset);
        let mut first = String::from("at");
        let mut uses_at = true;
        if shift > 0 {
            let mask = (1 << shift) - 1;
            if offset & mask == 0 {
                test.push(format!("(ptr & {mask}) === 0"));
                first = match offset >> shift {
                    0 => format!("ptr >>> {shift}"),
                    words => format!("(ptr >>> {shift}) + {words}"),
                };
                uses_at = false;
            } else {
                test.push(format!("(at & {mask}) === 0"));
                first = format!("at >>> {shift}");
            }
        }
        let value = |v: String| if s == Scalar::Bool { format!("{v} ? 1 : 0") } else { v };
        w.line(format_args!("const m = this.#m;"));
        w.line(format_args!("const ptr = this.#ptr;"));
        if uses_at {
            w.line(format_args!("const at = {at};"));
        }
        match len {
            None => {
                self.used.insert("setAt");
                w.line(format_args!(
                    "if ({}) m.{member}[{first}] = {}; else setAt(m, ptr, {size}, {offset}, value, {kind}, `{ctx}`);",
                    test.join(" && "),
                    value(String::from("value"))
                ));
            }
            Some(len) => {
                self.used.insert("setEachAt");
                w.open(format_args!("if ({}) {{", test.join(" && ")));
                w.line(format_args!("const typed = m.{member};"));
                w.line(format_args!("const k = {first};"));
                for i in 0..len {
                    let k = if i == 0 { String::from("k") } else { format!("k + {i}") };
                    w.line(format_args!("typed[{k}] = {};", value(format!("value[{i}]!"))));
                }
                w.close_open(format_args!("}} else {{"));
                w.line(format_args!("setEachAt(m, ptr, {size}, {offset}, value, {len}, {kind}, `{ctx}`);"));
                w.close(format_args!("}}"));
            }
        }
        true
    }
}

/// The helpers of setters: the cold call of the fast setters and the
/// check of a short array of scalars.
pub(super) const HELPERS: &[Helper] = &[
    Helper {
        name: "setAt",
        calls: &["Mem", "Elems"],
        text: r#"/** A setter's write where its fast path cannot: checks `value` (a RangeError naming `field`), takes a new buffer or throws unless the struct (`size` bytes at `ptr`) is in it, then writes `value` at `offset` in the struct through the DataView. */
function setAt<T>(m: Mem, ptr: number, size: number, offset: number, value: T, e: Elems<T, unknown, Typed<T>>, field: string): void {
  e.check(value, field);
  m.span(ptr, size);
  e.store(m.dv, ptr + offset, value);
}"#,
    },
    Helper {
        name: "setEachAt",
        calls: &["Mem", "Elems", "checkElems"],
        text: r#"/** `setAt` for an array of `length` scalars. */
function setEachAt<T>(m: Mem, ptr: number, size: number, offset: number, value: readonly T[], length: number, e: Elems<T, unknown, Typed<T>>, field: string): void {
  checkElems(value, length, e, field);
  m.span(ptr, size);
  for (let i = 0; i < length; i++) e.store(m.dv, ptr + offset + i * e.size, value[i]!);
}"#,
    },
    Helper {
        name: "checkElems",
        calls: &["Elems", "checkLength", "checkElem"],
        text: r#"/** Throws unless `value` is an array of `length` valid elements. */
function checkElems<T>(value: readonly T[], length: number, e: Elems<T, unknown, Typed<T>>, field: string): void {
  checkLength(value, length, field);
  for (let i = 0; i < length; i++) checkElem(e, value[i]!, field, i);
}"#,
    },
];
