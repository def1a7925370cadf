// What the generated TypeScript (../../golden/corpus.ts) refuses, and how it
// says so: bad pointers, out-of-range numbers, wrong array lengths, bytes out
// of bounds, each a RangeError naming the type and field, with memory
// unchanged; and the offset table: a bad byte reports the same absolute
// offset through every path as Rust's `read_at` (../../golden/fixtures.json).
// `cargo test --test bindings` runs this on a fresh copy of both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as bindings from "../../golden/corpus.ts";

interface InvalidFixture {
  type: string;
  hex: string;
  field: string;
  at: number;
  rust: number;
}
interface BoundsFixture {
  type: string;
  offset: number;
  needed: number;
  available: number;
  /** Whether a field is past the end: a view checks the bytes it reads. */
  view: boolean;
}
interface ValueFixture {
  type: string;
  hex: string;
}

const fixtures = JSON.parse(readFileSync(new URL("../../golden/fixtures.json", import.meta.url), "utf8")) as {
  values: ValueFixture[];
  invalid: InvalidFixture[];
  bounds: BoundsFixture[];
};

type Reader = (view: DataView, ptr: number) => unknown;
type ViewClass = new (memory: WebAssembly.Memory, ptr: number) => Record<string, unknown>;
const api = bindings as unknown as Record<string, unknown>;
const reader = (type: string) => api[`read${type}`] as Reader;
const viewClass = (type: string) => api[`${type}View`] as ViewClass;

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** A one-page memory holding `hex` at `at`, the rest 0xEE. */
function memoryWith(hex: string, at: number): WebAssembly.Memory {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0xee);
  bytes.set(bytesOf(hex), at);
  return memory;
}

