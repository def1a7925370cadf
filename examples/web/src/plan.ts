// The demo's simulation: the end-to-end plan of tests/ts/e2e/host.ts (the
// same allocations, writes and calls in the same order, so the guest's
// memory after it is byte for byte the Node host's), then a live phase that
// keeps stepping with the double buffer, uses the shared headers (a
// SharedArena and a SharedPool in the guest's memory), a canary-guarded
// block, and grows memory again when particles are spawned.
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
import {
  Arena,
  ArenaHeaderLayout,
  DoubleBuffer,
  Guarded,
  Pool,
  PoolHeaderLayout,
  PoolSlotLayout,
  SharedArena,
  SharedPool,
  ensureCapacity,
  memoryStats,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

/** The guest's exports (tests/guest/guest.c; the other guests export the same). */
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

const FINGERPRINTS: readonly [string, bigint][] = [
  ["Particle", ParticleFingerprint],
  ["StepRequest", StepRequestFingerprint],
  ["StepResponse", StepResponseFingerprint],
  ["StepFrame", StepFrameFingerprint],
];
/** Slots of the live phase's shared response pool. */
const SHARED_SLOTS = 4;
/** Bytes of the live phase's shared arena. */
const SHARED_ARENA_BYTES = 256;

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
function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x, true);
  return v.getBigUint64(0, true).toString(16).padStart(16, "0");
}

/** A typed stretch of memory the inspector labels: `count` values of `type` from `start`. */
export interface Region {
  readonly start: number;
  readonly type: string;
  readonly count: number;
  readonly label: string;
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

/** One point of the statistics chart. */
export interface Sample {
  readonly frame: number;
  readonly pages: number;
  readonly arenaUsed: number;
  readonly poolsLive: number;
  readonly alive: number;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Import stubs for whatever a guest imports: functions that throw, a memory if it wants one. */
function importsFor(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ExportValue>> = {};
  for (const i of WebAssembly.Module.imports(module)) {
    const m = (imports[i.module] ??= {});
    if (i.kind === "function") {
      m[i.name] = () => fail(`the guest called the host import ${i.module}.${i.name}, which the demo does not provide`);
    } else if (i.kind === "memory") {
      m[i.name] = new WebAssembly.Memory({ initial: 2, maximum: 65536 });
    }
  }
  return imports;
}

/** The guest, its memory and allocators, and what happened so far. */
export class Demo {
  readonly guest: GuestExports;
  readonly memory: WebAssembly.Memory;
  readonly heapBase: number;
  readonly arena: Arena;
  readonly framePool: TrackedPool;
  readonly responsePool: TrackedPool;
  readonly report: string[] = [];
  readonly history: Sample[] = [];
  regions: Region[] = [];
  buffers!: DoubleBuffer;
  count = 0;
  frame = 0;
  lastResponse = 0;
  /** Whether views taken before memory.grow read the same after it. */
  viewsSurvivedGrow = false;
  /** The guest's memory right after the plan. */
  planMemory = new Uint8Array(0);
  sharedArena?: SharedArena;
  sharedPool?: SharedPool;
  guarded?: Guarded;
  #liveResponses: PoolHandle[] = [];
  #sharedLive: PoolHandle[] = [];
  #spawned = 0;

  constructor(wasm: BufferSource) {
    const module = new WebAssembly.Module(wasm);
    const instance = new WebAssembly.Instance(module, importsFor(module));
    this.guest = instance.exports as unknown as GuestExports;
    this.memory = this.guest.memory;
    FINGERPRINTS.forEach(([name, host], index) => {
      const inGuest = BigInt.asUintN(64, this.guest.layout_fingerprint(index));
      if (inGuest !== host) fail(`${name}: layout fingerprint ${inGuest.toString(16)} in the guest, ${host.toString(16)} here`);
    });
    this.heapBase = this.guest.heap_base() >>> 0;
    this.arena = new Arena(this.heapBase, ARENA_CAPACITY);
    const frames = this.arena.alloc(StepFrameLayout.size * FRAME_SLOTS, StepFrameLayout.align);
    this.framePool = new TrackedPool(new Pool(frames, StepFrameLayout.size, StepFrameLayout.align, FRAME_SLOTS));
    const responses = this.arena.alloc(StepResponseLayout.size * RESPONSE_SLOTS, StepResponseLayout.align);
    this.responsePool = new TrackedPool(
      new Pool(responses, StepResponseLayout.size, StepResponseLayout.align, RESPONSE_SLOTS),
    );
    this.regions.push(
      { start: this.framePool.pool.base, type: "StepFrame", count: FRAME_SLOTS, label: "frame pool" },
      { start: this.responsePool.pool.base, type: "StepResponse", count: RESPONSE_SLOTS, label: "response pool" },
    );
  }

