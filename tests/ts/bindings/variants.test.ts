// Enums with fields and options in the generated TypeScript
// (../../golden/variants.ts): what Rust wrote (../../golden/variants.json)
// reads back as the discriminated union / `T | null` Rust decoded, writes
// back byte for byte (unused payload bytes zero), and every bad tag throws
// Rust's own message at the same absolute offset.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readScene, readShape, writeScene, writeShape, writeWide, ShapeLayout, WideLayout, type Scene, type Shape, type Wide } from "../../golden/variants.ts";

interface Fixtures {
  size: number;
  values: { hex: string; value: Scene }[];
  bad: { hex: string; error: string }[];
}

const fixtures = JSON.parse(
  readFileSync(new URL("../../golden/variants.json", import.meta.url), "utf8"),
  (_key, v: unknown) => (typeof v === "string" && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v),
) as Fixtures;

const PTR = 8;

function placed(hex: string): DataView {
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const buffer = new Uint8Array(bytes.length + 2 * PTR).fill(0xff);
  buffer.set(bytes, PTR);
  return new DataView(buffer.buffer);
}

function hexAt(view: DataView, ptr: number, size: number): string {
  return Buffer.from(new Uint8Array(view.buffer, ptr, size)).toString("hex");
}

test("Rust wrote values and bad bytes", () => {
  assert.equal(fixtures.values.length, 3);
  assert.ok(fixtures.bad.length > 500);
});

for (const [i, f] of fixtures.values.entries()) {
  test(`readScene reads what Rust wrote (${i})`, () => {
    assert.deepStrictEqual(readScene(placed(f.hex), PTR), f.value);
  });
  test(`writeScene writes Rust's bytes (${i})`, () => {
    const view = new DataView(new Uint8Array(fixtures.size + 2 * PTR).fill(0xa5).buffer);
    writeScene(view, PTR, f.value);
    assert.equal(hexAt(view, PTR, fixtures.size), f.hex);
    assert.equal(view.getUint8(PTR - 1), 0xa5, "nothing before");
    assert.equal(view.getUint8(PTR + fixtures.size), 0xa5, "nothing after");
  });
}

test("every bad tag throws Rust's message at the same offset", () => {
  for (const b of fixtures.bad) {
    assert.throws(
      () => readScene(placed(b.hex), PTR),
      (e: unknown) => e instanceof RangeError && e.message.startsWith(b.error),
      b.error,
    );
  }
});

test("a case's unused payload bytes are zeroed; every short view is out of bounds", () => {
  const view = new DataView(new Uint8Array(ShapeLayout.size).fill(0xff).buffer);
  writeShape(view, 0, { tag: "Circle", radius: 2.5 });
  assert.equal(hexAt(view, 0, ShapeLayout.size), "00000000" + "00002040" + "00".repeat(12));
  writeShape(view, 0, { tag: "Empty" });
  assert.equal(hexAt(view, 0, ShapeLayout.size), "02" + "00".repeat(19));
  const value: Shape = { tag: "Rect", 0: { x: 1, y: 2 }, 1: { x: 3, y: 4 } };
  writeShape(view, 0, value);
  assert.deepStrictEqual(readShape(view, 0), value);
  for (let len = 0; len < ShapeLayout.size; len++) {
    const short = new DataView(new Uint8Array(len).buffer);
    assert.throws(() => readShape(short, 0), /out of bounds: bytes 0\.\.20 needed/);
    assert.throws(() => writeShape(short, 0, value), /out of bounds: bytes 0\.\.20 needed/);
  }
});

test("bad values throw and write nothing", () => {
  const view = new DataView(new Uint8Array(ShapeLayout.size).fill(0x11).buffer);
  const bad = [
    { tag: "Square" },
    { tag: "Circle", radius: "1" },
    null,
    { tag: "Rect", 0: { x: 1, y: 2 }, 1: { x: 1, y: "2" } },
  ];
  for (const value of bad) {
    assert.throws(() => writeShape(view, 0, value as unknown as Shape), RangeError);
    assert.equal(hexAt(view, 0, ShapeLayout.size), "11".repeat(ShapeLayout.size));
  }
  // A tuple case's fields are named as code reaches them, as a tuple struct's are.
  const wide = new DataView(new Uint8Array(WideLayout.size).fill(0x33).buffer);
  assert.throws(() => writeWide(wide, 0, { tag: "Bytes", 0: [1, 2, 300] } as Wide), /^RangeError: Wide\[0\]\[2\] must be a u8/);
  assert.throws(() => writeWide(wide, 0, { tag: "Bytes", 0: [1, 2] } as unknown as Wide), /^RangeError: Wide\[0\] must be an array of 3/);
  assert.throws(() => writeShape(view, 0, { tag: "Rect", 0: null, 1: { x: 1, y: 2 } } as unknown as Shape), /^RangeError: Shape\[0\] must be a Vec2 \(an object\), not null$/);
  assert.equal(hexAt(wide, 0, WideLayout.size), "33".repeat(WideLayout.size));
  const scene = structuredClone(fixtures.values[1]!.value);
  for (const patch of [{ next: 0 }, { count: 0 }, { big: 0n }, { maybe: 70000 }]) {
    const big = new DataView(new Uint8Array(fixtures.size).fill(0x22).buffer);
    assert.throws(() => writeScene(big, 0, { ...scene, ...patch } as Scene), RangeError);
    assert.equal(hexAt(big, 0, fixtures.size), "22".repeat(fixtures.size));
  }
});

