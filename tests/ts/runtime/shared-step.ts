// One JavaScript turn of the shared-arena interop test: loads a memory
// image, allocates from the shared arena whose header is at `at`, fills
// each block with `tag`, writes the image back and prints the blocks as
// JSON. Usage: node --import tsx shared-step.ts IMAGE AT TAG SEED COUNT
import { readFileSync, writeFileSync } from "node:fs";
import { PAGE_SIZE, SharedArena } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

const [image, at, tag, seed, count] = process.argv.slice(2);
const bytes = readFileSync(image!);
const memory = new WebAssembly.Memory({ initial: bytes.length / PAGE_SIZE });
new Uint8Array(memory.buffer).set(bytes);
const arena = SharedArena.open(memory, Number(at));
const blocks: [number, number, number][] = [];
let s = Number(seed);
for (let i = 0; i < Number(count); i++) {
  s = (s * 1103515245 + 12345) % 2147483648;
  const size = 1 + (s % 97);
  const align = 2 ** (s % 5);
  const ptr = arena.alloc(memory, size, align);
  new Uint8Array(memory.buffer, ptr, size).fill(Number(tag));
  blocks.push([ptr, size, align]);
}
writeFileSync(image!, new Uint8Array(memory.buffer));
console.log(JSON.stringify(blocks));
