//! Live arrays: an array field's getter (`LiveArray`, or `<Name>Array` for
//! structs), the element kinds of non-scalar elements, and the
//! `class <Name>Array` of every struct with its `column(field)` reader.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{StructLayout, TypeKind, TypeLayout};

use super::elems;
use super::helpers::Helper;
use super::value::ts_type;
use super::TypeScript;
use crate::writer::Writer;

/// An element kind: the expression of an `Elems` and its three types.
struct Kind {
    expr: String,
    /// The `LiveArray` class of a scalar (or pointer) kind: its own `get`.
    live: Option<&'static str>,
    value: String,
    view: String,
    typed: &'static str,
}

impl TypeScript {
    /// A live view of the array `t` at `at` (with `m`, the `Mem`, in scope)
    /// and its type: `ctx` names it in errors.
    pub(super) fn live(&mut self, t: &TypeLayout, at: &str, ctx: &str) -> (String, String) {
        let TypeKind::Array(a) = t.kind else { unreachable!("a live view of an array") };
        self.live_of(a.elem, at, &a.len.to_string(), ctx)
    }

    /// A live view of `len` elements `elem` from `at` (with `m` in scope),
    /// and its type.
    pub(super) fn live_of(&mut self, elem: &TypeLayout, at: &str, len: &str, ctx: &str) -> (String, String) {
        if let TypeKind::Struct(_) = elem.kind {
            let name = elem.export_name();
            return (format!("new {name}Array(m.memory, {at}, {len})"), format!("{name}Array"));
        }
        self.used.insert("LiveArray");
        let k = self.kind(elem, ctx);
        let ty = format!("LiveArray<{}, {}, {}>", k.value, k.view, k.typed);
        let stride = elem.size;
        let expr = match k.live {
            Some(class) => format!("new {class}(m, {at}, {len}, {stride}, \"{ctx}\")"),
            None => format!("new {ty}(m, {at}, {len}, {stride}, {}, \"{ctx}\")", k.expr),
        };
        (expr, ty)
    }

    /// The element kind of arrays of `t` (not a struct).
    fn kind(&mut self, t: &TypeLayout, ctx: &str) -> Kind {
        let value = ts_type(t);
        match t.kind {
            TypeKind::Scalar(_) | TypeKind::Pointer(_) => {
                // A pointer is its address, a `u32`.
                let n = elems::scalar(match t.kind {
                    TypeKind::Scalar(s) => s,
                    _ => wasm_layout_core::descriptor::Scalar::U32,
                });
                self.used.insert(n.live);
                Kind {
                    expr: String::from(n.elems),
                    live: Some(n.live),
                    view: value.clone(),
                    value,
                    typed: n.typed,
                }
            }
            _ => {
                self.used.insert("Elems");
                let mut check = Writer::new("");
                self.check(&mut check, t, "value", "${field}", 0);
                let mut store = Writer::new("");
                self.store(&mut store, t, "at", "value", 0);
                let flat = |w: Writer| w.finish().lines().map(str::trim).collect::<Vec<_>>().join(" ");
                let load = self.read(t, "at", ctx, 0);
                // What `get` gives: a live view of an array, else the value.
                let (view, view_ty) = match t.kind {
                    TypeKind::Array(_) => {
                        let (expr, ty) = self.live(t, "at", ctx);
                        (format!("(m, at) => {expr}"), ty)
                    }
                    _ => (format!("(m, at) => {{ const view = m.dv; return {load}; }}"), value.clone()),
                };
                let (check, store) = (flat(check), flat(store));
                let expr = format!(
                    "{{ size: {}, shift: -1, typed: () => null, view: {view}, load: ({}) => ({load}), check: ({}) => {{ {check} }}, store: ({}) => {{ {store} }} }}",
                    t.size,
                    params(&["view", "at"], &load),
                    params(&["value", "field"], &check),
                    params(&["view", "at", "value"], &store),
                );
                Kind { expr, live: None, value, view: view_ty, typed: "never" }
            }
        }
    }

