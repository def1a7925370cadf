
// ---- the guest's own allocator ----------------------------------------------------
//
// A guest that exports its allocator (`alloc(size, align)`, or a bump
// allocator's `bump_alloc(size)`) places values through it; the guest is
// untrusted, so every pointer it returns is checked before a byte is
// written: not 0, the whole block between the heap base and the end of the
// memory, aligned. The same checks, order and texts as Rust's GuestAllocator.

/** A guest's exported allocation functions, as the host calls them. */
export interface GuestAllocFns {
  /** The guest's memory. */
  readonly memory: MemoryLike;
  /** `alloc(size, align)` (or `bump_alloc(size)`): the address, 0 for none. */
  alloc(size: number, align: number): number;
  /** The guest's `free(ptr)`, if it has one. */
  free?(ptr: number): void;
}

/** Places values through the allocator a guest exports, checking each block it returns. */
export class GuestAllocator {
  readonly heapBase: number;
  #allocations = 0;

  constructor(heapBase: number) {
    this.heapBase = u32("heapBase", heapBase);
  }

  /** Blocks the guest handed out through this allocator. */
  get allocations(): number {
    return this.#allocations;
  }

  /** A block of `size` bytes aligned to `align` from the guest, checked. */
  alloc(guest: GuestAllocFns, size: number, align: number): number {
    checked("size", size);
    checked("align", align);
    if (size === 0) fail(errors.zeroSize());
    if (align === 0 || (align & (align - 1)) !== 0 || align > U32_MAX) fail(errors.badAlign(align));
    if (size > U32_MAX) fail(errors.addressSpace(0, size));
    const ptr = guest.alloc(size, align) >>> 0;
    if (ptr === 0) fail(errors.exhausted(size, align, 0));
    const end = guest.memory.buffer.byteLength;
    if (ptr < this.heapBase || ptr + size > end) fail(errors.outsideRegion(ptr, this.heapBase, end));
    if (ptr % align !== 0) fail(errors.misaligned(ptr, align));
    this.#allocations++;
    return ptr;
  }

  /** Allocates room for `value` from the guest and writes it there; returns its address. */
  place<T>(guest: GuestAllocFns, layout: TypeLayoutLike, write: WriteFn<T>, value: T): number {
    const { size, align } = layoutOf(layout);
    const bytes = encode({ size, align }, write, [value]);
    const ptr = this.alloc(guest, size, align);
    copyIn(guest.memory, ptr, bytes);
    return ptr;
  }

  /** Gives a block back through the guest's `free`, if it has one. */
  free(guest: GuestAllocFns, ptr: number): void {
    guest.free?.(u32("ptr", ptr));
  }
}
