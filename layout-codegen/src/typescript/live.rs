//! The helpers of live views: the state every view of one memory shares
//! (`Mem`), pointers and slices followed, and live arrays (`LiveArray`, also
//! a struct array's column). Emitted, like every helper, only when used.

use super::helpers::Helper;

/// The live-view helpers, in the order the file declares them.
pub(super) const HELPERS: &[Helper] = &[
    Helper {
        name: "littleEndian",
        calls: &[],
        text: r#"/** Whether typed arrays read little-endian here: only then may they stand in for the DataView. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;"#,
    },
    Helper {
        name: "Mem",
        calls: &["emptyView", "littleEndian", "outOfBounds"],
        text: r#"/**
 * What every view of one `WebAssembly.Memory` shares: a DataView and typed arrays over its current
 * buffer, all replaced at once when `memory.grow` replaced the buffer (so one view's fresh look
 * serves all). A typed array of a detached buffer is empty, one of an outgrown shared buffer too
 * short: an access it cannot serve falls back to the DataView, which throws, and then `fresh`
 * takes the new buffer. On a big-endian host the multi-byte typed arrays stay empty.
 */
class Mem {
  readonly memory: WebAssembly.Memory;
  dv: DataView = emptyView;
  /**
   * The bytes the typed arrays may serve: the buffer's length on a little-endian host, else 0 (a
   * number field: one comparison checks bounds and byte order, where V8 tests a boolean field's
   * truth at length).
   */
  end = 0;
  u8: Uint8Array = new Uint8Array(0);
  i8: Int8Array = new Int8Array(0);
  u16: Uint16Array = new Uint16Array(0);
  i16: Int16Array = new Int16Array(0);
  u32: Uint32Array = new Uint32Array(0);
  i32: Int32Array = new Int32Array(0);
  f32: Float32Array = new Float32Array(0);
  f64: Float64Array = new Float64Array(0);
  u64: BigUint64Array = new BigUint64Array(0);
  i64: BigInt64Array = new BigInt64Array(0);
  constructor(memory: WebAssembly.Memory) {
    this.memory = memory;
    this.refresh();
  }
  /** Takes the memory's current buffer; whether it was a new one. */
  refresh(): boolean {
    const buffer = this.memory.buffer;
    if (buffer === this.dv.buffer) return false;
    this.dv = new DataView(buffer);
    this.u8 = new Uint8Array(buffer);
    this.end = littleEndian ? this.u8.length : 0;
    this.i8 = new Int8Array(buffer);
    if (littleEndian) {
      // A memory is whole 64 KiB pages long: every width divides it.
      this.u16 = new Uint16Array(buffer);
      this.i16 = new Int16Array(buffer);
      this.u32 = new Uint32Array(buffer);
      this.i32 = new Int32Array(buffer);
      this.f32 = new Float32Array(buffer);
      this.f64 = new Float64Array(buffer);
      this.u64 = new BigUint64Array(buffer);
      this.i64 = new BigInt64Array(buffer);
    }
    return true;
  }
  /** After an access to `size` bytes at `ptr` threw `error`: takes a new buffer, or throws out of bounds, or `error` again. */
  fresh(error: unknown, ptr: number, size: number): void {
    const changed = this.refresh();
    if (ptr + size > this.u8.length) outOfBounds(ptr, size, this.u8.length);
    if (!changed) throw error;
  }
  /** Before a write: takes a new buffer if there is one; throws unless `size` bytes at `ptr` are in it. */
  span(ptr: number, size: number): void {
    this.refresh();
    if (ptr + size > this.u8.length) outOfBounds(ptr, size, this.u8.length);
  }
}"#,
    },
    Helper {
        name: "memOf",
        calls: &["Mem", "lastMem", "mems"],
        text: r#"/** The `Mem` of `memory`: the last one asked for at the cost of one comparison. */
function memOf(memory: WebAssembly.Memory): Mem {
  const last = lastMem.mem;
  return last.memory === memory ? last : memOfNew(memory);
}
function memOfNew(memory: WebAssembly.Memory): Mem {
  let m = mems.get(memory);
  if (m === undefined) {
    m = new Mem(memory);
    mems.set(memory, m);
  }
  lastMem.mem = m;
  return m;
}"#,
    },
    Helper { name: "mems", calls: &["Mem"], text: "const mems = new WeakMap<WebAssembly.Memory, Mem>();" },
    Helper {
        name: "noMem",
        calls: &["Mem"],
        // A view's `#m` starts as this, not as `undefined` (a field declared
        // bare): V8 then knows the field holds a `Mem` and loads it, and the
        // typed arrays from it, with no check of its class (one check per
        // access otherwise, measured in `view/cursor`).
        text: r#"/** The `Mem` of a memory of no pages: "none yet". */
const noMem: Mem = new Mem(new WebAssembly.Memory({ initial: 0 }));"#,
    },
    Helper {
        name: "lastMem",
        calls: &["Mem", "noMem"],
        // In an object, not a `let`: V8 (in Node 20) loads a reassigned
        // module-level `let` several times slower than an object's property,
        // and a view's constructor reads it. `noMem` stands for "none yet",
        // so `memOf` loads it with no check of what it holds.
        text: "const lastMem: { mem: Mem } = { mem: noMem };",
    },
    Helper {
        name: "deref",
        calls: &["Mem"],
        text: r#"/** `ptr` if it is not null and `size` bytes from it are in the memory, else a `RangeError`. */
function deref(m: Mem, ptr: number, size: number, type: string): number {
  if (ptr === 0) throw new RangeError(`null pointer to ${type}`);
  if (ptr + size > m.u8.length) m.span(ptr, size);
  return ptr;
}"#,
    },
    Helper {
        name: "region",
        calls: &["Mem", "outOfBounds"],
        text: r#"/** Throws unless `len` elements of `size` bytes from `ptr` are in the memory (Rust's rules: none is fine anywhere; some at null are not). */
function region(m: Mem, ptr: number, len: number, size: number, type: string): void {
  if (len === 0) return;
  if (ptr === 0) throw new RangeError(`null pointer to ${type}`);
  const end = ptr + len * size;
  if (end > m.u8.length) m.refresh();
  if (end > m.u8.length || end > 4294967296) outOfBounds(ptr, len * size, m.u8.length);
}"#,
    },
    Helper {
        name: "badIndex",
        calls: &["show"],
        text: r#"function badIndex(index: unknown, length: number, field: string): never {
  throw new RangeError(`${field}: the index ${show(index)} is not an integer in [0, ${length})`);
}"#,
    },
    Helper {
        name: "Elems",
        calls: &["Mem"],
        text: r#"/** What a typed array of the memory gives: `T`s by index. */
export interface Typed<T> {
  readonly length: number;
  readonly [index: number]: T;
}
/** The elements of a live array: `T` is an element's value, `V` what `get` gives (a live view, for arrays and structs), `A` the memory's typed array holding them. */
export interface Elems<T, V = T, A extends Typed<T> = never> {
  /** Bytes per element. */
  readonly size: number;
  /** log2 of `size` if a typed array of the memory holds the elements (`typed`), else -1. */
  readonly shift: number;
  typed(m: Mem): A | null;
  view(m: Mem, at: number, field: string): V;
  load(view: DataView, at: number, field: string): T;
  check(value: T, field: string): void;
  store(view: DataView, at: number, value: T): void;
}"#,
    },
    Helper {
        name: "checkElem",
        calls: &["Elems"],
        text: r#"/**
 * Throws unless `value` is a valid element, naming it as element `i` of `field`: the name is made
 * only when the check fails (a name made for every write costs more than the write).
 */
function checkElem<T>(e: Elems<T, unknown, Typed<T>>, value: T, field: string, i: number): void {
  try {
    e.check(value, field);
  } catch {
    e.check(value, `${field}[${i}]`);
  }
}"#,
    },
    Helper {
        name: "LiveArray",
        calls: &[
            "Mem",
            "Elems",
            "badIndex",
            "checkElem",
            "littleEndian",
            "outOfBounds",
            "emptyView",
            "noMem",
        ],
        text: r#"/**
 * A live view of `length` elements from `ptr`, `stride` bytes apart, in a `WebAssembly.Memory`: an
 * array field, or one field of every struct of a `StructArray` (a column). Reads and writes go to
 * the memory; survives `memory.grow`. Where the host is little-endian and `ptr` and `stride` are
 * multiples of the element's size (checked once, here), `get` reads the memory's typed array;
 * elsewhere it reads through a DataView. Each access checks its bytes' bounds.
 */
export class LiveArray<T, V = T, A extends Typed<T> = never> implements Iterable<V> {
  // Numbers start as numbers (`= 0`): a field declared bare starts as
  // `undefined`, and V8 then checks the type of what it loads from it.
  /** The number of elements. */
  readonly length: number = 0;
  readonly #m: Mem = noMem;
  readonly #ptr: number = 0;
  readonly #stride: number = 0;
  readonly #e: Elems<T, V, A>;
  /** What errors call the array. */
  protected readonly field: string = "";
  /** `ptr` and `stride` counted in elements of the typed array, when `get` may use it (else `step` is 0). */
  protected readonly first: number = 0;
  protected readonly step: number = 0;
  // Declared, not defined (a field defined with no value starts as
  // `undefined`): V8 then knows the class of the typed array the field
  // holds and does not check it on every `get` (`view/column`).
  /** The memory's typed array of the elements, or an empty one where it may not serve. */
  declare protected typed: Typed<T>;
  constructor(m: Mem, ptr: number, length: number, stride: number, e: Elems<T, V, A>, field: string) {
    this.#m = m;
    this.#ptr = ptr;
    this.length = length;
    this.#stride = stride;
    this.#e = e;
    this.field = field;
    const mask = e.size - 1;
    const fast = e.shift >= 0 && littleEndian && (ptr & mask) === 0 && (stride & mask) === 0 && stride > 0;
    this.first = fast ? ptr >>> e.shift : 0;
    this.step = fast ? stride >>> e.shift : 0;
    this.#retype();
  }
  /** Takes the memory's typed array of now where `get` may read it (else an empty one). */
  #retype(): void {
    this.typed = (this.step !== 0 ? this.#e.typed(this.#m) : null) ?? emptyTyped;
  }
  /** Where the first element starts. */
  get ptr(): number {
    return this.#ptr;
  }
  /**
   * Element `i`: its value, or a live view of it (of a struct or an array); a `RangeError` for a
   * bad index or bytes out of bounds. (The array of each scalar type has a `get` of its own,
   * which reads the typed array first.)
   */
  get(i: number): V {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.field);
    return this.slow(i);
  }
  /** Element `i` through the DataView (taking a new buffer after `memory.grow`, and the typed array with it). */
  protected slow(i: number): V {
    const m = this.#m;
    const e = this.#e;
    const at = this.#ptr + i * this.#stride;
    let v: V;
    try {
      if (at + e.size > m.u8.length) throw new RangeError("out of bounds");
      v = e.view(m, at, this.field);
    } catch (error) {
      m.fresh(error, at, e.size);
      v = e.view(m, at, this.field);
    }
    this.#retype();
    return v;
  }
  /** Checks `value`, the index and the bounds, then writes element `i`: after a `RangeError` nothing was written. */
  set(i: number, value: T): void {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.field);
    checkElem(this.#e, value, this.field, i);
    this.slowSet(i, value);
  }
  /** Writes the checked `value` as element `i` through the DataView (taking a new buffer after `memory.grow`, and the typed array with it). */
  protected slowSet(i: number, value: T): void {
    const m = this.#m;
    const e = this.#e;
    const at = this.#ptr + i * this.#stride;
    if (at + e.size > m.u8.length) m.span(at, e.size);
    e.store(m.dv, at, value);
    this.#retype();
  }
  /** Every element's value, read now (plain data, as `read<Name>` gives). */
  toArray(): T[] {
    const m = this.#m;
    const e = this.#e;
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const at = this.#ptr + i * this.#stride;
      try {
        out.push(e.load(m.dv, at, this.field));
      } catch (error) {
        m.fresh(error, at, e.size);
        out.push(e.load(m.dv, at, this.field));
      }
    }
    return out;
  }
  /**
   * The memory's typed array over the elements, sharing their bytes, when they lie side by side,
   * aligned, on a little-endian host; else `null` (use `get`). It is over the buffer of now: after
   * `memory.grow` it is empty (or, for a shared memory, stays as it was): ask again.
   */
  subarray(): A | null {
    const e = this.#e;
    if (this.step !== 1 || this.#stride !== e.size) return null;
    const m = this.#m;
    const end = this.#ptr + this.length * e.size;
    if (end > m.u8.length) m.span(this.#ptr, this.length * e.size);
    const typed = e.typed(m) as unknown as { subarray(begin: number, end: number): A } | null;
    return typed === null ? null : typed.subarray(this.first, this.first + this.length);
  }
  /**
   * Folds `fn` over the elements in order, starting from `initial` (a scan). (The array of each
   * scalar type reads the typed array directly where `get` may.)
   */
  reduce<U>(fn: (acc: U, value: V, index: number) => U, initial: U): U {
    let acc = initial;
    for (let i = 0; i < this.length; i++) acc = fn(acc, this.get(i), i);
    return acc;
  }
  /** Calls `fn` with each element (as `get` gives it) and its index; reads like `reduce`. */
  forEach(fn: (value: V, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.get(i), i);
  }
  /** `fn` of each element (as `get` gives it) and its index. */
  map<U>(fn: (value: V, index: number) => U): U[] {
    const out: U[] = [];
    this.forEach((value, index) => {
      out.push(fn(value, index));
    });
    return out;
  }
  *[Symbol.iterator](): Iterator<V> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }
}
/** The typed array of a live array that may not use one: every index gives `undefined`. */
const emptyTyped: Typed<never> = new Uint8Array(0) as unknown as Typed<never>;"#,
    },
];
