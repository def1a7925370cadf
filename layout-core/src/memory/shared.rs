//! Allocators whose bookkeeping lives in the linear memory itself, so a
//! host and a guest (or JavaScript, through the TypeScript runtime) allocate
//! from the same region with the same algorithm.
//!
//! # Format
//!
//! Both headers are little-endian, like everything in wasm memory, and are
//! part of the public format: any version of any implementation that reads
//! `version` 1 reads them as described here. Each begins with a magic word
//! that reads as ASCII in a hex dump, then the version.
//!
//! **Arena header**, 32 bytes, [`ArenaHeader`]:
//!
//! | offset | field | type | meaning |
//! |---|---|---|---|
//! | 0 | `magic` | u32 | [`ARENA_MAGIC`], `"WLAR"` in memory |
//! | 4 | `version` | u16 | [`HEADER_VERSION`] (1) |
//! | 6 | `flags` | u16 | 0; readers reject anything else |
//! | 8 | `base` | u32 | the region's first byte |
//! | 12 | `capacity` | u32 | the region's size; `base + capacity` ≤ 2³² |
//! | 16 | `used` | u32 | bytes handed out since the last reset: the next block starts at `align_up(base + used, align)` |
//! | 20 | `high_water` | u32 | the largest `used` ever |
//! | 24 | `allocations` | u32 | blocks handed out since the last reset |
//! | 28 | `reserved` | u32 | 0 |
//!
//! Allocating `size` bytes aligned to `align`: `start = align_up(base + used,
//! align)`; if `start + size > base + capacity` the arena is exhausted and
//! nothing is written; otherwise `used = start + size - base`,
//! `high_water = max(high_water, used)`, `allocations += 1`. Reset sets
//! `used` and `allocations` to 0.
//!
//! **Pool header**, 40 bytes, [`PoolHeader`], followed by the slot table:
//!
//! | offset | field | type | meaning |
//! |---|---|---|---|
//! | 0 | `magic` | u32 | [`POOL_MAGIC`], `"WLPL"` in memory |
//! | 4 | `version` | u16 | [`HEADER_VERSION`] (1) |
//! | 6 | `flags` | u16 | 0 |
//! | 8 | `base` | u32 | the first slot's address |
//! | 12 | `stride` | u32 | bytes from one slot to the next |
//! | 16 | `slots` | u32 | the number of slots |
//! | 20 | `table` | u32 | the slot table's address |
//! | 24 | `free_head` | u32 | index of the first free slot, `0xFFFF_FFFF` when none |
//! | 28 | `live` | u32 | live slots |
//! | 32 | `high_water` | u32 | the most slots ever live at once |
//! | 36 | `reserved` | u32 | 0 |
//!
//! The slot table holds one 8-byte [`PoolSlot`] per slot: `generation: u32`
//! (odd while live, even while free, +1 at each allocation and free) and
//! `next: u32` (the next free slot's index while free). Allocation pops
//! `free_head`; free pushes the slot back, so both are O(1).

use crate::{WasmLayout, WasmPtr};
use wasm_layout_derive::WasmLayout;

use super::arena::fit;
use super::error::MemoryError;
use super::linear::ADDRESS_SPACE;
use super::pool::{pool_geometry, PoolHandle, NIL};
use super::stats::{ArenaStats, PoolStats};
use super::storage::Memory;

/// The version of both header formats.
pub const HEADER_VERSION: u16 = 1;

/// `"WLAR"` read as a little-endian u32.
pub const ARENA_MAGIC: u32 = u32::from_le_bytes(*b"WLAR");

/// `"WLPL"` read as a little-endian u32.
pub const POOL_MAGIC: u32 = u32::from_le_bytes(*b"WLPL");

/// The bookkeeping of a [`SharedArena`], as it lies in linear memory.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct ArenaHeader {
    /// [`ARENA_MAGIC`].
    pub magic: u32,
    /// [`HEADER_VERSION`].
    pub version: u16,
    /// 0.
    pub flags: u16,
    /// The region's first byte.
    pub base: u32,
    /// The region's size.
    pub capacity: u32,
    /// Bytes handed out since the last reset.
    pub used: u32,
    /// The largest `used` ever.
    pub high_water: u32,
    /// Blocks handed out since the last reset.
    pub allocations: u32,
    /// 0.
    pub reserved: u32,
}

