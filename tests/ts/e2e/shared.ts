// Guest-side allocation on the Node host: the guest (its shared_* exports,
// the shipped C or Odin runtime) and this host (the TypeScript runtime's
// SharedArena and SharedPool) allocate in turn from one arena and one pool
// whose headers lie in the guest's memory, following the schedule the Rust
// side wrote (tests/e2e-support/src/shared.rs), so that the memory ends the
// same as with the Rust host.
//
// Usage: node --import tsx e2e/shared.ts OUT_DIR GUEST_WASM OPS_FILE
// OPS_FILE: a first line `layout ARENA_AT REGION_START REGION_LEN POOL_AT
// SLOT_SIZE SLOT_ALIGN SLOTS SPAN` (from the heap base), then one operation
// a line. Writes OUT_DIR/memory.bin and OUT_DIR/report.txt (one line per
// operation, as the Rust host prints them).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  SharedArena,
  SharedPool,
  ensureCapacity,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

/** The guests' allocation exports. */
interface GuestExports {
  readonly memory: WebAssembly.Memory;
  heap_base(): number;
  shared_arena_alloc(at: number, size: number, align: number): bigint;
  shared_pool_alloc(at: number): bigint;
  shared_pool_free(at: number, pool: number, index: number, generation: number): number;
}

function fail(message: string): never {
  throw new Error(message);
}

function main(): void {
  const [outDir, guestPath, opsPath] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined || opsPath === undefined) {
    fail("usage: shared.ts OUT_DIR GUEST_WASM OPS_FILE");
  }
  const [layout, ...ops] = readFileSync(opsPath, "utf8").trimEnd().split("\n");
  const numbers = (layout ?? "").split(" ").slice(1).map(Number);
  if (!layout?.startsWith("layout ") || numbers.length !== 8) fail(`bad layout line: ${layout}`);
  const [arenaAt, regionStart, regionLen, poolAt, slotSize, slotAlign, slots, span] = numbers as [
    number, number, number, number, number, number, number, number,
  ];

  const wasm = readFileSync(guestPath);
  const guest = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as GuestExports;
  const memory = guest.memory;
  const base = guest.heap_base() >>> 0;
  ensureCapacity(memory, base + span);
  const arena = SharedArena.init(memory, base + arenaAt, base + regionStart, regionLen);
  const pool = SharedPool.init(memory, base + poolAt, slotSize, slotAlign, slots);
  const live: PoolHandle[] = [];

  /** The guest's result: the status in the high half, the value in the low. */
  const split = (r: bigint): number => {
    const status = Number(BigInt.asUintN(64, r) >> 32n);
    if (status !== 0) throw new GuestFailure(status);
    return Number(BigInt.asUintN(32, r));
  };
  const hex = (n: number): string => `0x${n.toString(16)}`;

  const report = ops.map((op) => {
    const [kind, actor, a, b] = op.split(" ");
    const host = actor === "host";
    let outcome: string;
    try {
      if (kind === "arena") {
        const [size, align] = [Number(a), Number(b)];
        outcome = hex(host ? arena.alloc(memory, size, align) : split(guest.shared_arena_alloc(arena.at, size, align)));
      } else if (kind === "pool-alloc") {
        let handle: PoolHandle;
        if (host) {
          handle = pool.alloc(memory);
        } else {
          const index = split(guest.shared_pool_alloc(pool.at));
          const h = pool.header(memory);
          const generation = new DataView(memory.buffer).getUint32(h.table + index * 8, true);
          handle = { pool: h.base, index, generation };
        }
        live.push(handle);
        outcome = `slot ${handle.index} generation ${handle.generation}`;
      } else if (kind === "pool-free") {
        if (live.length === 0) throw new Error("nothing live");
        const [handle] = live.splice(Math.min(Number(a), live.length - 1), 1) as [PoolHandle];
        if (host) {
          pool.free(memory, handle);
        } else {
          const status = guest.shared_pool_free(pool.at, handle.pool, handle.index, handle.generation);
          if (status !== 0) throw new GuestFailure(status);
        }
        outcome = `slot ${handle.index} freed`;
      } else {
        fail(`unknown operation: ${op}`);
      }
      return `${op} -> ${outcome}`;
    } catch (e) {
      if (e instanceof GuestFailure) return `${op} -> error: status ${e.status}`;
      if (e instanceof RangeError || (e instanceof Error && e.message === "nothing live")) {
        return `${op} -> error: ${e.message}`;
      }
      throw e;
    }
  });

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");
  console.log(`${guestPath} in Node: ${report.length} operations on the shared arena and pool`);
}

/** A non-zero status from the guest's runtime. */
class GuestFailure extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`status ${status}`);
    this.status = status;
  }
}

main();
