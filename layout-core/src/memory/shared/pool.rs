//! [`SharedPool`]: the pool algorithm over a header and slot table in
//! linear memory.

use core::ops::{Deref, DerefMut};

use crate::WasmLayout;

use super::super::error::MemoryError;
use super::super::freelist::{self, Slot, SlotTable, SlotTableMut, NIL};
use super::super::linear::ADDRESS_SPACE;
use super::super::pool::{pool_geometry, PoolHandle};
use super::super::stats::PoolStats;
use super::super::storage::{end_of, local, Memory};
use super::{bad, overlap, PoolHeader, PoolSlot, HEADER_VERSION, POOL_MAGIC};

/// A [`Pool`](crate::memory::Pool) whose header and slot table live at `at`
/// in linear memory (see the [module docs](super) for the format).
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

/// A checked header and the memory its table lies in: the pool's state for
/// the one pool algorithm. `B` is `&[u8]` to read, `&mut [u8]` to write.
struct Table<B> {
    at: u32,
    h: PoolHeader,
    bytes: B,
    /// The memory's [`origin`](Memory::origin).
    origin: u32,
}

impl<B> Table<B> {
    /// Where the absolute address `addr` lies in `bytes`.
    fn local(&self, addr: u32) -> usize {
        addr.checked_sub(self.origin).map_or(usize::MAX, |i| i as usize)
    }

    fn entry_at(&self, index: u32) -> usize {
        self.local(self.h.table).saturating_add((index as usize).saturating_mul(PoolSlot::SIZE))
    }
}

impl<B: Deref<Target = [u8]>> SlotTable for Table<B> {
    const UNTRUSTED: bool = true;
    fn first(&self) -> u32 {
        self.h.base
    }
    fn stride(&self) -> u32 {
        self.h.stride
    }
    fn count(&self) -> u32 {
        self.h.slots
    }
    fn head(&self) -> u32 {
        self.h.free_head
    }
    fn live(&self) -> u32 {
        self.h.live
    }
    fn slot(&self, index: u32) -> Option<Slot> {
        if index >= self.h.slots {
            return None;
        }
        // The table was checked to lie inside the memory.
        let e = PoolSlot::read_at(&self.bytes, self.entry_at(index)).ok()?;
        Some(Slot { generation: e.generation, next: e.next })
    }
    fn bad_entry(&self, field: &'static str, value: u32) -> MemoryError {
        bad(self.at, field, value)
    }
}

impl<B: DerefMut<Target = [u8]>> SlotTableMut for Table<B> {
    fn set_slot(&mut self, index: u32, slot: Slot) {
        let at = self.entry_at(index);
        // Inside the checked table: cannot fail.
        let _ = PoolSlot { generation: slot.generation, next: slot.next }.write_at(&mut self.bytes, at);
    }
    fn set_head(&mut self, head: u32, live: u32) {
        self.h.free_head = head;
        self.h.live = live;
        self.h.high_water = self.h.high_water.max(live);
        // The header was read from here: cannot fail.
        let at = self.local(self.at);
        let _ = self.h.write_at(&mut self.bytes, at);
    }
}

