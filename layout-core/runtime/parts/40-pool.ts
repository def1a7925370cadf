
// ---- pool -----------------------------------------------------------------------

/**
 * A live pool slot: its pool (the address of the pool's first slot, which
 * no other pool in the memory can share), its index and the (odd)
 * generation it was allocated in. A pool refuses a handle of another pool.
 */
export interface PoolHandle {
  readonly pool: number;
  readonly index: number;
  readonly generation: number;
}

/**
 * A pool's numbers, wherever they live: a Pool keeps them on the host, a
 * SharedPool in a header and slot table in memory. The pool algorithm
 * (`takeSlot`, `giveBack`, `checkHandle`, `slotAt`, `relink`) is written
 * once, against this.
 */
interface PoolState {
  readonly base: number;
  readonly stride: number;
  readonly slots: number;
  head: number;
  live: number;
  high: number;
  generation(index: number): number;
  next(index: number): number;
  set(index: number, generation: number, next: number): void;
  /** A free-list head that cannot be taken (only a header in memory can hold one). */
  corrupt(index: number): never;
}

function poolEnd(s: PoolState): number {
  return s.base + s.slots * s.stride;
}

/** The address of slot `index`, exact even past 4 GiB (for error texts). */
function slotOffset(s: PoolState, index: number): bigint {
  return BigInt(s.base) + BigInt(index) * BigInt(s.stride);
}

/** Takes the first free slot: the lowest-addressed one after a reset, then the most recently freed. */
function takeSlot(s: PoolState): PoolHandle {
  const index = s.head;
  if (index === NIL) fail(errors.poolExhausted(s.slots));
  const generation = s.generation(index);
  const next = s.next(index);
  if (generation % 2 === 1 || (next !== NIL && next >= s.slots) || s.live >= s.slots) s.corrupt(index);
  const g = (generation + 1) >>> 0;
  s.set(index, g, next);
  s.head = next;
  s.live += 1;
  if (s.live > s.high) s.high = s.live;
  return { pool: s.base, index, generation: g };
}

/** The index of the live slot of this pool `handle` names, or -1; its numbers are checked. */
function liveIndex(s: PoolState, handle: PoolHandle): number {
  const pool = u32("handle.pool", handle.pool);
  const index = u32("handle.index", handle.index);
  const generation = u32("handle.generation", handle.generation);
  const live = pool === s.base && index < s.slots && generation % 2 === 1 && s.generation(index) === generation;
  return live ? index : -1;
}

/** The index of the live slot `handle` names: a foreign, outside, freed or stale handle throws. */
function checkHandle(s: PoolState, handle: PoolHandle): number {
  const live = liveIndex(s, handle);
  if (live >= 0) return live;
  const { pool, index, generation } = handle;
  if (pool !== s.base) fail(errors.foreignHandle(s.base, pool));
  if (index >= s.slots) fail(errors.outsideRegion(slotOffset(s, index), s.base, poolEnd(s)));
  const current = s.generation(index);
  if (generation % 2 === 1 && current === (generation + 1) >>> 0) fail(errors.doubleFree(s.base + index * s.stride));
  return fail(errors.staleHandle(index, generation, current));
}

/** Gives the slot of `handle` back. */
function giveBack(s: PoolState, handle: PoolHandle): void {
  const index = checkHandle(s, handle);
  s.set(index, (s.generation(index) + 1) >>> 0, s.head);
  s.head = index;
  s.live -= 1;
}

/** The handle of the live slot at `offset`. */
function slotAt(s: PoolState, offset: number): PoolHandle {
  u32("offset", offset);
  const end = poolEnd(s);
  if (offset < s.base || offset >= end) fail(errors.outsideRegion(offset, s.base, end));
  const rel = offset - s.base;
  if (rel % s.stride !== 0) fail(errors.notSlotStart(offset, s.stride));
  const index = rel / s.stride;
  const generation = s.generation(index);
  if (generation % 2 === 0) fail(errors.notAllocated(offset));
  return { pool: s.base, index, generation };
}

/**
 * Frees every slot and links them all in address order. Every slot gets
 * one generation: the smallest even number no slot's generation passes, so
 * every handle of before is stale.
 */
function relink(s: PoolState): void {
  let max = 0;
  for (let i = 0; i < s.slots; i++) max = Math.max(max, s.generation(i));
  const generation = (max + (max % 2)) >>> 0;
  for (let i = 0; i < s.slots; i++) s.set(i, generation, i + 1 === s.slots ? NIL : i + 1);
  s.head = 0;
  s.live = 0;
}

/** The first slot, stride and end of a pool, checked in Rust's order. */
function poolGeometry(base: number, slotSize: number, slotAlign: number, count: number): [number, number, number] {
  u32("base", base);
  checked("slotSize", slotSize);
  checked("slotAlign", slotAlign);
  u32("count", count);
  if (slotSize === 0 || count === 0) fail(errors.zeroSize());
  if (!isPowerOfTwo(slotAlign)) fail(errors.badAlign(slotAlign));
  const stride = Math.ceil(slotSize / slotAlign) * slotAlign;
  const first = Math.ceil(base / slotAlign) * slotAlign;
  if (stride > U32_MAX || first > U32_MAX) fail(errors.addressSpace(base, slotSize));
  const end = first + stride * count;
  if (end > ADDRESS_SPACE) fail(errors.addressSpace(first, BigInt(stride) * BigInt(count)));
  if (first === 0) fail(errors.nullRegion(end));
  return [first, stride, end];
}