    /// `class <Name>Array`: emitted after the helpers, as it extends one.
    pub(super) fn struct_array(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let (name, size) = (ty.export_name(), ty.size);
        self.used.insert("StructArray");
        w.blank();
        w.line(format_args!(
            "/** A live view of `length` `{name}`s side by side ({size} bytes each) from `ptr` in a `WebAssembly.Memory`: `get(i)` moves one cursor view, `at(i)` makes a view, `column(field)` reads one field of all. */"
        ));
        w.open(format_args!("export class {name}Array extends StructArray<{name}, {name}View> {{"));
        w.line(format_args!(
            "/** Throws a `RangeError` unless `ptr` and `length` are integers and the structs end by 2^32; bounds are checked on each access. */"
        ));
        w.open(format_args!("constructor(memory: WebAssembly.Memory, ptr: number, length: number) {{"));
        w.line(format_args!(
            "super(memory, ptr, length, {size}, {name}View, load{name}, write{name}, \"{name}Array\");"
        ));
        w.close(format_args!("}}"));
        // `get` again, with the size a constant: V8 then neither loads it
        // nor checks the multiplication for overflow (`view/cursor`: 40
        // instructions per element with the base class's `get`).
        w.line(format_args!(
            "/** The cursor moved to `{name}` `i`: the same view every call, moved (so an earlier result now shows `{name}` `i` too). */"
        ));
        w.open(format_args!("override get(i: number): {name}View {{"));
        w.line(format_args!(
            "if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, \"{name}Array\");"
        ));
        w.line(format_args!("const cursor = this.cursor;"));
        // In 32 bits, then unsigned: the true address is below 2^32 (the
        // constructor's bounds), so it is exact with no overflow checks.
        w.line(format_args!("cursor.ptr = (this.base + Math.imul(i, {size})) >>> 0;"));
        w.line(format_args!("return cursor;"));
        w.close(format_args!("}}"));
        // Columns of the scalar fields, one overload per element kind.
        // Each element kind with its fields: (quoted name, offset).
        let mut groups: Vec<(Kind, Vec<(String, usize)>)> = Vec::new();
        for f in s.fields {
            if !matches!(f.ty.kind, TypeKind::Scalar(_) | TypeKind::Pointer(_)) {
                continue;
            }
            let field = super::value::field_key(s, f);
            let k = self.kind(f.ty, &super::value::member(name, &field));
            let case = (format!("\"{field}\""), f.offset);
            match groups.iter_mut().find(|g| g.0.expr == k.expr) {
                Some(g) => g.1.push(case),
                None => groups.push((k, alloc::vec![case])),
            }
        }
        if !groups.is_empty() {
            self.used.insert("show");
            w.line(format_args!(
                "/** A live view of one scalar field of every `{name}` (a column); reads an aligned field through the memory's typed array. */"
            ));
            let mut types = Vec::new();
            for (k, cases) in &groups {
                let ty = format!("LiveArray<{}, {}, {}>", k.value, k.view, k.typed);
                let names: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
                w.line(format_args!("column(field: {}): {ty};", names.join(" | ")));
                types.push(ty);
            }
            w.open(format_args!("column(field: string): {} {{", types.join(" | ")));
            w.open(format_args!("switch (field) {{"));
            for (k, cases) in &groups {
                for (field, offset) in cases {
                    let ctx = super::value::member(name, field.trim_matches('"'));
                    let class = k.live.expect("a column is of a scalar or a pointer");
                    w.line(format_args!("case {field}: return this.columnAt({offset}, {class}, \"{ctx}\");"));
                }
            }
            w.close(format_args!("}}"));
            w.line(format_args!(
                "throw new RangeError(`{name}Array: ${{show(field)}} is not a scalar field of {name}`);"
            ));
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
    }
}

/// `names` as the parameters of an arrow function with `body`, each unused
/// one prefixed by `_` (as `noUnusedParameters` wants).
fn params(names: &[&str], body: &str) -> String {
    let uses = |name: &str| {
        body.match_indices(name).any(|(i, _)| {
            let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.';
            !body[..i].ends_with(word)
                && !body[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    names
        .iter()
        .map(|n| if uses(n) { String::from(*n) } else { format!("_{n}") })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The base class of every `<Name>Array`.
pub(super) const HELPERS: &[Helper] = &[Helper {
    name: "StructArray",
    calls: &["LiveArray", "memOf", "badIndex", "badPtr", "noMem"],
    text: r#"/** Throws unless `ptr` and `length` are integers and `length` elements of `size` bytes from `ptr` end by 2^32. */
function checkArray(ptr: number, length: number, size: number, type: string): void {
  if (!(typeof ptr === "number" && ptr >= 0 && ptr <= 4294967295 && ptr % 1 === 0)) badPtr(ptr, type);
  if (!(typeof length === "number" && length >= 0 && length % 1 === 0 && ptr + length * size <= 4294967296)) {
    throw new RangeError(`${type}: ${String(length)} elements of ${size} bytes from ${ptr} do not end by 2^32`);
  }
}
/** A view that a `StructArray` can move: `ptr` is where its struct starts. */
interface Movable {
  ptr: number;
}
/**
 * A live view of `length` structs side by side from `ptr` in a `WebAssembly.Memory` (the base of
 * every generated `<Name>Array`). `get(i)` moves one view, the array's cursor, to struct `i` and
 * returns it: no allocation per element, but each call moves the view the last one returned.
 * `at(i)` and iteration give a view of its own per struct. Survives `memory.grow`.
 */
export class StructArray<T, V extends Movable> implements Iterable<V> {
  /** The number of structs. */
  readonly length: number = 0;
  protected readonly m: Mem = noMem;
  /** Where the first struct starts. */
  protected readonly base: number = 0;
  readonly #size: number = 0;
  readonly #make: new (memory: WebAssembly.Memory, ptr: number) => V;
  readonly #load: (view: DataView, ptr: number) => T;
  readonly #write: (view: DataView, ptr: number, value: T) => void;
  readonly #type: string;
  // Declared, not defined: a defined field starts as `undefined`, and V8
  // then checks the class of the view it loads from it on every `get`.
  protected declare readonly cursor: V;
  constructor(
    memory: WebAssembly.Memory,
    ptr: number,
    length: number,
    size: number,
    make: new (memory: WebAssembly.Memory, ptr: number) => V,
    load: (view: DataView, ptr: number) => T,
    write: (view: DataView, ptr: number, value: T) => void,
    type: string,
  ) {
    checkArray(ptr, length, size, type);
    this.m = memOf(memory);
    this.base = ptr;
    this.length = length;
    this.#size = size;
    this.#make = make;
    this.#load = load;
    this.#write = write;
    this.#type = type;
    this.cursor = new make(memory, ptr);
  }
  /** Where the first struct starts. */
  get ptr(): number {
    return this.base;
  }
  /** The cursor moved to struct `i`: the same view every call, moved (so an earlier result now shows struct `i` too). */
  get(i: number): V {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.#type);
    const cursor = this.cursor;
    cursor.ptr = (this.base + Math.imul(i, this.#size)) >>> 0;
    return cursor;
  }
  /** A view of struct `i` of its own. */
  at(i: number): V {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.#type);
    return new this.#make(this.m.memory, this.base + i * this.#size);
  }
  /** Checks `value`, the index and the bounds, then writes struct `i` (padding zeroed): after a `RangeError` nothing was written. */
  set(i: number, value: T): void {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.#type);
    const m = this.m;
    const at = this.base + i * this.#size;
    if (at + this.#size > m.u8.length) m.span(at, this.#size);
    this.#write(m.dv, at, value);
  }
  /** Calls `fn` with the cursor on each struct in turn, and the index. */
  forEach(fn: (view: V, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.get(i), i);
  }
  /** `fn` of the cursor on each struct in turn, and the index. */
  map<U>(fn: (view: V, index: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(fn(this.get(i), i));
    return out;
  }
  /** Every struct, read now as `read<Name>` reads it. */
  toArray(): T[] {
    const m = this.m;
    const size = this.#size;
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const at = this.base + i * size;
      try {
        if (size > 0) m.dv.getUint8(at + size - 1);
        out.push(this.#load(m.dv, at));
      } catch (error) {
        m.fresh(error, at, size);
        out.push(this.#load(m.dv, at));
      }
    }
    return out;
  }
  /** A live view of the field at `offset` of every struct. */
  protected columnAt<L>(offset: number, live: new (m: Mem, ptr: number, length: number, stride: number, field: string) => L, field: string): L {
    return new live(this.m, this.base + offset, this.length, this.#size, field);
  }
  *[Symbol.iterator](): Iterator<V> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}"#,
}];
