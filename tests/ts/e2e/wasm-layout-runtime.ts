// wasm-layout runtime: linear-memory toolkit for a WebAssembly.Memory.
//
// Shipped with the wasm-layout crate and written next to the generated
// bindings. Self-contained: no imports, no dependencies.
//
// It follows the Rust `wasm_layout::memory` module: the same algorithms
// (a shared arena header is read and written the same way on both sides)
// and the same error texts. Every error is a thrown RangeError, and the
// allocator's state and the memory are unchanged after it.

/** Bytes in one wasm page. */
export const PAGE_SIZE = 65536;
/** The most pages a wasm32 memory can have (4 GiB). */
export const MAX_PAGES = 65536;
/** The size of the wasm32 address space in bytes: 4 GiB. */
export const ADDRESS_SPACE = 4294967296;
/** The canary word, stored little-endian before and after guarded data. */
export const CANARY = 0xdeadbeef;
/** The version of the shared header formats. */
export const HEADER_VERSION = 1;
/** `"WLAR"` read as a little-endian u32: the shared arena header's magic. */
export const ARENA_MAGIC = 0x52414c57;
/** Size in bytes of the shared arena header. */
export const ARENA_HEADER_SIZE = 32;

/** Anything with the memory's current buffer: a WebAssembly.Memory. */
export interface MemoryLike {
  readonly buffer: ArrayBufferLike;
}

/** A type's layout, as generated bindings export it (`PointLayout`). */
export interface TypeLayoutLike {
  readonly size: number;
  readonly align: number;
}

// ---- errors: the texts of Rust's MemoryError and LayoutError ----------------

function hex(n: number): string {
  return "0x" + n.toString(16);
}

function fail(message: string): never {
  throw new RangeError(message);
}

const errors = {
  zeroSize: (): string => "zero-sized allocation",
  badAlign: (align: number): string => `alignment ${align} is not a power of two`,
  addressSpace: (offset: number, size: number): string =>
    `${size} bytes at ${hex(offset)} would pass the end of the 4 GiB wasm32 address space`,
  exhausted: (requested: number, align: number, remaining: number): string =>
    `arena exhausted: ${requested} bytes aligned to ${align} requested, ${remaining} bytes remaining`,
  poolExhausted: (slots: number): string => `pool exhausted: all ${slots} slots are live`,
  outsideRegion: (offset: number, base: number, end: number): string =>
    `pointer ${hex(offset)} is outside the region [${hex(base)}, ${hex(end)})`,
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
    `out of bounds: ${needed} bytes needed at offset ${offset}, but only ${available} bytes are available`,
  notAnInteger: (name: string, value: number): string => `${name} must be a non-negative integer, got ${value}`,
} as const;

/** The error messages, by name: the same texts as Rust's `MemoryError`. */
export const ErrorText = errors;

function int(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) fail(errors.notAnInteger(name, value));
  return value;
}

/** Whether `n` is a power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** Rounds `value` up to a multiple of `align` (a power of two), or throws. */
export function alignUp(value: number, align: number): number {
  int("value", value);
  if (!isPowerOfTwo(align)) fail(errors.badAlign(align));
  return Math.ceil(value / align) * align;
}

/**
 * Where a block of `size` bytes aligned to `align` goes when the free space
 * is `[top, end)`: its start and the new top. The algorithm of Arena,
 * SharedArena and Rust's `Arena`, `Bump` and `SharedArena`, with the same
 * checks in the same order.
 */
function fit(top: number, end: number, size: number, align: number): [number, number] {
  int("size", size);
  int("align", align);
  if (size === 0) fail(errors.zeroSize());
  if (!isPowerOfTwo(align)) fail(errors.badAlign(align));
  const start = Math.ceil(top / align) * align;
  const newTop = start + size;
  if (newTop > ADDRESS_SPACE) fail(errors.addressSpace(start, size));
  if (newTop > end) fail(errors.exhausted(size, align, end - top));
  return [start, newTop];
}