/// The bookkeeping of a [`SharedPool`], as it lies in linear memory.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct PoolHeader {
    /// [`POOL_MAGIC`].
    pub magic: u32,
    /// [`HEADER_VERSION`].
    pub version: u16,
    /// 0.
    pub flags: u16,
    /// The first slot's address.
    pub base: u32,
    /// Bytes from one slot to the next.
    pub stride: u32,
    /// The number of slots.
    pub slots: u32,
    /// The slot table's address.
    pub table: u32,
    /// The first free slot's index, `0xFFFF_FFFF` when none.
    pub free_head: u32,
    /// Live slots.
    pub live: u32,
    /// The most slots ever live at once.
    pub high_water: u32,
    /// 0.
    pub reserved: u32,
}

/// One entry of a [`SharedPool`]'s slot table.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct PoolSlot {
    /// Odd while live, even while free.
    pub generation: u32,
    /// The next free slot's index while free.
    pub next: u32,
}

const _: () = assert!(ArenaHeader::SIZE == 32 && PoolHeader::SIZE == 40 && PoolSlot::SIZE == 8);

fn bad(at: u32, field: &'static str, value: u32) -> MemoryError {
    MemoryError::BadHeader { at, field, value }
}

/// An arena whose header lives at `at` in linear memory (see the
/// [module docs](self) for the format). The handle is only the header's
/// address: every call reads and checks the header, so any party that
/// follows the format may allocate in between.
///
/// ```
/// use wasm_layout_core::memory::{LinearMemory, SharedArena};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let arena = SharedArena::init(&mut memory, 64, 1024, 4096)?;
/// assert_eq!(arena.alloc(&mut memory, 10, 8)?, 1024);
/// // Someone else, later, from the bytes alone:
/// let again = SharedArena::open(&memory, 64)?;
/// assert_eq!(again.alloc(&mut memory, 4, 4)?, 1036);
/// assert_eq!(again.stats(&memory)?.allocations, 2);
/// # Ok::<(), wasm_layout_core::memory::MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SharedArena {
    at: u32,
}

impl SharedArena {
    /// Writes a fresh header at `at` for the region `[base, base + capacity)`,
    /// which must not overlap the header.
    pub fn init<M: Memory + ?Sized>(
        memory: &mut M,
        at: u32,
        base: u32,
        capacity: u32,
    ) -> Result<Self, MemoryError> {
        if capacity == 0 {
            return Err(MemoryError::ZeroSize);
        }
        let end = u64::from(base).saturating_add(u64::from(capacity));
        if end > ADDRESS_SPACE {
            return Err(MemoryError::AddressSpace { offset: u64::from(base), size: u64::from(capacity) });
        }
        if base == 0 {
            return Err(MemoryError::NullRegion { end });
        }
        let header_end = u64::from(at).saturating_add(ArenaHeader::SIZE as u64);
        if u64::from(base) < header_end && u64::from(at) < end {
            return Err(bad(at, "base", base));
        }
        let header = ArenaHeader {
            magic: ARENA_MAGIC,
            version: HEADER_VERSION,
            flags: 0,
            base,
            capacity,
            used: 0,
            high_water: 0,
            allocations: 0,
            reserved: 0,
        };
        header.write_at(memory.bytes_mut(), at as usize)?;
        Ok(SharedArena { at })
    }

    /// The arena whose header is at `at`, after checking the header.
    pub fn open<M: Memory + ?Sized>(memory: &M, at: u32) -> Result<Self, MemoryError> {
        let arena = SharedArena { at };
        arena.header(memory)?;
        Ok(arena)
    }

    /// The header's address.
    #[inline]
    pub fn at(&self) -> u32 {
        self.at
    }

    /// Reads and checks the header.
    pub fn header<M: Memory + ?Sized>(&self, memory: &M) -> Result<ArenaHeader, MemoryError> {
        let h = ArenaHeader::read_at(memory.bytes(), self.at as usize)?;
        let at = self.at;
        if h.magic != ARENA_MAGIC {
            return Err(bad(at, "magic", h.magic));
        }
        if h.version != HEADER_VERSION {
            return Err(bad(at, "version", u32::from(h.version)));
        }
        if h.flags != 0 {
            return Err(bad(at, "flags", u32::from(h.flags)));
        }
        if h.capacity == 0 || u64::from(h.base).saturating_add(u64::from(h.capacity)) > ADDRESS_SPACE {
            return Err(bad(at, "capacity", h.capacity));
        }
        if h.used > h.capacity {
            return Err(bad(at, "used", h.used));
        }
        if h.high_water > h.capacity {
            return Err(bad(at, "high_water", h.high_water));
        }
        Ok(h)
    }

