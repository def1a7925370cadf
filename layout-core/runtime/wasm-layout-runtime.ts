// wasm-layout runtime: linear-memory toolkit for a WebAssembly.Memory.
//
// Shipped with the wasm-layout crate and written next to the generated
// bindings. Self-contained: no imports, no dependencies.
//
// It follows the Rust `wasm_layout::memory` module: the same allocators
// (Arena, Bump, Pool, SharedArena, SharedPool), the same algorithms (a
// shared header is read and written the same way on both sides), the same
// names in camelCase and the same error texts. Every error is a thrown
// RangeError, and the allocator's state and the memory are unchanged after
// it. Every number the runtime takes (a size, alignment, pointer, count or
// handle field) is checked first: NaN, ±Infinity, fractions, negative
// numbers and numbers out of range are a RangeError.
//
// Not thread-safe: the allocators take no locks and use no atomics. Over a
// shared WebAssembly.Memory, two workers allocating from one SharedArena or
// SharedPool at once can hand out the same block; let one worker allocate,
// or serialise the calls.
//
// The shared headers' layouts (ArenaHeader, PoolHeader, PoolSlot) are
// generated from the Rust types at the end of this file.

/** Bytes in one wasm page. */
export const PAGE_SIZE = 65536;
/** The most pages a wasm32 memory can have (4 GiB). */
export const MAX_PAGES = 65536;
/** The size of the wasm32 address space in bytes: 4 GiB. */
export const ADDRESS_SPACE = 4294967296;
/** The canary word, stored little-endian before and after guarded data. */
export const CANARY = 0xdeadbeef;
/** The version of both shared header formats. */
export const HEADER_VERSION = 1;
/** `"WLAR"` read as a little-endian u32: the shared arena header's magic. */
export const ARENA_MAGIC = 0x52414c57;
/** `"WLPL"` read as a little-endian u32: the shared pool header's magic. */
export const POOL_MAGIC = 0x4c504c57;

/** The largest u32, and the end of a pool's free list. */
const U32_MAX = 0xffffffff;
const NIL = U32_MAX;

/** Anything with the memory's current buffer: a WebAssembly.Memory. */
export interface MemoryLike {
  readonly buffer: ArrayBufferLike;
}

/** A memory that can grow by whole pages: a WebAssembly.Memory. */
export interface GrowableMemory extends MemoryLike {
  grow(delta: number): number;
}

/** A type's layout, as generated bindings export it (`PointLayout`). */
export interface TypeLayoutLike {
  readonly size: number;
  readonly align: number;
}

/** A generated `write<Name>` function (`writePoint`). */
export type WriteFn<T> = (view: DataView, ptr: number, value: T) => void;

// ---- errors: the texts of Rust's MemoryError and LayoutError ----------------

/** `0x` and lowercase hex digits, as Rust's `{:#x}` (only ever given a checked integer). */
function hex(n: number | bigint): string {
  return "0x" + n.toString(16);
}

function fail(message: string): never {
  throw new RangeError(message);
}

const errors = {
  zeroSize: (): string => "zero-sized allocation",
  badAlign: (align: number): string => `alignment ${align} is not a power of two`,
  addressSpace: (offset: number | bigint, size: number | bigint): string =>
    `${size} bytes at ${hex(offset)} would pass the end of the 4 GiB wasm32 address space`,
  exhausted: (requested: number, align: number, remaining: number): string =>
    `arena exhausted: ${requested} bytes aligned to ${align} requested, ${remaining} bytes remaining`,
  nullRegion: (end: number): string => `the region [0x0, ${hex(end)}) contains address 0, the null pointer`,
  poolExhausted: (slots: number): string => `pool exhausted: all ${slots} slots are live`,
  outsideRegion: (offset: number | bigint, base: number, end: number): string =>
    `pointer ${hex(offset)} is outside the region [${hex(base)}, ${hex(end)})`,
  foreignHandle: (expected: number, found: number): string =>
    `foreign handle: it belongs to the pool at ${hex(found)}, not to the pool at ${hex(expected)}`,
  slotTooSmall: (size: number, stride: number): string =>
    `a value of ${size} bytes does not fit in a pool slot of ${stride} bytes`,
  notSlotStart: (offset: number, stride: number): string =>
    `pointer ${hex(offset)} is not the start of a pool slot (stride ${stride})`,
  notAllocated: (offset: number): string => `pool slot ${hex(offset)} is not allocated`,
  doubleFree: (offset: number): string => `double free of pool slot ${hex(offset)}`,
  staleHandle: (index: number, generation: number, current: number): string =>
    `stale handle: slot ${index} has generation ${current}, the handle ${generation}`,
  growFailed: (pages: number, delta: number, maximum: number): string =>
    `cannot grow memory by ${delta} pages: ${pages} of at most ${maximum} pages in use`,
  requestTooLarge: (len: number, max: number): string => `request too large: ${len} bytes, at most ${max}`,
  responseTooLarge: (len: number, max: number): string => `response too large: ${len} bytes, at most ${max}`,
  canary: (side: CanarySide, ptr: number, offset: number, found: number): string =>
    `canary ${side} allocation ${hex(ptr)} overwritten: 0x${found.toString(16).padStart(8, "0")} at ${hex(offset)}, expected 0xdeadbeef`,
  badHeader: (at: number, field: string, value: number): string =>
    `invalid allocator header at ${hex(at)}: ${field} is ${hex(value)}`,
  outOfBounds: (offset: number, needed: number, available: number): string =>
    `out of bounds: bytes ${offset}..${offset + needed} needed, the memory is ${available} bytes long`,
  badNumber: (name: string, max: number, value: string): string =>
    `${name} must be an integer from 0 to ${max}, got ${value}`,
  badValue: (message: string): string => `cannot write the value: ${message}`,
} as const;

/** The error messages, by name: the same texts as Rust's `MemoryError`. */
export const ErrorText = errors;

/** The largest integer every number below is exact up to. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * `value` if it is an integer from 0 to `max` (a byte count or alignment by
 * default: any safe integer, whose size the allocator then checks; pass
 * `U32_MAX` for what Rust takes as a `u32`), else a RangeError naming it.
 * The one check of every number the runtime is given.
 */
function checked(name: string, value: number, max: number = SAFE): number {
  if (Number.isInteger(value) && value >= 0 && value <= max) return value === 0 ? 0 : value; // -0 is 0
  const shown = typeof value === "number" ? String(value) : typeof value;
  return fail(errors.badNumber(name, max, shown));
}

/** `value` checked as a u32: an address, a count or a handle field. */
function u32(name: string, value: number): number {
  if (typeof value === "number" && value >>> 0 === value) return value >>> 0; // the common case, and -0 as 0
  return checked(name, value, U32_MAX);
}

