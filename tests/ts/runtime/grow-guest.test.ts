// The runtime's growing Arena and Pool calls and its GuestAllocator on a
// real WebAssembly.Memory: growth through ensureCapacity, and every refusal
// a RangeError with Rust's text that changes neither the allocator nor the
// memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Arena, GuestAllocator, PAGE_SIZE, Pool } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const U64 = { size: 8, align: 8 } as const;
const writeU64 = (view: DataView, ptr: number, value: bigint): void => view.setBigUint64(ptr, value, true);

function snapshot(memory: WebAssembly.Memory): Uint8Array {
  return new Uint8Array(memory.buffer).slice();
}

function throwsUnchanged(memory: WebAssembly.Memory, state: () => unknown, f: () => unknown, message: string): void {
  const bytes = snapshot(memory);
  const before = JSON.stringify(state());
  assert.throws(f, (e: unknown) => e instanceof RangeError && e.message === message);
  assert.equal(JSON.stringify(state()), before, "an error changed the allocator");
  assert.deepEqual(snapshot(memory), bytes, "an error changed the memory");
}

test("arena and pool grow the memory; past its maximum nothing changes", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
  const arena = new Arena(1024, 4 * PAGE_SIZE);
  assert.equal(arena.allocIn(memory, 70_000, 8), 1024);
  assert.equal(memory.buffer.byteLength, 2 * PAGE_SIZE);
  const pool = new Pool(2 * PAGE_SIZE, 0x8000, 8, 4);
  const slot = pool.placeGrowing(memory, U64, writeU64, 7n);
  assert.equal(pool.offset(slot), 2 * PAGE_SIZE);
  assert.equal(memory.buffer.byteLength, 3 * PAGE_SIZE);
  assert.equal(new DataView(memory.buffer).getBigUint64(2 * PAGE_SIZE, true), 7n);
  // A WebAssembly.Memory does not tell its maximum: the text names the largest.
  const grow = "cannot grow memory by 1 pages: 3 of at most 65536 pages in use";
  throwsUnchanged(memory, () => arena.stats(), () => arena.allocIn(memory, 0x2_0000, 8), grow);
  const far = new Pool(3 * PAGE_SIZE, 16, 8, 2);
  throwsUnchanged(memory, () => far.stats(), () => far.allocIn(memory), grow);
  throwsUnchanged(memory, () => far.stats(), () => far.placeGrowing(memory, U64, writeU64, 1n), grow);
  assert.equal(memory.buffer.byteLength, 3 * PAGE_SIZE);
});

test("a guest's allocator: checked pointers, refusals change nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 2 });
  let next = 0x1000;
  const guest = { memory, alloc: (): number => next };
  const alloc = new GuestAllocator(0x1000);
  const p = alloc.place(guest, U64, writeU64, 0x1122334455667788n);
  assert.equal(p, 0x1000);
  assert.equal(new DataView(memory.buffer).getBigUint64(p, true), 0x1122334455667788n);
  const state = (): number => alloc.allocations;
  const cases: [number, number, number, string][] = [
    [0x1008, 0, 8, "zero-sized allocation"],
    [0x1008, 8, 12, "alignment 12 is not a power of two"],
    [0, 8, 8, "arena exhausted: 8 bytes aligned to 8 requested, 0 bytes remaining"],
    [0xff8, 8, 8, "pointer 0xff8 is outside the region [0x1000, 0x20000)"],
    [0x1fffc, 8, 4, "pointer 0x1fffc is outside the region [0x1000, 0x20000)"],
    [0x1004, 8, 8, "pointer 0x1004 is not aligned to 8"],
  ];
  for (const [ptr, size, align, message] of cases) {
    next = ptr;
    throwsUnchanged(memory, state, () => alloc.alloc(guest, size, align), message);
  }
  next = 0x1004;
  throwsUnchanged(memory, state, () => alloc.place(guest, U64, writeU64, 1n), "pointer 0x1004 is not aligned to 8");
  throwsUnchanged(memory, state, () => alloc.place(guest, U64, writeU64, 1 as unknown as bigint), "cannot write the value: Cannot convert 1 to a BigInt");
  assert.equal(alloc.allocations, 1);
});