/** Reads every getter of `view`, into nested views and every element of live arrays; returns what threw first. */
function touchAll(view: Record<string, unknown>, seen = 0): unknown {
  if (seen > 8) return undefined;
  if (Symbol.iterator in view) {
    let elements: unknown[];
    try {
      elements = [...(view as unknown as Iterable<unknown>)];
    } catch (error) {
      return error;
    }
    for (const inner of elements) {
      if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) {
        const error = touchAll(inner as Record<string, unknown>, seen + 1);
        if (error !== undefined) return error;
      }
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(view) as object;
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    if (key === "ptr" || d.get === undefined) continue;
    let got: unknown;
    try {
      got = view[key];
    } catch (error) {
      return error;
    }
    if (typeof got === "object" && got !== null && !Array.isArray(got)) {
      const inner = touchAll(got as Record<string, unknown>, seen + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

const rangeError = (pattern: RegExp) => (e: unknown) => e instanceof RangeError && pattern.test(e.message);

// ---- the offset table --------------------------------------------------

for (const f of fixtures.invalid) {
  test(`a bad ${f.field} in ${f.type} at ${f.at} is at offset ${f.rust}, as Rust says, on every path`, () => {
    const memory = memoryWith(f.hex, f.at);
    const expected = new RegExp(`at offset ${f.rust}:.*\\(${f.field.replace(".", "\\.")}\\)$`);
    assert.throws(() => reader(f.type)(new DataView(memory.buffer), f.at), rangeError(expected), "read");
    const error = touchAll(new (viewClass(f.type))(memory, f.at));
    assert.ok(error instanceof RangeError && expected.test(error.message), `view: ${String(error)}`);
  });
}

for (const b of fixtures.bounds) {
  // Rust's LayoutError::OutOfBounds, as its Display writes it.
  const text = `out of bounds: bytes ${b.offset}..${b.offset + b.needed} needed, the memory is ${b.available} bytes long`;
  test(`${b.type} at ${b.offset} of ${b.available} bytes: "${text}" on every path`, () => {
    const memory = new WebAssembly.Memory({ initial: b.available / 65536 });
    assert.throws(() => reader(b.type)(new DataView(memory.buffer), b.offset), { name: "RangeError", message: text });
    const error = touchAll(new (viewClass(b.type))(memory, b.offset));
    if (b.view) assert.ok(error instanceof RangeError && error.message === text, `view: ${String(error)}`);
    else assert.equal(error, undefined, "a view reads every field in bounds");
  });
}

// ---- pointers ------------------------------------------------------------

const badPointers = [NaN, -1, 1.5, 2 ** 32, 2 ** 32 + 8, Infinity, -Infinity, -0.5];

test("readers, writers and views refuse a pointer that is not an integer in [0, 2^32)", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = new DataView(memory.buffer);
  for (const ptr of badPointers) {
    const named = rangeError(new RegExp(`^Node: the pointer ${String(ptr)} is not an integer in \\[0, 2\\^32\\)$`));
    assert.throws(() => bindings.readNode(view, ptr), named, `readNode(${ptr})`);
    assert.throws(() => bindings.writeNode(view, ptr, { value: 1, next: 0, prev: 0 }), named);
    assert.throws(() => bindings.readKind(view, ptr), rangeError(/^Kind: the pointer/));
    assert.throws(() => new bindings.RectView(memory, ptr), rangeError(/^RectView: the pointer/));
    const moving = new bindings.NodeView(memory, 0);
    assert.throws(() => (moving.ptr = ptr), rangeError(/^NodeView: the pointer/));
    assert.equal(moving.ptr, 0, "a refused ptr leaves the view where it was");
  }
  assert.ok(new Uint8Array(memory.buffer).every((b) => b === 0), "nothing was written");
});

// ---- numbers -------------------------------------------------------------

const zeroScalars: bindings.AllScalars = {
  a_u8: 0,
  a_u16: 0,
  a_u32: 0,
  a_u64: 0n,
  a_i8: 0,
  a_i16: 0,
  a_i32: 0,
  a_i64: 0n,
  a_f32: 0,
  a_f64: 0,
  a_bool: false,
};

const outOfRange: [keyof bindings.AllScalars, unknown, RegExp][] = [
  ["a_u8", 300, /^AllScalars\.a_u8 must be a u8 \(an integer in 0\.\.=255\), not 300$/],
  ["a_u8", -1, /^AllScalars\.a_u8 must be a u8 .*, not -1$/],
  ["a_u8", 1.5, /^AllScalars\.a_u8 must be a u8 .*, not 1\.5$/],
  ["a_i16", 70000, /^AllScalars\.a_i16 must be a i16 \(an integer in -32768\.\.=32767\), not 70000$/],
  ["a_i32", NaN, /^AllScalars\.a_i32 must be a i32 .*, not NaN$/],
  ["a_u32", 2 ** 32, /^AllScalars\.a_u32 must be a u32 .*, not 4294967296$/],
  ["a_u64", 2n ** 64n, /^AllScalars\.a_u64 must be a u64 \(a bigint in 0n\.\.=18446744073709551615n\), not 18446744073709551616n$/],
  ["a_u64", -1n, /^AllScalars\.a_u64 must be a u64 .*, not -1n$/],
  ["a_i64", 2n ** 63n, /^AllScalars\.a_i64 must be a i64 .*, not 9223372036854775808n$/],
  ["a_u64", 5, /^AllScalars\.a_u64 must be a u64 .*, not 5$/],
  ["a_f64", "1", /^AllScalars\.a_f64 must be a f64 \(a number\), not "1"$/],
  ["a_bool", 1, /^AllScalars\.a_bool must be a bool \(true or false\), not 1$/],
];

test("out-of-range numbers throw a RangeError naming type and field, through write and views, writing nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0xab);
  const view = new bindings.AllScalarsView(memory, 64);
  for (const [field, bad, message] of outOfRange) {
    const value = { ...zeroScalars, [field]: bad } as bindings.AllScalars;
    assert.throws(() => bindings.writeAllScalars(new DataView(memory.buffer), 64, value), rangeError(message));
    assert.throws(() => ((view as unknown as Record<string, unknown>)[field] = bad), rangeError(message));
  }
  assert.ok(bytes.every((b) => b === 0xab), "nothing was written");
});

test("pointers, enums and array elements are checked too", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0xab);
  const dv = new DataView(memory.buffer);
  const rect: bindings.Rect = {
    min: { x: 0, y: 0 },
    max: { x: 1, y: 1 },
    kind: bindings.Kind.A,
    alive: true,
    tags: [1, 2, 3],
    next: 0,
  };
  const cases: [Partial<bindings.Rect>, RegExp][] = [
    [{ next: 2 ** 32 + 8 }, /^Rect\.next must be a WasmPtr<Rect> \(an integer in 0\.\.=4294967295\), not 4294967304$/],
    [{ kind: 99 as bindings.Kind }, /^Rect\.kind must be a Kind \(one of 1, 2, 200\), not 99$/],
    [{ tags: [1, 70000, 3] }, /^Rect\.tags\[1\] must be a u16 .*, not 70000$/],
    [{ tags: [1] as unknown as [number, number, number] }, /^Rect\.tags must be an array of 3 elements, not an array of 1$/],
    [{ min: { x: 0, y: "0" as unknown as number } }, /^Point\.y must be a f64/],
    // Not an object where a struct goes: a RangeError naming where, not a
    // TypeError from reading a field of it.
    [{ min: null as unknown as bindings.Point }, /^Rect\.min must be a Point \(an object\), not null$/],
    [{ max: 7 as unknown as bindings.Point }, /^Rect\.max must be a Point \(an object\), not 7$/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => bindings.writeRect(dv, 8, { ...rect, ...change }), rangeError(message));
    const view = new bindings.RectView(memory, 8) as unknown as Record<string, unknown>;
    const [field, bad] = Object.entries(change)[0] ?? [];
    if (field !== undefined && field !== "min") assert.throws(() => (view[field] = bad), rangeError(message));
  }
  assert.throws(() => (new bindings.RectView(memory, 8).min = undefined as unknown as bindings.Point), rangeError(/^Rect\.min must be a Point \(an object\), not undefined$/));
  for (const bad of [null, undefined, 3, "rect"]) {
    assert.throws(() => bindings.writeRect(dv, 8, bad as unknown as bindings.Rect), rangeError(/^Rect must be a Rect \(an object\), not /));
  }
  assert.throws(() => bindings.writeKind(dv, 0, 3 as bindings.Kind), rangeError(/^Kind must be a Kind/));
  assert.ok(bytes.every((b) => b === 0xab), "nothing was written");
});