function regionEnd(base: number, capacity: number): number {
  int("base", base);
  int("capacity", capacity);
  if (capacity === 0) fail(errors.zeroSize());
  const end = base + capacity;
  if (end > ADDRESS_SPACE) fail(errors.addressSpace(base, capacity));
  return end;
}

function checkRange(memory: MemoryLike, offset: number, len: number): void {
  const available = memory.buffer.byteLength;
  if (offset + len > available) fail(errors.outOfBounds(offset, len, available));
}

// ---- growth and views ---------------------------------------------------------

/**
 * Grows `memory` by the pages needed to make `bytes` bytes addressable and
 * returns how many pages it added (0 when they already are). `maximum` is
 * the memory's maximum page count, for the error message.
 */
export function ensureCapacity(memory: WebAssembly.Memory, bytes: number, maximum: number = MAX_PAGES): number {
  int("bytes", bytes);
  const current = memory.buffer.byteLength;
  if (bytes <= current) return 0;
  const pages = current / PAGE_SIZE;
  const delta = Math.ceil((bytes - current) / PAGE_SIZE);
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
  const max = maxPages === undefined ? "" : ` (max ${maxPages})`;
  return `memory: ${stats.bytes} bytes, ${stats.pages} pages${max}, ${mib2(stats.bytes)} MiB`;
}

/** The use of an Arena or SharedArena. */
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
  return `arena at ${hex(s.base)}: ${s.used} of ${s.capacity} bytes used, ${s.remaining} remaining, high water ${s.highWater}, ${s.allocations} allocations`;
}

/** The use of a Pool. */
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
  return `pool at ${hex(s.base)}: ${s.slots} slots of ${s.stride} bytes, ${s.live} live, ${s.free} free, high water ${s.highWater}`;
}

// ---- arena --------------------------------------------------------------------

/**
 * An arena over `[base, base + capacity)`: blocks handed out front to back,
 * each aligned, all taken back at once by `reset()`. It keeps only numbers;
 * calls that write take the memory.
 */
export class Arena {
  readonly base: number;
  readonly end: number;
  private top: number;
  private high: number;
  private count = 0;

  constructor(base: number, capacity: number) {
    this.end = regionEnd(base, capacity);
    this.base = base;
    this.top = base;
    this.high = base;
  }

  /** A block of `size` bytes aligned to `align`; returns its address. */
  alloc(size: number, align: number = 8): number {
    const [start, top] = fit(this.top, this.end, size, align);
    this.commit(top);
    return start;
  }

  /**
   * Where the next block would go, without allocating it (throws as
   * `alloc`): `[start, top]`. With `from`, as if the arena's free space
   * began there (the top of an earlier plan). Pass the tops, in order, to
   * `commit` to allocate: so a caller can write first and allocate only
   * when every step succeeded.
   */
  plan(size: number, align: number, from: number = this.top): [number, number] {
    return fit(Math.max(from, this.top), this.end, size, align);
  }

  /** Allocates what `plan` returned `top` for. */
  commit(top: number): void {
    if (top < this.top || top > this.end) fail(errors.outsideRegion(top, this.base, this.end));
    this.top = top;
    if (top > this.high) this.high = top;
    this.count += 1;
  }

  /**
   * Allocates room for a value of the generated type `layout` and writes it
   * with the generated `write` function (`writePoint`); returns its address.
   * Nothing is allocated when the memory is too small.
   */
  place<T>(
    memory: MemoryLike,
    layout: TypeLayoutLike,
    write: (view: DataView, ptr: number, value: T) => void,
    value: T,
  ): number {
    const [start, top] = fit(this.top, this.end, layout.size, layout.align);
    checkRange(memory, start, layout.size);
    write(new DataView(memory.buffer), start, value);
    this.commit(top);
    return start;
  }

  /** Allocates room for `values` side by side and writes them; returns the first's address. */
  placeArray<T>(
    memory: MemoryLike,
    layout: TypeLayoutLike,
    write: (view: DataView, ptr: number, value: T) => void,
    values: readonly T[],
  ): number {
    const size = layout.size * values.length;
    const [start, top] = fit(this.top, this.end, size, layout.align);
    checkRange(memory, start, size);
    const view = new DataView(memory.buffer);
    values.forEach((v, i) => write(view, start + i * layout.size, v));
    this.commit(top);
    return start;
  }