/** Whether `n` is a power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  if (n > 0 && n <= 0x40000000 && (n | 0) === n) return (n & (n - 1)) === 0;
  return Number.isSafeInteger(n) && n > 0 && Number.isInteger(Math.log2(n));
}

/** Rounds `value` up to a multiple of `align` (a power of two), or throws. */
export function alignUp(value: number, align: number): number {
  const v = checked("value", value);
  if (!isPowerOfTwo(checked("align", align))) fail(errors.badAlign(align));
  return Math.ceil(v / align) * align;
}

/**
 * Where a block of `size` bytes aligned to `align` goes when the free space
 * is `[top, end)`: its start and the new top. The one algorithm of Arena,
 * Bump and SharedArena here and in Rust, with the same checks in the same
 * order: ZeroSize, BadAlign, AddressSpace, Exhausted.
 */
function fit(top: number, end: number, size: number, align: number): [number, number] {
  checked("size", size);
  checked("align", align);
  if (size === 0) fail(errors.zeroSize());
  if (!isPowerOfTwo(align)) fail(errors.badAlign(align));
  const start = Math.ceil(top / align) * align;
  const newTop = start + size;
  if (newTop > ADDRESS_SPACE) fail(errors.addressSpace(start, size));
  if (newTop > end) fail(errors.exhausted(size, align, end - top));
  return [start, newTop];
}

/** The end of `[base, base + capacity)`: not empty, within 4 GiB, without address 0. */
function regionEnd(base: number, capacity: number): number {
  u32("base", base);
  checked("capacity", capacity);
  if (capacity === 0) fail(errors.zeroSize());
  const end = base + capacity;
  if (end > ADDRESS_SPACE) fail(errors.addressSpace(base, capacity));
  if (base === 0) fail(errors.nullRegion(end));
  return end;
}

function checkRange(memory: MemoryLike, offset: number, len: number): void {
  const available = memory.buffer.byteLength;
  if (offset + len > available) fail(errors.outOfBounds(offset, len, available));
}

/**
 * `values` as the bytes `write` makes of them side by side, `layout.size`
 * bytes each: written into scratch bytes first, so that a value `write`
 * rejects, whatever it throws, is a RangeError before any byte of memory
 * changed (a u64 field given a number is one).
 */
function encode<T>(layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): Uint8Array {
  const len = layout.size * values.length;
  const [view, bytes] = scratch(len);
  bytes.fill(0);
  try {
    for (let i = 0; i < values.length; i++) write(view, i * layout.size, values[i]!);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    fail(errors.badValue(e instanceof Error ? e.message : String(e)));
  }
  return bytes;
}

let scratchBuffer = new ArrayBuffer(64);
let scratchViews = new Map<number, [DataView, Uint8Array]>();

/**
 * A DataView and byte array of exactly `len` scratch bytes (so a write past
 * a value's size throws), reused from call to call: `encode`'s bytes are
 * copied out at once.
 */
function scratch(len: number): [DataView, Uint8Array] {
  if (scratchBuffer.byteLength < len) {
    scratchBuffer = new ArrayBuffer(Math.max(len, 2 * scratchBuffer.byteLength));
    scratchViews = new Map();
  }
  let views = scratchViews.get(len);
  if (views === undefined) {
    if (scratchViews.size >= 64) scratchViews.clear();
    views = [new DataView(scratchBuffer, 0, len), new Uint8Array(scratchBuffer, 0, len)];
    scratchViews.set(len, views);
  }
  return views;
}

/** Copies `bytes` to `start`, after checking they fit in `memory`. */
function copyIn(memory: MemoryLike, start: number, bytes: Uint8Array): void {
  checkRange(memory, start, bytes.length);
  let target = memoryBytes;
  if (target.buffer !== memory.buffer) target = memoryBytes = new Uint8Array(memory.buffer);
  target.set(bytes, start);
}

/**
 * A byte array over the buffer of the last memory `copyIn` wrote to, rebuilt
 * when the buffer changes (memory.grow, another memory): one view made per
 * buffer, not per call, as the generated views keep one DataView.
 */
let memoryBytes: Uint8Array<ArrayBufferLike> = new Uint8Array(0);

/** `layout`'s size and alignment, checked. */
function layoutOf(layout: TypeLayoutLike): TypeLayoutLike {
  return { size: checked("layout.size", layout.size), align: checked("layout.align", layout.align) };
}

// ---- growth and views ---------------------------------------------------------

/** Pages needed to hold `bytes` bytes, rounded up. */
export function pagesFor(bytes: number): number {
  return Math.ceil(checked("bytes", bytes) / PAGE_SIZE);
}

/**
 * Grows `memory` by the pages needed to make `bytes` bytes addressable and
 * returns how many pages it added (0 when they already are). `maximum` is
 * the memory's maximum page count, for the error message.
 */
export function ensureCapacity(memory: GrowableMemory, bytes: number, maximum: number = MAX_PAGES): number {
  checked("bytes", bytes);
  checked("maximum", maximum, MAX_PAGES);
  const current = memory.buffer.byteLength;
  if (bytes <= current) return 0;
  const pages = current / PAGE_SIZE;
  const delta = pagesFor(bytes - current);
  if (pages + delta > maximum) fail(errors.growFailed(pages, delta, maximum));
  try {
    memory.grow(delta);
  } catch {
    fail(errors.growFailed(pages, delta, maximum));
  }
  return delta;
}

/**
 * Views of a memory that survive `memory.grow`, which detaches the old
 * ArrayBuffer: `bytes` and `dataView` are fresh on every access; the cached
 * ones are rebuilt whenever the memory's buffer is no longer the one they
 * were made from (or after `invalidate()`).
 */
export class MemoryView {
  readonly memory: MemoryLike;
  private bytesCache: Uint8Array | null = null;
  private viewCache: DataView | null = null;

  constructor(memory: MemoryLike) {
    this.memory = memory;
  }

  /** A fresh byte array over the whole current buffer. */
  get bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  /** A fresh DataView over the whole current buffer. */
  get dataView(): DataView {
    return new DataView(this.memory.buffer);
  }

  /** A byte array over the current buffer, rebuilt only when it changed. */
  get cachedBytes(): Uint8Array {
    if (this.bytesCache === null || this.bytesCache.buffer !== this.memory.buffer) {
      this.bytesCache = new Uint8Array(this.memory.buffer);
    }
    return this.bytesCache;
  }

  /** A DataView over the current buffer, rebuilt only when it changed. */
  get cachedDataView(): DataView {
    if (this.viewCache === null || this.viewCache.buffer !== this.memory.buffer) {
      this.viewCache = new DataView(this.memory.buffer);
    }
    return this.viewCache;
  }

