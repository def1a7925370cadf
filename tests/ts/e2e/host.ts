// The Node host of the end-to-end guests (tests/guest/guest.wasm, C built by
// clang from the generated schema.h; tests/guest-odin/guest.wasm, Odin built
// from the generated package schema; tests/guest-rust/guest.wasm). It uses
// only the generated bindings (schema.ts, generated next to it) and the
// wasm-layout runtime (the shipped file itself, not a copy), and plays the
// plan of plan.ts, the same as the Rust host (tests/e2e-support) and the web
// demo, so the guest's memory ends up byte for byte the same.
//
// Usage: node --import tsx e2e/host.ts OUT_DIR GUEST_WASM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES
// Writes OUT_DIR/memory.bin (the whole memory), region.txt (a hex dump of
// what the host allocated) and report.txt (one line per call).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ParticleView } from "./schema.ts";
import { formatMemoryStats, hexDump, memoryStats } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { PlanHost, type GuestExports } from "./plan.ts";

function main(): void {
  const [outDir, guestPath, ...numbers] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined || numbers.length !== 4) {
    throw new Error("usage: host.ts OUT_DIR GUEST_WASM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES");
  }
  const [first, firstFrames, spawned, secondFrames] = numbers.map(Number) as [number, number, number, number];

  const wasm = readFileSync(guestPath);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
  const host = new PlanHost(instance.exports as unknown as GuestExports);
  host.runPlan({ first, firstFrames, spawned, secondFrames });
  const { memory, arena, report } = host;

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "region.txt"), hexDump(memory, arena.base, arena.used));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");

  const p = new ParticleView(memory, host.buffers.front());
  console.log(`${guestPath} in Node: ${report.length - 3} calls, memory grew from ${host.pagesBefore} to ${host.pagesAfter} pages`);
  console.log(`particle ${p.id.toString(16)}: kind ${p.kind}, alive ${p.alive}, flags 0x${p.flags.toString(16)}`);
  console.log(formatMemoryStats(memoryStats(memory)));
}

main();
