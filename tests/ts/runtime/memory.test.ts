// The TypeScript runtime on a real WebAssembly.Memory: random sequences
// against a reference model, allocation across memory.grow, and every
// helper's behaviour and error texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Arena,
  Bump,
  DoubleBuffer,
  Guarded,
  MemoryView,
  PAGE_SIZE,
  Pool,
  PoolHeaderLayout,
  RequestBuffer,
  SharedArena,
  SharedPool,
  checkCanaries,
  ensureCapacity,
  formatArenaStats,
  formatMemoryStats,
  formatPoolStats,
  hexDump,
  memoryStats,
  readPoolHeader,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PointLayout = { size: 16, align: 8 } as const;
interface Point {
  x: number;
  y: number;
}
function writePoint(view: DataView, ptr: number, p: Point): void {
  view.setFloat64(ptr, p.x, true);
  view.setFloat64(ptr + 8, p.y, true);
}
function readPoint(view: DataView, ptr: number): Point {
  return { x: view.getFloat64(ptr, true), y: view.getFloat64(ptr + 8, true) };
}

function snapshot(memory: WebAssembly.Memory): Uint8Array {
  return new Uint8Array(memory.buffer).slice();
}

function throwsUnchanged(memory: WebAssembly.Memory, state: () => unknown, f: () => unknown, message?: string): void {
  const bytes = snapshot(memory);
  const before = JSON.stringify(state());
  assert.throws(f, (e: unknown) => e instanceof RangeError && (message === undefined || e.message === message));
  assert.equal(JSON.stringify(state()), before, "an error changed the allocator");
  assert.deepEqual(snapshot(memory), bytes, "an error changed the memory");
}

test("arena: random alloc/place/reset against a model, across memory.grow", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = rng(seed);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const base = 1024;
    const capacity = 3 * PAGE_SIZE - base;
    const arena = new Arena(base, capacity);
    let live: [number, number][] = [];
    let placed: [number, Point][] = [];
    let high = 0;
    for (let step = 0; step < 300; step++) {
      const r = random();
      const top = live.length === 0 ? base : live[live.length - 1]![0] + live[live.length - 1]![1];
      if (r < 0.05) {
        arena.reset();
        live = [];
        placed = [];
      } else if (r < 0.15) {
        const bad = [
          () => arena.alloc(0, 8),
          () => arena.alloc(8, 3),
          () => arena.alloc(2 ** 33, 8),
          () => arena.alloc(capacity + 1, 1),
        ][Math.floor(random() * 4)]!;
        throwsUnchanged(memory, () => arena.stats(), bad);
      } else {
        const size = 1 + Math.floor(random() * (random() < 0.1 ? 20000 : 300));
        const align = 2 ** Math.floor(random() * 7);
        const start = Math.ceil(top / align) * align;
        const point = random() < 0.3;
        const need = point ? 16 : size;
        const pstart = point ? Math.ceil(top / 8) * 8 : start;
        if (pstart + need > base + capacity) {
          throwsUnchanged(memory, () => arena.stats(), () => (point ? arena.place(memory, PointLayout, writePoint, { x: 1, y: 2 }) : arena.alloc(size, align)));
          continue;
        }
        ensureCapacity(memory, pstart + need, 4); // grows across pages as needed
        if (point) {
          const p = { x: random(), y: step };
          const ptr = arena.place(memory, PointLayout, writePoint, p);
          assert.equal(ptr, pstart);
          placed.push([ptr, p]);
          live.push([ptr, 16]);
        } else {
          const ptr = arena.alloc(size, align);
          assert.equal(ptr, start);
          assert.equal(ptr % align, 0);
          for (const [s, n] of live) assert.ok(ptr + size <= s || s + n <= ptr, "overlap");
          live.push([ptr, size]);
        }
      }
      const used = live.length === 0 ? 0 : live[live.length - 1]![0] + live[live.length - 1]![1] - base;
      high = Math.max(high, used);
      assert.deepEqual(arena.stats(), {
        base,
        capacity,
        used,
        remaining: capacity - used,
        highWater: high,
        allocations: live.length,
      });
      const view = new DataView(memory.buffer); // fresh: the buffer may have been replaced by grow
      for (const [ptr, p] of placed) assert.deepEqual(readPoint(view, ptr), p);
    }
  }
});