test("a whole-value write past the end writes nothing and says which bytes", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0xab);
  const size = bindings.PointLayout.size;
  assert.throws(
    () => bindings.writePoint(new DataView(memory.buffer), 65536 - 8, { x: 1, y: 2 }),
    { name: "RangeError", message: `out of bounds: bytes 65528..${65528 + size} needed, the memory is 65536 bytes long` },
  );
  const view = new bindings.PointView(memory, 65536 - 8);
  assert.throws(() => (view.x = 1), { name: "RangeError", message: /^out of bounds: bytes 65528\.\.65544 needed/ });
  assert.ok(bytes.every((b) => b === 0xab), "nothing was written");
});

// ---- zero-size structs ---------------------------------------------------

test("an array of zero-size structs reads, writes and views", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const dv = new DataView(memory.buffer);
  bindings.writeEmpties(dv, 4, { before: 1, units: [{}, {}, {}], after: 2 });
  assert.deepStrictEqual(bindings.readEmpties(dv, 4), { before: 1, units: [{}, {}, {}], after: 2 });
  const view = new bindings.EmptiesView(memory, 4);
  assert.deepStrictEqual(view.units.toArray(), [{}, {}, {}]);
  assert.equal(view.units.length, 3);
  assert.equal(view.after, 2);
  assert.throws(() => (view.units = [{}] as unknown as [bindings.Empty, bindings.Empty, bindings.Empty]), rangeError(/^Empties\.units must be an array of 3 elements/));
  assert.equal(bindings.EmptiesLayout.size, 2);
});
