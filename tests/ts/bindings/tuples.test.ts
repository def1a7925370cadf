// Tuple structs and newtypes in the generated TypeScript
// (../../golden/tuples.ts): what Rust wrote (../../golden/tuples.json)
// reads back with tuple structs as TypeScript tuples (`[9, 2.5]`) and
// newtypes as their field's value (`type EntityId = number`), writes back
// byte for byte (padding zero), every bad byte throws Rust's own message at
// the same absolute offset, a value that is no array of the right length
// and short or misplaced memory throw before anything is written, and views
// reach a tuple struct's fields by index (`view[0]`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  readEntityId,
  readWorld,
  writeEntityId,
  readDuo,
  writeDuo,
  readMix,
  writeMix,
  writeWorld,
  writeLink,
  LinkView,
  EntityIdLayout,
  DuoLayout,
  MixLayout,
  DuoView,
  WorldLayout,
  WorldView,
  type EntityId,
  type Duo,
  type Mix,
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

test("newtypes are their field's values; tuple structs are tuples", () => {
  const w = readWorld(placed(fixtures.values[0].hex), PTR);
  const id: EntityId = w.id;
  const at: Where = w.at;
  const pair: Duo = [1, 2];
  assert.equal(id, 7);
  assert.ok(Array.isArray(w.pair) && Array.isArray(w.at), "an array, not an object");
  assert.deepStrictEqual(w.pair, [9, 2.5]);
  assert.deepStrictEqual(at, [10, -1.25]);
  assert.deepStrictEqual(w.mix, [3, 4, true, 18446744073709551615n]);
  assert.deepStrictEqual(w.loose, [0x01020304]);
  assert.deepStrictEqual(w.hash, [1, 2, 3, 4, 5, 6]);
  assert.equal(w.alive, false);
  assert.deepStrictEqual(DuoLayout.offsets, { 0: 0, 1: 4 });
  assert.equal(MixLayout.offsets[3], 16);
  assert.equal(EntityIdLayout.offsets[0], 0);
  assert.equal(EntityIdLayout.size, 4);
  const view = new DataView(new ArrayBuffer(16));
  writeDuo(view, 4, pair);
  writeEntityId(view, 12, 0xdeadbeef);
  assert.equal(readEntityId(view, 12), 0xdeadbeef);
  assert.equal(view.getUint32(4, true), 1);
  assert.equal(view.getFloat32(8, true), 2);
  assert.deepStrictEqual(readDuo(view, 4), [1, 2]);
});

test("a tuple struct reads and writes Rust's bytes as a tuple", () => {
  const base = fixtures.values[0];
  const bytes = placed(base.hex);
  const mixAt = PTR + WorldLayout.offsets.mix;
  const mix: Mix = readMix(bytes, mixAt);
  assert.deepStrictEqual(mix, base.value.mix);
  const out = new DataView(new Uint8Array(24).fill(0xa5).buffer);
  writeMix(out, 0, mix);
  assert.equal(hexAt(out, 0, 24), hexAt(bytes, mixAt, 24), "Rust's bytes, padding zero");
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
  assert.throws(() => writeEntityId(view, 0, -1), /^RangeError: EntityId must be a u32/, "not a u32");
  assert.throws(() => writeDuo(view, 4, [1, 2]), RangeError, "short memory");
  assert.throws(() => readEntityId(view, 5), RangeError, "a read past the end");
  assert.ok(new Uint8Array(view.buffer).every((b) => b === 0xa5), "nothing was written");
});

test("a tuple struct's value must be an array of its length; nothing is written", () => {
  const view = new DataView(new Uint8Array(32).fill(0xa5).buffer);
  const bad: [unknown, RegExp][] = [
    [{ 0: 1, 1: 2 }, /^RangeError: Duo must be an array of 2 elements, not \[object Object\]$/],
    [{ _0: 1, _1: 2 }, /^RangeError: Duo must be an array of 2 elements, not \[object Object\]$/],
    [7, /^RangeError: Duo must be an array of 2 elements, not 7$/],
    [null, /^RangeError: Duo must be an array of 2 elements, not null$/],
    [undefined, /^RangeError: Duo must be an array of 2 elements, not undefined$/],
    [[1], /^RangeError: Duo must be an array of 2 elements, not an array of 1$/],
    [[1, 2, 3], /^RangeError: Duo must be an array of 2 elements, not an array of 3$/],
    [[-1, 2], /^RangeError: Duo\[0\] must be a u32 .*, not -1$/],
    [[1, "2"], /^RangeError: Duo\[1\] must be /],
  ];
  for (const [value, message] of bad) {
    assert.throws(() => writeDuo(view, 0, value as Duo), message, String(value));
  }
  // A field of a bigger value: the whole value is checked first.
  const w = readWorld(placed(fixtures.values[0].hex), PTR);
  const short = { ...w, pair: [9] as unknown as Duo };
  // The value is named where it sits (a field's own elements by their type: `Duo[0]`).
  assert.throws(() => writeWorld(new DataView(new ArrayBuffer(200)), 0, short), /^RangeError: World\.pair must be an array of 2 elements, not an array of 1$/);
  assert.throws(() => writeMix(view, 0, [3, 4, true] as unknown as Mix), /Mix must be an array of 4 elements, not an array of 3/);
  assert.ok(new Uint8Array(view.buffer).every((b) => b === 0xa5), "nothing was written");
});

test("views reach tuple fields and newtypes by index", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const f = fixtures.values[0];
  writeWorld(new DataView(memory.buffer), 64, f.value);
  const w = new WorldView(memory, 64);
  assert.equal(w.id[0], 7);
  assert.equal(w.pair[0], 9);
  assert.equal(w.pair[1], 2.5);
  assert.equal(w.at[0][0], 10);
  assert.equal(w.at[0][1], -1.25);
  assert.equal(w.mix[3], 18446744073709551615n);
  assert.equal(w.mix[2][0], true);
  assert.equal(w.loose[0], 0x01020304);
  writeEntityId(new DataView(memory.buffer), f.value.next, 41);
  assert.equal(w.nextView()[0], 41, "a pointer to a newtype gives its view");
  w.pair[0] = 99;
  w.mix[1][0] = 5;
  w.at[0] = [11, 0.5];
  const back = readWorld(new DataView(memory.buffer), 64);
  assert.deepStrictEqual(back.pair, [99, 2.5]);
  assert.equal(back.mix[1], 5);
  assert.deepStrictEqual(back.at, [11, 0.5]);
  // A setter checks before it writes.
  const pair: DuoView = w.pair;
  assert.throws(() => (pair[0] = -1), /^RangeError: Duo\[0\] must be a u32/);
  assert.throws(() => (w.at[0] = [1] as unknown as Duo), /^RangeError: Where\[0\] must be an array of 2 elements, not an array of 1$/);
  assert.deepStrictEqual(readWorld(new DataView(memory.buffer), 64).at, [11, 0.5], "nothing was written");
});

test("a tuple struct's pointer field has view0()", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const dv = new DataView(memory.buffer);
  writeDuo(dv, 32, [5, 0.25]);
  writeLink(dv, 16, [32, 7]);
  const link = new LinkView(memory, 16);
  assert.equal(link[0], 32);
  assert.equal(link[1], 7);
  assert.equal(link.view0()[1], 0.25);
  link[0] = 0;
  assert.throws(() => link.view0(), RangeError, "a null pointer");
});