/** A pool's numbers on the host. */
class HostSlots implements PoolState {
  readonly base: number;
  readonly stride: number;
  readonly slots: number;
  head = 0;
  live = 0;
  high = 0;
  private readonly generations: Uint32Array;
  private readonly links: Uint32Array;

  constructor(base: number, stride: number, slots: number) {
    this.base = base;
    this.stride = stride;
    this.slots = slots;
    this.generations = new Uint32Array(slots);
    this.links = new Uint32Array(slots);
    relink(this);
  }

  generation(index: number): number {
    return this.generations[index]!;
  }

  next(index: number): number {
    return this.links[index]!;
  }

  set(index: number, generation: number, next: number): void {
    this.generations[index] = generation;
    this.links[index] = next;
  }

  corrupt(index: number): never {
    throw new Error(`pool state corrupted at slot ${index}`);
  }
}

/**
 * `count` slots of `slotSize` bytes aligned to `slotAlign`, the first at
 * `base` rounded up, handed out and taken back in O(1) through a free list.
 * A slot's generation is odd while live, even while free, so double frees
 * and stale handles are caught; a handle names its pool, so handles of
 * another pool are caught too.
 */
export class Pool {
  readonly #s: HostSlots;

  constructor(base: number, slotSize: number, slotAlign: number, count: number) {
    const [first, stride] = poolGeometry(base, slotSize, slotAlign, count);
    this.#s = new HostSlots(first, stride, count);
  }

  /** A pool of `count` slots for values of the generated type `layout` (`PointLayout`). */
  static forType(layout: TypeLayoutLike, base: number, count: number): Pool {
    const { size, align } = layoutOf(layout);
    return new Pool(base, size, align, count);
  }

  /** Takes a free slot: the lowest-addressed one after construction, then the most recently freed. */
  alloc(): PoolHandle {
    return takeSlot(this.#s);
  }

  /** Gives a slot back; foreign, outside, double-freed and stale handles throw. */
  free(handle: PoolHandle): void {
    giveBack(this.#s, handle);
  }

  /** Allocates a slot and writes `value` with the generated `write` function. All or nothing. */
  place<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, value: T): PoolHandle {
    const s = this.#s;
    if (s.head === NIL) fail(errors.poolExhausted(s.slots));
    const { size, align } = layoutOf(layout);
    if (size > s.stride) fail(errors.slotTooSmall(size, s.stride));
    const bytes = encode({ size, align }, write, [value]);
    copyIn(memory, s.base + s.head * s.stride, bytes);
    return takeSlot(s);
  }

  /** A free slot that `memory` holds, growing `memory` (ensureCapacity) first when the slot passes its end. */
  allocIn(memory: GrowableMemory): PoolHandle {
    const s = this.#s;
    if (s.head === NIL) fail(errors.poolExhausted(s.slots));
    ensureCapacity(memory, s.base + s.head * s.stride + s.stride);
    return takeSlot(s);
  }

  /** `place`, growing `memory` first when the slot passes its end. All or nothing. */
  placeGrowing<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, value: T): PoolHandle {
    const s = this.#s;
    if (s.head === NIL) fail(errors.poolExhausted(s.slots));
    const { size, align } = layoutOf(layout);
    if (size > s.stride) fail(errors.slotTooSmall(size, s.stride));
    const bytes = encode({ size, align }, write, [value]);
    const at = s.base + s.head * s.stride;
    ensureCapacity(memory, at + size);
    copyIn(memory, at, bytes);
    return takeSlot(s);
  }

  /** The address of a live slot. */
  offset(handle: PoolHandle): number {
    return this.#s.base + checkHandle(this.#s, handle) * this.#s.stride;
  }

  /** Whether `handle` names a live slot of this pool. */
  isLive(handle: PoolHandle): boolean {
    return liveIndex(this.#s, handle) >= 0;
  }

  /** The handle of the live slot at `offset` (a pointer from the guest). */
  handleAt(offset: number): PoolHandle {
    return slotAt(this.#s, offset);
  }

  /** Frees the live slot at `offset`. */
  freePtr(offset: number): void {
    this.free(this.handleAt(offset));
  }

  /** Frees every slot; every handle becomes stale. */
  reset(): void {
    relink(this.#s);
  }

  /** The first slot's address. */
  get base(): number {
    return this.#s.base;
  }

  /** One past the last slot. */
  get end(): number {
    return poolEnd(this.#s);
  }

  /** Bytes from one slot to the next (the slot size rounded up to its alignment). */
  get stride(): number {
    return this.#s.stride;
  }

  /** How many slots there are. */
  get slotCount(): number {
    return this.#s.slots;
  }

  /** How many slots are live. */
  get live(): number {
    return this.#s.live;
  }

  /** How many slots are free. */
  get freeSlots(): number {
    return this.#s.slots - this.#s.live;
  }

  /** Slot counts and the high-water mark. */
  stats(): PoolStats {
    return poolStats(this.#s);
  }
}

function poolStats(s: PoolState): PoolStats {
  return { base: s.base, stride: s.stride, slots: s.slots, live: s.live, free: s.slots - s.live, highWater: s.high };
}
