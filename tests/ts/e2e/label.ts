// The Node host of the label test (tests/e2e_label.rs): places the particles
// the Rust host places, asks the guest for a Label of every kind with
// label_kind and for the particles' Events with record_events, reads them
// back with the generated bindings (readLabel, readStr, the members through
// the WasmSlice's pointer, the options as `T | null`, readEvent's tagged
// union) and prints what the Rust host prints.
//
// Usage: node --import tsx e2e/label.ts OUT_DIR GUEST_WASM COUNT
// Writes OUT_DIR/memory.bin and OUT_DIR/report.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  EventFingerprint,
  EventLayout,
  Kind,
  LabelFingerprint,
  LabelLayout,
  ParticleLayout,
  readEvent,
  readLabel,
  readStr,
  writeParticle,
  type Event,
} from "./schema.ts";
import { Arena, ensureCapacity } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import { particle } from "./plan.ts";

interface LabelGuest {
  readonly memory: WebAssembly.Memory;
  layout_fingerprint(type: number): bigint;
  heap_base(): number;
  label_kind(particles: number, count: number, kind: number, out: number): number;
  record_events(particles: number, count: number, out: number, capacity: number): bigint;
}

/** A value no type has: label_kind's status for a kind that does not exist. */
const STATUS_INVALID = 4;
const NAMES = ["dust", "spark", "smoke"] as const;
const KINDS = [Kind.Dust, Kind.Spark, Kind.Smoke] as const;

/** An event as both hosts print it. */
function eventLine(e: Event): string {
  switch (e.tag) {
    case "Spawn":
      return `Spawn id 0x${e.id.toString(16)}`;
    case "Collide":
      return `Collide ${e[0]} ${e[1]}`;
    case "Tick":
      return "Tick";
  }
}

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
  for (const [type, name, fingerprint] of [
    [4, "Label", LabelFingerprint],
    [5, "Event", EventFingerprint],
  ] as const) {
    const inGuest = BigInt.asUintN(64, guest.layout_fingerprint(type));
    if (inGuest !== fingerprint) fail(`${name}: layout fingerprint ${inGuest.toString(16)} in the guest`);
  }
  const base = guest.heap_base() >>> 0;
  ensureCapacity(memory, base + 4096);
  const arena = new Arena(base, 4096);
  // In pairs of one kind, every fifth dead, as in the Rust host.
  const particles = Array.from({ length: count }, (_, i) => ({
    ...particle(i),
    alive: i % 5 !== 4,
    kind: KINDS[Math.floor(i / 2) % 3]!,
  }));
  const at = arena.alloc(ParticleLayout.size * count, ParticleLayout.align);
  particles.forEach((p, i) => writeParticle(new DataView(memory.buffer), at + i * ParticleLayout.size, p));

  const hex = (n: number): string => `0x${n.toString(16)}`;
  const report: string[] = [];
  // The label, its name (zero-padded to 8) and room for every index.
  const labelBlock = LabelLayout.size + 8 + 4 * count;
  for (let kind = 0; kind < 4; kind++) {
    const out = arena.alloc(labelBlock, LabelLayout.align);
    const status = guest.label_kind(at, count, kind, out);
    if (kind === 3) {
      if (status !== STATUS_INVALID) fail(`label_kind(3) returned status ${status}`);
      if (new Uint8Array(memory.buffer, out, labelBlock).some((b) => b !== 0)) fail("label_kind(3) wrote something");
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
    const leader = expected.length === 0 ? null : at + expected[0]! * ParticleLayout.size;
    if (label.leader !== leader) fail(`label ${kind}: leader ${label.leader} instead of ${leader}`);
    const maxMass = expected.length === 0 ? null : Math.max(...expected.map((i) => particles[i]!.mass));
    if (label.max_mass !== maxMass) fail(`label ${kind}: max mass ${label.max_mass} instead of ${maxMass}`);
    report.push(
      `kind ${kind}: ${JSON.stringify(name)} at ${hex(label.name.ptr)}, members [${members.join(" ")}] at ${hex(label.members.ptr)}, ` +
        `leader ${label.leader === null ? "none" : hex(label.leader)}, max mass ${label.max_mass ?? "none"}`,
    );
  }

  // No particles: no members, and both options null.
  const empty = arena.alloc(labelBlock, LabelLayout.align);
  if (guest.label_kind(at, 0, 1, empty) !== 0) fail("label_kind over no particles failed");
  const none = readLabel(new DataView(memory.buffer), empty);
  if (none.members.len !== 0 || none.leader !== null || none.max_mass !== null) fail(`label over no particles: ${JSON.stringify(none)}`);
  if (readStr(new DataView(memory.buffer), none.name) !== "spark") fail("label over no particles: name");
  report.push(`no particles: ${none.members.len} members, leader None, max mass None`);

  // Room for a spawn and a collision per particle and the tick; first too little.
  const capacity = 2 * count + 1;
  const out = arena.alloc(EventLayout.size * capacity, EventLayout.align);
  const refused = guest.record_events(at, count, out, 3);
  if (refused !== 1n << 32n) fail(`record_events with room for 3 returned ${refused}`);
  if (new Uint8Array(memory.buffer, out, 3 * EventLayout.size).some((b) => b !== 0)) fail("record_events wrote something");
  report.push(`events with room for 3: status ${refused >> 32n}`);
  const r = BigInt.asUintN(64, guest.record_events(at, count, out, capacity));
  if (r >> 32n !== 0n) fail(`record_events returned status ${r >> 32n}`);
  const view = new DataView(memory.buffer);
  for (let i = 0; i < Number(r); i++) report.push(`event ${i}: ${eventLine(readEvent(view, out + i * EventLayout.size))}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), new Uint8Array(memory.buffer));
  writeFileSync(join(outDir, "report.txt"), report.join("\n") + "\n");
}

main();