test("pool: random alloc/free against a model; double free, stale and foreign handles", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const random = rng(seed);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const slots = 10;
    const pool = new Pool(1001, 12, 8, slots);
    assert.equal(pool.base, 1008);
    assert.equal(pool.stride, 16);
    const live = new Map<number, PoolHandle>();
    const issued: PoolHandle[] = [];
    let high = 0;
    for (let step = 0; step < 300; step++) {
      const r = random();
      if (r < 0.45) {
        if (live.size === slots) {
          throwsUnchanged(memory, () => pool.stats(), () => pool.alloc(), `pool exhausted: all ${slots} slots are live`);
        } else {
          const h = pool.alloc();
          assert.ok(!live.has(h.index));
          assert.equal(pool.offset(h) % 8, 0);
          live.set(h.index, h);
          issued.push(h);
        }
      } else if (r < 0.85 && issued.length > 0) {
        const h = issued[Math.floor(random() * issued.length)]!;
        if (live.get(h.index) === h) {
          pool.free(h);
          live.delete(h.index);
        } else {
          throwsUnchanged(memory, () => pool.stats(), () => pool.free(h));
        }
      } else if (r < 0.95) {
        const offset = 1000 + Math.floor(random() * 200);
        const index = (offset - 1008) / 16;
        const h = Number.isInteger(index) ? live.get(index) : undefined;
        if (h !== undefined) {
          pool.freePtr(offset);
          live.delete(index);
        } else {
          throwsUnchanged(memory, () => pool.stats(), () => pool.freePtr(offset));
        }
      } else {
        pool.reset();
        live.clear();
      }
      high = Math.max(high, live.size);
      assert.deepEqual(pool.stats(), { base: 1008, stride: 16, slots, live: live.size, free: slots - live.size, highWater: high });
    }
  }
});

test("pool errors name what happened", () => {
  const pool = new Pool(64, 8, 8, 2);
  const a = pool.alloc();
  pool.free(a);
  assert.throws(() => pool.free(a), { name: "RangeError", message: "double free of pool slot 0x40" });
  const b = pool.alloc();
  assert.equal(b.index, a.index);
  assert.throws(() => pool.offset(a), { message: "stale handle: slot 0 has generation 3, the handle 1" });
  assert.throws(() => pool.handleAt(68), { message: "pointer 0x44 is not the start of a pool slot (stride 8)" });
  assert.throws(() => pool.handleAt(80), { message: "pointer 0x50 is outside the region [0x40, 0x50)" });
  assert.throws(() => pool.handleAt(72), { message: "pool slot 0x48 is not allocated" });
});

test("memory view: fresh and cached views survive memory.grow", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
  const mv = new MemoryView(memory);
  const cached = mv.cachedBytes;
  assert.equal(mv.cachedBytes, cached, "cached while the buffer is the same");
  assert.equal(ensureCapacity(memory, PAGE_SIZE + 1, 3), 1);
  assert.equal(cached.byteLength, 0, "the old view is detached");
  assert.equal(mv.cachedBytes.byteLength, 2 * PAGE_SIZE, "rebuilt after grow");
  mv.cachedDataView.setUint32(PAGE_SIZE, 7, true);
  assert.equal(mv.bytes[PAGE_SIZE], 7);
  mv.invalidate();
  assert.notEqual(mv.cachedBytes, cached);
  assert.equal(ensureCapacity(memory, 100, 3), 0);
  assert.throws(() => ensureCapacity(memory, 4 * PAGE_SIZE, 3), {
    message: "cannot grow memory by 2 pages: 2 of at most 3 pages in use",
  });
  assert.equal(memory.buffer.byteLength, 2 * PAGE_SIZE);
});

test("canaries report the side and the place", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 1024);
  const g = Guarded.alloc(arena, memory, 10, 8);
  assert.equal(g.ptr % 8, 0);
  g.check(memory);
  new Uint8Array(memory.buffer)[g.ptr + 10] = 0;
  assert.throws(() => g.check(memory), {
    message: `canary after allocation 0x${g.ptr.toString(16)} overwritten: 0xdeadbe00 at 0x${(g.ptr + 10).toString(16)}, expected 0xdeadbeef`,
  });
  new DataView(memory.buffer).setUint32(g.ptr - 4, 0, true);
  assert.throws(() => checkCanaries(memory, g.ptr, 10), /^RangeError: canary before/);
});

test("hex dump, statistics", () => {
  const memory = new WebAssembly.Memory({ initial: 2 });
  const bytes = new Uint8Array(memory.buffer);
  bytes.set([0xde, 0xad, 0xbe, 0xef, 0x68, 0x69], 1024);
  assert.equal(
    hexDump(memory, 1024, 20),
    "00000400  de ad be ef 68 69 00 00 00 00 00 00 00 00 00 00   ....hi..........\n" +
      "00000410  00 00 00 00" + " ".repeat(39) + "....",
  );
  assert.equal(hexDump(memory, 0, 0), "");
  assert.throws(() => hexDump(memory, 2 * PAGE_SIZE - 4, 8), {
    message: "out of bounds: bytes 131068..131076 needed, the memory is 131072 bytes long",
  });
  assert.equal(formatMemoryStats(memoryStats(memory), 16), "memory: 131072 bytes, 2 pages (max 16), 0.12 MiB");
  const arena = new Arena(1024, 4096);
  arena.alloc(10, 8);
  assert.equal(formatArenaStats(arena.stats()), "arena at 0x400: 10 of 4096 bytes used, 4086 remaining, high water 10, 1 allocations");
  const pool = new Pool(4096, 24, 8, 4);
  pool.alloc();
  assert.equal(formatPoolStats(pool.stats()), "pool at 0x1000: 4 slots of 24 bytes, 1 live, 3 free, high water 1");
});