    /// Where a block goes, and the header after it, without writing.
    #[inline]
    fn plan<M: Memory + ?Sized>(
        &self,
        memory: &M,
        size: usize,
        align: usize,
    ) -> Result<(u32, ArenaHeader), MemoryError> {
        let mut h = self.header(memory)?;
        let base = u64::from(h.base);
        let top = base.saturating_add(u64::from(h.used));
        let (start, new_top) = fit(top, base.saturating_add(u64::from(h.capacity)), size, align)?;
        // new_top <= base + capacity, so used stays within u32.
        h.used = u32::try_from(new_top.saturating_sub(base)).unwrap_or(u32::MAX);
        h.high_water = h.high_water.max(h.used);
        h.allocations = h.allocations.saturating_add(1);
        Ok((start, h))
    }

    /// A block of `size` bytes aligned to `align`. Errors as
    /// [`Arena::alloc`](super::Arena::alloc), plus `BadHeader`.
    pub fn alloc<M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        size: usize,
        align: usize,
    ) -> Result<u32, MemoryError> {
        let (start, h) = self.plan(memory, size, align)?;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(start)
    }

    /// Allocates room for `value` and writes it there. All or nothing.
    pub fn place<T: WasmLayout, M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        let (start, h) = self.plan(memory, T::SIZE, T::ALIGN)?;
        value.write_at(memory.bytes_mut(), start as usize)?;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(WasmPtr::new(start))
    }

    /// Frees every block at once.
    pub fn reset<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<(), MemoryError> {
        let mut h = self.header(memory)?;
        h.used = 0;
        h.allocations = 0;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(())
    }

    /// Used, remaining, high-water mark and block count.
    pub fn stats<M: Memory + ?Sized>(&self, memory: &M) -> Result<ArenaStats, MemoryError> {
        let h = self.header(memory)?;
        Ok(ArenaStats {
            base: h.base,
            capacity: u64::from(h.capacity),
            used: u64::from(h.used),
            remaining: u64::from(h.capacity.saturating_sub(h.used)),
            high_water: u64::from(h.high_water),
            allocations: u64::from(h.allocations),
        })
    }
}

/// A [`Pool`](super::Pool) whose header and slot table live at `at` in
/// linear memory (see the [module docs](self) for the format).
///
/// ```
/// use wasm_layout_core::memory::{LinearMemory, MemoryError, SharedPool};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let pool = SharedPool::init(&mut memory, 256, 16, 8, 4)?;
/// let a = pool.alloc(&mut memory)?;
/// assert_eq!(pool.offset(&memory, a)?, 256 + 40 + 4 * 8); // right after the slot table
/// pool.free(&mut memory, a)?;
/// assert_eq!(pool.free(&mut memory, a), Err(MemoryError::DoubleFree { offset: 328 }));
/// # Ok::<(), MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SharedPool {
    at: u32,
}

impl SharedPool {
    /// Writes a fresh header at `at`, its slot table right after it, and
    /// puts `count` slots of `slot_size` bytes aligned to `slot_align`
    /// after the table. The header and table must fit in `memory`.
    pub fn init<M: Memory + ?Sized>(
        memory: &mut M,
        at: u32,
        slot_size: usize,
        slot_align: usize,
        count: u32,
    ) -> Result<Self, MemoryError> {
        let table = at
            .checked_add(PoolHeader::SIZE as u32)
            .ok_or(MemoryError::AddressSpace { offset: u64::from(at), size: PoolHeader::SIZE as u64 })?;
        let table_bytes = u64::from(count).saturating_mul(PoolSlot::SIZE as u64);
        let table_end = u32::try_from(u64::from(table).saturating_add(table_bytes))
            .map_err(|_| MemoryError::AddressSpace { offset: u64::from(table), size: table_bytes })?;
        let (stride, base, _) = pool_geometry(table_end, slot_size, slot_align, count)?;
        let len = memory.bytes().len();
        if u64::from(table_end) > len as u64 {
            return Err(MemoryError::Layout(crate::LayoutError::OutOfBounds {
                offset: at as usize,
                needed: (table_end.saturating_sub(at)) as usize,
                available: len,
            }));
        }
        let header = PoolHeader {
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
        };
        let pool = SharedPool { at };
        pool.write_free_list(memory, &header, |_| 0)?;
        header.write_at(memory.bytes_mut(), at as usize)?;
        Ok(pool)
    }