  /** Frees every block at once; the high-water mark stays. */
  reset(): void {
    this.top = this.base;
    this.count = 0;
  }

  /** Bytes handed out since the last reset, alignment padding included. */
  get used(): number {
    return this.top - this.base;
  }

  /** Bytes left before the end of the region (before aligning). */
  get remaining(): number {
    return this.end - this.top;
  }

  /** The region's size. */
  get capacity(): number {
    return this.end - this.base;
  }

  /** The most bytes ever in use at once. */
  get highWater(): number {
    return this.high - this.base;
  }

  /** Blocks handed out since the last reset. */
  get allocations(): number {
    return this.count;
  }

  stats(): ArenaStats {
    return {
      base: this.base,
      capacity: this.capacity,
      used: this.used,
      remaining: this.remaining,
      highWater: this.highWater,
      allocations: this.count,
    };
  }
}

// ---- pool ---------------------------------------------------------------------

/** A live pool slot: its index and the (odd) generation it was allocated in. */
export interface PoolHandle {
  readonly index: number;
  readonly generation: number;
}

const NIL = 0xffffffff;

/**
 * `count` slots of `slotSize` bytes aligned to `slotAlign`, the first at
 * `base` rounded up, handed out and taken back in O(1) through a free list.
 * A slot's generation is odd while live, even while free, so double frees
 * and stale handles are caught.
 */
export class Pool {
  readonly base: number;
  readonly stride: number;
  readonly slots: number;
  private readonly generations: Uint32Array;
  private readonly next: Uint32Array;
  private head = 0;
  private liveCount = 0;
  private high = 0;

  constructor(base: number, slotSize: number, slotAlign: number, count: number) {
    int("base", base);
    int("slotSize", slotSize);
    int("slotAlign", slotAlign);
    int("count", count);
    if (slotSize === 0 || count === 0) fail(errors.zeroSize());
    if (!isPowerOfTwo(slotAlign)) fail(errors.badAlign(slotAlign));
    const stride = alignUp(slotSize, slotAlign);
    const first = alignUp(base, slotAlign);
    if (stride > 0xffffffff || first > 0xffffffff || count > 0xffffffff) fail(errors.addressSpace(base, Number.MAX_SAFE_INTEGER));
    if (first + stride * count > ADDRESS_SPACE) fail(errors.addressSpace(first, stride * count));
    this.base = first;
    this.stride = stride;
    this.slots = count;
    this.generations = new Uint32Array(count);
    this.next = new Uint32Array(count);
    this.relink();
  }

  private relink(): void {
    for (let i = 0; i < this.slots; i++) this.next[i] = i + 1 === this.slots ? NIL : i + 1;
    this.head = 0;
  }

  /** Takes a free slot. */
  alloc(): PoolHandle {
    const index = this.head;
    if (index === NIL) fail(errors.poolExhausted(this.slots));
    const generation = (this.generations[index]! + 1) >>> 0;
    this.generations[index] = generation;
    this.head = this.next[index]!;
    this.liveCount += 1;
    if (this.liveCount > this.high) this.high = this.liveCount;
    return { index, generation };
  }

  /** Gives a slot back; double free, stale and foreign handles throw. */
  free(handle: PoolHandle): void {
    this.check(handle);
    const i = handle.index;
    this.generations[i] = (this.generations[i]! + 1) >>> 0;
    this.next[i] = this.head;
    this.head = i;
    this.liveCount -= 1;
  }

