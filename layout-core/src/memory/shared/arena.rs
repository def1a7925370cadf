//! [`SharedArena`]: the arena algorithm over a header in linear memory.

use crate::{WasmLayout, WasmPtr};

use super::super::arena::write_all;
use super::super::error::MemoryError;
use super::super::fit::fit;
use super::super::linear::ADDRESS_SPACE;
use super::super::stats::ArenaStats;
use super::super::storage::{end_of, local, Memory};
use super::{bad, overlap, ArenaHeader, ARENA_MAGIC, HEADER_VERSION};

/// An arena whose header lives at `at` in linear memory (see the
/// [module docs](super) for the format). The handle is only the header's
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
    /// which must lie inside `memory`, not contain address 0 and not overlap
    /// the header.
    ///
    /// Errors, in this order: `ZeroSize`, `AddressSpace`, `NullRegion`, an
    /// out-of-bounds `Layout` error when the region or the header passes the
    /// end of `memory`, `BadHeader` (`base`) when they overlap.
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
        if end > end_of(memory) || base < memory.origin() {
            return Err(MemoryError::Layout(crate::LayoutError::OutOfBounds {
                offset: base as usize,
                needed: capacity as usize,
                available: memory.bytes().len(),
            }));
        }
        if overlap(u64::from(at), ArenaHeader::SIZE as u64, u64::from(base), u64::from(capacity)) {
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
        let i = local(memory, at);
        header.write_at(memory.bytes_mut(), i)?;
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

    /// Reads and checks the header (see the [module docs](super) for the
    /// checks).
    pub fn header<M: Memory + ?Sized>(&self, memory: &M) -> Result<ArenaHeader, MemoryError> {
        let h = ArenaHeader::read_at(memory.bytes(), local(memory, self.at))?;
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
        if h.base == 0 {
            return Err(bad(at, "base", h.base));
        }
        let end = u64::from(h.base).saturating_add(u64::from(h.capacity));
        if h.capacity == 0 || end > end_of(memory).min(ADDRESS_SPACE) {
            return Err(bad(at, "capacity", h.capacity));
        }
        if overlap(u64::from(at), ArenaHeader::SIZE as u64, u64::from(h.base), u64::from(h.capacity)) {
            return Err(bad(at, "base", h.base));
        }
        if h.used > h.capacity {
            return Err(bad(at, "used", h.used));
        }
        if h.high_water > h.capacity {
            return Err(bad(at, "high_water", h.high_water));
        }
        Ok(h)
    }

    /// Where a block goes, and the header after it, without writing: the
    /// arena algorithm ([`fit`]) on the header's numbers.
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
    /// [`Arena::alloc`](crate::memory::Arena::alloc), plus `BadHeader`.
    pub fn alloc<M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        size: usize,
        align: usize,
    ) -> Result<u32, MemoryError> {
        let (start, h) = self.plan(memory, size, align)?;
        let i = local(memory, self.at);
        h.write_at(memory.bytes_mut(), i)?;
        Ok(start)
    }

    /// Allocates room for `value` and writes it there. All or nothing.
    pub fn place<T: crate::WholeValue, M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        let (start, h) = self.plan(memory, T::SIZE, T::ALIGN)?;
        // The block lies in the checked region, inside memory and clear of
        // the header: writing it cannot fail or touch the header.
        write_all(memory, start, core::slice::from_ref(value))?;
        let i = local(memory, self.at);
        h.write_at(memory.bytes_mut(), i)?;
        Ok(WasmPtr::new(start))
    }

    /// Frees every block at once.
    pub fn reset<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<(), MemoryError> {
        let mut h = self.header(memory)?;
        h.used = 0;
        h.allocations = 0;
        let i = local(memory, self.at);
        h.write_at(memory.bytes_mut(), i)?;
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