impl SharedPool {
    /// Writes a fresh header at `at`, its slot table right after it, and
    /// puts `count` slots of `slot_size` bytes aligned to `slot_align`
    /// after the table. The header, the table and the slots must fit in
    /// `memory`.
    ///
    /// Errors: `AddressSpace`, `ZeroSize`, `BadAlign` as
    /// [`Pool::new`](crate::memory::Pool::new), then an out-of-bounds
    /// `Layout` error when the slots pass the end of `memory`.
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
        let (stride, base, end) = pool_geometry(table_end, slot_size, slot_align, count)?;
        let origin = memory.origin();
        if end > end_of(memory) || at < origin {
            return Err(MemoryError::Layout(crate::LayoutError::OutOfBounds {
                offset: at as usize,
                needed: end.saturating_sub(u64::from(at)) as usize,
                available: memory.bytes().len(),
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
        let mut t = Table { at, h: header, bytes: memory.bytes_mut(), origin };
        for i in 0..count {
            t.set_slot(i, freelist::reset_slot(i, count, 0));
        }
        let i = local(memory, at);
        header.write_at(memory.bytes_mut(), i)?;
        Ok(SharedPool { at })
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

    /// Reads and checks the header (see the [module docs](super) for the
    /// checks).
    pub fn header<M: Memory + ?Sized>(&self, memory: &M) -> Result<PoolHeader, MemoryError> {
        let h = PoolHeader::read_at(memory.bytes(), local(memory, self.at))?;
        let at = self.at;
        let fail = |field, value| Err(bad(at, field, value));
        if h.magic != POOL_MAGIC {
            return fail("magic", h.magic);
        }
        if h.version != HEADER_VERSION {
            return fail("version", u32::from(h.version));
        }
        if h.flags != 0 {
            return fail("flags", u32::from(h.flags));
        }
        if h.stride == 0 {
            return fail("stride", h.stride);
        }
        if h.slots == 0 {
            return fail("slots", h.slots);
        }
        if h.base == 0 {
            return fail("base", h.base);
        }
        let len = end_of(memory).min(ADDRESS_SPACE);
        let region = u64::from(h.stride).saturating_mul(u64::from(h.slots));
        if u64::from(h.base).saturating_add(region) > len {
            return fail("slots", h.slots);
        }
        let table_len = u64::from(h.slots).saturating_mul(PoolSlot::SIZE as u64);
        let header = (u64::from(at), PoolHeader::SIZE as u64);
        if u64::from(h.table).saturating_add(table_len) > len
            || overlap(header.0, header.1, u64::from(h.table), table_len)
        {
            return fail("table", h.table);
        }
        if overlap(header.0, header.1, u64::from(h.base), region)
            || overlap(u64::from(h.table), table_len, u64::from(h.base), region)
        {
            return fail("base", h.base);
        }
        if h.free_head != NIL && h.free_head >= h.slots {
            return fail("free_head", h.free_head);
        }
        if h.live > h.slots {
            return fail("live", h.live);
        }
        if h.high_water > h.slots {
            return fail("high_water", h.high_water);
        }
        Ok(h)
    }

    /// The checked state, to read.
    fn table<'m, M: Memory + ?Sized>(&self, memory: &'m M) -> Result<Table<&'m [u8]>, MemoryError> {
        let h = self.header(memory)?;
        Ok(Table { at: self.at, h, bytes: memory.bytes(), origin: memory.origin() })
    }

    /// The checked state, to write.
    fn table_mut<'m, M: Memory + ?Sized>(
        &self,
        memory: &'m mut M,
    ) -> Result<Table<&'m mut [u8]>, MemoryError> {
        let (h, origin) = (self.header(memory)?, memory.origin());
        Ok(Table { at: self.at, h, bytes: memory.bytes_mut(), origin })
    }

    /// Takes a free slot. Errors: `PoolExhausted`, `BadHeader`.
    pub fn alloc<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<PoolHandle, MemoryError> {
        let mut t = self.table_mut(memory)?;
        let take = freelist::take(&t).ok_or_else(|| freelist::take_error(&t))?;
        Ok(freelist::commit_take(&mut t, take))
    }

    /// Gives a slot back. Errors as [`Pool::free`](crate::memory::Pool::free),
    /// plus `BadHeader`.
    pub fn free<M: Memory + ?Sized>(&self, memory: &mut M, handle: PoolHandle) -> Result<(), MemoryError> {
        let mut t = self.table_mut(memory)?;
        let slot = freelist::live_slot(&t, handle).ok_or_else(|| freelist::handle_error(&t, handle))?;
        freelist::commit_free(&mut t, handle.index, slot);
        Ok(())
    }

    /// The address of a live slot.
    pub fn offset<M: Memory + ?Sized>(&self, memory: &M, handle: PoolHandle) -> Result<u32, MemoryError> {
        let t = self.table(memory)?;
        freelist::live_slot(&t, handle).ok_or_else(|| freelist::handle_error(&t, handle))?;
        Ok(freelist::slot_address(&t, handle.index))
    }

    /// The handle of the live slot at `offset`. Errors: `OutsideRegion`,
    /// `NotSlotStart`, `NotAllocated`, `BadHeader`.
    pub fn handle_at<M: Memory + ?Sized>(&self, memory: &M, offset: u32) -> Result<PoolHandle, MemoryError> {
        freelist::handle_at(&self.table(memory)?, offset)
    }

    /// Allocates a slot and writes `value` in it. All or nothing: the
    /// header and the slot are checked, then the value is written, then the
    /// allocation.
    pub fn place<T: WasmLayout, M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        value: &T,
    ) -> Result<PoolHandle, MemoryError> {
        let mut t = self.table_mut(memory)?;
        let take = freelist::take(&t).ok_or_else(|| freelist::take_error(&t))?;
        if T::SIZE > t.h.stride as usize {
            return Err(MemoryError::SlotTooSmall { size: T::SIZE as u64, stride: t.h.stride });
        }
        // The slot lies inside the memory, clear of the header and table.
        let slot = t.local(freelist::slot_address(&t, take.index));
        value.write_at(t.bytes, slot)?;
        Ok(freelist::commit_take(&mut t, take))
    }

    /// Frees every slot at once; every handle becomes stale.
    pub fn reset<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<(), MemoryError> {
        let mut t = self.table_mut(memory)?;
        let count = t.h.slots;
        let generation =
            freelist::reset_generation((0..count).filter_map(|i| t.slot(i)).map(|s| s.generation));
        for i in 0..count {
            t.set_slot(i, freelist::reset_slot(i, count, generation));
        }
        t.set_head(0, 0);
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
