
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
