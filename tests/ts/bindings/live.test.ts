// Live views of the generated TypeScript (../../golden/corpus.ts): array
// fields, struct arrays and their cursor and columns, typed-array and
// DataView paths, pointers and slices followed, across memory.grow and over
// a shared memory. `cargo test --test bindings` runs this on a fresh copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as b from "../../golden/corpus.ts";

const rect: b.Rect = {
  min: { x: -1.5, y: 2.25 },
  max: { x: 3, y: 4 },
  kind: b.Kind.B,
  alive: true,
  tags: [1, 65535, 300],
  next: 0,
};

function memory(pages = 1, maximum = 8, shared = false): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: pages, maximum, shared });
}

test("an array field is live: writes through it reach the memory", () => {
  const mem = memory();
  b.writeRect(new DataView(mem.buffer), 64, rect);
  const view = new b.RectView(mem, 64);
  const tags = view.tags;
  assert.equal(tags.length, 3);
  assert.equal(tags.get(1), 65535);
  tags.set(1, 7);
  assert.deepStrictEqual(b.readRect(new DataView(mem.buffer), 64).tags, [1, 7, 300]);
  assert.deepStrictEqual([...view.tags], [1, 7, 300]);
  assert.deepStrictEqual(view.tags.toArray(), [1, 7, 300]);
  assert.deepStrictEqual(view.tags.map((t, i) => t + i), [1, 8, 302]);
  // The trap of copies: an element of an array of structs, changed in place.
  const poly = new b.PolygonView(mem, 1024);
  poly.points.get(2).x = 99;
  assert.equal(b.readPolygon(new DataView(mem.buffer), 1024).points[2].x, 99);
  poly.points.set(0, { x: 5, y: 6 });
  assert.deepStrictEqual(b.readPolygon(new DataView(mem.buffer), 1024).points[0], { x: 5, y: 6 });
  // Nested arrays: a live view of a live view.
  const matrix = new b.MatrixView(mem, 2048);
  matrix.m.get(3).set(2, 1.5);
  assert.equal(b.readMatrix(new DataView(mem.buffer), 2048).m[3][2], 1.5);
  assert.equal(matrix.m.toArray()[3]?.[2], 1.5);
  // Arrays of enums and bools, checked as the setters are.
  const modes = new b.ModesView(mem, 4096);
  modes.kinds.set(1, b.Kind.C);
  assert.equal(modes.kinds.get(1), b.Kind.C);
  assert.throws(() => modes.kinds.set(0, 9 as b.Kind), /^RangeError: Modes\.kinds\[0\] must be a Kind/);
  assert.throws(() => tags.set(0, 70000), /^RangeError: Rect\.tags\[0\] must be a u16/);
  assert.throws(() => tags.get(3), /^RangeError: Rect\.tags: the index 3 is not an integer in \[0, 3\)$/);
  assert.throws(() => tags.set(-1, 0), RangeError);
  assert.equal(b.readRect(new DataView(mem.buffer), 64).tags[0], 1, "a bad write wrote nothing");
});

