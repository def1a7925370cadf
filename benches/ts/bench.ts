// The generated TypeScript against hand-written DataView code, over one
// million Particles in a WebAssembly.Memory. Run by `cargo xtask bench`,
// which generates ./generated/bench.ts first and runs each variant in
// processes of its own (`node --allow-natives-syntax --import tsx bench.ts
// <variant>`), several processes per variant, interleaved with the other
// variants': in one process, what V8 learns from one variant's objects
// changes another's code, and the machine's speed drifts between
// processes. Warms the variant up, has V8 optimize it, then prints one JSON
// line: the nanoseconds (of the process's CPU time) per element of every
// repetition, and whether the variant was still optimized after them. `--list` prints the variants.

import { readParticle, ParticleArray, ParticleView, ParticleLayout } from "./generated/bench.ts";

const quick = process.argv.includes("--quick");
const N = quick ? 100_000 : 1_000_000;
// Warm-up: at least this many runs and this many milliseconds, for V8's
// feedback and the heap's sizes to settle, before the variant is compiled.
const WARM_RUNS = quick ? 5 : 20;
const WARM_MS = quick ? 20 : 200;
const REPS = quick ? 5 : 30;
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

// `--list` keeps this order, which `cargo xtask bench` runs forwards and
// backwards in turns: each generated variant always runs right next to its
// hand-written anchor.
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
  "view/hand": () => {
    let sum = 0;
    const view = new DataView(memory.buffer);
    for (let i = 0; i < N; i++) sum += view.getFloat32(i * SIZE + MASS, true);
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
  "view/cursor": () => {
    let sum = 0;
    const particles = new ParticleArray(memory, 0, N);
    for (let i = 0; i < N; i++) sum += particles.get(i).mass;
    return sum;
  },
  "view/column": () => {
    let sum = 0;
    const mass = new ParticleArray(memory, 0, N).column("mass");
    for (let i = 0; i < N; i++) sum += mass.get(i);
    return sum;
  },
  // `view/column` in a program that reads columns of other element types
  // too: the array of each element type has a `get` of its own, so V8
  // still sees one typed array's class at the scan's access.
  "view/column_mixed": () => {
    const particles = new ParticleArray(memory, 0, N);
    let sum = particles.column("id").get(1) + particles.column("kind").get(2);
    const mass = particles.column("mass");
    for (let i = 0; i < N; i++) sum += mass.get(i);
    return sum;
  },
  "view/column_reduce": () => {
    const mass = new ParticleArray(memory, 0, N).column("mass");
    return mass.reduce((sum, x) => sum + x, 0);
  },
  "view/hand_typed": () => {
    let sum = 0;
    const f = new Float32Array(memory.buffer);
    for (let i = 0; i < N; i++) sum += f[6 + 9 * i]!;
    return sum;
  },
  // The fastest hand-written scan of `mass` found: the `Float32Array` with
  // four sums, so that no floating-point add waits for the one before. All
  // scans read the same bytes, a 64-byte cache line at a time from memory
  // (36 MB, more than the caches hold): this one shows how far below the
  // DataView loop any of them can get.
  "view/hand_typed4": () => {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    const f = new Float32Array(memory.buffer);
    let i = 0;
    for (let k = 6; i + 4 <= N; i += 4, k += 36) {
      a += f[k]!;
      b += f[k + 9]!;
      c += f[k + 18]!;
      d += f[k + 27]!;
    }
    for (; i < N; i++) a += f[6 + 9 * i]!;
    return a + b + c + d;
  },
  // One load per 64-byte cache line of the Particles' 36 MB, four sums, no
  // checks. Each line holds some Particle's `mass`, so every scan of `mass`
  // reads every line: this loop shows what reading them alone costs (in
  // the runs so far about what the fastest hand-written scan costs, far
  // from half the DataView loop's time).
  "view/lines": () => {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    const f = new Float32Array(memory.buffer);
    const end = (N * SIZE) >>> 2;
    let k = 0;
    for (; k + 64 <= end; k += 64) {
      a += f[k]!;
      b += f[k + 16]!;
      c += f[k + 32]!;
      d += f[k + 48]!;
    }
    for (; k < end; k += 16) a += f[k]!;
    return a + b + c + d;
  },
  // `mass` alone written in every Particle: a column's `set`, the cursor's
  // setter, and by hand with a hoisted DataView.
  "set/hand": () => {
    const view = new DataView(memory.buffer);
    for (let i = 0; i < N; i++) view.setFloat32(i * SIZE + MASS, 1 + (i % 7), true);
    return N;
  },
  "set/column": () => {
    const mass = new ParticleArray(memory, 0, N).column("mass");
    for (let i = 0; i < N; i++) mass.set(i, 1 + (i % 7));
    return N;
  },
  "set/cursor": () => {
    const particles = new ParticleArray(memory, 0, N);
    for (let i = 0; i < N; i++) particles.get(i).mass = 1 + (i % 7);
    return N;
  },
  // Every field written: through the setters of one moving view, and by
  // hand with a hoisted DataView. The values are those the data holds.
  "write/hand": () => {
    const view = new DataView(memory.buffer);
    for (let i = 0; i < N; i++) {
      const p = i * SIZE;
      const f = i % 1000;
      view.setFloat32(p, f, true);
      view.setFloat32(p + 4, f + 1, true);
      view.setFloat32(p + 8, f + 2, true);
      view.setFloat32(p + 12, 0.5, true);
      view.setFloat32(p + 16, 0.5, true);
      view.setFloat32(p + 20, 0.5, true);
      view.setFloat32(p + 24, 1 + (i % 7), true);
      view.setUint32(p + 28, i, true);
      view.setUint8(p + 32, i % 3 !== 0 ? 1 : 0);
      view.setUint8(p + 33, i % 4);
    }
    return N;
  },
  "write/generated": () => {
    const view = new ParticleView(memory, 0);
    for (let i = 0; i < N; i++) {
      view.ptr = i * SIZE;
      const f = i % 1000;
      view.pos = [f, f + 1, f + 2];
      view.vel = [0.5, 0.5, 0.5];
      view.mass = 1 + (i % 7);
      view.id = i;
      view.alive = i % 3 !== 0;
      view.kind = i % 4;
    }
    return N;
  },
  // `write/generated` with the constant `vel` made once, outside the loop:
  // V8 (Node 20) allocates an array literal of constant doubles on every
  // evaluation (escape analysis keeps literals of integers or of computed
  // values, not a copied boilerplate of doubles), so this shows the cost
  // of the setters without that of the literal.
  "write/generated_hoisted": () => {
    const view = new ParticleView(memory, 0);
    const vel: [number, number, number] = [0.5, 0.5, 0.5];
    for (let i = 0; i < N; i++) {
      view.ptr = i * SIZE;
      const f = i % 1000;
      view.pos = [f, f + 1, f + 2];
      view.vel = vel;
      view.mass = 1 + (i % 7);
      view.id = i;
      view.alive = i % 3 !== 0;
      view.kind = i % 4;
    }
    return N;
  },
};

