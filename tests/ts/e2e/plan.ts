// The end-to-end plan as the TypeScript hosts play it: the Node host
// (host.ts) and the web demo (examples/web/src/plan.ts, which extends
// PlanHost with its live phase) run this one module, so the guest's memory
// after the plan is byte for byte the same in both, and the Rust host's
// (tests/e2e-support/src/run.rs) plays the same steps. Its numbers come from
// constants.ts, generated from tests/e2e-support.
import {
  Kind,
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
  type Particle,
} from "./schema.ts";
import { ARENA_CAPACITY, DT, FRAME_SLOTS, GRAVITY, RESPONSE_SLOTS } from "./constants.ts";
import { Arena, DoubleBuffer, Pool, ensureCapacity, memoryStats, type PoolHandle } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

export { ARENA_CAPACITY, DT, E2E_PLAN, FRAME_SLOTS, GRAVITY, RESPONSE_SLOTS } from "./constants.ts";

/** The guests' exports the plan calls (every guest exports them). */
export interface GuestExports {
  readonly memory: WebAssembly.Memory;
  layout_fingerprint(type: number): bigint;
  heap_base(): number;
  step(request: number, response: number): number;
  step_frame(frame: number, response: number): number;
  frames(): number;
}

/** What the hosts do (tests/e2e-support's `Plan`). */
export interface Plan {
  first: number;
  firstFrames: number;
  spawned: number;
  secondFrames: number;
}

/** The types whose fingerprints the plan checks, by the guests' index. */
const FINGERPRINTS: readonly [string, bigint][] = [
  ["Particle", ParticleFingerprint],
  ["StepRequest", StepRequestFingerprint],
  ["StepResponse", StepResponseFingerprint],
  ["StepFrame", StepFrameFingerprint],
];

/** The i-th particle, as `host::particle` in Rust: every number exact in f32. */
export function particle(i: number): Particle {
  const kinds = [Kind.Dust, Kind.Spark, Kind.Smoke] as const;
  return {
    pos: { x: (i % 32) * 0.25 - 4, y: 1 + (i % 7) * 0.5, z: (Math.floor(i / 32) % 8) * 0.125 },
    vel: { x: (((i * 7) % 11) - 5) * 0.5, y: ((i * 3) % 13) * 0.75 - 3, z: (((i * 5) % 9) - 4) * 0.25 },
    mass: 0.5 + (i % 4) * 0.25,
    kind: kinds[i % 3]!,
    alive: true,
    flags: 0,
    id: 0x5eed000000000000n | BigInt(i),
  };
}

/** An f64's bits as 16 hex digits, as Rust's `{:016x}` of `to_bits()`. */
export function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x, true);
  return v.getBigUint64(0, true).toString(16).padStart(16, "0");
}

function fail(message: string): never {
  throw new Error(message);
}

/** A pool and the generation of each slot, as the handles it gave out say. */
export class TrackedPool {
  readonly pool: Pool;
  readonly generations: number[];
  constructor(pool: Pool) {
    this.pool = pool;
    this.generations = new Array<number>(pool.slotCount).fill(0);
  }
  alloc(): PoolHandle {
    const h = this.pool.alloc();
    this.generations[h.index] = h.generation;
    return h;
  }
  free(h: PoolHandle): void {
    this.pool.free(h);
    this.generations[h.index] = (h.generation + 1) >>> 0;
  }
}

/**
 * A host playing the plan on a guest: the fingerprints checked, an arena above
 * the heap base with a frame pool and a response pool, double-buffered
 * `step_frame` calls, memory grown in the middle, one `step` at the end.
 * Subclasses follow along through `newBuffers`, `retired` and `sample`.
 */
export class PlanHost {
  readonly guest: GuestExports;
  readonly memory: WebAssembly.Memory;
  readonly heapBase: number;
  readonly arena: Arena;
  readonly framePool: TrackedPool;
  readonly responsePool: TrackedPool;
  /** One line per call, as every host prints it. */
  readonly report: string[] = [];
  buffers!: DoubleBuffer;
  count = 0;
  /** Steps so far. */
  frame = 0;
  /** The last response written. */
  lastResponse = 0;
  /** The plan's last request. */
  lastRequest = 0;
  /** Pages before and after the plan grew the memory. */
  pagesBefore = 0;
  pagesAfter = 0;
  /** Whether views taken before memory.grow read the same after it. */
  viewsSurvivedGrow = false;
  #liveResponses: PoolHandle[] = [];

  constructor(guest: GuestExports) {
    this.guest = guest;
    this.memory = guest.memory;
    FINGERPRINTS.forEach(([name, host], index) => {
      const inGuest = BigInt.asUintN(64, guest.layout_fingerprint(index));
      if (inGuest !== host) fail(`${name}: layout fingerprint ${inGuest.toString(16)} in the guest, ${host.toString(16)} here`);
    });
    this.heapBase = guest.heap_base() >>> 0;
    this.arena = new Arena(this.heapBase, ARENA_CAPACITY);
    const frames = this.arena.alloc(StepFrameLayout.size * FRAME_SLOTS, StepFrameLayout.align);
    this.framePool = new TrackedPool(new Pool(frames, StepFrameLayout.size, StepFrameLayout.align, FRAME_SLOTS));
    const responses = this.arena.alloc(StepResponseLayout.size * RESPONSE_SLOTS, StepResponseLayout.align);
    this.responsePool = new TrackedPool(
      new Pool(responses, StepResponseLayout.size, StepResponseLayout.align, RESPONSE_SLOTS),
    );
  }

