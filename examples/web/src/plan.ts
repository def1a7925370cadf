// The demo's simulation: the end-to-end plan of tests/ts/e2e/plan.ts (the
// very module the Node host runs, so the guest's memory after it is byte for
// byte the Node host's), followed here by the regions the inspector labels
// and the statistics chart, then a live phase that keeps stepping with the
// double buffer, uses the shared headers (a SharedArena and a SharedPool in
// the guest's memory), a canary-guarded block, and grows memory again when
// particles are spawned.
import {
  ParticleLayout,
  ParticleView,
  StepRequestLayout,
  StepResponseLayout,
  StepResponseView,
  writeParticle,
  writeStepRequest,
} from "../../../tests/ts/e2e/schema.ts";
import { DT, GRAVITY, PlanHost, particle, type GuestExports, type Plan } from "../../../tests/ts/e2e/plan.ts";
import {
  ArenaHeaderLayout,
  Guarded,
  PoolHeaderLayout,
  PoolSlotLayout,
  SharedArena,
  SharedPool,
  ensureCapacity,
  memoryStats,
  type PoolHandle,
} from "../../../layout-core/runtime/wasm-layout-runtime.ts";

export { TrackedPool, type Plan } from "../../../tests/ts/e2e/plan.ts";

/** Slots of the live phase's shared response pool. */
const SHARED_SLOTS = 4;
/** Bytes of the live phase's shared arena. */
const SHARED_ARENA_BYTES = 256;

/** A typed stretch of memory the inspector labels: `count` values of `type` from `start`. */
export interface Region {
  readonly start: number;
  readonly type: string;
  readonly count: number;
  readonly label: string;
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

/** The plan's host, and what the page shows of it: regions, history, the live phase. */
export class Demo extends PlanHost {
  readonly history: Sample[] = [];
  regions: Region[] = [];
  /** The guest's memory right after the plan. */
  planMemory = new Uint8Array(0);
  sharedArena?: SharedArena;
  sharedPool?: SharedPool;
  guarded?: Guarded;
  #sharedLive: PoolHandle[] = [];
  #spawned = 0;

  constructor(wasm: BufferSource) {
    const module = new WebAssembly.Module(wasm);
    super(new WebAssembly.Instance(module, importsFor(module)).exports as unknown as GuestExports);
    this.regions.push(
      { start: this.framePool.pool.base, type: "StepFrame", count: this.framePool.pool.slotCount, label: "frame pool" },
      {
        start: this.responsePool.pool.base,
        type: "StepResponse",
        count: this.responsePool.pool.slotCount,
        label: "response pool",
      },
    );
  }

  static async load(url: string): Promise<Demo> {
    const response = await fetch(url);
    if (!response.ok) fail(`${url}: ${response.status}`);
    return new Demo(await response.arrayBuffer());
  }

  protected override newBuffers(count: number): void {
    super.newBuffers(count);
    this.regions = this.regions.filter((r) => !r.label.startsWith("particles"));
    this.regions.push(
      { start: this.buffers.front(), type: "Particle", count, label: "particles A" },
      { start: this.buffers.back(), type: "Particle", count, label: "particles B" },
    );
  }

  protected override retired(start: number, count: number): void {
    this.regions.push({ start, type: "Particle", count, label: "retired buffer" });
  }

  protected override sample(): void {
    this.history.push({
      frame: this.frame,
      pages: memoryStats(this.memory).pages,
      arenaUsed: this.arena.used,
      poolsLive: this.framePool.pool.live + this.responsePool.pool.live,
      alive: this.lastResponse === 0 ? this.count : new StepResponseView(this.memory, this.lastResponse).alive,
    });
  }

  /** The end-to-end plan (tests/ts/e2e/plan.ts), then the memory it left. */
  override runPlan(plan: Plan): void {
    super.runPlan(plan);
    this.regions.push(
      { start: this.lastRequest, type: "StepRequest", count: 1, label: "last request" },
      { start: this.lastResponse, type: "StepResponse", count: 1, label: "last response" },
    );
    this.planMemory = new Uint8Array(this.memory.buffer).slice();
    this.sample();
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
      this.sample();
    } else {
      this.stepFrame(this.frame, false);
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
    this.newBuffers(this.count + more);
    const grown = ensureCapacity(this.memory, this.arena.base + this.arena.used);
    new Uint8Array(this.memory.buffer).copyWithin(this.buffers.front(), old.front, old.front + old.size);
    this.writeParticles(old.count);
    this.sample();
    return grown;
  }
}
