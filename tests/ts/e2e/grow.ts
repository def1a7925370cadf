// The Node host grows the guest's memory through the runtime's allocators,
// as the Rust host does in tests/e2e_grow.rs: particles placed in an Arena
// past the end of the memory, one in a Pool slot further up, a request and a
// response, then `step`.
//
// Usage: node --import tsx e2e/grow.ts OUT_DIR GUEST_WASM
// Writes OUT_DIR/memory.bin and OUT_DIR/report.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ParticleLayout,
  StepRequestLayout,
  StepResponseLayout,
  StepResponseView,
  writeParticle,
  writeStepRequest,
  writeStepResponse,
} from "./schema.ts";
import { Arena, Pool, memoryStats } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { DT, GRAVITY, bits, particle } from "./plan.ts";

interface Guest {
  readonly memory: WebAssembly.Memory;
  heap_base(): number;
  step(request: number, response: number): number;
}

function main(): void {
  const [outDir, guestPath] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined) throw new Error("usage: grow.ts OUT_DIR GUEST_WASM");
  const guest = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(guestPath)), {}).exports as unknown as Guest;
  const memory = guest.memory;
  const base = guest.heap_base() >>> 0;
  const pages = (): number => memoryStats(memory).pages;
  const hex = (n: number): string => `0x${n.toString(16)}`;

  const before = pages();
  const arena = new Arena(base, 1 << 20);
  const particles = Array.from({ length: 2000 }, (_, i) => particle(i));
  const first = arena.placeSliceGrowing(memory, ParticleLayout, writeParticle, particles);
  const afterArena = pages();
  const pool = new Pool(base + (4 << 16), ParticleLayout.size, ParticleLayout.align, 2);
  const slot = pool.placeGrowing(memory, ParticleLayout, writeParticle, particle(2000));
  const afterPool = pages();
  const request = arena.placeGrowing(memory, StepRequestLayout, writeStepRequest, {
    particles: first,
    count: 2000,
    dt: DT,
    gravity: GRAVITY,
  });
  const response = arena.placeGrowing(memory, StepResponseLayout, writeStepResponse, { alive: 0, energy: 0 });
  const status = guest.step(request, response);
  if (status !== 0) throw new Error(`step returned status ${status}`);
  const r = new StepResponseView(memory, response);
  const report = [
    `pages ${before} -> ${afterArena} (arena) -> ${afterPool} (pool slot at ${hex(pool.offset(slot))})`,
    `request at ${hex(request)}, response at ${hex(response)}`,
    `alive ${r.alive} energy ${bits(r.energy)}`,
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");
}

main();