  /** Drops the cached views. */
  invalidate(): void {
    this.bytesCache = null;
    this.viewCache = null;
  }
}

// ---- statistics ---------------------------------------------------------------

/** The size of a memory. */
export interface MemoryStats {
  readonly bytes: number;
  readonly pages: number;
  readonly mib: number;
}

/** The size of `memory` in bytes, whole pages and MiB. */
export function memoryStats(memory: MemoryLike): MemoryStats {
  const bytes = memory.buffer.byteLength;
  return { bytes, pages: Math.floor(bytes / PAGE_SIZE), mib: bytes / 1048576 };
}

/** `bytes / 2^20` with two decimals, ties to even, as Rust's `{:.2}`. */
function mib2(bytes: number): string {
  const scaled = bytes * 100;
  let q = Math.floor(scaled / 1048576);
  const r = scaled - q * 1048576;
  if (2 * r > 1048576 || (2 * r === 1048576 && q % 2 === 1)) q += 1;
  return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, "0")}`;
}

/** The statistics as Rust's `MemoryStats` displays them. */
export function formatMemoryStats(stats: MemoryStats, maxPages?: number): string {
  const max = maxPages === undefined ? "" : ` (max ${u32("maxPages", maxPages)})`;
  return `memory: ${stats.bytes} bytes, ${stats.pages} pages${max}, ${mib2(stats.bytes)} MiB`;
}

/** The use of an Arena, Bump or SharedArena. */
export interface ArenaStats {
  readonly base: number;
  readonly capacity: number;
  readonly used: number;
  readonly remaining: number;
  readonly highWater: number;
  readonly allocations: number;
}

/** The statistics as Rust's `ArenaStats` displays them. */
export function formatArenaStats(s: ArenaStats): string {
  return `arena at ${hex(u32("base", s.base))}: ${s.used} of ${s.capacity} bytes used, ${s.remaining} remaining, high water ${s.highWater}, ${s.allocations} allocations`;
}

/** The use of a Pool or SharedPool. */
export interface PoolStats {
  readonly base: number;
  readonly stride: number;
  readonly slots: number;
  readonly live: number;
  readonly free: number;
  readonly highWater: number;
}

/** The statistics as Rust's `PoolStats` displays them. */
export function formatPoolStats(s: PoolStats): string {
  return `pool at ${hex(u32("base", s.base))}: ${s.slots} slots of ${s.stride} bytes, ${s.live} live, ${s.free} free, high water ${s.highWater}`;
}

// ---- arena and bump -------------------------------------------------------------

/**
 * An arena over `[base, base + capacity)`: blocks handed out front to back,
 * each aligned, all taken back at once by `reset()`. It keeps only numbers;
 * calls that write take the memory. The region must not contain address 0,
 * the null pointer.
 */
export class Arena {
  readonly base: number;
  readonly end: number;
  #top: number;
  #high: number;
  #count = 0;

  constructor(base: number, capacity: number) {
    this.end = regionEnd(base, capacity);
    this.base = base;
    this.#top = base;
    this.#high = base;
  }

  /**
   * A block of `size` bytes aligned to `align`; returns its address.
   * Errors, in this order: ZeroSize, BadAlign, AddressSpace, Exhausted.
   */
  alloc(size: number, align: number): number {
    const [start, top] = fit(this.#top, this.end, size, align);
    this.commit(top);
    return start;
  }

  /** Room for `count` values of the generated type `layout` side by side, left as it is; returns the first's address. */
  allocArray(layout: TypeLayoutLike, count: number): number {
    const { size, align } = layoutOf(layout);
    return this.alloc(arrayBytes(size, checked("count", count), this.#top), align);
  }

  /**
   * Where the next block would go, without allocating it (throws as
   * `alloc`): `[start, top]`. With `from`, as if the arena's free space
   * began there (the top of an earlier plan). Pass the tops, in order, to
   * `commit` to allocate: so a caller can write first and allocate only
   * when every step succeeded.
   */
  plan(size: number, align: number, from: number = this.#top): [number, number] {
    return fit(Math.max(checked("from", from), this.#top), this.end, size, align);
  }

  /** Allocates what `plan` returned `top` for. */
  commit(top: number): void {
    checked("top", top);
    if (top < this.#top || top > this.end) fail(errors.outsideRegion(top, this.base, this.end));
    this.#top = top;
    if (top > this.#high) this.#high = top;
    this.#count += 1;
  }

  /**
   * Allocates room for a value of the generated type `layout` and writes it
   * with the generated `write` function (`writePoint`); returns its address.
   * All or nothing: a value `write` rejects, or a memory too small for the
   * block, leaves the arena and the memory as they were.
   */
  place<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    return this.placeSlice(memory, layout, write, [value]);
  }

  /** Allocates room for `values` side by side and writes them; returns the first's address. All or nothing. */
  placeSlice<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): number {
    const [start, top, bytes] = this.planValues(layout, write, values, memory);
    copyIn(memory, start, bytes);
    this.commit(top);
    return start;
  }

  /** Where `values` go and their bytes, without allocating; with `memory`, after checking it holds them. */
  protected planValues<T>(layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[], memory?: MemoryLike): [number, number, Uint8Array] {
    const { size, align } = layoutOf(layout);
    const [start, top] = fit(this.#top, this.end, arrayBytes(size, values.length, this.#top), align);
    if (memory !== undefined) checkRange(memory, start, top - start);
    return [start, top, encode({ size, align }, write, values)];
  }

  /** Frees every block at once; the high-water mark stays. */
  reset(): void {
    this.#top = this.base;
    this.#count = 0;
  }

  /** Bytes handed out since the last reset, alignment padding included. */
  get used(): number {
    return this.#top - this.base;
  }

  /** Bytes left before the end of the region (before aligning). */
  get remaining(): number {
    return this.end - this.#top;
  }

  /** The region's size. */
  get capacity(): number {
    return this.end - this.base;
  }

  /** The most bytes ever in use at once. */
  get highWater(): number {
    return this.#high - this.base;
  }

  /** Blocks handed out since the last reset. */
  get allocations(): number {
    return this.#count;
  }

  /** Whether `[offset, offset + size)` lies inside the region. */
  contains(offset: number, size: number): boolean {
    u32("offset", offset);
    checked("size", size);
    return offset >= this.base && offset + size <= this.end;
  }

  /** Used, remaining, high-water mark and block count. */
  stats(): ArenaStats {
    return {
      base: this.base,
      capacity: this.capacity,
      used: this.used,
      remaining: this.remaining,
      highWater: this.highWater,
      allocations: this.#count,
    };
  }
}

/** The bytes `count` values of `size` bytes take, or AddressSpace at `at` when that passes any memory. */
function arrayBytes(size: number, count: number, at: number): number {
  const bytes = size * count;
  if (bytes > SAFE) fail(errors.addressSpace(at, bytes));
  return bytes;
}

/**
 * A bump allocator: an Arena that starts after a reserved region (static
 * data, the stack), may end at 4 GiB, and grows the memory when a block
 * passes its end (`allocIn`, `place`, `placeSlice`).
 */
export class Bump extends Arena {
  /** A bump allocator whose first block goes at `start` or after, and whose last may end at 4 GiB. */
  constructor(start: number, capacity: number = ADDRESS_SPACE - u32("start", start)) {
    super(start, capacity);
  }

  /** A bump allocator over `[start, start + capacity)` only. */
  static withCapacity(start: number, capacity: number): Bump {
    return new Bump(start, capacity);
  }

  /** Where the next block would start before aligning. */
  get top(): number {
    return this.base + this.used;
  }

  /** A block that `memory` holds, growing `memory` first when the block passes its end; if it cannot grow, nothing changes. */
  allocIn(memory: GrowableMemory, size: number, align: number): number {
    const [start, top] = this.plan(size, align);
    ensureCapacity(memory, top);
    this.commit(top);
    return start;
  }

  /** Allocates room for `value` (growing `memory` if needed) and writes it. All or nothing. */
  override place<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    return this.placeSlice(memory, layout, write, [value]);
  }

  /** Allocates room for `values` side by side (growing `memory` if needed) and writes them. All or nothing. */
  override placeSlice<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): number {
    const [start, top, bytes] = this.planValues(layout, write, values);
    ensureCapacity(memory, top);
    copyIn(memory, start, bytes);
    this.commit(top);
    return start;
  }
}

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

// ---- canaries -----------------------------------------------------------------

/** Which canary word was overwritten. */
export type CanarySide = "before" | "after";

/** A guarded allocation: `size` bytes at `ptr`, a canary on each side. */
export class Guarded {
  readonly ptr: number;
  readonly size: number;

  constructor(ptr: number, size: number) {
    this.ptr = u32("ptr", ptr);
    this.size = u32("size", size);
  }

  /** The guard of `size` bytes at `ptr` whose canaries are already in memory (a pointer handed back by a guest). */
  static at(ptr: number, size: number): Guarded {
    return new Guarded(ptr, size);
  }

  /** Allocates `size` bytes aligned to `align` from `arena` with a canary on each side and writes both. All or nothing. */
  static alloc(arena: Arena, memory: MemoryLike, size: number, align: number): Guarded {
    checked("size", size);
    checked("align", align);
    if (size === 0) fail(errors.zeroSize());
    if (!isPowerOfTwo(align)) fail(errors.badAlign(align));
    // The data starts one front gap into the block: at least the 4-byte
    // canary, and a multiple of `align` so the data stays aligned.
    const front = Math.max(align, 4);
    if (size > U32_MAX) fail(errors.addressSpace(arena.base, size));
    const [block, top] = arena.plan(front + size + 4, front);
    const g = new Guarded(block + front, size);
    g.write(memory);
    arena.commit(top);
    return g;
  }

  /** The canary words' addresses, or AddressSpace when they would pass 0 or 4 GiB. */
  private canaryOffsets(): [number, number] {
    const after = this.ptr + this.size;
    if (this.ptr < 4 || after + 4 > U32_MAX) fail(errors.addressSpace(this.ptr, this.size + 8));
    return [this.ptr - 4, after];
  }

  /** Writes both canaries. All or nothing. */
  write(memory: MemoryLike): void {
    const [before, after] = this.canaryOffsets();
    checkRange(memory, after, 4);
    const view = new DataView(memory.buffer);
    view.setUint32(before, CANARY, true);
    view.setUint32(after, CANARY, true);
  }

  /** Throws if a canary was overwritten: the one before first, with where and what. */
  check(memory: MemoryLike): void {
    const [before, after] = this.canaryOffsets();
    const sides: [CanarySide, number][] = [
      ["before", before],
      ["after", after],
    ];
    for (const [side, offset] of sides) {
      checkRange(memory, offset, 4);
      const found = new DataView(memory.buffer).getUint32(offset, true);
      if (found !== CANARY) fail(errors.canary(side, this.ptr, offset, found));
    }
  }
}

/** Checks the canaries around `[ptr, ptr + size)`; throws on the first overwritten. */
export function checkCanaries(memory: MemoryLike, ptr: number, size: number): void {
  Guarded.at(ptr, size).check(memory);
}

// ---- hex dump -----------------------------------------------------------------

/**
 * `length` bytes from `start` in the classic format: 8-digit hex address,
 * two spaces, the bytes in hex padded to 48 columns, two spaces, ASCII
 * with `.` for anything not printable; lines joined with `\n`.
 */
export function hexDump(memory: MemoryLike | Uint8Array, start: number, length: number): string {
  checked("start", start);
  checked("length", length);
  const all = memory instanceof Uint8Array ? memory : new Uint8Array(memory.buffer);
  if (start + length > all.length) fail(errors.outOfBounds(start, length, all.length));
  const bytes = all.subarray(start, start + length);
  const lines: string[] = [];
  for (let i = 0; i < length; i += 16) {
    const line = Array.from(bytes.subarray(i, i + 16));
    const hexes = line.map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = line.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${(start + i).toString(16).padStart(8, "0")}  ${hexes.padEnd(48)}  ${ascii}`);
  }
  return lines.join("\n");
}