  private check(handle: PoolHandle): void {
    const { index, generation } = handle;
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.slots) {
      fail(errors.outsideRegion(this.base + index * this.stride, this.base, this.end));
    }
    const current = this.generations[index]!;
    if (current === generation && generation % 2 === 1) return;
    if (generation % 2 === 1 && current === ((generation + 1) >>> 0)) {
      fail(errors.doubleFree(this.base + index * this.stride));
    }
    fail(errors.staleHandle(index, generation, current));
  }

  /** Allocates a slot and writes `value` with the generated `write` function. */
  place<T>(
    memory: MemoryLike,
    layout: TypeLayoutLike,
    write: (view: DataView, ptr: number, value: T) => void,
    value: T,
  ): PoolHandle {
    if (this.head === NIL) fail(errors.poolExhausted(this.slots));
    const ptr = this.base + this.head * this.stride;
    if (layout.size > this.stride) fail(errors.outOfBounds(ptr, layout.size, this.stride));
    checkRange(memory, ptr, layout.size);
    write(new DataView(memory.buffer), ptr, value);
    return this.alloc();
  }

  /** The address of a live slot. */
  offset(handle: PoolHandle): number {
    this.check(handle);
    return this.base + handle.index * this.stride;
  }

  /** The handle of the live slot at `offset` (a pointer from the guest). */
  handleAt(offset: number): PoolHandle {
    int("offset", offset);
    if (offset < this.base || offset >= this.end) fail(errors.outsideRegion(offset, this.base, this.end));
    const rel = offset - this.base;
    if (rel % this.stride !== 0) fail(errors.notSlotStart(offset, this.stride));
    const index = rel / this.stride;
    const generation = this.generations[index]!;
    if (generation % 2 === 0) fail(errors.notAllocated(offset));
    return { index, generation };
  }

  /** Frees the live slot at `offset`. */
  freePtr(offset: number): void {
    this.free(this.handleAt(offset));
  }

  /** Frees every slot; every handle becomes stale. */
  reset(): void {
    for (let i = 0; i < this.slots; i++) {
      const g = this.generations[i]!;
      this.generations[i] = (g + (g % 2)) >>> 0;
    }
    this.relink();
    this.liveCount = 0;
  }

  /** One past the last slot. */
  get end(): number {
    return this.base + this.slots * this.stride;
  }

  get live(): number {
    return this.liveCount;
  }

  get freeSlots(): number {
    return this.slots - this.liveCount;
  }

  stats(): PoolStats {
    return {
      base: this.base,
      stride: this.stride,
      slots: this.slots,
      live: this.liveCount,
      free: this.slots - this.liveCount,
      highWater: this.high,
    };
  }
}

// ---- canaries -----------------------------------------------------------------

/** Which canary word was overwritten. */
export type CanarySide = "before" | "after";

/** A guarded allocation: `size` bytes at `ptr`, a canary on each side. */
export class Guarded {
  readonly ptr: number;
  readonly size: number;

  constructor(ptr: number, size: number) {
    this.ptr = int("ptr", ptr);
    this.size = int("size", size);
  }

  /** Allocates `size` bytes aligned to `align` with a canary on each side and writes both. */
  static alloc(arena: Arena, memory: MemoryLike, size: number, align: number = 4): Guarded {
    int("size", size);
    int("align", align);
    if (size === 0) fail(errors.zeroSize());
    if (!isPowerOfTwo(align)) fail(errors.badAlign(align));
    const front = Math.max(align, 4);
    const [block, top] = arena.plan(front + size + 4, front);
    const g = new Guarded(block + front, size);
    g.write(memory);
    arena.commit(top);
    return g;
  }

  /** Writes both canaries. */
  write(memory: MemoryLike): void {
    if (this.ptr < 4) fail(errors.addressSpace(this.ptr, this.size + 8));
    checkRange(memory, this.ptr + this.size, 4);
    const view = new DataView(memory.buffer);
    view.setUint32(this.ptr - 4, CANARY, true);
    view.setUint32(this.ptr + this.size, CANARY, true);
  }

  /** Throws if a canary was overwritten: the one before first, with where and what. */
  check(memory: MemoryLike): void {
    checkCanaries(memory, this.ptr, this.size);
  }
}

