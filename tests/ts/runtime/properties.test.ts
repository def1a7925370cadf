// Property tests of the runtime over random and hostile numbers (NaN,
// ±Infinity, fractions, negatives, values past 2^32) and hostile shared
// headers: every call either gives what the model of its documented
// behaviour says, or throws a RangeError with the allocator's state and
// the memory unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ADDRESS_SPACE,
  Arena,
  ArenaHeaderLayout,
  Bump,
  Guarded,
  PAGE_SIZE,
  Pool,
  PoolHeaderLayout,
  PoolSlotLayout,
  SharedArena,
  SharedPool,
  alignUp,
  ensureCapacity,
  hexDump,
  pagesFor,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const RUNS = { numRuns: 300 };

/** Numbers a caller may pass: plain ones and hostile ones. */
const num = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, -0.5, 0.5, 1.5, 1030.5, -0, 0, 1, 2, 3, 4, 8, 16, 64, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 8, 2 ** 33, 2 ** 53, -(2 ** 53)),
  fc.integer({ min: -16, max: 300 }),
  fc.integer({ min: 0, max: 2 ** 32 + 16 }),
  fc.double({ noDefaultInfinity: false }),
);

const isInt = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const isU32 = (n: number): boolean => isInt(n) && n <= 0xffffffff;
const pow2 = (n: number): boolean => isInt(n) && n > 0 && (n & (n - 1)) === 0 && n <= 2 ** 30 ? true : isInt(n) && n > 2 ** 30 && Number.isInteger(Math.log2(n));

/**
 * Runs `f`: if `expected` is undefined it must throw a RangeError and leave
 * `state()` and the memory as they were; otherwise it must return a value
 * `check` accepts.
 */
function outcome<T>(memory: WebAssembly.Memory | null, state: () => unknown, f: () => T, ok: boolean, check: (r: T) => void = () => {}): void {
  const bytes = memory === null ? null : new Uint8Array(memory.buffer).slice();
  const before = JSON.stringify(state());
  let result: T;
  try {
    result = f();
  } catch (e) {
    assert.ok(e instanceof RangeError, `not a RangeError: ${String(e)}`);
    assert.ok(!/0xNaN|0x-|NaN bytes|undefined/.test(e.message), `bad text: ${e.message}`);
    assert.equal(JSON.stringify(state()), before, `an error changed the allocator: ${e.message}`);
    if (bytes !== null) assert.deepEqual(new Uint8Array(memory!.buffer), bytes, `an error changed the memory: ${e.message}`);
    assert.ok(!ok, `unexpected error: ${e.message}`);
    return;
  }
  assert.ok(ok, "expected an error");
  check(result);
}

/** Where a block goes in `[top, end)`, or null when the arena must refuse. */
function model(top: number, end: number, size: number, align: number): number | null {
  if (!isInt(size) || size === 0 || !pow2(align)) return null;
  const start = Math.ceil(top / align) * align;
  return start + size <= Math.min(end, ADDRESS_SPACE) ? start : null;
}

const U32 = { size: 4, align: 4 } as const;
const writeU32 = (view: DataView, ptr: number, v: number): void => view.setUint32(ptr, v, true);
const U64 = { size: 8, align: 8 } as const;
const writeU64 = (view: DataView, ptr: number, v: bigint): void => view.setBigUint64(ptr, v, true);

test("arena and bump: hostile sizes, alignments and tops", () => {
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.tuple(fc.nat(6), num, num, num), { maxLength: 40 }), (bump, ops) => {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
      const base = 1024;
      const arena = bump ? Bump.withCapacity(base, 4096) : new Arena(base, 4096);
      const end = base + 4096;
      let top = base;
      for (const [op, a, b, c] of ops) {
        const state = () => arena.stats();
        if (op === 0) {
          const start = model(top, end, a, b);
          outcome(memory, state, () => arena.alloc(a, b), start !== null, (r) => {
            assert.equal(r, start);
            top = start! + a;
          });
        } else if (op === 1) {
          const start = model(top, end, a, b);
          outcome(memory, state, () => arena.plan(a, b), start !== null, (r) => assert.deepEqual(r, [start, start! + a]));
        } else if (op === 2) {
          outcome(memory, state, () => arena.commit(a), isInt(a) && a >= top && a <= end, () => (top = a));
        } else if (op === 3) {
          const hostileLayout = c > 1000;
          const layout = hostileLayout ? { size: a, align: b } : U32;
          const start = model(top, end, layout.size, layout.align);
          const write = hostileLayout ? () => {} : writeU32;
          const ok = start !== null && start + layout.size <= memory.buffer.byteLength;
          outcome(memory, state, () => arena.place(memory, layout, write, 7), ok, (r) => {
            assert.equal(r, start);
            top = start! + layout.size;
          });
        } else if (op === 4) {
          const start = isInt(b) && isInt(a) && a * b <= Number.MAX_SAFE_INTEGER ? model(top, end, a * b, 4) : null;
          outcome(memory, state, () => arena.allocArray({ size: a, align: 4 }, b), start !== null, (r) => {
            assert.equal(r, start);
            top = start! + a * b;
          });
        } else if (op === 5) {
          arena.reset();
          top = base;
        } else {
          outcome(memory, state, () => arena.contains(a, b), isU32(a) && isInt(b), (r) => assert.equal(r, a >= base && a + b <= end));
        }
        assert.equal(arena.used, top - base);
      }
    }),
    RUNS,
  );
});

