// Tuple structs and newtypes in the generated TypeScript
// (../../golden/tuples.ts): what Rust wrote (../../golden/tuples.json)
// reads back with tuple fields `_0`, `_1`, … and newtypes as their field's
// value (`type EntityId = number`), writes back byte for byte (padding
// zero), every bad byte throws Rust's own message at the same absolute
// offset, and short or misplaced memory throws before anything is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  readEntityId,
  readWorld,
  writeEntityId,
  writeDuo,
  writeWorld,
  EntityIdLayout,
  DuoLayout,
  WorldView,
  type EntityId,
  type Duo,
  type Where,
  type World,
} from "../../golden/tuples.ts";

interface Fixtures {
  size: number;
  values: { hex: string; value: World }[];
  bad: { hex: string; error: string }[];
}

const fixtures = JSON.parse(
  readFileSync(new URL("../../golden/tuples.json", import.meta.url), "utf8"),
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
  assert.equal(fixtures.values.length, 2);
  assert.equal(fixtures.bad.length, 2);
});

for (const [i, f] of fixtures.values.entries()) {
  test(`readWorld reads what Rust wrote (${i})`, () => {
    assert.deepStrictEqual(readWorld(placed(f.hex), PTR), f.value);
  });
  test(`writeWorld writes Rust's bytes (${i})`, () => {
    const view = new DataView(new Uint8Array(fixtures.size + 2 * PTR).fill(0xa5).buffer);
    writeWorld(view, PTR, f.value);
    assert.equal(hexAt(view, PTR, fixtures.size), f.hex);
    assert.equal(view.getUint8(PTR - 1), 0xa5, "nothing before");
    assert.equal(view.getUint8(PTR + fixtures.size), 0xa5, "nothing after");
  });
}

test("newtypes are their field's values; tuple fields are _0, _1", () => {
  const w = readWorld(placed(fixtures.values[0].hex), PTR);
  const id: EntityId = w.id;
  const at: Where = w.at;
  const pair: Duo = { _0: 1, _1: 2 };
  assert.equal(id, 7);
  assert.deepStrictEqual(at, { _0: 10, _1: -1.25 });
  assert.deepStrictEqual(w.mix, { _0: 3, _1: 4, _2: true, _3: 18446744073709551615n });
  assert.deepStrictEqual(w.hash, [1, 2, 3, 4, 5, 6]);
  assert.equal(w.alive, false);
  assert.deepStrictEqual(DuoLayout.offsets, { _0: 0, _1: 4 });
  assert.equal(EntityIdLayout.size, 4);
  const view = new DataView(new ArrayBuffer(16));
  writeDuo(view, 4, pair);
  writeEntityId(view, 12, 0xdeadbeef);
  assert.equal(readEntityId(view, 12), 0xdeadbeef);
  assert.equal(view.getFloat32(8, true), 2);
});

test("every bad byte throws Rust's message at the same offset", () => {
  for (const b of fixtures.bad) {
    assert.throws(
      () => readWorld(placed(b.hex), PTR),
      (e: unknown) => e instanceof RangeError && e.message.startsWith(b.error),
      b.error,
    );
  }
});

test("a bad value or short memory throws and writes nothing", () => {
  const view = new DataView(new Uint8Array(8).fill(0xa5).buffer);
  assert.throws(() => writeEntityId(view, 6, 1), RangeError, "short memory");
  assert.throws(() => writeEntityId(view, 0, -1), RangeError, "not a u32");
  assert.throws(() => writeDuo(view, 4, { _0: 1, _1: 2 }), RangeError, "short memory");
  assert.throws(() => readEntityId(view, 5), RangeError, "a read past the end");
  assert.ok(new Uint8Array(view.buffer).every((b) => b === 0xa5), "nothing was written");
});

test("views reach tuple fields and newtypes as _0", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const f = fixtures.values[0];
  writeWorld(new DataView(memory.buffer), 64, f.value);
  const w = new WorldView(memory, 64);
  assert.equal(w.id._0, 7);
  assert.equal(w.pair._1, 2.5);
  assert.equal(w.at._0._0, 10);
  assert.equal(w.mix._3, 18446744073709551615n);
  writeEntityId(new DataView(memory.buffer), f.value.next, 41);
  assert.equal(w.nextView()._0, 41, "a pointer to a newtype gives its view");
  w.pair._0 = 99;
  w.mix._1._0 = 5;
  const back = readWorld(new DataView(memory.buffer), 64);
  assert.equal(back.pair._0, 99);
  assert.equal(back.mix._1, 5);
});
