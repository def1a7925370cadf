// Conformance of the generated TypeScript bindings (../../golden/corpus.ts)
// with the bytes Rust's `write_to` produced (../../golden/fixtures.json).
// `cargo test --test bindings` runs this on a fresh copy of both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as bindings from "../../golden/corpus.ts";

type Reader = (view: DataView, ptr: number) => unknown;
type Writer = (view: DataView, ptr: number, value: unknown) => void;
type ViewClass = new (memory: WebAssembly.Memory, ptr: number) => Record<string, unknown>;
interface LayoutInfo {
  size: number;
  align: number;
  offsets: Record<string, number>;
}
interface ValueFixture {
  type: string;
  fingerprint: bigint;
  hex: string;
  value: Record<string, unknown>;
}
interface InvalidFixture {
  type: string;
  hex: string;
  field: string;
  offset: number;
}

const api = bindings as unknown as Record<string, unknown>;
const reader = (type: string) => api[`read${type}`] as Reader;
const writer = (type: string) => api[`write${type}`] as Writer;
const layout = (type: string) => api[`${type}Layout`] as LayoutInfo;

// 64-bit integers are strings ending in `n`; non-finite floats are strings.
const fixtures = JSON.parse(
  readFileSync(new URL("../../golden/fixtures.json", import.meta.url), "utf8"),
  (_key, v: unknown) => {
    if (typeof v !== "string") return v;
    if (/^-?\d+n$/.test(v)) return BigInt(v.slice(0, -1));
    if (v === "NaN") return NaN;
    if (v === "Infinity") return Infinity;
    if (v === "-Infinity") return -Infinity;
    return v;
  },
) as { values: ValueFixture[]; invalid: InvalidFixture[] };

const PTR = 8; // values sit at a non-zero pointer, inside 0xFF bytes

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function placed(hex: string): DataView {
  const bytes = bytesOf(hex);
  const buffer = new Uint8Array(bytes.length + 2 * PTR).fill(0xff);
  buffer.set(bytes, PTR);
  return new DataView(buffer.buffer);
}

test("the corpus has fixtures", () => {
  assert.ok(fixtures.values.length >= 20);
  assert.ok(fixtures.invalid.length >= 4);
});

for (const f of fixtures.values) {
  test(`read${f.type} reads what Rust wrote`, () => {
    assert.equal(layout(f.type).size, f.hex.length / 2);
    assert.deepStrictEqual(reader(f.type)(placed(f.hex), PTR), f.value);
  });

  test(`write${f.type} writes Rust's bytes, padding zero`, () => {
    const size = f.hex.length / 2;
    const buffer = new Uint8Array(size + 2 * PTR).fill(0xff);
    writer(f.type)(new DataView(buffer.buffer), PTR, f.value);
    assert.deepStrictEqual(Buffer.from(buffer.subarray(PTR, PTR + size)).toString("hex"), f.hex);
    assert.ok(buffer.subarray(0, PTR).every((b) => b === 0xff), "nothing written before the value");
    assert.ok(buffer.subarray(PTR + size).every((b) => b === 0xff), "nothing written after the value");
  });

  test(`${f.type}Fingerprint is Rust's FINGERPRINT`, () => {
    assert.equal(api[`${f.type}Fingerprint`], f.fingerprint);
  });

  test(`${f.type}View getters read what Rust wrote`, () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    new Uint8Array(memory.buffer).set(bytesOf(f.hex), 64);
    const View = api[`${f.type}View`] as ViewClass;
    const view = new View(memory, 64);
    for (const [field, expected] of Object.entries(f.value)) {
      let got = view[field];
      // An array field gives a live array: its elements read now are the value.
      if (typeof got === "object" && got !== null && "toArray" in got) got = (got as { toArray(): unknown }).toArray();
      // A struct field gives a nested view; a string or slice field its plain `{ ptr, len }`.
      if (typeof got === "object" && got !== null && !Array.isArray(got) && got.constructor !== Object) {
        assert.ok(got.constructor.name.endsWith("View"), `${f.type}.${field} is a nested view`);
        continue;
      }
      assert.deepStrictEqual(got, expected, `${f.type}.${field}`);
    }
  });
}

for (const f of fixtures.invalid) {
  test(`read${f.type} rejects a bad ${f.field}`, () => {
    assert.throws(
      () => reader(f.type)(placed(f.hex), PTR),
      (e: unknown) =>
        e instanceof RangeError && e.message.includes(f.field) && e.message.includes(`offset ${PTR + f.offset}`),
    );
  });
}

test("a view keeps reading and writing across memory.grow", () => {
  const rect = fixtures.values.find((f) => f.type === "Rect");
  assert.ok(rect);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
  const ptr = 65536 - 128;
  bindings.writeRect(new DataView(memory.buffer), ptr, rect.value as unknown as bindings.Rect);
  const view = new bindings.RectView(memory, ptr);
  const min = view.min;
  assert.equal(min.x, -1.5);
  assert.equal(view.alive, true);
  assert.deepStrictEqual(view.tags.toArray(), [1, 65535, 300]);

  const before = memory.buffer;
  memory.grow(2);
  assert.equal(before.byteLength, 0, "grow detached the old buffer");

  assert.equal(view.max.x, 1e300);
  assert.equal(min.y, 2.25, "a nested view taken before grow still reads");
  assert.equal(view.kind, bindings.Kind.C);
  view.alive = false;
  view.tags = [4, 5, 6];
  min.x = 42;
  const now = bindings.readRect(new DataView(memory.buffer), ptr);
  assert.equal(now.alive, false);
  assert.deepStrictEqual(now.tags, [4, 5, 6]);
  assert.equal(now.min.x, 42);

  const far = new bindings.RectView(memory, 2 * 65536 + 8);
  far.kind = bindings.Kind.B;
  far.next = 1234;
  memory.grow(1);
  assert.equal(far.kind, bindings.Kind.B);
  assert.equal(far.next, 1234);
});

