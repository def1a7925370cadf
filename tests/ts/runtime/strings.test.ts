// Strings and slices in the TypeScript runtime: `placeStr` writes UTF-8 with
// `TextEncoder.encodeInto`, `readStr` reads it back (also from shared memory),
// `placeWasmSlice` gives `{ ptr, len }`; all or nothing, as Rust's toolkit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Arena, Bump, readStr } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const TEXTS = ["Ada", "", "aé€😀z", "\u{FEFF}bom", "x".repeat(300), "tab\tnew\nline"];

test("placeStr then readStr gives the text back, on ordinary and shared memory", () => {
  for (const shared of [false, true]) {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared });
    const arena = new Arena(1024, 4096);
    for (const text of TEXTS) {
      const used = arena.used;
      const s = arena.placeStr(memory, text);
      const bytes = new TextEncoder().encode(text);
      assert.equal(s.len, bytes.length);
      assert.equal(arena.used - used, bytes.length, "exactly the UTF-8 bytes, alignment 1");
      if (text === "") assert.deepStrictEqual(s, { ptr: 0, len: 0 });
      assert.equal(readStr(new DataView(memory.buffer), s), text);
    }
  }
});

test("a lone surrogate is placed as U+FFFD, as TextEncoder writes it", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 4096);
  const s = arena.placeStr(memory, "a\uD800b");
  assert.equal(s.len, 5);
  assert.equal(readStr(new DataView(memory.buffer), s), "a\uFFFDb");
});

test("placeStr is all or nothing; Bump grows the memory", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(65530, 100);
  const before = new Uint8Array(memory.buffer).slice();
  assert.throws(() => arena.placeStr(memory, "past the end of memory"), RangeError);
  assert.throws(() => new Arena(1024, 2).placeStr(memory, "too long"), RangeError);
  assert.equal(arena.used, 0);
  assert.deepStrictEqual(new Uint8Array(memory.buffer), before);

  const bump = new Bump(65530);
  const s = bump.placeStr(memory, "grows the memory");
  assert.equal(memory.buffer.byteLength, 2 * 65536);
  assert.equal(readStr(new DataView(memory.buffer), s), "grows the memory");
});

test("placeWasmSlice gives { ptr, len } of the placed values", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 4096);
  const layout = { size: 4, align: 4 };
  const write = (view: DataView, ptr: number, value: number) => view.setFloat32(ptr, value, true);
  const s = arena.placeWasmSlice(memory, layout, write, [1.5, 2.5]);
  assert.deepStrictEqual(s, { ptr: 1024, len: 2 });
  const view = new DataView(memory.buffer);
  assert.equal(view.getFloat32(s.ptr + 4, true), 2.5);
  assert.deepStrictEqual(arena.placeWasmSlice(memory, layout, write, []), { ptr: 0, len: 0 });
  assert.equal(arena.used, 8);
});
