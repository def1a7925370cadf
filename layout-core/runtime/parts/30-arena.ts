
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

  /** A block that `memory` holds, growing `memory` (ensureCapacity) first when the block passes its end; if it cannot grow, nothing changes. */
  allocIn(memory: GrowableMemory, size: number, align: number): number {
    const [start, top] = this.plan(size, align);
    ensureCapacity(memory, top);
    this.commit(top);
    return start;
  }

  /** `place`, growing `memory` first when the block passes its end. All or nothing. */
  placeGrowing<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    return this.placeSliceGrowing(memory, layout, write, [value]);
  }

  /** `placeSlice`, growing `memory` first when the block passes its end. All or nothing. */
  placeSliceGrowing<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): number {
    const [start, top, bytes] = this.planValues(layout, write, values);
    ensureCapacity(memory, top);
    copyIn(memory, start, bytes);
    this.commit(top);
    return start;
  }

  /**
   * Places the UTF-8 bytes of `text` (alignment 1), which `TextEncoder.encodeInto`
   * writes straight into the memory, and returns its `WasmStr`. `""` allocates
   * nothing and is `{ ptr: 0, len: 0 }`. All or nothing, as `placeSlice`. A lone
   * surrogate is written as U+FFFD, as `TextEncoder` does.
   */
  placeStr(memory: MemoryLike, text: string): WasmStr {
    const len = utf8Length(text);
    if (len === 0) return { ptr: 0, len: 0 };
    const [start, top] = this.plan(len, 1);
    checkRange(memory, start, len);
    encodeStr(memory, start, text, len);
    this.commit(top);
    return { ptr: start, len };
  }

  /** As `placeSlice`, returning the values as a `WasmSlice`; no values allocate nothing and are `{ ptr: 0, len: 0 }`. */
  placeWasmSlice<T>(memory: MemoryLike, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): WasmSlice {
    if (values.length === 0) return { ptr: 0, len: 0 };
    return { ptr: this.placeSlice(memory, layout, write, values), len: values.length };
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

/** The bytes of `text` in UTF-8, as `TextEncoder` writes it (a lone surrogate takes 3). */
function utf8Length(text: string): number {
  if (typeof text !== "string") throw new TypeError(`placeStr: ${String(text)} is not a string`);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

const utf8Encoder = new TextEncoder();

/** Encodes `text`, `len` bytes of UTF-8 that `memory` holds at `start`, in place. */
function encodeStr(memory: MemoryLike, start: number, text: string, len: number): void {
  const { written } = utf8Encoder.encodeInto(text, new Uint8Array(memory.buffer, start, len));
  if (written !== len) throw new Error(`placeStr: wrote ${written} of ${len} bytes`);
}

/**
 * A bump allocator: an Arena that starts after a reserved region (static
 * data, the stack), may end at 4 GiB, and grows the memory when a block
 * passes its end (`allocIn`, `place`, `placeSlice`, `placeStr`, `placeWasmSlice`).
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

  /** Allocates room for `value` (growing `memory` if needed) and writes it. All or nothing. */
  override place<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    return this.placeSliceGrowing(memory, layout, write, [value]);
  }

  /** As `Arena.placeStr`, growing `memory` if needed. */
  override placeStr(memory: GrowableMemory, text: string): WasmStr {
    const len = utf8Length(text);
    if (len === 0) return { ptr: 0, len: 0 };
    const [start, top] = this.plan(len, 1);
    ensureCapacity(memory, top);
    encodeStr(memory, start, text, len);
    this.commit(top);
    return { ptr: start, len };
  }

  /** As `Arena.placeWasmSlice`, growing `memory` if needed. */
  override placeWasmSlice<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): WasmSlice {
    return super.placeWasmSlice(memory, layout, write, values);
  }

  /** Allocates room for `values` side by side (growing `memory` if needed) and writes them. All or nothing. */
  override placeSlice<T>(memory: GrowableMemory, layout: TypeLayoutLike, write: WriteFn<T>, values: readonly T[]): number {
    return this.placeSliceGrowing(memory, layout, write, values);
  }
}
