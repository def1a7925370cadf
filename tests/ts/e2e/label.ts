// The Node host of the label test (tests/e2e_label.rs): places the particles
// the Rust host places, asks the guest for a Label of every kind with
// label_kind, reads each back with the generated bindings (readLabel,
// readStr, the members through the WasmSlice's pointer) and prints what the
// Rust host prints.
//
// Usage: node --import tsx e2e/label.ts OUT_DIR GUEST_WASM COUNT
// Writes OUT_DIR/memory.bin and OUT_DIR/report.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, LabelFingerprint, LabelLayout, ParticleLayout, readLabel, readStr, writeParticle } from "./schema.ts";
import { Arena, ensureCapacity } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { particle } from "./plan.ts";

interface LabelGuest {
  readonly memory: WebAssembly.Memory;
  layout_fingerprint(type: number): bigint;
  heap_base(): number;
  label_kind(particles: number, count: number, kind: number, out: number): number;
}

/** A value no type has: label_kind's status for a kind that does not exist. */
const STATUS_INVALID = 4;
const NAMES = ["dust", "spark", "smoke"] as const;
const KINDS = [Kind.Dust, Kind.Spark, Kind.Smoke] as const;

function fail(message: string): never {
  throw new Error(message);
}

function main(): void {
  const [outDir, guestPath, countArg] = process.argv.slice(2);
  if (outDir === undefined || guestPath === undefined || countArg === undefined) {
    fail("usage: label.ts OUT_DIR GUEST_WASM COUNT");
  }
  const count = Number(countArg);
  const wasm = readFileSync(guestPath);
  const guest = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as LabelGuest;
  const memory = guest.memory;
  const inGuest = BigInt.asUintN(64, guest.layout_fingerprint(4));
  if (inGuest !== LabelFingerprint) fail(`Label: layout fingerprint ${inGuest.toString(16)} in the guest`);
  const base = guest.heap_base() >>> 0;
  ensureCapacity(memory, base + 4096);
  const arena = new Arena(base, 4096);
  // Every fourth particle is dead, as in the Rust host.
  const particles = Array.from({ length: count }, (_, i) => ({ ...particle(i), alive: i % 4 !== 3 }));
  const at = arena.alloc(ParticleLayout.size * count, ParticleLayout.align);
  particles.forEach((p, i) => writeParticle(new DataView(memory.buffer), at + i * ParticleLayout.size, p));

  const hex = (n: number): string => `0x${n.toString(16)}`;
  const report: string[] = [];
  for (let kind = 0; kind < 4; kind++) {
    const out = arena.alloc(24 + 4 * count, LabelLayout.align);
    const status = guest.label_kind(at, count, kind, out);
    if (kind === 3) {
      if (status !== STATUS_INVALID) fail(`label_kind(3) returned status ${status}`);
      if (new Uint8Array(memory.buffer, out, 24).some((b) => b !== 0)) fail("label_kind(3) wrote something");
      report.push(`kind ${kind}: status ${status}`);
      continue;
    }
    if (status !== 0) fail(`label_kind(${kind}) returned status ${status}`);
    const view = new DataView(memory.buffer);
    const label = readLabel(view, out);
    const name = readStr(view, label.name);
    const members = Array.from({ length: label.members.len }, (_, i) => view.getUint32(label.members.ptr + 4 * i, true));
    const expected = particles.flatMap((p, i) => (p.alive && p.kind === KINDS[kind] ? [i] : []));
    if (name !== NAMES[kind]) fail(`label ${kind}: name ${JSON.stringify(name)}`);
    if (members.join(" ") !== expected.join(" ")) fail(`label ${kind}: members ${members} instead of ${expected}`);
    report.push(
      `kind ${kind}: ${JSON.stringify(name)} at ${hex(label.name.ptr)}, members [${members.join(" ")}] at ${hex(label.members.ptr)}`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");
}

main();