// ---- exchange buffers ---------------------------------------------------------

/** Two blocks of `size` bytes, 8-aligned, from `arena`: both or neither. AddressSpace for a size past a u32, as Rust. */
function twoBlocks(arena: Arena, size: number): [number, number] {
  checked("size", size);
  if (size > U32_MAX) fail(errors.addressSpace(arena.base, size));
  const [a, mid] = arena.plan(size, 8);
  const [b, top] = arena.plan(size, 8, mid);
  arena.commit(mid);
  arena.commit(top);
  return [a, b];
}

/** One region for a request and one for its response, each `maxSize` bytes, from an arena. */
export class RequestBuffer {
  readonly requestPtr: number;
  readonly responsePtr: number;
  readonly maxSize: number;

  constructor(arena: Arena, maxSize: number) {
    [this.requestPtr, this.responsePtr] = twoBlocks(arena, maxSize);
    this.maxSize = maxSize;
  }

  /** Copies `request` into the request region; returns its address. */
  writeRequest(memory: MemoryLike, request: Uint8Array): number {
    if (request.length > this.maxSize) fail(errors.requestTooLarge(request.length, this.maxSize));
    copyIn(memory, this.requestPtr, request);
    return this.requestPtr;
  }

  /** A copy of the first `length` bytes of the response region. */
  response(memory: MemoryLike, length: number): Uint8Array {
    checked("length", length);
    if (length > this.maxSize) fail(errors.responseTooLarge(length, this.maxSize));
    checkRange(memory, this.responsePtr, length);
    return new Uint8Array(memory.buffer, this.responsePtr, length).slice();
  }