  static async load(url: string): Promise<Demo> {
    const response = await fetch(url);
    if (!response.ok) fail(`${url}: ${response.status}`);
    return new Demo(await response.arrayBuffer());
  }

  #newBuffers(count: number): void {
    this.count = count;
    this.buffers = new DoubleBuffer(this.arena, ParticleLayout.size * count);
    this.regions = this.regions.filter((r) => !r.label.startsWith("particles"));
    this.regions.push(
      { start: this.buffers.front(), type: "Particle", count, label: "particles A" },
      { start: this.buffers.back(), type: "Particle", count, label: "particles B" },
    );
  }

  #sample(): void {
    this.history.push({
      frame: this.frame,
      pages: memoryStats(this.memory).pages,
      arenaUsed: this.arena.used,
      poolsLive: this.framePool.pool.live + this.responsePool.pool.live,
      alive: this.lastResponse === 0 ? this.count : new StepResponseView(this.memory, this.lastResponse).alive,
    });
  }

  /** One double-buffered `step_frame`, as host.ts does it (`frame` is the frame number within the phase). */
  #stepFrame(frame: number, report: boolean): void {
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
    this.#sample();
  }

  /** The end-to-end plan: the Node host's steps in its order. */
  runPlan(plan: Plan): void {
    const pagesBefore = memoryStats(this.memory).pages;
    this.#newBuffers(plan.first);
    ensureCapacity(this.memory, this.arena.base + this.arena.used);
    for (let i = 0; i < this.count; i++) {
      writeParticle(new DataView(this.memory.buffer), this.buffers.front() + i * ParticleLayout.size, particle(i));
    }
    this.#sample();
    for (let f = 0; f < plan.firstFrames; f++) this.#stepFrame(f, true);

    // Views made before memory.grow still work after it.
    const responseView = new StepResponseView(this.memory, this.lastResponse);
    const firstParticle = new ParticleView(this.memory, this.buffers.front());
    const before = [responseView.alive, responseView.energy, firstParticle.id] as const;

    const old = { front: this.buffers.front(), size: this.buffers.size };
    this.#newBuffers(this.count + plan.spawned);
    this.regions.push({ start: old.front, type: "Particle", count: plan.first, label: "retired buffer" });
    const stale = new Uint8Array(this.memory.buffer);
    const grown = ensureCapacity(this.memory, this.arena.base + this.arena.used);
    const after = [responseView.alive, responseView.energy, firstParticle.id] as const;
    this.viewsSurvivedGrow = grown > 0 && stale.byteLength === 0 && before.every((v, i) => v === after[i]);
    if (!this.viewsSurvivedGrow) fail(`views across memory.grow: grew ${grown}, ${before} vs ${after}`);
    const pagesAfter = memoryStats(this.memory).pages;
    new Uint8Array(this.memory.buffer).copyWithin(this.buffers.front(), old.front, old.front + old.size);
    for (let i = plan.first; i < this.count; i++) {
      writeParticle(new DataView(this.memory.buffer), this.buffers.front() + i * ParticleLayout.size, particle(i));
    }
    this.#sample();
    for (let f = 0; f < plan.secondFrames; f++) this.#stepFrame(f, true);

    // Last, the request/response export, in place on the front buffer.
    const request = this.arena.place(this.memory, StepRequestLayout, writeStepRequest, {
      particles: this.buffers.front(),
      count: this.count,
      dt: DT,
      gravity: GRAVITY,
    });
    const response = this.arena.place(this.memory, StepResponseLayout, writeStepResponse, { alive: 0, energy: 0 });
    this.regions.push(
      { start: request, type: "StepRequest", count: 1, label: "last request" },
      { start: response, type: "StepResponse", count: 1, label: "last response" },
    );
    const status = this.guest.step(request, response);
    if (status !== 0) fail(`step returned status ${status}`);
    const last = new StepResponseView(this.memory, response);
    this.lastResponse = response;
    this.frame += 1;
    this.report.push(`step count ${this.count} alive ${last.alive} energy ${bits(last.energy)}`);
    this.report.push(`guest frames ${this.guest.frames()}`);
    this.report.push(`memory pages ${pagesBefore} -> ${pagesAfter}`);
    this.report.push(`arena used ${this.arena.used} in ${this.arena.allocations} allocations`);
    this.planMemory = new Uint8Array(this.memory.buffer).slice();
    this.#sample();
  }

  /** After the plan: the shared headers and a guarded block for the live phase. */
  startLive(): void {
    const m = this.memory;
    const arenaAt = this.arena.alloc(ArenaHeaderLayout.size, ArenaHeaderLayout.align);
    const region = this.arena.alloc(SHARED_ARENA_BYTES, 8);
    const poolBytes = PoolHeaderLayout.size + SHARED_SLOTS * PoolSlotLayout.size + 8 + SHARED_SLOTS * StepResponseLayout.size;
    const poolAt = this.arena.alloc(poolBytes, 8);
    this.guarded = Guarded.alloc(this.arena, m, StepResponseLayout.size, StepResponseLayout.align);
    ensureCapacity(m, this.arena.base + this.arena.used);
    this.sharedArena = SharedArena.init(m, arenaAt, region, SHARED_ARENA_BYTES);
    this.sharedPool = SharedPool.init(m, poolAt, StepResponseLayout.size, StepResponseLayout.align, SHARED_SLOTS);
    const h = this.sharedPool.header(m);
    this.regions.push(
      { start: arenaAt, type: "ArenaHeader", count: 1, label: "shared arena header" },
      { start: poolAt, type: "PoolHeader", count: 1, label: "shared pool header" },
      { start: h.table, type: "PoolSlot", count: SHARED_SLOTS, label: "shared pool slot table" },
      { start: h.base, type: "StepResponse", count: SHARED_SLOTS, label: "shared pool slots" },
      { start: this.guarded.ptr, type: "StepResponse", count: 1, label: "guarded totals" },
    );
  }

  /** One live frame: double-buffered, every 30th in place through the shared arena and pool. */
  liveFrame(): void {
    const m = this.memory;
    const arena = this.sharedArena!;
    const pool = this.sharedPool!;
    if (this.frame % 30 === 29) {
      arena.reset(m);
      const request = arena.place(m, StepRequestLayout, writeStepRequest, {
        particles: this.buffers.front(),
        count: this.count,
        dt: DT,
        gravity: GRAVITY,
      });
      this.regions = this.regions.filter((r) => r.label !== "shared request");
      this.regions.push({ start: request, type: "StepRequest", count: 1, label: "shared request" });
      const response = pool.alloc(m);
      const status = this.guest.step(request, pool.offset(m, response));
      if (status !== 0) fail(`step returned status ${status}`);
      this.lastResponse = pool.offset(m, response);
      this.#sharedLive.push(response);
      if (this.#sharedLive.length > 2) pool.free(m, this.#sharedLive.shift()!);
      this.frame += 1;
      this.#sample();
    } else {
      this.#stepFrame(this.frame, false);
    }
    this.#revive();
    const totals = new StepResponseView(m, this.guarded!.ptr);
    totals.alive = this.guest.frames();
    totals.energy = new StepResponseView(m, this.lastResponse).energy;
    this.guarded!.check(m);
  }

  /** Dead particles, and old ones, come back as new ones, in place (no memory needed). */
  #revive(): void {
    const view = new ParticleView(this.memory, this.buffers.front());
    for (let i = 0; i < this.count; i++) {
      view.ptr = this.buffers.front() + i * ParticleLayout.size;
      if (!view.alive || view.flags >> 8 >= 96 + (i % 64)) {
        this.#spawned += 1;
        writeParticle(new DataView(this.memory.buffer), view.ptr, particle(this.count + this.#spawned));
      }
    }
  }

  /** Whether `more` particles fit in the arena. */
  canSpawn(more: number): boolean {
    return this.arena.remaining >= 2 * ParticleLayout.size * (this.count + more) + 16;
  }

  /** `more` particles in new, larger buffers: memory grows (live phase). */
  spawn(more: number): number {
    const old = { front: this.buffers.front(), size: this.buffers.size, count: this.count };
    this.#newBuffers(this.count + more);
    const grown = ensureCapacity(this.memory, this.arena.base + this.arena.used);
    new Uint8Array(this.memory.buffer).copyWithin(this.buffers.front(), old.front, old.front + old.size);
    for (let i = old.count; i < this.count; i++) {
      writeParticle(new DataView(this.memory.buffer), this.buffers.front() + i * ParticleLayout.size, particle(i));
    }
    this.#sample();
    return grown;
  }
}