test("request/response and double buffer come from an arena", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 1024);
  const rb = new RequestBuffer(arena, 256);
  const reply = rb.process(memory, new TextEncoder().encode("ping"), (req, len, resp) => {
    new Uint8Array(memory.buffer).copyWithin(resp, req, req + len);
    return len;
  });
  assert.equal(new TextDecoder().decode(reply), "ping");
  throwsUnchanged(memory, () => arena.stats(), () => rb.writeRequest(memory, new Uint8Array(300)), "request too large: 300 bytes, at most 256");
  const db = new DoubleBuffer(arena, 64);
  const [front, back] = [db.front(), db.back()];
  assert.equal(arena.used, 512 + 128);
  db.backMut(memory)[0] = 9;
  db.swap();
  assert.deepEqual([db.front(), db.back()], [back, front]);
  assert.equal(db.frontBytes(memory)[0], 9);
  throwsUnchanged(memory, () => arena.stats(), () => new DoubleBuffer(arena, 256));
});

test("shared arena: header in memory, checked at each call", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const arena = SharedArena.init(memory, 64, 1024, 1024);
  assert.equal(arena.alloc(memory, 10, 8), 1024);
  const p = arena.place(memory, PointLayout, writePoint, { x: 1, y: 2 });
  assert.equal(p, 1040);
  memory.grow(1); // the header and values survive, nothing cached goes stale
  assert.deepEqual(readPoint(new DataView(memory.buffer), p), { x: 1, y: 2 });
  assert.equal(SharedArena.open(memory, 64).stats(memory).used, 32);
  throwsUnchanged(memory, () => arena.stats(memory), () => arena.alloc(memory, 2000, 8), "arena exhausted: 2000 bytes aligned to 8 requested, 992 bytes remaining");
  new DataView(memory.buffer).setUint32(64, 0, true);
  assert.throws(() => arena.alloc(memory, 1, 1), { message: "invalid allocator header at 0x40: magic is 0x0" });
});

test("bump: an arena that grows the memory; a refused growth changes nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
  const bump = new Bump(1024);
  assert.equal(bump.allocIn(memory, 100_000, 8), 1024);
  assert.equal(memory.buffer.byteLength, 2 * PAGE_SIZE);
  const p = bump.place(memory, PointLayout, writePoint, { x: 3, y: 4 });
  assert.equal(p, 101_024);
  assert.deepEqual(readPoint(new DataView(memory.buffer), p), { x: 3, y: 4 });
  assert.equal(bump.top, 101_040);
  throwsUnchanged(memory, () => [bump.stats(), memory.buffer.byteLength], () => bump.allocIn(memory, 200_000, 8));
  throwsUnchanged(memory, () => bump.stats(), () => bump.placeSlice(memory, PointLayout, writePoint, [{ x: 1, y: 2 }, null as unknown as Point]));
  assert.equal(memory.buffer.byteLength, 2 * PAGE_SIZE, "no growth for a value the write rejects");
  bump.reset();
  assert.equal(bump.alloc(8, 8), 1024);
  assert.equal(bump.stats().highWater, 101_040 - 1024);
});

test("address 0 is never handed out", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const text = "the region [0x0, 0x40) contains address 0, the null pointer";
  assert.throws(() => new Arena(0, 64), { name: "RangeError", message: text });
  assert.throws(() => Bump.withCapacity(0, 64), { message: text });
  assert.throws(() => new Bump(0), { message: "the region [0x0, 0x100000000) contains address 0, the null pointer" });
  assert.throws(() => new Pool(0, 16, 8, 4), { message: text });
  throwsUnchanged(memory, () => 0, () => SharedArena.init(memory, 256, 0, 64), text);
  assert.equal(new Arena(1, 64).alloc(4, 4), 4);
});