  /**
   * One round trip: writes `request`, calls `handle(requestPtr, requestLen,
   * responsePtr, maxSize)` (typically a wasm export) for the response
   * length, and returns a copy of the response.
   */
  process(
    memory: MemoryLike,
    request: Uint8Array,
    handle: (requestPtr: number, requestLen: number, responsePtr: number, maxSize: number) => number,
  ): Uint8Array {
    const ptr = this.writeRequest(memory, request);
    return this.response(memory, handle(ptr, request.length, this.responsePtr, this.maxSize));
  }
}

/** Two buffers of one size from an arena: read the front, write the back, swap. */
export class DoubleBuffer {
  readonly size: number;
  private readonly buffers: readonly [number, number];
  private current: 0 | 1 = 0;

  constructor(arena: Arena, size: number) {
    this.buffers = twoBlocks(arena, size);
    this.size = size;
  }

  /** The buffer to read: what was written before the last swap. */
  front(): number {
    return this.buffers[this.current];
  }

  /** The buffer to write. */
  back(): number {
    return this.buffers[this.current === 0 ? 1 : 0];
  }

  /** Exchanges front and back. */
  swap(): void {
    this.current = this.current === 0 ? 1 : 0;
  }

  /** The front buffer's bytes (a fresh view: do not keep it across memory.grow). */
  frontBytes(memory: MemoryLike): Uint8Array {
    checkRange(memory, this.front(), this.size);
    return new Uint8Array(memory.buffer, this.front(), this.size);
  }

  /** The back buffer's bytes, to write (a fresh view). */
  backMut(memory: MemoryLike): Uint8Array {
    checkRange(memory, this.back(), this.size);
    return new Uint8Array(memory.buffer, this.back(), this.size);
  }
}

// ---- shared arena and shared pool -----------------------------------------------
//
// Their bookkeeping is a header in the memory itself (the format of Rust's
// `memory::shared`; the layouts are generated at the end of this file), read
// and checked at every call: every party that follows the format, Rust or
// JavaScript, host or guest, may allocate in between. The header is
// untrusted: a header whose region, slot table or slots pass the end of the
// memory, contain address 0, or overlap the header or each other is an
// error before anything is written.

function bad(at: number, field: string, value: number): never {
  return fail(errors.badHeader(at, field, value));
}

/** Whether `[a, a + n)` and `[b, b + m)` overlap. */
function overlaps(a: number, n: number, b: number, m: number): boolean {
  return a < b + m && b < a + n;
}

/** Reads the arena header at `at` and checks it against the memory. */
function arenaHeader(memory: MemoryLike, at: number): ArenaHeader {
  checkRange(memory, at, ArenaHeaderLayout.size);
  const h = readArenaHeader(new DataView(memory.buffer), at);
  if (h.magic !== ARENA_MAGIC) bad(at, "magic", h.magic);
  if (h.version !== HEADER_VERSION) bad(at, "version", h.version);
  if (h.flags !== 0) bad(at, "flags", h.flags);
  if (h.base === 0) bad(at, "base", h.base);
  if (h.capacity === 0 || h.base + h.capacity > memory.buffer.byteLength) bad(at, "capacity", h.capacity);
  if (overlaps(h.base, h.capacity, at, ArenaHeaderLayout.size)) bad(at, "base", h.base);
  if (h.used > h.capacity) bad(at, "used", h.used);
  if (h.high_water > h.capacity) bad(at, "high_water", h.high_water);
  return h;
}

/**
 * An arena whose bookkeeping is a 32-byte header at `at` in the memory
 * itself, read and checked at every call, so Rust (host or guest) and
 * JavaScript allocate from the same region with the same algorithm.
 * Not thread-safe: see the top of this file.
 */
export class SharedArena {
  readonly at: number;

  private constructor(at: number) {
    this.at = at;
  }

  /** Writes a fresh header at `at` for `[base, base + capacity)` (not overlapping it, not containing address 0). */
  static init(memory: MemoryLike, at: number, base: number, capacity: number): SharedArena {
    u32("at", at);
    u32("capacity", capacity);
    const end = regionEnd(base, capacity);
    checkRange(memory, base, capacity);
    if (overlaps(base, capacity, at, ArenaHeaderLayout.size)) bad(at, "base", base);
    checkRange(memory, at, ArenaHeaderLayout.size);
    writeArenaHeader(new DataView(memory.buffer), at, {
      magic: ARENA_MAGIC,
      version: HEADER_VERSION,
      flags: 0,
      base,
      capacity: end - base,
      used: 0,
      high_water: 0,
      allocations: 0,
      reserved: 0,
    });
    return new SharedArena(at);
  }

  /** The arena whose header is at `at`, after checking the header. */
  static open(memory: MemoryLike, at: number): SharedArena {
    arenaHeader(memory, u32("at", at));
    return new SharedArena(at);
  }

  /** Reads and checks the header. */
  header(memory: MemoryLike): ArenaHeader {
    return arenaHeader(memory, this.at);
  }

  /** Where `size` bytes aligned to `align` go, and the header after it, without writing. */
  private plan(memory: MemoryLike, size: number, align: number): [number, ArenaHeader] {
    const h = arenaHeader(memory, this.at);
    const [start, top] = fit(h.base + h.used, h.base + h.capacity, size, align);
    h.used = top - h.base;
    if (h.used > h.high_water) h.high_water = h.used;
    h.allocations = Math.min(h.allocations + 1, U32_MAX);
    return [start, h];
  }

  /** A block of `size` bytes aligned to `align`; returns its address. Errors as Arena's, and BadHeader. */
  alloc(memory: MemoryLike, size: number, align: number): number {
    const [start, h] = this.plan(memory, size, align);
    writeArenaHeader(new DataView(memory.buffer), this.at, h);
    return start;
  }

