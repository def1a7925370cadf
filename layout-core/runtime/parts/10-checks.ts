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
  misaligned: (offset: number, align: number): string => `pointer ${hex(offset)} is not aligned to ${align}`,
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
