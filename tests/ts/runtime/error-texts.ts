// Prints, as JSON, `[name, message]` for every error case that
// tests/memory_ts_parity.rs also produces in Rust, to compare the texts:
// every MemoryError the runtime can throw, from every allocator.
import {
  Arena,
  Bump,
  Guarded,
  GuestAllocator,
  PAGE_SIZE,
  Pool,
  PoolHeaderLayout,
  RequestBuffer,
  SharedArena,
  SharedPool,
  ensureCapacity,
  hexDump,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const cases: [string, string][] = [];

function expectError(name: string, f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    cases.push([name, e.message]);
    return;
  }
  cases.push([name, "no error"]);
}

const U64 = { size: 8, align: 8 } as const;
const writeU64 = (view: DataView, ptr: number, value: bigint): void => view.setBigUint64(ptr, value, true);
const fresh = (): WebAssembly.Memory => new WebAssembly.Memory({ initial: 1, maximum: 2 });
const u32At = (memory: WebAssembly.Memory, at: number, value: number): void => new DataView(memory.buffer).setUint32(at, value, true);

// Arena and Bump
const arena = new Arena(1024, 64);
expectError("zero size", () => arena.alloc(0, 8));
expectError("bad align", () => arena.alloc(8, 12));
expectError("address space", () => arena.alloc(2 ** 32, 8));
expectError("exhausted", () => arena.alloc(100, 16));
expectError("arena at 0", () => new Arena(0, 64));
expectError("arena past 4 GiB", () => new Arena(0xffff_fff0, 32));
expectError("bump at 0", () => Bump.withCapacity(0, 64));
expectError("place past the memory", () => new Arena(PAGE_SIZE - 4, 64).place(fresh(), U64, writeU64, 7n));

// Pool
const pool = new Pool(4096, 16, 8, 2);
const a = pool.alloc();
pool.alloc();
expectError("pool exhausted", () => pool.alloc());
expectError("outside the pool", () => pool.handleAt(0x2000));
expectError("not a slot start", () => pool.handleAt(0x1004));
pool.free(a);
expectError("not allocated", () => pool.handleAt(0x1000));
expectError("double free", () => pool.free(a));
pool.alloc();
expectError("stale handle", () => pool.free(a));
expectError("foreign handle", () => new Pool(8192, 16, 8, 2).free(a));
expectError("slot too small", () => new Pool(0x3000, 4, 4, 2).place(fresh(), U64, writeU64, 7n));
expectError("pool at 0", () => new Pool(0, 16, 8, 4));
expectError("pool slot of 2^33 bytes", () => new Pool(4096, 2 ** 33, 8, 1));
expectError("pool past 4 GiB", () => new Pool(0xffff_0000, 4096, 8, 32));

// Canaries, exchange buffers, growth, hex dump
const memory = fresh();
const g = Guarded.alloc(new Arena(0x9000, 256), memory, 8, 8);
new Uint8Array(memory.buffer)[g.ptr + 8] = 0x11;
expectError("canary after", () => g.check(memory));
new Uint8Array(memory.buffer)[g.ptr - 1] = 0x22;
expectError("canary before", () => g.check(memory));
expectError("guard past 4 GiB", () => Guarded.at(0xffff_fff0, 0x20).write(memory));
expectError("guard below 4", () => Guarded.at(2, 4).check(memory));
expectError("guard past the memory", () => Guarded.at(PAGE_SIZE - 2, 4).write(memory));
const rb = new RequestBuffer(new Arena(0x8000, 1024), 100);
expectError("request too large", () => rb.writeRequest(memory, new Uint8Array(101)));
expectError("response too large", () => rb.response(memory, 200));
expectError("grow failed", () => ensureCapacity(memory, 3 * PAGE_SIZE, 2));
expectError("hex dump past the memory", () => hexDump(memory, PAGE_SIZE - 4, 8));

