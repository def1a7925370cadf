// The generated view of a union, and of a struct holding one
// (../../golden/corpus.ts), against a memory Rust wrote through its views
// (../../golden/unions.json): every member reads what Rust reads there, and
// setting a member writes what Rust's setter writes, the rest of the union
// zeroed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as bindings from "../../golden/corpus.ts";

interface UnionCase {
  at: number;
  before: string;
  after: string;
  reads: {
    tag: number;
    after: number;
    x: number;
    y: number;
    fd: number;
    flag: boolean;
    kindError: string;
    bytes: number[];
    color: number;
  };
}

const c = JSON.parse(readFileSync(new URL("../../golden/unions.json", import.meta.url), "utf8")) as UnionCase;

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function memoryHolding(hex: string): WebAssembly.Memory {
  const memory = new WebAssembly.Memory({ initial: 1 });
  new Uint8Array(memory.buffer).set(bytesOf(hex));
  return memory;
}

test("each member of a union reads what Rust reads", () => {
  const memory = memoryHolding(c.before);
  const event = new bindings.EventView(memory, c.at);
  assert.equal(event.tag, c.reads.tag);
  assert.equal(event.after, c.reads.after);
  const payload = event.payload;
  assert.equal(payload.at.x, c.reads.x);
  assert.equal(payload.at.y, c.reads.y);
  assert.equal(payload.fd, c.reads.fd);
  assert.equal(payload.flag, c.reads.flag);
  assert.deepEqual(payload.bytes.toArray(), c.reads.bytes);
  assert.equal(payload.color, c.reads.color);
  assert.throws(
    () => payload.kind,
    (e: unknown) => e instanceof RangeError && e.message.startsWith(c.reads.kindError),
  );
  // The array of unions, through the union's own view.
  const history = (i: number) =>
    new bindings.PayloadView(
      memory,
      c.at + bindings.EventLayout.offsets.history + i * bindings.PayloadLayout.size,
    );
  assert.equal(history(0).fd, 0x01020304);
  assert.equal(history(1).kind, bindings.Kind.C);
});

test("setting a member writes what Rust writes and zeroes the rest of the union", () => {
  const memory = memoryHolding(c.before);
  new bindings.EventView(memory, c.at).payload.fd = 9;
  const expected = bytesOf(c.after);
  assert.deepEqual(new Uint8Array(memory.buffer, 0, expected.length), expected);
});

test("an open enum member takes any value of its repr, and no other", () => {
  const memory = memoryHolding(c.before);
  const payload = new bindings.EventView(memory, c.at).payload;
  payload.color = 77;
  assert.equal(payload.color, 77);
  payload.color = bindings.Color.Crimson;
  assert.equal(payload.color, bindings.Color.Crimson);
  assert.throws(() => {
    payload.color = 256;
  }, RangeError);
  assert.equal(payload.color, bindings.Color.Crimson, "nothing written");
});

test("an open enum field reads values its enum does not list", () => {
  const view = new DataView(new ArrayBuffer(bindings.ImageLayout.size));
  view.setUint8(bindings.ImageLayout.offsets.strict, bindings.Color.Green);
  const image = bindings.readImage(view, 0);
  assert.deepEqual(image, { width: 0, format: 0, levels: [0, 0], strict: bindings.Color.Green });
  bindings.writeImage(view, 0, { ...image, format: 200, levels: [-1, 12345] });
  assert.deepEqual(bindings.readImage(view, 0).levels, [-1, 12345]);
  view.setUint8(bindings.ImageLayout.offsets.strict, 0);
  assert.throws(() => bindings.readImage(view, 0), RangeError, "a plain enum field stays strict");
});
