
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