  /** Allocates room for a value and writes it with the generated `write` function. All or nothing. */
  place<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    const { size, align } = layoutOf(layout);
    const [start, h] = this.plan(memory, size, align);
    checkRange(memory, start, size);
    copyIn(memory, start, encode({ size, align }, write, [value]));
    writeArenaHeader(new DataView(memory.buffer), this.at, h);
    return start;
  }

  /** Frees every block at once. */
  reset(memory: MemoryLike): void {
    const h = arenaHeader(memory, this.at);
    h.used = 0;
    h.allocations = 0;
    writeArenaHeader(new DataView(memory.buffer), this.at, h);
  }

  /** Used, remaining, high-water mark and block count. */
  stats(memory: MemoryLike): ArenaStats {
    const h = arenaHeader(memory, this.at);
    return {
      base: h.base,
      capacity: h.capacity,
      used: h.used,
      remaining: h.capacity - h.used,
      highWater: h.high_water,
      allocations: h.allocations,
    };
  }
}

/** Reads the pool header at `at` and checks it, its slot table and its slots against the memory. */
function poolHeader(memory: MemoryLike, at: number): PoolHeader {
  checkRange(memory, at, PoolHeaderLayout.size);
  const h = readPoolHeader(new DataView(memory.buffer), at);
  const len = memory.buffer.byteLength;
  const region = h.stride * h.slots;
  const tableBytes = h.slots * PoolSlotLayout.size;
  if (h.magic !== POOL_MAGIC) bad(at, "magic", h.magic);
  if (h.version !== HEADER_VERSION) bad(at, "version", h.version);
  if (h.flags !== 0) bad(at, "flags", h.flags);
  if (h.stride === 0) bad(at, "stride", h.stride);
  if (h.slots === 0) bad(at, "slots", h.slots);
  if (h.base === 0) bad(at, "base", h.base);
  if (h.base + region > len) bad(at, "slots", h.slots);
  if (h.table + tableBytes > len || overlaps(h.table, tableBytes, at, PoolHeaderLayout.size)) bad(at, "table", h.table);
  if (overlaps(h.base, region, at, PoolHeaderLayout.size) || overlaps(h.base, region, h.table, tableBytes)) bad(at, "base", h.base);
  if (h.free_head !== NIL && h.free_head >= h.slots) bad(at, "free_head", h.free_head);
  if (h.live > h.slots) bad(at, "live", h.live);
  if (h.high_water > h.slots) bad(at, "high_water", h.high_water);
  return h;
}

/** A checked pool header and its slot table, as a PoolState whose changes stay staged until `flush`. */
class SharedSlots implements PoolState {
  readonly base: number;
  readonly stride: number;
  readonly slots: number;
  head: number;
  live: number;
  high: number;
  private readonly header: PoolHeader;
  private readonly view: DataView;
  private readonly staged = new Map<number, PoolSlot>();
  private readonly at: number;

  constructor(memory: MemoryLike, at: number) {
    this.at = at;
    this.header = poolHeader(memory, at);
    this.view = new DataView(memory.buffer);
    this.base = this.header.base;
    this.stride = this.header.stride;
    this.slots = this.header.slots;
    this.head = this.header.free_head;
    this.live = this.header.live;
    this.high = this.header.high_water;
  }

  private entry(index: number): PoolSlot {
    return this.staged.get(index) ?? readPoolSlot(this.view, this.header.table + index * PoolSlotLayout.size);
  }

  generation(index: number): number {
    return this.entry(index).generation;
  }

  next(index: number): number {
    return this.entry(index).next;
  }

  set(index: number, generation: number, next: number): void {
    this.staged.set(index, { generation, next });
  }

  corrupt(index: number): never {
    return this.live >= this.slots ? bad(this.at, "live", this.live) : bad(this.at, "free_head", index);
  }

  /** Writes the staged entries and the header (every one was checked to lie in the memory). */
  flush(): void {
    for (const [index, slot] of this.staged) writePoolSlot(this.view, this.header.table + index * PoolSlotLayout.size, slot);
    writePoolHeader(this.view, this.at, { ...this.header, free_head: this.head, live: this.live, high_water: this.high });
  }
}

/**
 * A Pool whose header (40 bytes) and slot table (8 bytes a slot) live at
 * `at` in the memory, read and checked at every call; the same algorithm
 * as Pool and as Rust's `SharedPool`, so Rust and JavaScript take and give
 * back slots of one pool in turn. Not thread-safe: see the top of this file.
 */
export class SharedPool {
  readonly at: number;

  private constructor(at: number) {
    this.at = at;
  }

  /**
   * Writes a fresh header at `at`, its slot table right after it, and puts
   * `count` slots of `slotSize` bytes aligned to `slotAlign` after the
   * table. The header and table must fit in `memory`.
   */
  static init(memory: MemoryLike, at: number, slotSize: number, slotAlign: number, count: number): SharedPool {
    u32("at", at);
    u32("count", count);
    const table = at + PoolHeaderLayout.size;
    if (table > U32_MAX) fail(errors.addressSpace(at, PoolHeaderLayout.size));
    const tableBytes = count * PoolSlotLayout.size;
    const tableEnd = table + tableBytes;
    if (tableEnd > U32_MAX) fail(errors.addressSpace(table, tableBytes));
    const [base, stride, end] = poolGeometry(tableEnd, slotSize, slotAlign, count);
    checkRange(memory, at, end - at);
    const view = new DataView(memory.buffer);
    for (let i = 0; i < count; i++) {
      writePoolSlot(view, table + i * PoolSlotLayout.size, { generation: 0, next: i + 1 === count ? NIL : i + 1 });
    }
    writePoolHeader(view, at, {
      magic: POOL_MAGIC,
      version: HEADER_VERSION,
      flags: 0,
      base,
      stride,
      slots: count,
      table,
      free_head: 0,
      live: 0,
      high_water: 0,
      reserved: 0,
    });
    return new SharedPool(at);
  }

  /** The pool whose header is at `at`, after checking the header. */
  static open(memory: MemoryLike, at: number): SharedPool {
    poolHeader(memory, u32("at", at));
    return new SharedPool(at);
  }

  /** Reads and checks the header. */
  header(memory: MemoryLike): PoolHeader {
    return poolHeader(memory, this.at);
  }

  /** Takes a free slot. Errors: PoolExhausted, BadHeader. */
  alloc(memory: MemoryLike): PoolHandle {
    const s = new SharedSlots(memory, this.at);
    const handle = takeSlot(s);
    s.flush();
    return handle;
  }

  /** Gives a slot back. Errors as Pool's, and BadHeader. */
  free(memory: MemoryLike, handle: PoolHandle): void {
    const s = new SharedSlots(memory, this.at);
    giveBack(s, handle);
    s.flush();
  }