/** Checks the canaries around `[ptr, ptr + size)`; throws on the first overwritten. */
export function checkCanaries(memory: MemoryLike, ptr: number, size: number): void {
  int("ptr", ptr);
  int("size", size);
  if (ptr < 4) fail(errors.addressSpace(ptr, size + 8));
  const sides: [CanarySide, number][] = [
    ["before", ptr - 4],
    ["after", ptr + size],
  ];
  for (const [side, offset] of sides) {
    checkRange(memory, offset, 4);
    const found = new DataView(memory.buffer).getUint32(offset, true);
    if (found !== CANARY) fail(errors.canary(side, ptr, offset, found));
  }
}

// ---- hex dump -----------------------------------------------------------------

/**
 * `length` bytes from `start` in the classic format: 8-digit hex address,
 * two spaces, the bytes in hex padded to 48 columns, two spaces, ASCII
 * with `.` for anything not printable; lines joined with `\n`.
 */
export function hexDump(memory: MemoryLike | Uint8Array, start: number, length: number): string {
  int("start", start);
  int("length", length);
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

/** One region for a request and one for its response, each `maxSize` bytes, from an arena. */
export class RequestBuffer {
  readonly requestPtr: number;
  readonly responsePtr: number;
  readonly maxSize: number;

  constructor(arena: Arena, maxSize: number) {
    const [request, mid] = arena.plan(maxSize, 8);
    const [response, top] = arena.plan(maxSize, 8, mid);
    arena.commit(mid);
    arena.commit(top);
    this.requestPtr = request;
    this.responsePtr = response;
    this.maxSize = maxSize;
  }

  /** Copies `request` into the request region; returns its address. */
  writeRequest(memory: MemoryLike, request: Uint8Array): number {
    if (request.length > this.maxSize) fail(errors.requestTooLarge(request.length, this.maxSize));
    checkRange(memory, this.requestPtr, request.length);
    new Uint8Array(memory.buffer).set(request, this.requestPtr);
    return this.requestPtr;
  }

  /** A copy of the first `length` bytes of the response region. */
  response(memory: MemoryLike, length: number): Uint8Array {
    int("length", length);
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
    const [a, mid] = arena.plan(size, 8);
    const [b, top] = arena.plan(size, 8, mid);
    arena.commit(mid);
    arena.commit(top);
    this.buffers = [a, b];
    this.size = size;
  }

  front(): number {
    return this.buffers[this.current];
  }

  back(): number {
    return this.buffers[this.current === 0 ? 1 : 0];
  }

  swap(): void {
    this.current = this.current === 0 ? 1 : 0;
  }

  /** The front buffer's bytes (a fresh view: do not keep it across memory.grow). */
  frontBytes(memory: MemoryLike): Uint8Array {
    checkRange(memory, this.front(), this.size);
    return new Uint8Array(memory.buffer, this.front(), this.size);
  }

  /** The back buffer's bytes (a fresh view). */
  backBytes(memory: MemoryLike): Uint8Array {
    checkRange(memory, this.back(), this.size);
    return new Uint8Array(memory.buffer, this.back(), this.size);
  }
}

// ---- shared arena -------------------------------------------------------------

/** The shared arena header, as it lies in memory (see Rust's `memory::shared`). */
export interface ArenaHeader {
  magic: number;
  version: number;
  flags: number;
  base: number;
  capacity: number;
  used: number;
  highWater: number;
  allocations: number;
  reserved: number;
}

function readArenaHeader(view: DataView, at: number): ArenaHeader {
  return {
    magic: view.getUint32(at, true),
    version: view.getUint16(at + 4, true),
    flags: view.getUint16(at + 6, true),
    base: view.getUint32(at + 8, true),
    capacity: view.getUint32(at + 12, true),
    used: view.getUint32(at + 16, true),
    highWater: view.getUint32(at + 20, true),
    allocations: view.getUint32(at + 24, true),
    reserved: view.getUint32(at + 28, true),
  };
}

function writeArenaHeader(view: DataView, at: number, h: ArenaHeader): void {
  view.setUint32(at, h.magic, true);
  view.setUint16(at + 4, h.version, true);
  view.setUint16(at + 6, h.flags, true);
  view.setUint32(at + 8, h.base, true);
  view.setUint32(at + 12, h.capacity, true);
  view.setUint32(at + 16, h.used, true);
  view.setUint32(at + 20, h.highWater, true);
  view.setUint32(at + 24, h.allocations, true);
  view.setUint32(at + 28, h.reserved, true);
}

/**
 * An arena whose bookkeeping is a 32-byte header at `at` in the memory
 * itself, read and checked at every call, so Rust (host or guest) and
 * JavaScript allocate from the same region with the same algorithm.
 */
export class SharedArena {
  readonly at: number;

  private constructor(at: number) {
    this.at = at;
  }

  /** Writes a fresh header at `at` for `[base, base + capacity)` (not overlapping it). */
  static init(memory: MemoryLike, at: number, base: number, capacity: number): SharedArena {
    int("at", at);
    const end = regionEnd(base, capacity);
    if (base < at + ARENA_HEADER_SIZE && at < end) fail(errors.badHeader(at, "base", base));
    checkRange(memory, at, ARENA_HEADER_SIZE);
    writeArenaHeader(new DataView(memory.buffer), at, {
      magic: ARENA_MAGIC,
      version: HEADER_VERSION,
      flags: 0,
      base,
      capacity,
      used: 0,
      highWater: 0,
      allocations: 0,
      reserved: 0,
    });
    return new SharedArena(at);
  }

  /** The arena whose header is at `at`, after checking the header. */
  static open(memory: MemoryLike, at: number): SharedArena {
    int("at", at);
    const arena = new SharedArena(at);
    arena.header(memory);
    return arena;
  }

  /** Reads and checks the header. */
  header(memory: MemoryLike): ArenaHeader {
    checkRange(memory, this.at, ARENA_HEADER_SIZE);
    const h = readArenaHeader(new DataView(memory.buffer), this.at);
    const at = this.at;
    if (h.magic !== ARENA_MAGIC) fail(errors.badHeader(at, "magic", h.magic));
    if (h.version !== HEADER_VERSION) fail(errors.badHeader(at, "version", h.version));
    if (h.flags !== 0) fail(errors.badHeader(at, "flags", h.flags));
    if (h.capacity === 0 || h.base + h.capacity > ADDRESS_SPACE) fail(errors.badHeader(at, "capacity", h.capacity));
    if (h.used > h.capacity) fail(errors.badHeader(at, "used", h.used));
    if (h.highWater > h.capacity) fail(errors.badHeader(at, "high_water", h.highWater));
    return h;
  }

  private plan(memory: MemoryLike, size: number, align: number): [number, ArenaHeader] {
    const h = this.header(memory);
    const [start, top] = fit(h.base + h.used, h.base + h.capacity, size, align);
    h.used = top - h.base;
    if (h.used > h.highWater) h.highWater = h.used;
    h.allocations = Math.min(h.allocations + 1, 0xffffffff);
    return [start, h];
  }

  /** A block of `size` bytes aligned to `align`; returns its address. */
  alloc(memory: MemoryLike, size: number, align: number = 8): number {
    const [start, h] = this.plan(memory, size, align);
    writeArenaHeader(new DataView(memory.buffer), this.at, h);
    return start;
  }

  /** Allocates room for a value and writes it with the generated `write` function. */
  place<T>(
    memory: MemoryLike,
    layout: TypeLayoutLike,
    write: (view: DataView, ptr: number, value: T) => void,
    value: T,
  ): number {
    const [start, h] = this.plan(memory, layout.size, layout.align);
    checkRange(memory, start, layout.size);
    const view = new DataView(memory.buffer);
    write(view, start, value);
    writeArenaHeader(view, this.at, h);
    return start;
  }

  /** Frees every block at once. */
  reset(memory: MemoryLike): void {
    const h = this.header(memory);
    h.used = 0;
    h.allocations = 0;
    writeArenaHeader(new DataView(memory.buffer), this.at, h);
  }

  stats(memory: MemoryLike): ArenaStats {
    const h = this.header(memory);
    return {
      base: h.base,
      capacity: h.capacity,
      used: h.used,
      remaining: h.capacity - h.used,
      highWater: h.highWater,
      allocations: h.allocations,
    };
  }
}