test("typed-array and DataView paths read the same values, aligned or not", () => {
  const mem = memory();
  const dv = new DataView(mem.buffer);
  const floats: b.Floats = { f: 1.25, d: -2.5e300, fs: [0.5, -3, 1e30] };
  const wide: b.Wide = { a: 1n << 63n, b: -5n, c: [7n, 1n << 40n], d: [-1n, -(1n << 62n)] };
  // Aligned at 256; misaligned at 257 and 259 (views allow any pointer).
  for (const at of [256, 257, 259]) {
    b.writeFloats(dv, at, floats);
    const fv = new b.FloatsView(mem, at);
    assert.equal(fv.f, Math.fround(1.25));
    assert.equal(fv.d, -2.5e300);
    assert.deepStrictEqual(fv.fs.toArray(), floats.fs.map(Math.fround));
    assert.deepStrictEqual([fv.fs.get(0), fv.fs.get(1), fv.fs.get(2)], floats.fs.map(Math.fround));
    // The scans read the typed array (aligned) or the DataView (not): the same values.
    assert.deepStrictEqual(fv.fs.reduce<number[]>((acc, x, i) => [...acc, x, i], []), [0.5, 0, -3, 1, 1e30, 2].map(Math.fround));
    const seen: number[] = [];
    fv.fs.forEach((x, i) => seen.push(i, x));
    assert.deepStrictEqual(seen, [0, 0.5, 1, -3, 2, Math.fround(1e30)]);
    assert.deepStrictEqual(fv.fs.map((x) => x * 2), floats.fs.map((x) => Math.fround(x) * 2));
    const sub = fv.fs.subarray();
    if (at % 4 === 0) assert.deepStrictEqual([...(sub ?? [])], floats.fs.map(Math.fround));
    else assert.equal(sub, null, "no typed array over misaligned elements");
    b.writeWide(dv, at + 512, wide);
    const wv = new b.WideView(mem, at + 512);
    assert.equal(wv.a, wide.a);
    assert.equal(wv.b, wide.b);
    assert.deepStrictEqual(wv.d.toArray(), wide.d);
    assert.equal(wv.d.reduce((acc, x) => acc + x, 0n), wide.d[0] + wide.d[1]);
    assert.equal(wv.c.get(1), wide.c[1]);
    // Writes through either path land where the DataView reads them.
    fv.f = 3.5;
    fv.fs.set(2, 8);
    assert.equal(dv.getFloat32(at, true), 3.5);
    assert.equal(b.readFloats(dv, at).fs[2], 8);
  }
  // A column over misaligned structs reads through the DataView.
  const n = 5;
  for (let i = 0; i < n; i++) b.writePacked(dv, 3001 + i * b.PackedLayout.size, { a: i, b: i * 10, c: i, d: BigInt(i) });
  const packed = new b.PackedArray(mem, 3001, n);
  assert.deepStrictEqual(packed.column("b").toArray(), [0, 10, 20, 30, 40]);
  assert.deepStrictEqual(packed.column("d").toArray(), [0n, 1n, 2n, 3n, 4n]);
  assert.equal(packed.column("b").reduce((acc, x) => acc + x, 0), 100);
  const bs: number[] = [];
  packed.column("b").forEach((x) => bs.push(x));
  assert.deepStrictEqual(bs, [0, 10, 20, 30, 40]);
});