/** V8's own functions, with `--allow-natives-syntax` (which `cargo xtask bench` passes). */
interface Natives {
  prepare(f: () => number): void;
  optimize(f: () => number): void;
  status(f: () => number): number;
}

function natives(): Natives | undefined {
  try {
    return {
      prepare: new Function("f", "%PrepareFunctionForOptimization(f)") as Natives["prepare"],
      optimize: new Function("f", "%OptimizeFunctionOnNextCall(f)") as Natives["optimize"],
      status: new Function("f", "return %GetOptimizationStatus(f)") as Natives["status"],
    };
  } catch {
    return undefined;
  }
}

/** `%GetOptimizationStatus`: the function has optimized code of its own. */
const OPTIMIZED = 1 << 4;

if (process.argv.includes("--list")) {
  console.log(Object.keys(variants).join("\n"));
} else {
  const name = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "";
  const run = variants[name];
  if (run === undefined) throw new Error(`unknown variant ${name}; try --list`);
  // A variant is one long loop: V8 compiles the loop while it runs (on-stack
  // replacement) and then, for a long while or for good, enters that code
  // from the unoptimized function on every call, never compiling the whole
  // function. Left to chance, some processes would time the on-stack code
  // and others the function's own, up to 1.5 times faster. So the
  // variant is compiled as a whole after its warm-up, as V8 would in the end.
  const v8 = natives();
  if (v8 === undefined) console.error("bench.ts: run node with --allow-natives-syntax to time optimized code");
  v8?.prepare(run);
  let sink = 0;
  const warmStart = performance.now();
  for (let w = 0; w < WARM_RUNS || performance.now() - warmStart < WARM_MS; w++) sink += run();
  v8?.optimize(run);
  for (let w = 0; w < 3; w++) sink += run();
  const times: number[] = [];
  for (let r = 0; r < REPS; r++) {
    // CPU time, not wall time: on a shared machine a process also waits
    // for a core, which wall time would count as the variant's.
    const start = process.cpuUsage();
    sink += run();
    const used = process.cpuUsage(start);
    times.push(((used.user + used.system) * 1000) / N);
  }
  // The sums are used, so no run is dead code.
  if (Number.isNaN(sink)) throw new Error("no sum");
  const optimized = v8 === undefined ? null : (v8.status(run) & OPTIMIZED) !== 0;
  console.log(JSON.stringify({ name, optimized, times }));
}