  /** Allocates a slot and writes `value` with the generated `write` function. All or nothing. */
  place<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, value: T): PoolHandle {
    const s = new SharedSlots(memory, this.at);
    const { size, align } = layoutOf(layout);
    const handle = takeSlot(s); // staged: written by flush
    if (size > s.stride) fail(errors.slotTooSmall(size, s.stride));
    copyIn(memory, s.base + handle.index * s.stride, encode({ size, align }, write, [value]));
    s.flush();
    return handle;
  }

  /** The address of a live slot. */
  offset(memory: MemoryLike, handle: PoolHandle): number {
    const s = new SharedSlots(memory, this.at);
    return s.base + checkHandle(s, handle) * s.stride;
  }

  /** The handle of the live slot at `offset`. Errors: OutsideRegion, NotSlotStart, NotAllocated, BadHeader. */
  handleAt(memory: MemoryLike, offset: number): PoolHandle {
    return slotAt(new SharedSlots(memory, this.at), offset);
  }

  /** Frees every slot at once; every handle becomes stale. */
  reset(memory: MemoryLike): void {
    const s = new SharedSlots(memory, this.at);
    relink(s);
    s.flush();
  }

  /** Slot counts and the high-water mark. */
  stats(memory: MemoryLike): PoolStats {
    return poolStats(new SharedSlots(memory, this.at));
  }
}

// ---- generated: the shared header types -----------------------------------------
// Rust's ArenaHeader, PoolHeader and PoolSlot (`wasm_layout::memory::shared`)
// as the project's TypeScript emitter writes them: the one source of the
// header layouts above. `cargo test --test memory_ts` checks this section is
// current; WASM_LAYOUT_BLESS=1 rewrites it.

// Generated by wasm-layout from Rust layout descriptors. Do not edit by hand: regenerate instead.
// Layouts are wasm32, little-endian; `ptr` is a byte offset into the view.

export interface ArenaHeader {
  magic: number;
  version: number;
  flags: number;
  base: number;
  capacity: number;
  used: number;
  high_water: number;
  allocations: number;
  reserved: number;
}
export const ArenaHeaderLayout = {
  size: 32,
  align: 4,
  offsets: {
    magic: 0,
    version: 4,
    flags: 6,
    base: 8,
    capacity: 12,
    used: 16,
    high_water: 20,
    allocations: 24,
    reserved: 28,
  },
} as const;
export const ArenaHeaderFingerprint = 0x94814eeef50315b8n;
export function readArenaHeader(view: DataView, ptr: number): ArenaHeader {
  return {
    magic: view.getUint32(ptr, true),
    version: view.getUint16(ptr + 4, true),
    flags: view.getUint16(ptr + 6, true),
    base: view.getUint32(ptr + 8, true),
    capacity: view.getUint32(ptr + 12, true),
    used: view.getUint32(ptr + 16, true),
    high_water: view.getUint32(ptr + 20, true),
    allocations: view.getUint32(ptr + 24, true),
    reserved: view.getUint32(ptr + 28, true),
  };
}
/** Writes every field of `value` and zeroes the padding. */
export function writeArenaHeader(view: DataView, ptr: number, value: ArenaHeader): void {
  view.setUint32(ptr, value.magic, true);
  view.setUint16(ptr + 4, value.version, true);
  view.setUint16(ptr + 6, value.flags, true);
  view.setUint32(ptr + 8, value.base, true);
  view.setUint32(ptr + 12, value.capacity, true);
  view.setUint32(ptr + 16, value.used, true);
  view.setUint32(ptr + 20, value.high_water, true);
  view.setUint32(ptr + 24, value.allocations, true);
  view.setUint32(ptr + 28, value.reserved, true);
}
/** A live view of one `ArenaHeader` in a `WebAssembly.Memory`; survives `memory.grow`. */
export class ArenaHeaderView {
  readonly #memory: WebAssembly.Memory;
  #ptr = 0;
  #view: DataView = emptyView;
  constructor(memory: WebAssembly.Memory, ptr: number) {
    this.#memory = memory;
    this.#ptr = ptr;
    this.#view = dataViewOf(memory);
  }
  /** Where the viewed `ArenaHeader` starts; set it to move the view (e.g. along an array). */
  get ptr(): number {
    return this.#ptr;
  }
  set ptr(value: number) {
    this.#ptr = value;
  }
  /** After `error`: the memory's current DataView if `memory.grow` replaced the buffer (a detached buffer throws rather than being read), else `error` again. */
  #fresh(error: unknown): DataView {
    const view = dataViewOf(this.#memory);
    if (view === this.#view) {
      throw error;
    }
    this.#view = view;
    return view;
  }
  get magic(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr, true);
    }
  }
  set magic(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr, value, true);
    }
  }
  get version(): number {
    let view = this.#view;
    try {
      return view.getUint16(this.#ptr + 4, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint16(this.#ptr + 4, true);
    }
  }
  set version(value: number) {
    let view = this.#view;
    try {
      view.setUint16(this.#ptr + 4, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint16(this.#ptr + 4, value, true);
    }
  }
  get flags(): number {
    let view = this.#view;
    try {
      return view.getUint16(this.#ptr + 6, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint16(this.#ptr + 6, true);
    }
  }
  set flags(value: number) {
    let view = this.#view;
    try {
      view.setUint16(this.#ptr + 6, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint16(this.#ptr + 6, value, true);
    }
  }
  get base(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 8, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 8, true);
    }
  }
  set base(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 8, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 8, value, true);
    }
  }
  get capacity(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 12, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 12, true);
    }
  }
  set capacity(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 12, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 12, value, true);
    }
  }
  get used(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 16, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 16, true);
    }
  }
  set used(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 16, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 16, value, true);
    }
  }
  get high_water(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 20, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 20, true);
    }
  }
  set high_water(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 20, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 20, value, true);
    }
  }
  get allocations(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 24, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 24, true);
    }
  }
  set allocations(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 24, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 24, value, true);
    }
  }
  get reserved(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 28, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 28, true);
    }
  }
  set reserved(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 28, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 28, value, true);
    }
  }
}