test("ShapeView names the case, reads and writes, and survives memory.grow", async () => {
  const { ShapeView } = await import("../../golden/variants.ts");
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = new ShapeView(memory, 100);
  view.write({ tag: "Circle", radius: 1.5 });
  assert.equal(view.tag, "Circle");
  memory.grow(1);
  assert.deepStrictEqual(view.read(), { tag: "Circle", radius: 1.5 });
  new DataView(memory.buffer).setUint8(100, 7);
  assert.throws(() => view.tag, /invalid discriminant for Shape at offset 100: 7 names no variant/);
  view.ptr = 2 * 65536 - 10;
  assert.throws(() => view.tag, /out of bounds/);
});

test("a case's view reads and writes its fields in place, null for another case", async () => {
  const { ShapeView, ShapeCircleView, WideView } = await import("../../golden/variants.ts");
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = new ShapeView(memory, 200);
  view.write({ tag: "Rect", 0: { x: 1, y: 2 }, 1: { x: 3, y: 4 } });
  assert.equal(view.Circle === null, true);
  const rect = view.Rect;
  assert.ok(rect !== null);
  rect[1].x = 30;
  rect[0] = { x: 10, y: 20 };
  assert.deepStrictEqual(view.read(), { tag: "Rect", 0: { x: 10, y: 20 }, 1: { x: 30, y: 4 } });
  view.write({ tag: "Circle", radius: 2 });
  assert.equal(view.Rect === null, true);
  const circle = view.Circle;
  assert.ok(circle instanceof ShapeCircleView);
  assert.equal(circle.radius, 2);
  memory.grow(1);
  circle.radius = 0.5;
  assert.deepStrictEqual(view.read(), { tag: "Circle", radius: 0.5 });
  // A bad value writes nothing.
  const before = new Uint8Array(memory.buffer, 200, ShapeLayout.size).slice();
  assert.throws(() => {
    (circle as unknown as { radius: unknown }).radius = "big";
  }, RangeError);
  assert.deepStrictEqual(new Uint8Array(memory.buffer, 200, ShapeLayout.size), before);
  // An unknown tag is an error, not a null.
  new DataView(memory.buffer).setUint8(200, 9);
  assert.throws(() => view.Circle, /invalid discriminant for Shape at offset 200: 9 names no variant/);
  // Out of bounds on every access.
  const edge = new ShapeCircleView(memory, 2 * 65536 - 10);
  assert.throws(() => edge.radius, /out of bounds/);
  assert.throws(() => new ShapeCircleView(memory, -1), RangeError);
  // An array case is a live view: writing an element changes memory.
  const wide = new WideView(memory, 400);
  wide.write({ tag: "Bytes", 0: [1, 2, 3] });
  const bytes = wide.Bytes;
  assert.ok(bytes !== null);
  bytes[0].set(1, 99);
  assert.deepStrictEqual(wide.read(), { tag: "Bytes", 0: [1, 99, 3] });
  assert.equal(wide.Inner === null, true);
});

test("property: every Message written reads back; the bytes its case does not use are zero", async () => {
  const fc = (await import("fast-check")).default;
  const { readMessage, writeMessage, MessageLayout } = await import("../../golden/variants.ts");
  const message = fc.oneof(
    fc.constant({ tag: "Ping" as const }),
    fc.record({ tag: fc.constant("Data" as const), id: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), ok: fc.boolean() }),
    fc.record({ tag: fc.constant("Duo" as const), 0: fc.integer({ min: 0, max: 255 }), 1: fc.integer({ min: -32768, max: 32767 }) }),
  );
  fc.assert(
    fc.property(message, (m) => {
      const view = new DataView(new Uint8Array(MessageLayout.size).fill(0xee).buffer);
      writeMessage(view, 0, m);
      // A copy with a prototype, as callers write records (fast-check's have none).
      assert.deepStrictEqual(readMessage(view, 0), { ...m });
      const used = m.tag === "Ping" ? [0, 1] : m.tag === "Data" ? [0, 1, ...Array.from({ length: 9 }, (_, i) => 8 + i)] : [0, 1, 8, 10, 11];
      for (let i = 0; i < MessageLayout.size; i++) {
        if (!used.includes(i)) assert.equal(view.getUint8(i), 0, `byte ${i} of ${m.tag}`);
      }
    }),
  );
});
