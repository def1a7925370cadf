// The generated `readStr` against Rust's `WasmStr::read` (../../golden/strings.json):
// the same text, or a RangeError with the same message and absolute offset, on an
// ordinary and on a shared memory; and string and slice fields as `{ ptr, len }`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as bindings from "../../golden/corpus.ts";

interface StrCase {
  hex: string;
  ptr: number;
  len: number;
  text?: string;
  error?: string;
}

const cases = JSON.parse(readFileSync(new URL("../../golden/strings.json", import.meta.url), "utf8")) as StrCase[];

function memoryOf(hex: string, shared: boolean): DataView {
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  const buffer = shared ? new SharedArrayBuffer(bytes.length) : new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new DataView(buffer);
}

for (const shared of [false, true]) {
  test(`readStr agrees with Rust on every case (${shared ? "shared" : "ordinary"} memory)`, () => {
    assert.ok(cases.length > 40);
    for (const c of cases) {
      const view = memoryOf(c.hex, shared);
      const s: bindings.WasmStr = { ptr: c.ptr, len: c.len };
      if (c.error === undefined) {
        assert.equal(bindings.readStr(view, s), c.text, `(${c.ptr}, ${c.len})`);
      } else {
        assert.throws(
          () => bindings.readStr(view, s),
          (e: unknown) => e instanceof RangeError && e.message === c.error,
          `(${c.ptr}, ${c.len}): ${c.error}`,
        );
      }
    }
  });
}

test("offsets count from the start of the DataView", () => {
  const buffer = new ArrayBuffer(32);
  new Uint8Array(buffer).set([0x61, 0xff], 20);
  const view = new DataView(buffer, 8);
  assert.throws(() => bindings.readStr(view, { ptr: 12, len: 2 }), /^RangeError: invalid UTF-8 at offset 13$/);
  assert.throws(() => bindings.readStr(view, { ptr: 1.5, len: 2 }), RangeError);
});

test("string and slice fields are { ptr, len } through read, write and views", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const view = new DataView(memory.buffer);
  const text = new TextEncoder().encode("Ada");
  new Uint8Array(memory.buffer).set(text, 1024);
  const value: bindings.PackedNamed = { tag: 1, name: { ptr: 1024, len: 3 }, wide: { ptr: 2048, len: 2 } };
  bindings.writePackedNamed(view, 64, value);
  assert.deepStrictEqual(bindings.readPackedNamed(view, 64), value);
  const v = new bindings.PackedNamedView(memory, 64);
  assert.equal(bindings.readStr(view, v.name), "Ada");
  v.wide = { ptr: 8, len: 4294967295 };
  assert.deepStrictEqual(bindings.readPackedNamed(view, 64).wide, { ptr: 8, len: 4294967295 });
  const before = new Uint8Array(memory.buffer).slice(64, 64 + bindings.PackedNamedLayout.size);
  for (const bad of [{ ptr: -1, len: 0 }, { ptr: 0, len: 2 ** 32 }, null, { ptr: 1.5, len: 1 }]) {
    assert.throws(() => {
      v.name = bad as unknown as bindings.WasmStr;
    }, RangeError);
  }
  assert.deepStrictEqual(new Uint8Array(memory.buffer).slice(64, 64 + bindings.PackedNamedLayout.size), before);
});
