// One JavaScript turn of the shared-allocator interop test
// (tests/memory_ts/shared.rs): loads a memory image holding a shared pool
// header at POOL and a shared arena header at ARENA, takes COUNT random
// steps (pool alloc, pool free, arena alloc), fills what it allocates with
// TAG, writes the image back and prints one line per step for Rust to
// replay on its own copy: `alloc PTR`, `exhausted`, `free PTR`,
// `arena PTR SIZE ALIGN`.
// Usage: node --import tsx shared-step.ts IMAGE POOL ARENA TAG SEED COUNT
import { readFileSync, writeFileSync } from "node:fs";
import { PAGE_SIZE, SharedArena, SharedPool } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const [image, poolAt, arenaAt, tag, seed, count] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [
  string,
  number,
  number,
  number,
  number,
  number,
];
const bytes = readFileSync(image);
const memory = new WebAssembly.Memory({ initial: bytes.length / PAGE_SIZE });
new Uint8Array(memory.buffer).set(bytes);
const pool = SharedPool.open(memory, poolAt);
const arena = SharedArena.open(memory, arenaAt);
const { base, stride, slots } = pool.stats(memory);
const steps: string[] = [];
let s = seed;
const next = (n: number): number => {
  s = (s * 1103515245 + 12345) % 2147483648;
  return Math.floor((s / 2147483648) * n);
};
for (let i = 0; i < count; i++) {
  const r = next(10);
  if (r < 5) {
    if (pool.stats(memory).free === 0) {
      steps.push("exhausted");
      continue;
    }
    const ptr = pool.offset(memory, pool.alloc(memory));
    new Uint8Array(memory.buffer, ptr, stride).fill(tag);
    steps.push(`alloc ${ptr}`);
  } else if (r < 8) {
    const ptr = base + next(slots) * stride;
    try {
      pool.free(memory, pool.handleAt(memory, ptr));
      steps.push(`free ${ptr}`);
    } catch (e) {
      if (!(e instanceof RangeError) || !e.message.includes("is not allocated")) throw e;
    }
  } else {
    const size = 1 + next(97);
    const align = 2 ** next(5);
    const ptr = arena.alloc(memory, size, align);
    new Uint8Array(memory.buffer, ptr, size).fill(tag);
    steps.push(`arena ${ptr} ${size} ${align}`);
  }
}
writeFileSync(image, new Uint8Array(memory.buffer));
console.log(steps.join("\n"));