test("pool: a handle of another pool is refused, and its owner can still free it", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const a = new Pool(1024, 16, 8, 4);
  const b = new Pool(2048, 16, 8, 4);
  const h = a.alloc();
  b.alloc();
  throwsUnchanged(memory, () => b.stats(), () => b.free(h), "foreign handle: it belongs to the pool at 0x400, not to the pool at 0x800");
  assert.equal(b.isLive(h), false);
  assert.equal(a.isLive(h), true);
  a.free(h);
  const shared = SharedPool.init(memory, 64, 16, 8, 4);
  const s = shared.alloc(memory);
  throwsUnchanged(memory, () => a.stats(), () => a.free(s), `foreign handle: it belongs to the pool at 0x${s.pool.toString(16)}, not to the pool at 0x400`);
  throwsUnchanged(memory, () => 0, () => shared.free(memory, a.alloc()));
  shared.free(memory, s);
});

test("shared pool: the pool algorithm over a header and slot table in memory", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const pool = SharedPool.init(memory, 256, 16, 8, 3);
  const base = 256 + PoolHeaderLayout.size + 3 * 8;
  const hs = [pool.alloc(memory), pool.alloc(memory), pool.alloc(memory)];
  assert.deepEqual(hs.map((h) => pool.offset(memory, h)), [base, base + 16, base + 32]);
  throwsUnchanged(memory, () => 0, () => pool.alloc(memory), "pool exhausted: all 3 slots are live");
  pool.free(memory, hs[1]!);
  throwsUnchanged(memory, () => 0, () => pool.free(memory, hs[1]!), `double free of pool slot 0x${(base + 16).toString(16)}`);
  const again = pool.place(memory, PointLayout, writePoint, { x: 5, y: 6 });
  assert.equal(again.index, 1);
  assert.deepEqual(readPoint(new DataView(memory.buffer), base + 16), { x: 5, y: 6 });
  assert.deepEqual(SharedPool.open(memory, 256).handleAt(memory, base + 16), again);
  pool.reset(memory);
  assert.deepEqual(pool.stats(memory), { base, stride: 16, slots: 3, live: 0, free: 3, highWater: 3 });
  throwsUnchanged(memory, () => 0, () => pool.offset(memory, hs[0]!), "stale handle: slot 0 has generation 4, the handle 1");
  assert.equal(readPoolHeader(new DataView(memory.buffer), 256).free_head, 0);
});

test("every number is checked: NaN, infinities, fractions, negatives, past 2^32", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 64);
  const state = () => arena.stats();
  throwsUnchanged(memory, state, () => arena.plan(8, 8, NaN), "from must be an integer from 0 to 9007199254740991, got NaN");
  throwsUnchanged(memory, state, () => arena.commit(NaN), "top must be an integer from 0 to 9007199254740991, got NaN");
  throwsUnchanged(memory, state, () => arena.commit(1030.5), "top must be an integer from 0 to 9007199254740991, got 1030.5");
  throwsUnchanged(memory, state, () => arena.alloc(Infinity, 8));
  throwsUnchanged(memory, state, () => arena.alloc(8, -8));
  throwsUnchanged(memory, state, () => new Arena(2 ** 32 + 8, 8), "base must be an integer from 0 to 4294967295, got 4294967304");
  const pool = new Pool(4096, 16, 8, 2);
  const h = pool.alloc();
  throwsUnchanged(memory, () => pool.stats(), () => pool.free({ ...h, index: -1 }), "handle.index must be an integer from 0 to 4294967295, got -1");
  throwsUnchanged(memory, () => pool.stats(), () => pool.free({ ...h, generation: 1.5 }));
  throwsUnchanged(memory, () => pool.stats(), () => pool.handleAt(NaN), "offset must be an integer from 0 to 4294967295, got NaN");
  throwsUnchanged(memory, () => 0, () => hexDump(memory, -1, 4));
  throwsUnchanged(memory, () => 0, () => Guarded.at(NaN, 4).check(memory));
  assert.equal(arena.alloc(8, 8), 1024, "the arena still works");
});

test("place is all or nothing: a value the write rejects changes nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 1024);
  const U64 = { size: 8, align: 8 } as const;
  const writeU64 = (view: DataView, ptr: number, v: bigint): void => view.setBigUint64(ptr, v, true);
  throwsUnchanged(
    memory,
    () => arena.stats(),
    () => arena.place(memory, U64, writeU64, 3 as unknown as bigint),
    "cannot write the value: Cannot convert 3 to a BigInt",
  );
  const three = { size: 24, align: 8 } as const;
  const writeThree = (view: DataView, ptr: number, v: readonly number[]): void => {
    for (let i = 0; i < 3; i++) view.setFloat64(ptr + 8 * i, v[i]!, true);
    if (v.length !== 3) throw new RangeError("expected 3 numbers");
  };
  throwsUnchanged(memory, () => arena.stats(), () => arena.place(memory, three, writeThree, [1, 2, 3, 4]), "expected 3 numbers");
  assert.equal(arena.place(memory, three, writeThree, [1, 2, 3]), 1024);
});
