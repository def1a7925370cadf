// The Node host places values through the allocator the guest exports (the
// Odin guest's bump_alloc) with the runtime's GuestAllocator, as the Rust
// host does in tests/e2e_guest_alloc.rs, then asks a stand-in guest for the
// bad pointers the Rust test lists and prints the errors.
//
// Usage: node --import tsx e2e/guest-alloc.ts OUT_DIR GUEST_WASM [PTR,SIZE,ALIGN ...]
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
import { GuestAllocator, type GuestAllocFns } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { DT, GRAVITY, bits, particle } from "./plan.ts";

interface OdinGuest {
  readonly memory: WebAssembly.Memory;
  heap_base(): number;
  bump_alloc(size: number): number;
  step(request: number, response: number): number;
}

function main(): void {
  const [outDir, guestPath, ...refusals] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined) {
    throw new Error("usage: guest-alloc.ts OUT_DIR GUEST_WASM [PTR,SIZE,ALIGN ...]");
  }
  const wasm = readFileSync(guestPath);
  const guest = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as OdinGuest;
  const fns: GuestAllocFns = { memory: guest.memory, alloc: (size) => guest.bump_alloc(size) };
  const alloc = new GuestAllocator(guest.heap_base() >>> 0);
  const hex = (n: number): string => `0x${n.toString(16)}`;
  const report: string[] = [];

  let first = 0;
  for (let i = 0; i < 5; i++) {
    const p = alloc.place(fns, ParticleLayout, writeParticle, particle(i));
    if (i === 0) first = p;
    report.push(`particle ${i} at ${hex(p)}`);
  }
  const request = alloc.place(fns, StepRequestLayout, writeStepRequest, {
    particles: first,
    count: 5,
    dt: DT,
    gravity: GRAVITY,
  });
  const response = alloc.place(fns, StepResponseLayout, writeStepResponse, { alive: 0, energy: 0 });
  const big = alloc.alloc(fns, 3 << 16, 8);
  const status = guest.step(request, response);
  if (status !== 0) throw new Error(`step returned status ${status}`);
  const r = new StepResponseView(guest.memory, response);
  report.push(`request at ${hex(request)}, response at ${hex(response)}, big block at ${hex(big)}`);
  report.push(`alive ${r.alive} energy ${bits(r.energy)}, ${alloc.allocations} allocations`);

  // A stand-in guest over 2 pages that returns the pointer it is told to.
  const scripted = { memory: new WebAssembly.Memory({ initial: 2 }), next: 0 };
  const refusing = new GuestAllocator(0x1000);
  for (const refusal of refusals) {
    const [ptr, size, align] = refusal.split(",").map(Number) as [number, number, number];
    scripted.next = ptr;
    try {
      refusing.alloc({ memory: scripted.memory, alloc: () => scripted.next }, size, align);
      report.push("no error");
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      report.push(e.message);
    }
  }
  if (new Uint8Array(scripted.memory.buffer).some((b) => b !== 0)) throw new Error("a refusal wrote something");

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(guest.memory.buffer));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");
}

main();