  /** New double buffers for `count` particles, from the arena. */
  protected newBuffers(count: number): void {
    this.count = count;
    this.buffers = new DoubleBuffer(this.arena, ParticleLayout.size * count);
  }

  /** The plan left `count` particles at `start` behind when it grew. */
  protected retired(_start: number, _count: number): void {}

  /** After particles were written and after every step. */
  protected sample(): void {}

  /** Writes particles `from..this.count` into the front buffer. */
  protected writeParticles(from: number): void {
    for (let i = from; i < this.count; i++) {
      writeParticle(new DataView(this.memory.buffer), this.buffers.front() + i * ParticleLayout.size, particle(i));
    }
  }

  /** One double-buffered `step_frame` (`frame` is its number within the phase); `report` adds its line. */
  protected stepFrame(frame: number, report: boolean): void {
    const request = this.framePool.alloc();
    const requestPtr = this.framePool.pool.offset(request);
    writeStepFrame(new DataView(this.memory.buffer), requestPtr, {
      src: this.buffers.front(),
      dst: this.buffers.back(),
      count: this.count,
      dt: DT,
      gravity: GRAVITY,
      frame,
    });
    const response = this.responsePool.alloc();
    this.lastResponse = this.responsePool.pool.offset(response);
    const status = this.guest.step_frame(requestPtr, this.lastResponse);
    if (status !== 0) fail(`step_frame returned status ${status}`);
    const view = new StepResponseView(this.memory, this.lastResponse);
    if (report) this.report.push(`step_frame count ${this.count} alive ${view.alive} energy ${bits(view.energy)}`);
    this.buffers.swap();
    this.framePool.free(request);
    this.#liveResponses.push(response);
    if (this.#liveResponses.length >= RESPONSE_SLOTS) this.responsePool.free(this.#liveResponses.shift()!);
    this.frame += 1;
    this.sample();
  }

  /** The plan, in the hosts' order. */
  runPlan(plan: Plan): void {
    this.pagesBefore = memoryStats(this.memory).pages;
    this.newBuffers(plan.first);
    ensureCapacity(this.memory, this.arena.base + this.arena.used);
    this.writeParticles(0);
    this.sample();
    for (let f = 0; f < plan.firstFrames; f++) this.stepFrame(f, true);

    // Views made before memory.grow still work after it (the old ArrayBuffer
    // is detached; the generated views fetch the current one).
    const responseView = new StepResponseView(this.memory, this.lastResponse);
    const firstParticle = new ParticleView(this.memory, this.buffers.front());
    const before = [responseView.alive, responseView.energy, firstParticle.id] as const;

    // Spawn more particles into new, larger buffers: memory grows.
    const old = { front: this.buffers.front(), size: this.buffers.size };
    this.newBuffers(this.count + plan.spawned);
    this.retired(old.front, plan.first);
    const stale = new Uint8Array(this.memory.buffer);
    const grown = ensureCapacity(this.memory, this.arena.base + this.arena.used);
    const after = [responseView.alive, responseView.energy, firstParticle.id] as const;
    this.viewsSurvivedGrow = grown > 0 && stale.byteLength === 0 && before.every((v, i) => v === after[i]);
    if (!this.viewsSurvivedGrow) fail(`views across memory.grow: grew ${grown}, ${before} vs ${after}`);
    this.pagesAfter = memoryStats(this.memory).pages;
    new Uint8Array(this.memory.buffer).copyWithin(this.buffers.front(), old.front, old.front + old.size);
    this.writeParticles(plan.first);
    this.sample();
    for (let f = 0; f < plan.secondFrames; f++) this.stepFrame(f, true);

    // Last, the request/response export, in place on the front buffer.
    this.lastRequest = this.arena.place(this.memory, StepRequestLayout, writeStepRequest, {
      particles: this.buffers.front(),
      count: this.count,
      dt: DT,
      gravity: GRAVITY,
    });
    const response = this.arena.place(this.memory, StepResponseLayout, writeStepResponse, { alive: 0, energy: 0 });
    const status = this.guest.step(this.lastRequest, response);
    if (status !== 0) fail(`step returned status ${status}`);
    const last = new StepResponseView(this.memory, response);
    this.lastResponse = response;
    this.frame += 1;
    this.report.push(`step count ${this.count} alive ${last.alive} energy ${bits(last.energy)}`);
    this.report.push(`guest frames ${this.guest.frames()}`);
    this.report.push(`memory pages ${this.pagesBefore} -> ${this.pagesAfter}`);
    this.report.push(`arena used ${this.arena.used} in ${this.arena.allocations} allocations`);
  }
}
