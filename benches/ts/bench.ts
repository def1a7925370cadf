// The generated TypeScript against hand-written DataView code, over one
// million Particles in a WebAssembly.Memory. Run by `cargo xtask bench`,
// which generates ./generated/bench.ts first and runs each variant in a
// process of its own (`node --import tsx bench.ts <variant>`): in one
// process, what V8 learns from one variant's objects changes another's
// code. Prints one JSON line: nanoseconds per element, median/min/max over
// the repetitions. `--list` prints the variants.

import { readParticle, ParticleView, ParticleLayout } from "./generated/bench.ts";

const quick = process.argv.includes("--quick");
const N = quick ? 100_000 : 1_000_000;
const REPS = quick ? 5 : 15;
const SIZE = ParticleLayout.size;
const MASS = ParticleLayout.offsets.mass;

const memory = new WebAssembly.Memory({ initial: Math.ceil((N * SIZE) / 65536) + 1 });
const dv = new DataView(memory.buffer);
// The data is written by hand, so no variant's code has run before its own
// measurement.
for (let i = 0; i < N; i++) {
  const p = i * SIZE;
  const f = i % 1000;
  [f, f + 1, f + 2, 0.5, 0.5, 0.5, 1 + (i % 7)].forEach((x, k) => dv.setFloat32(p + 4 * k, x, true));
  dv.setUint32(p + 28, i, true);
  dv.setUint8(p + 32, i % 3 !== 0 ? 1 : 0);
  dv.setUint8(p + 33, i % 4);
}

interface HandParticle {
  pos: number[];
  vel: number[];
  mass: number;
  id: number;
  alive: boolean;
  kind: number;
}

function handRead(view: DataView, p: number): HandParticle {
  return {
    pos: [view.getFloat32(p, true), view.getFloat32(p + 4, true), view.getFloat32(p + 8, true)],
    vel: [view.getFloat32(p + 12, true), view.getFloat32(p + 16, true), view.getFloat32(p + 20, true)],
    mass: view.getFloat32(p + 24, true),
    id: view.getUint32(p + 28, true),
    alive: view.getUint8(p + 32) !== 0,
    kind: view.getUint8(p + 33),
  };
}

const variants: Record<string, () => number> = {
  "read/generated": () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += readParticle(dv, i * SIZE).mass;
    return sum;
  },
  "read/hand": () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += handRead(dv, i * SIZE).mass;
    return sum;
  },
  "view/generated": () => {
    let sum = 0;
    const view = new ParticleView(memory, 0);
    for (let i = 0; i < N; i++) {
      view.ptr = i * SIZE;
      sum += view.mass;
    }
    return sum;
  },
  "view/generated_new_each": () => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += new ParticleView(memory, i * SIZE).mass;
    return sum;
  },
  "view/hand": () => {
    let sum = 0;
    const view = new DataView(memory.buffer);
    for (let i = 0; i < N; i++) sum += view.getFloat32(i * SIZE + MASS, true);
    return sum;
  },
};

if (process.argv.includes("--list")) {
  console.log(Object.keys(variants).join("\n"));
} else {
  const name = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "";
  const run = variants[name];
  if (run === undefined) throw new Error(`unknown variant ${name}; try --list`);
  for (let w = 0; w < 3; w++) run();
  const times: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / N);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ name, median, min: times[0], max: times[times.length - 1] }));
}
