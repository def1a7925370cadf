
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