test("a value write rejects is a RangeError, before any byte is written", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const arena = new Arena(1024, 1024);
  const pool = Pool.forType(U64, 4096, 2);
  const shared = SharedArena.init(memory, 64, 2048, 1024);
  const sharedPool = SharedPool.init(memory, 256, 8, 8, 2);
  const bad = 3 as unknown as bigint; // a u64 given as a number: DataView throws a TypeError
  const twoThenThrow = (view: DataView, ptr: number, v: bigint): void => {
    view.setBigUint64(ptr, v, true);
    throw new TypeError("midway");
  };
  const places: (() => unknown)[] = [
    () => arena.place(memory, U64, writeU64, bad),
    () => arena.placeSlice(memory, U64, writeU64, [1n, 2n, bad]),
    () => arena.place(memory, U64, twoThenThrow, 1n),
    () => pool.place(memory, U64, writeU64, bad),
    () => shared.place(memory, U64, twoThenThrow, 5n),
    () => sharedPool.place(memory, U64, writeU64, bad),
  ];
  for (const place of places) {
    outcome(memory, () => [arena.stats(), pool.stats(), shared.stats(memory), sharedPool.stats(memory)], place, false);
  }
});

test("pool: hostile handles, pointers and geometry", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(20), num, num), { maxLength: 60 }), (ops) => {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const pool = new Pool(1001, 12, 8, 6);
      const other = new Pool(4000, 12, 8, 6);
      const live = new Map<number, number>(); // index -> generation
      const issued: PoolHandle[] = [other.alloc()];
      for (const [op, pick, a, b] of ops) {
        const state = () => pool.stats();
        const handle: PoolHandle = issued[pick % issued.length]!;
        const hostile: PoolHandle = pick % 3 === 0 ? { ...handle, index: a } : pick % 3 === 1 ? { ...handle, generation: a } : { ...handle, pool: a };
        const h = pick > 14 ? hostile : handle;
        const isLive = h.pool === 1008 && live.get(h.index) === h.generation;
        if (op === 0) {
          outcome(memory, state, () => pool.alloc(), live.size < 6, (r) => {
            assert.ok(!live.has(r.index) && r.generation % 2 === 1 && r.pool === 1008);
            live.set(r.index, r.generation);
            issued.push(r);
          });
        } else if (op === 1) {
          outcome(memory, state, () => pool.free(h), isLive, () => live.delete(h.index));
        } else if (op === 2) {
          outcome(memory, state, () => pool.offset(h), isLive, (r) => assert.equal(r, 1008 + h.index * 16));
        } else if (op === 3) {
          const index = (a - 1008) / 16;
          outcome(memory, state, () => pool.handleAt(a), isU32(a) && live.has(index), (r) => assert.equal(r.generation, live.get(index)));
        } else if (op === 4) {
          outcome(memory, state, () => pool.isLive(h), [h.pool, h.index, h.generation].every(isU32), (r) => assert.equal(r, isLive));
        } else {
          outcome(null, () => 0, () => new Pool(a, b, 8, 4), isU32(a) && a > 0 && isInt(b) && b > 0 && a + 4 * alignUp(b, 8) <= ADDRESS_SPACE + 8);
        }
      }
    }),
    RUNS,
  );
});

test("free functions and guards: hostile numbers", () => {
  fc.assert(
    fc.property(num, num, num, (a, b, c) => {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
      outcome(memory, () => 0, () => hexDump(memory, a, b % 64), isInt(a) && isInt(b % 64) && a + (b % 64) <= PAGE_SIZE);
      outcome(memory, () => 0, () => alignUp(a, b), isInt(a) && pow2(b), (r) => assert.equal(r % b, 0));
      outcome(null, () => 0, () => pagesFor(a), isInt(a), (r) => assert.ok(r * PAGE_SIZE >= a && (r - 1) * PAGE_SIZE < a));
      outcome(memory, () => memory.buffer.byteLength, () => ensureCapacity(memory, a, 2), isInt(a) && a <= 2 * PAGE_SIZE);
      const guardOk = isU32(a) && isU32(c) && a >= 4 && a + c + 4 <= PAGE_SIZE;
      outcome(memory, () => 0, () => Guarded.at(a, c).write(memory), guardOk);
      outcome(null, () => 0, () => new Arena(a, b), isU32(a) && a > 0 && isInt(b) && b > 0 && a + b <= ADDRESS_SPACE);
    }),
    { numRuns: 1000 },
  );
});