test("a struct array: cursor, own views, iteration, scans and columns", () => {
  const mem = memory();
  const dv = new DataView(mem.buffer);
  const base = 512;
  const n = 10;
  for (let i = 0; i < n; i++) b.writePoint(dv, base + i * b.PointLayout.size, { x: i, y: -i });
  const points = new b.PointArray(mem, base, n);
  assert.equal(points.length, n);
  const c0 = points.get(0);
  const c5 = points.get(5);
  assert.equal(c0, c5, "get moves one cursor");
  assert.equal(c0.x, 5);
  const own = points.at(3);
  assert.notEqual(own, points.at(3));
  assert.equal(own.y, -3);
  assert.deepStrictEqual([...points].map((p) => p.x), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  let sum = 0;
  points.forEach((p) => (sum += p.x));
  assert.equal(sum, 45);
  assert.deepStrictEqual(points.map((p, i) => p.y + i), new Array(n).fill(0));
  assert.deepStrictEqual(points.toArray()[4], { x: 4, y: -4 });
  const xs = points.column("x");
  assert.equal(xs.length, n);
  assert.equal(xs.get(7), 7);
  assert.equal(xs.reduce((s, x) => s + x, 0), 45);
  xs.set(9, 90);
  assert.equal(b.readPoint(dv, base + 9 * 16).x, 90);
  assert.throws(() => points.get(n), /^RangeError: PointArray: the index 10 is not an integer in \[0, 10\)$/);
  assert.throws(() => (points as unknown as { column(f: string): unknown }).column("z"), /not a scalar field of Point/);
  assert.throws(() => new b.PointArray(mem, 2 ** 32 - 8, 2), RangeError);
  // Columns of every scalar kind, with the typed path where aligned.
  const scalars = new b.AllScalarsArray(mem, 8192, 2);
  b.writeAllScalars(dv, 8192 + b.AllScalarsLayout.size, {
    ...b.readAllScalars(new DataView(new ArrayBuffer(64)), 0),
    a_u32: 4000000000,
    a_i16: -7,
    a_bool: true,
  });
  assert.equal(scalars.column("a_u32").get(1), 4000000000);
  assert.equal(scalars.column("a_i16").get(1), -7);
  assert.equal(scalars.column("a_bool").get(1), true);
  // Out of bounds: the element's bytes are checked.
  const tail = new b.PointArray(mem, 65536 - 16, 2);
  assert.equal(tail.column("y").get(0), 0);
  assert.throws(() => tail.column("y").get(1), /^RangeError: out of bounds: bytes 65544\.\.65552 needed, the memory is 65536 bytes long$/);
  assert.throws(() => tail.get(1).x, /^RangeError: out of bounds/);
});

test("at the top of a 4 GiB memory: cursors and columns past 2^31, whose 32-bit indices wrap", () => {
  // 65536 pages: the largest wasm32 memory. Its pages are reserved, not
  // touched: only the bytes written here are.
  const mem = new WebAssembly.Memory({ initial: 65536, maximum: 65536 });
  const dv = new DataView(mem.buffer);
  const size = b.AllScalarsLayout.size;
  const value = (i: number): b.AllScalars => ({
    a_u8: 200 + i,
    a_u16: 60000 + i,
    a_u32: 4000000000 + i,
    a_u64: 2n ** 63n + BigInt(i),
    a_i8: -100 - i,
    a_i16: -30000 - i,
    a_i32: -2000000000 - i,
    a_i64: -(2n ** 62n) - BigInt(i),
    a_f32: 1.5 + i,
    a_f64: 1e300 + i,
    a_bool: i % 2 === 1,
  });
  // The last structs of the memory, and ones that straddle 2^31 (where a
  // pointer stops being a small integer to V8).
  for (const base of [2 ** 32 - 4 * size, 2 ** 31 - 2 * size]) {
    for (let i = 0; i < 4; i++) b.writeAllScalars(dv, base + i * size, value(i));
    const all = new b.AllScalarsArray(mem, base, 4);
    for (let i = 0; i < 4; i++) {
      assert.deepStrictEqual(b.readAllScalars(dv, all.get(i).ptr), value(i));
      assert.equal(all.get(i).ptr, base + i * size);
      assert.equal(all.get(i).a_u32, value(i).a_u32);
      assert.equal(all.column("a_u8").get(i), value(i).a_u8);
      assert.equal(all.column("a_i16").get(i), value(i).a_i16);
      assert.equal(all.column("a_u32").get(i), value(i).a_u32);
      assert.equal(all.column("a_f64").get(i), value(i).a_f64);
      assert.equal(all.column("a_bool").get(i), value(i).a_bool);
    }
    assert.deepStrictEqual(all.column("a_u8").toArray(), [200, 201, 202, 203]);
    assert.equal(all.column("a_f32").reduce((s, x) => s + x, 0), 1.5 + 2.5 + 3.5 + 4.5);
    all.get(3).a_u8 = 7;
    all.column("a_i8").set(3, -1);
    assert.equal(b.readAllScalars(dv, base + 3 * size).a_u8, 7);
    assert.equal(b.readAllScalars(dv, base + 3 * size).a_i8, -1);
  }
  // One struct past the end: out of bounds, not a wrapped-around read.
  const past = new b.AllScalarsArray(mem, 2 ** 32 - 4 * size, 4);
  assert.throws(() => new b.AllScalarsArray(mem, 2 ** 32 - 4 * size, 5), RangeError);
  assert.equal(past.get(3).ptr, 2 ** 32 - size);
});

test("views, live arrays and columns survive memory.grow", () => {
  const mem = memory(1, 4);
  const size = b.PointLayout.size;
  const n = 8;
  const base = 65536 - n * size;
  for (let i = 0; i < n; i++) b.writePoint(new DataView(mem.buffer), base + i * size, { x: i, y: 2 * i });
  const points = new b.PointArray(mem, base, n);
  const xs = points.column("x");
  const view = new b.RectView(mem, 100);
  const tags = view.tags;
  assert.equal(xs.get(1), 1);
  const old = mem.buffer;
  mem.grow(1);
  assert.equal(old.byteLength, 0, "the old buffer is detached");
  assert.equal(xs.get(2), 2);
  assert.equal(xs.reduce((s, x) => s + x, 0), 28);
  assert.equal(points.get(3).y, 6);
  tags.set(0, 11);
  assert.equal(view.tags.get(0), 11);
  // Past the old end, now in the memory.
  const far = new b.PointArray(mem, 65536, 2);
  far.get(1).x = 3;
  mem.grow(1);
  assert.equal(far.column("x").get(1), 3);
  assert.equal(far.at(1).x, 3);
});

test("views and columns work over a shared memory, also after it grew", () => {
  const mem = memory(1, 4, true);
  assert.ok(mem.buffer instanceof SharedArrayBuffer);
  const points = new b.PointArray(mem, 65536 - 16, 3);
  points.get(0).x = 1;
  assert.throws(() => points.column("x").get(1), RangeError);
  mem.grow(1); // the old SharedArrayBuffer stays, shorter than the memory
  points.get(1).x = 2;
  points.column("x").set(2, 3);
  assert.deepStrictEqual(points.column("x").toArray(), [1, 2, 3]);
  assert.equal(new b.RectView(mem, 65536 + 64).tags.length, 3);
});

test("pointers are followed to views; null and out of range are RangeErrors", () => {
  const mem = memory();
  const dv = new DataView(mem.buffer);
  b.writeRect(dv, 64, { ...rect, next: 128 });
  b.writeRect(dv, 128, { ...rect, kind: b.Kind.C, next: 0 });
  const first = new b.RectView(mem, 64);
  const second = first.nextView();
  assert.equal(second.ptr, 128);
  assert.equal(second.kind, b.Kind.C);
  assert.throws(() => second.nextView(), /^RangeError: null pointer to Rect$/);
  second.next = 65536 - 8;
  assert.throws(() => second.nextView(), /^RangeError: out of bounds: bytes 65528\.\.65576 needed, the memory is 65536 bytes long$/);
  const node = new b.NodeView(mem, 512);
  node.prev = 512;
  assert.equal(node.prevView().ptr, 512);
});

test("a slice field gives a live view of its elements", () => {
  const mem = memory();
  const dv = new DataView(mem.buffer);
  for (let i = 0; i < 3; i++) dv.setFloat32(1000 + 4 * i, i + 0.5, true);
  const named = new b.NamedView(mem, 64);
  named.scores = { ptr: 1000, len: 3 };
  const scores = named.scoresView();
  assert.deepStrictEqual(scores.toArray(), [0.5, 1.5, 2.5]);
  scores.set(1, 9);
  assert.equal(dv.getFloat32(1004, true), 9);
  named.points = { ptr: 2048, len: 2 };
  named.pointsView().get(1).y = 4;
  assert.equal(b.readPoint(dv, 2048 + 16).y, 4);
  named.scores = { ptr: 0, len: 0 };
  assert.equal(named.scoresView().length, 0, "an empty slice is valid at null");
  named.scores = { ptr: 0, len: 2 };
  assert.throws(() => named.scoresView(), /^RangeError: null pointer to f32$/);
  named.scores = { ptr: 65536 - 4, len: 2 };
  assert.throws(() => named.scoresView(), /^RangeError: out of bounds: bytes 65532\.\.65540 needed/);
});

test("enum values are named", () => {
  assert.equal(b.nameOfKind(b.Kind.C), "C");
  assert.equal(b.nameOfKind(3), undefined);
  assert.equal(b.nameOfSigned32(-1), "MinusOne");
});