// SharedArena: each header field found wrong
const sharedArena = (): WebAssembly.Memory => {
  const m = fresh();
  SharedArena.init(m, 0x100, 0x200, 64);
  return m;
};
const arenaFields: [string, number, number][] = [
  ["magic", 0, 0x12345678],
  ["capacity", 12, 0],
  ["used", 16, 65],
  ["high_water", 20, 65],
  ["base", 8, 0x110],
  ["base 0", 8, 0],
  ["capacity past the memory", 12, PAGE_SIZE],
  ["flags", 4, 0x10001],
];
for (const [field, offset, value] of arenaFields) {
  const m = sharedArena();
  u32At(m, 0x100 + offset, value);
  expectError(`shared arena ${field}`, () => SharedArena.open(m, 0x100));
}
{
  const m = sharedArena();
  new DataView(m.buffer).setUint16(0x104, 2, true);
  expectError("shared arena version", () => SharedArena.open(m, 0x100).alloc(m, 8, 8));
}
expectError("shared arena exhausted", () => {
  const m = sharedArena();
  SharedArena.open(m, 0x100).alloc(m, 100, 8);
});
expectError("shared arena over its header", () => SharedArena.init(fresh(), 0x100, 0xf0, 64));
expectError("shared arena at 0", () => SharedArena.init(fresh(), 0x100, 0, 64));
expectError("shared arena region past the memory", () => SharedArena.init(fresh(), 0x100, PAGE_SIZE - 32, 64));
expectError("shared arena header past the memory", () => SharedArena.init(fresh(), PAGE_SIZE - 8, 0x200, 64));

// SharedPool: each header field found wrong
const sharedPool = (): WebAssembly.Memory => {
  const m = fresh();
  SharedPool.init(m, 0x100, 16, 8, 4);
  return m;
};
const poolFields: [string, number, number][] = [
  ["magic", 0, 0],
  ["stride", 12, 0],
  ["slots", 16, 0],
  ["table", 20, PAGE_SIZE - 8],
  ["free_head", 24, 9],
  ["live", 28, 5],
  ["base", 8, 0x108],
  ["base 0", 8, 0],
  ["high_water", 32, 5],
  ["version", 4, 2],
  ["table over its header", 20, 0x110],
  ["slots over its table", 8, 0x130],
];
for (const [field, offset, value] of poolFields) {
  const m = sharedPool();
  u32At(m, 0x100 + offset, value);
  expectError(`shared pool ${field}`, () => SharedPool.open(m, 0x100));
}
{
  const m = sharedPool();
  u32At(m, 0x100 + PoolHeaderLayout.size, 1); // the first free slot's generation: odd, as if live
  expectError("shared pool free list", () => SharedPool.open(m, 0x100).alloc(m));
  u32At(m, 0x100 + PoolHeaderLayout.size, 0);
  u32At(m, 0x100 + 28, 4); // live: every slot, though the free list has one
  expectError("shared pool live when allocating", () => SharedPool.open(m, 0x100).alloc(m));
}
{
  const m = sharedPool();
  const p = SharedPool.open(m, 0x100);
  const h = p.alloc(m);
  p.free(m, h);
  expectError("shared pool double free", () => p.free(m, h));
  expectError("shared pool foreign handle", () => p.free(m, new Pool(8192, 16, 8, 2).alloc()));
  expectError("shared pool slot too small", () => SharedPool.init(m, 0x800, 4, 4, 2).place(m, U64, writeU64, 7n));
  for (let i = 0; i < 4; i++) p.alloc(m);
  expectError("shared pool exhausted", () => p.alloc(m));
}
expectError("shared pool table past the memory", () => SharedPool.init(fresh(), PAGE_SIZE - 64, 16, 8, 4));

// A guest whose allocator returns a misaligned pointer.
{
  const guest = { memory: fresh(), alloc: (): number => 0x1004 };
  expectError("guest pointer misaligned", () => new GuestAllocator(0x1000).alloc(guest, 8, 8));
  expectError("guest pointer below the heap", () => new GuestAllocator(0x2000).alloc(guest, 8, 8));
}

console.log(JSON.stringify(cases));