/** Values a hostile header field takes: addresses near the headers, tables and regions, small counts, anything. */
const fieldValue = fc.oneof(
  fc.constantFrom(0, 1, 2, 4, 7, 8, 16, 31, 32, 40, 48, 60, 64, 72, 80, 95, 96, 100, 1000, 1024, 2048, 3072, 3968, 4000, 4064, 4090, 4096, 4100, 4128, 4136, 4160, 4200, 4264, PAGE_SIZE - 8, PAGE_SIZE, 0xffffffff),
  fc.integer({ min: 0, max: 5000 }),
  fc.nat(0xffffffff),
);

test("shared arena and pool: hostile headers never hand out the header, the table or memory outside", () => {
  fc.assert(
    fc.property(
      // The words that place things (base, capacity, used; base, stride, slots, table, free_head, live) most often.
      fc.array(fc.tuple(fc.oneof(fc.nat(19), fc.constantFrom(2, 3, 4, 10, 11, 12, 13, 14, 15)), fieldValue), { maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(3), num, num), { maxLength: 20 }),
      (pokes, ops) => {
        const memory = new WebAssembly.Memory({ initial: 1 });
        const view = new DataView(memory.buffer);
        const arena = SharedArena.init(memory, 64, 1024, 2048);
        const pool = SharedPool.init(memory, 4096, 16, 8, 8);
        // Words 0-7: the arena header's; 8-17: the pool header's; 18-19: the pool's first table entry.
        for (const [word, value] of pokes) {
          const where = word < 8 ? 64 + 4 * word : 4096 + 4 * (word - 8);
          if (word === 1 || word === 9) view.setUint16(where + 2, value & 0xff, true); // flags, leaving the version
          else view.setUint32(where, value, true);
        }
        const handles: PoolHandle[] = [];
        // What each allocator handed out in this sequence and still holds (the
        // two may overlap each other: a hostile header can aim one at the other).
        const arenaBlocks: [number, number][] = [];
        const poolBlocks: [number, number][] = [];
        const fresh = (blocks: [number, number][], p: number, n: number): void => {
          for (const [q, m] of blocks) assert.ok(p + n <= q || q + m <= p, `block ${p}+${n} handed out over live ${q}+${m}`);
          blocks.push([p, n]);
        };
        const clear = (p: number, n: number, zones: [number, number][]): void => {
          assert.ok(p > 0 && p + n <= PAGE_SIZE, `block ${p}+${n} outside the memory`);
          for (const [s, e] of zones) assert.ok(p + n <= s || p >= e, `block ${p}+${n} over [${s}, ${e})`);
        };
        const poolZones = (): [number, number][] => {
          const table = view.getUint32(4096 + 20, true);
          const slots = view.getUint32(4096 + 16, true);
          return [
            [4096, 4096 + PoolHeaderLayout.size],
            [table, table + slots * PoolSlotLayout.size],
          ];
        };
        const arenaZones: [number, number][] = [[64, 64 + ArenaHeaderLayout.size]];
        for (const [op, a, b] of ops) {
          const ok = <T>(f: () => T, check: (r: T) => void): void => {
            try {
              outcome(memory, () => 0, f, true, check);
            } catch (e) {
              if (e instanceof assert.AssertionError && e.message.startsWith("unexpected error")) return; // refusing is allowed
              throw e;
            }
          };
          const zones = poolZones();
          if (op === 0) {
            ok(
              () => arena.alloc(memory, a, b),
              (p: number) => {
                clear(p, a, arenaZones);
                fresh(arenaBlocks, p, a);
              },
            );
          } else if (op === 1) {
            ok(
              () => arena.place(memory, U32, writeU32, 9),
              (p: number) => {
                clear(p, 4, arenaZones);
                fresh(arenaBlocks, p, 4);
              },
            );
          } else if (op === 2) {
            ok(
              () => pool.alloc(memory),
              (h: PoolHandle) => {
                const p = pool.offset(memory, h);
                clear(p, pool.stats(memory).stride, zones);
                fresh(poolBlocks, p, pool.stats(memory).stride);
                handles.push(h);
              },
            );
          } else if (handles.length > 0) {
            const h = handles[handles.length - 1]!;
            const hostile = [h, { ...h, index: a }, { ...h, generation: a }, { ...h, pool: a }][b & 3] ?? h;
            ok(
              () => pool.free(memory, hostile),
              () => {
                const p = pool.stats(memory).base + hostile.index * pool.stats(memory).stride;
                poolBlocks.splice(poolBlocks.findIndex(([q]) => q === p), 1);
                handles.splice(handles.findIndex((k) => k.index === hostile.index), 1);
              },
            );
          }
        }
      },
    ),
    { numRuns: 2000 },
  );
});