test("one view moves along an array, also across memory.grow", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
  const size = bindings.PointLayout.size;
  const count = 10;
  const base = 65536 - count * size;
  for (let i = 0; i < count; i++) {
    bindings.writePoint(new DataView(memory.buffer), base + i * size, { x: i, y: -i });
  }
  const view = new bindings.PointView(memory, base);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    view.ptr = base + i * size;
    if (i === 5) memory.grow(1); // the cached buffer is detached mid-way
    sum += view.x;
    view.y = 2 * i;
  }
  assert.equal(view.ptr, base + (count - 1) * size);
  assert.equal(sum, 45);
  assert.equal(bindings.readPoint(new DataView(memory.buffer), base + 3 * size).y, 6);

  // Past the end is still an error after a fresh look at the buffer.
  view.ptr = memory.buffer.byteLength - 4;
  assert.throws(() => view.y, RangeError);
  assert.throws(() => {
    view.x = 1;
  }, RangeError);
});

test("a real error is rethrown, not retried into another one", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = new bindings.RectView(memory, 0);
  view.ptr = 200;
  new Uint8Array(memory.buffer)[200 + bindings.RectLayout.offsets.alive] = 7;
  assert.throws(() => view.alive, /^RangeError: invalid bool at offset 233: byte 0x07 is neither 0 nor 1 \(Rect\.alive\)$/);
});

test("view getters throw on invalid bytes too", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const offset = bindings.RectLayout.offsets.kind;
  new Uint8Array(memory.buffer)[100 + offset] = 99;
  const view = new bindings.RectView(memory, 100);
  assert.throws(() => view.kind, /Rect\.kind/);
});

test("writes check array lengths", () => {
  const view = new DataView(new ArrayBuffer(bindings.RectLayout.size));
  const value = bindings.readRect(placed(fixtures.values.find((f) => f.type === "Rect")?.hex ?? ""), PTR);
  const tags = [1, 2] as unknown as [number, number, number];
  assert.throws(() => bindings.writeRect(view, 0, { ...value, tags }), /Rect\.tags/);
});

test("enums are as-const objects", () => {
  assert.deepStrictEqual({ ...bindings.Signed32 }, { Min: -2147483648, MinusOne: -1, Max: 2147483647 });
  const k: bindings.Kind = bindings.Kind.A;
  assert.equal(k, 1);
  assert.equal(bindings.ColorLayout.size, 1);
});

test("each instantiation of a generic struct is a type of its own", () => {
  assert.deepStrictEqual(
    [bindings.Vec2_f32Layout.size, bindings.Vec2_u16Layout.size, bindings.Buf_8Layout.size],
    [8, 4, 12],
  );
  assert.equal(bindings.Vec2_u16Layout.offsets.y, 2);
  assert.equal(bindings.PlacedLayout.offsets.cell, 8);
  assert.notEqual(bindings.Vec2_f32Fingerprint, bindings.Vec2_u16Fingerprint);

  // Whole values: each instantiation reads and writes its own field types.
  const view = new DataView(new ArrayBuffer(12));
  bindings.writeVec2_u16(view, 4, { x: 1, y: 65535 });
  assert.deepStrictEqual(bindings.readVec2_u16(view, 4), { x: 1, y: 65535 });
  bindings.writeVec2_f32(view, 4, { x: 0.5, y: -2 });
  assert.deepStrictEqual(bindings.readVec2_f32(view, 4), { x: 0.5, y: -2 });
  assert.throws(() => bindings.writeVec2_u16(view, 4, { x: 65536, y: 0 }), RangeError);
  assert.throws(() => bindings.readVec2_f32(view, 8), RangeError);
  assert.deepStrictEqual(bindings.readVec2_f32(view, 4), { x: 0.5, y: -2 }, "nothing written");

  // Views: a field's view is its instantiation's view class.
  const memory = new WebAssembly.Memory({ initial: 1 });
  const fixture = fixtures.values.find((f) => f.type === "Placed");
  assert.ok(fixture);
  new Uint8Array(memory.buffer).set(bytesOf(fixture.hex), 64);
  const placedView = new bindings.PlacedView(memory, 64);
  assert.ok(placedView.pos instanceof bindings.Vec2_f32View);
  assert.ok(placedView.cell instanceof bindings.Vec2_u16View);
  assert.deepStrictEqual([placedView.pos.y, placedView.cell.y, placedView.label.len], [-0.25, 65535, 3]);
  placedView.cell.x = 9;
  assert.equal(bindings.readPlaced(new DataView(memory.buffer), 64).cell.x, 9);
});