    /// Links every slot into the free list in address order, with the
    /// generation `gen(old)` (the table is known to fit).
    fn write_free_list<M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        h: &PoolHeader,
        generation: impl Fn(u32) -> u32,
    ) -> Result<(), MemoryError> {
        let bytes = memory.bytes_mut();
        let table = h.table as usize;
        let len = (h.slots as usize).saturating_mul(PoolSlot::SIZE);
        let region = table
            .checked_add(len)
            .and_then(|end| bytes.get_mut(table..end))
            .ok_or(bad(self.at, "table", h.table))?;
        for (i, entry) in (1..=h.slots).zip(region.chunks_exact_mut(PoolSlot::SIZE)) {
            let old = PoolSlot::read_from(entry)?.generation;
            let slot = PoolSlot { generation: generation(old), next: if i == h.slots { NIL } else { i } };
            slot.write_to(entry)?;
        }
        Ok(())
    }

    /// The pool whose header is at `at`, after checking the header.
    pub fn open<M: Memory + ?Sized>(memory: &M, at: u32) -> Result<Self, MemoryError> {
        let pool = SharedPool { at };
        pool.header(memory)?;
        Ok(pool)
    }

    /// The header's address.
    #[inline]
    pub fn at(&self) -> u32 {
        self.at
    }

    /// Reads and checks the header.
    pub fn header<M: Memory + ?Sized>(&self, memory: &M) -> Result<PoolHeader, MemoryError> {
        let bytes = memory.bytes();
        let h = PoolHeader::read_at(bytes, self.at as usize)?;
        let at = self.at;
        if h.magic != POOL_MAGIC {
            return Err(bad(at, "magic", h.magic));
        }
        if h.version != HEADER_VERSION {
            return Err(bad(at, "version", u32::from(h.version)));
        }
        if h.flags != 0 {
            return Err(bad(at, "flags", u32::from(h.flags)));
        }
        if h.stride == 0 {
            return Err(bad(at, "stride", h.stride));
        }
        let region = u64::from(h.stride).saturating_mul(u64::from(h.slots));
        if h.slots == 0 || u64::from(h.base).saturating_add(region) > ADDRESS_SPACE {
            return Err(bad(at, "slots", h.slots));
        }
        let table_end =
            u64::from(h.table).saturating_add(u64::from(h.slots).saturating_mul(PoolSlot::SIZE as u64));
        if table_end > bytes.len() as u64 {
            return Err(bad(at, "table", h.table));
        }
        if h.free_head != NIL && h.free_head >= h.slots {
            return Err(bad(at, "free_head", h.free_head));
        }
        if h.live > h.slots {
            return Err(bad(at, "live", h.live));
        }
        Ok(h)
    }

    fn entry_at(h: &PoolHeader, index: u32) -> usize {
        (h.table as usize).saturating_add((index as usize).saturating_mul(PoolSlot::SIZE))
    }

    fn slot_offset(h: &PoolHeader, index: u32) -> u32 {
        // index < slots and base + stride * slots <= 4 GiB, checked by `header`.
        index.wrapping_mul(h.stride).wrapping_add(h.base)
    }

    /// Takes a free slot. Errors: `PoolExhausted`, `BadHeader`.
    pub fn alloc<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<PoolHandle, MemoryError> {
        let mut h = self.header(memory)?;
        let index = h.free_head;
        if index == NIL {
            return Err(MemoryError::PoolExhausted { slots: h.slots });
        }
        let entry_at = Self::entry_at(&h, index);
        let mut slot = PoolSlot::read_at(memory.bytes(), entry_at)?;
        if slot.generation & 1 == 1 || (slot.next != NIL && slot.next >= h.slots) {
            return Err(bad(self.at, "free_head", index));
        }
        slot.generation = slot.generation.wrapping_add(1);
        h.free_head = slot.next;
        h.live = h.live.saturating_add(1);
        h.high_water = h.high_water.max(h.live);
        slot.write_at(memory.bytes_mut(), entry_at)?;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(PoolHandle { pool: h.base, index, generation: slot.generation })
    }

    /// Checks `handle` against the table: the header, the entry's address
    /// and the entry.
    fn live_slot<M: Memory + ?Sized>(
        &self,
        memory: &M,
        handle: PoolHandle,
    ) -> Result<(PoolHeader, usize, PoolSlot), MemoryError> {
        let h = self.header(memory)?;
        if handle.pool != h.base {
            return Err(MemoryError::ForeignHandle { expected: h.base, found: handle.pool });
        }
        if handle.index >= h.slots {
            let region = u64::from(h.stride).saturating_mul(u64::from(h.slots));
            return Err(MemoryError::OutsideRegion {
                offset: u64::from(h.base)
                    .saturating_add(u64::from(handle.index).saturating_mul(u64::from(h.stride))),
                base: u64::from(h.base),
                end: u64::from(h.base).saturating_add(region),
            });
        }
        let entry_at = Self::entry_at(&h, handle.index);
        let slot = PoolSlot::read_at(memory.bytes(), entry_at)?;
        if slot.generation == handle.generation && handle.generation & 1 == 1 {
            return Ok((h, entry_at, slot));
        }
        if handle.generation & 1 == 1 && slot.generation == handle.generation.wrapping_add(1) {
            return Err(MemoryError::DoubleFree { offset: Self::slot_offset(&h, handle.index) });
        }
        Err(MemoryError::StaleHandle {
            index: handle.index,
            generation: handle.generation,
            current: slot.generation,
        })
    }

    /// Gives a slot back. Errors as [`Pool::free`](super::Pool::free), plus
    /// `BadHeader`.
    pub fn free<M: Memory + ?Sized>(&self, memory: &mut M, handle: PoolHandle) -> Result<(), MemoryError> {
        let (mut h, entry_at, mut slot) = self.live_slot(memory, handle)?;
        slot.generation = slot.generation.wrapping_add(1);
        slot.next = h.free_head;
        h.free_head = handle.index;
        h.live = h.live.saturating_sub(1);
        slot.write_at(memory.bytes_mut(), entry_at)?;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(())
    }

    /// The address of a live slot.
    pub fn offset<M: Memory + ?Sized>(&self, memory: &M, handle: PoolHandle) -> Result<u32, MemoryError> {
        let (h, _, _) = self.live_slot(memory, handle)?;
        Ok(Self::slot_offset(&h, handle.index))
    }

    /// The handle of the live slot at `offset`. Errors: `OutsideRegion`,
    /// `NotSlotStart`, `NotAllocated`, `BadHeader`.
    pub fn handle_at<M: Memory + ?Sized>(&self, memory: &M, offset: u32) -> Result<PoolHandle, MemoryError> {
        let h = self.header(memory)?;
        let end = u64::from(h.base).saturating_add(u64::from(h.stride).saturating_mul(u64::from(h.slots)));
        let outside = MemoryError::OutsideRegion { offset: u64::from(offset), base: u64::from(h.base), end };
        let rel = offset.checked_sub(h.base).filter(|_| u64::from(offset) < end).ok_or(outside)?;
        if rel.checked_rem(h.stride) != Some(0) {
            return Err(MemoryError::NotSlotStart { offset, stride: h.stride });
        }
        let index = rel.checked_div(h.stride).ok_or(outside)?;
        let slot = PoolSlot::read_at(memory.bytes(), Self::entry_at(&h, index))?;
        if slot.generation & 1 == 1 {
            Ok(PoolHandle { pool: h.base, index, generation: slot.generation })
        } else {
            Err(MemoryError::NotAllocated { offset })
        }
    }

    /// Allocates a slot and writes `value` in it. All or nothing.
    pub fn place<T: WasmLayout, M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        value: &T,
    ) -> Result<PoolHandle, MemoryError> {
        let h = self.header(memory)?;
        if h.free_head == NIL {
            return Err(MemoryError::PoolExhausted { slots: h.slots });
        }
        let offset = Self::slot_offset(&h, h.free_head);
        if T::SIZE > h.stride as usize {
            return Err(MemoryError::SlotTooSmall { size: T::SIZE as u64, stride: h.stride });
        }
        // Check the free list before writing the value, so a failing
        // allocation writes nothing.
        let slot = PoolSlot::read_at(memory.bytes(), Self::entry_at(&h, h.free_head))?;
        if slot.generation & 1 == 1 || (slot.next != NIL && slot.next >= h.slots) {
            return Err(bad(self.at, "free_head", h.free_head));
        }
        value.write_at(memory.bytes_mut(), offset as usize)?;
        self.alloc(memory)
    }

    /// Frees every slot at once; every handle becomes stale.
    pub fn reset<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<(), MemoryError> {
        let mut h = self.header(memory)?;
        self.write_free_list(memory, &h, |g| g.wrapping_add(g & 1))?;
        h.free_head = 0;
        h.live = 0;
        h.write_at(memory.bytes_mut(), self.at as usize)?;
        Ok(())
    }

    /// Slot counts and the high-water mark.
    pub fn stats<M: Memory + ?Sized>(&self, memory: &M) -> Result<PoolStats, MemoryError> {
        let h = self.header(memory)?;
        Ok(PoolStats {
            base: h.base,
            stride: h.stride,
            slots: h.slots,
            live: h.live,
            free: h.slots.saturating_sub(h.live),
            high_water: h.high_water,
        })
    }
}