export interface PoolHeader {
  magic: number;
  version: number;
  flags: number;
  base: number;
  stride: number;
  slots: number;
  table: number;
  free_head: number;
  live: number;
  high_water: number;
  reserved: number;
}
export const PoolHeaderLayout = {
  size: 40,
  align: 4,
  offsets: {
    magic: 0,
    version: 4,
    flags: 6,
    base: 8,
    stride: 12,
    slots: 16,
    table: 20,
    free_head: 24,
    live: 28,
    high_water: 32,
    reserved: 36,
  },
} as const;
export const PoolHeaderFingerprint = 0xc2199b75bf287485n;
export function readPoolHeader(view: DataView, ptr: number): PoolHeader {
  return {
    magic: view.getUint32(ptr, true),
    version: view.getUint16(ptr + 4, true),
    flags: view.getUint16(ptr + 6, true),
    base: view.getUint32(ptr + 8, true),
    stride: view.getUint32(ptr + 12, true),
    slots: view.getUint32(ptr + 16, true),
    table: view.getUint32(ptr + 20, true),
    free_head: view.getUint32(ptr + 24, true),
    live: view.getUint32(ptr + 28, true),
    high_water: view.getUint32(ptr + 32, true),
    reserved: view.getUint32(ptr + 36, true),
  };
}
/** Writes every field of `value` and zeroes the padding. */
export function writePoolHeader(view: DataView, ptr: number, value: PoolHeader): void {
  view.setUint32(ptr, value.magic, true);
  view.setUint16(ptr + 4, value.version, true);
  view.setUint16(ptr + 6, value.flags, true);
  view.setUint32(ptr + 8, value.base, true);
  view.setUint32(ptr + 12, value.stride, true);
  view.setUint32(ptr + 16, value.slots, true);
  view.setUint32(ptr + 20, value.table, true);
  view.setUint32(ptr + 24, value.free_head, true);
  view.setUint32(ptr + 28, value.live, true);
  view.setUint32(ptr + 32, value.high_water, true);
  view.setUint32(ptr + 36, value.reserved, true);
}
/** A live view of one `PoolHeader` in a `WebAssembly.Memory`; survives `memory.grow`. */
export class PoolHeaderView {
  readonly #memory: WebAssembly.Memory;
  #ptr = 0;
  #view: DataView = emptyView;
  constructor(memory: WebAssembly.Memory, ptr: number) {
    this.#memory = memory;
    this.#ptr = ptr;
    this.#view = dataViewOf(memory);
  }
  /** Where the viewed `PoolHeader` starts; set it to move the view (e.g. along an array). */
  get ptr(): number {
    return this.#ptr;
  }
  set ptr(value: number) {
    this.#ptr = value;
  }
  /** After `error`: the memory's current DataView if `memory.grow` replaced the buffer (a detached buffer throws rather than being read), else `error` again. */
  #fresh(error: unknown): DataView {
    const view = dataViewOf(this.#memory);
    if (view === this.#view) {
      throw error;
    }
    this.#view = view;
    return view;
  }
  get magic(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr, true);
    }
  }
  set magic(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr, value, true);
    }
  }
  get version(): number {
    let view = this.#view;
    try {
      return view.getUint16(this.#ptr + 4, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint16(this.#ptr + 4, true);
    }
  }
  set version(value: number) {
    let view = this.#view;
    try {
      view.setUint16(this.#ptr + 4, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint16(this.#ptr + 4, value, true);
    }
  }
  get flags(): number {
    let view = this.#view;
    try {
      return view.getUint16(this.#ptr + 6, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint16(this.#ptr + 6, true);
    }
  }
  set flags(value: number) {
    let view = this.#view;
    try {
      view.setUint16(this.#ptr + 6, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint16(this.#ptr + 6, value, true);
    }
  }
  get base(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 8, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 8, true);
    }
  }
  set base(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 8, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 8, value, true);
    }
  }
  get stride(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 12, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 12, true);
    }
  }
  set stride(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 12, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 12, value, true);
    }
  }
  get slots(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 16, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 16, true);
    }
  }
  set slots(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 16, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 16, value, true);
    }
  }
  get table(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 20, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 20, true);
    }
  }
  set table(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 20, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 20, value, true);
    }
  }
  get free_head(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 24, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 24, true);
    }
  }
  set free_head(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 24, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 24, value, true);
    }
  }
  get live(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 28, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 28, true);
    }
  }
  set live(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 28, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 28, value, true);
    }
  }
  get high_water(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 32, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 32, true);
    }
  }
  set high_water(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 32, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 32, value, true);
    }
  }
  get reserved(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 36, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 36, true);
    }
  }
  set reserved(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 36, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 36, value, true);
    }
  }
}

export interface PoolSlot {
  generation: number;
  next: number;
}
export const PoolSlotLayout = {
  size: 8,
  align: 4,
  offsets: {
    generation: 0,
    next: 4,
  },
} as const;
export const PoolSlotFingerprint = 0xefcf29db1dc7ba56n;
export function readPoolSlot(view: DataView, ptr: number): PoolSlot {
  return {
    generation: view.getUint32(ptr, true),
    next: view.getUint32(ptr + 4, true),
  };
}
/** Writes every field of `value` and zeroes the padding. */
export function writePoolSlot(view: DataView, ptr: number, value: PoolSlot): void {
  view.setUint32(ptr, value.generation, true);
  view.setUint32(ptr + 4, value.next, true);
}
/** A live view of one `PoolSlot` in a `WebAssembly.Memory`; survives `memory.grow`. */
export class PoolSlotView {
  readonly #memory: WebAssembly.Memory;
  #ptr = 0;
  #view: DataView = emptyView;
  constructor(memory: WebAssembly.Memory, ptr: number) {
    this.#memory = memory;
    this.#ptr = ptr;
    this.#view = dataViewOf(memory);
  }
  /** Where the viewed `PoolSlot` starts; set it to move the view (e.g. along an array). */
  get ptr(): number {
    return this.#ptr;
  }
  set ptr(value: number) {
    this.#ptr = value;
  }
  /** After `error`: the memory's current DataView if `memory.grow` replaced the buffer (a detached buffer throws rather than being read), else `error` again. */
  #fresh(error: unknown): DataView {
    const view = dataViewOf(this.#memory);
    if (view === this.#view) {
      throw error;
    }
    this.#view = view;
    return view;
  }
  get generation(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr, true);
    }
  }
  set generation(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr, value, true);
    }
  }
  get next(): number {
    let view = this.#view;
    try {
      return view.getUint32(this.#ptr + 4, true);
    } catch (error) {
      view = this.#fresh(error);
      return view.getUint32(this.#ptr + 4, true);
    }
  }
  set next(value: number) {
    let view = this.#view;
    try {
      view.setUint32(this.#ptr + 4, value, true);
    } catch (error) {
      view = this.#fresh(error);
      view.setUint32(this.#ptr + 4, value, true);
    }
  }
}

/** Every view's DataView before its first: the field never holds anything but a DataView. */
const emptyView: DataView = new DataView(new ArrayBuffer(0));
let cachedBuffer: ArrayBufferLike | undefined;
let cachedView: DataView = emptyView;
/** One DataView per buffer, shared by every view of it. */
function dataViewOf(memory: WebAssembly.Memory): DataView {
  const buffer = memory.buffer;
  if (cachedBuffer !== buffer) {
    cachedBuffer = buffer;
    cachedView = new DataView(buffer);
  }
  return cachedView;
}
