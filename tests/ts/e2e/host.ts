// The Node host of the end-to-end guests (tests/guest/guest.wasm, C built by
// clang from the generated schema.h; tests/guest-odin/guest.wasm, Odin built
// from the generated package schema). It uses only the generated bindings
// (schema.ts, generated next to it) and the wasm-layout runtime (the shipped
// file itself, not a copy), and plays the same plan as the Rust host
// (tests/e2e-support), so the
// guest's memory ends up byte for byte the same.
//
// Usage: node --import tsx e2e/host.ts OUT_DIR GUEST_WASM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES
// Writes OUT_DIR/memory.bin (the whole memory), region.txt (a hex dump of
// what the host allocated) and report.txt (one line per call).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ParticleFingerprint,
  ParticleLayout,
  ParticleView,
  StepFrameFingerprint,
  StepFrameLayout,
  StepRequestFingerprint,
  StepRequestLayout,
  StepResponseFingerprint,
  StepResponseLayout,
  StepResponseView,
  writeParticle,
  writeStepFrame,
  writeStepRequest,
  writeStepResponse,
} from "./schema.ts";
import {
  Arena,
  DoubleBuffer,
  Pool,
  ensureCapacity,
  formatMemoryStats,
  hexDump,
  memoryStats,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { DT, GRAVITY, bits, particle } from "./plan.ts";

/** The guests' exports (tests/guest/guest.c, tests/guest-odin/guest.odin). */
interface GuestExports {
  readonly memory: WebAssembly.Memory;
  layout_fingerprint(type: number): bigint;
  heap_base(): number;
  step(request: number, response: number): number;
  step_frame(frame: number, response: number): number;
  frames(): number;
}

// The constants of tests/e2e-support/src/lib.rs (DT and GRAVITY: plan.ts).
const ARENA_CAPACITY = 1 << 20;
const FRAME_SLOTS = 2;
const RESPONSE_SLOTS = 3;
const FINGERPRINTS: readonly [string, bigint][] = [
  ["Particle", ParticleFingerprint],
  ["StepRequest", StepRequestFingerprint],
  ["StepResponse", StepResponseFingerprint],
  ["StepFrame", StepFrameFingerprint],
];

function fail(message: string): never {
  throw new Error(message);
}

function main(): void {
  const [outDir, guestPath, ...numbers] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined || numbers.length !== 4) {
    fail("usage: host.ts OUT_DIR GUEST_WASM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES");
  }
  const [first, firstFrames, spawned, secondFrames] = numbers.map(Number) as [number, number, number, number];

  const wasm = readFileSync(guestPath);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
  const guest = instance.exports as unknown as GuestExports;
  const memory = guest.memory;
  FINGERPRINTS.forEach(([name, host], index) => {
    const inGuest = BigInt.asUintN(64, guest.layout_fingerprint(index));
    if (inGuest !== host) fail(`${name}: layout fingerprint ${inGuest.toString(16)} in the guest, ${host.toString(16)} here`);
  });
  const heapBase = guest.heap_base() >>> 0;

  const arena = new Arena(heapBase, ARENA_CAPACITY);
  const framePool = new Pool(
    arena.alloc(StepFrameLayout.size * FRAME_SLOTS, StepFrameLayout.align),
    StepFrameLayout.size,
    StepFrameLayout.align,
    FRAME_SLOTS,
  );
  const responsePool = new Pool(
    arena.alloc(StepResponseLayout.size * RESPONSE_SLOTS, StepResponseLayout.align),
    StepResponseLayout.size,
    StepResponseLayout.align,
    RESPONSE_SLOTS,
  );
  const liveResponses: PoolHandle[] = [];
  const report: string[] = [];

  let count = first;
  let buffers = new DoubleBuffer(arena, ParticleLayout.size * count);
  const pagesBefore = memoryStats(memory).pages;
  ensureCapacity(memory, arena.base + arena.used);
  for (let i = 0; i < count; i++) {
    writeParticle(new DataView(memory.buffer), buffers.front() + i * ParticleLayout.size, particle(i));
  }

  let lastResponse = 0;
  const stepFrames = (frames: number): void => {
    for (let frame = 0; frame < frames; frame++) {
      const request = framePool.alloc();
      const requestPtr = framePool.offset(request);
      writeStepFrame(new DataView(memory.buffer), requestPtr, {
        src: buffers.front(),
        dst: buffers.back(),
        count,
        dt: DT,
        gravity: GRAVITY,
        frame,
      });
      const response = responsePool.alloc();
      lastResponse = responsePool.offset(response);
      const status = guest.step_frame(requestPtr, lastResponse);
      if (status !== 0) fail(`step_frame returned status ${status}`);
      const view = new StepResponseView(memory, lastResponse);
      report.push(`step_frame count ${count} alive ${view.alive} energy ${bits(view.energy)}`);
      buffers.swap();
      framePool.free(request);
      liveResponses.push(response);
      if (liveResponses.length >= RESPONSE_SLOTS) responsePool.free(liveResponses.shift()!);
    }
  };
  stepFrames(firstFrames);

  // Views made before memory.grow still work after it (the old ArrayBuffer
  // is detached; the generated views fetch the current one).
  const responseView = new StepResponseView(memory, lastResponse);
  const firstParticle = new ParticleView(memory, buffers.front());
  const before = [responseView.alive, responseView.energy, firstParticle.id] as const;

  // Spawn more particles into new, larger buffers: memory grows.
  const old = buffers;
  count += spawned;
  buffers = new DoubleBuffer(arena, ParticleLayout.size * count);
  const stale = new Uint8Array(memory.buffer);
  const grown = ensureCapacity(memory, arena.base + arena.used);
  if (grown === 0 || stale.byteLength !== 0) fail("memory.grow should have detached the old buffer");
  const after = [responseView.alive, responseView.energy, firstParticle.id] as const;
  if (before.some((v, i) => v !== after[i])) fail(`views changed across memory.grow: ${before} vs ${after}`);
  const pagesAfter = memoryStats(memory).pages;
  new Uint8Array(memory.buffer).copyWithin(buffers.front(), old.front(), old.front() + old.size);
  for (let i = first; i < count; i++) {
    writeParticle(new DataView(memory.buffer), buffers.front() + i * ParticleLayout.size, particle(i));
  }
  stepFrames(secondFrames);

  // Last, the request/response export, in place on the front buffer.
  const request = arena.place(memory, StepRequestLayout, writeStepRequest, {
    particles: buffers.front(),
    count,
    dt: DT,
    gravity: GRAVITY,
  });
  const response = arena.place(memory, StepResponseLayout, writeStepResponse, { alive: 0, energy: 0 });
  const status = guest.step(request, response);
  if (status !== 0) fail(`step returned status ${status}`);
  const last = new StepResponseView(memory, response);
  report.push(`step count ${count} alive ${last.alive} energy ${bits(last.energy)}`);
  report.push(`guest frames ${guest.frames()}`);
  report.push(`memory pages ${pagesBefore} -> ${pagesAfter}`);
  report.push(`arena used ${arena.used} in ${arena.allocations} allocations`);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "region.txt"), hexDump(memory, arena.base, arena.used));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");

  const p = new ParticleView(memory, buffers.front());
  console.log(`${guestPath} in Node: ${report.length - 3} calls, memory grew from ${pagesBefore} to ${pagesAfter} pages`);
  console.log(`particle ${p.id.toString(16)}: kind ${p.kind}, alive ${p.alive}, flags 0x${p.flags.toString(16)}`);
  console.log(formatMemoryStats(memoryStats(memory)));
}

main();
