//! [`Bump`]: the simplest allocator, a pointer that only moves forward.

use crate::{WasmLayout, WasmPtr};

use super::arena::{array_bytes, fit, write_all};
use super::error::MemoryError;
use super::linear::ADDRESS_SPACE;
use super::stats::ArenaStats;
use super::storage::Memory;

/// A bump allocator: starts after a reserved region (static data, the
/// stack), never frees a single block, forgets them all on
/// [`reset`](Bump::reset), and, through [`alloc_in`](Bump::alloc_in) and
/// [`place`](Bump::place), grows the memory when it runs out.
///
/// ```
/// use wasm_layout_core::memory::{Bump, LinearMemory, Memory, PAGE_SIZE};
///
/// let mut memory = LinearMemory::new(1, 4)?;
/// let mut bump = Bump::new(1024)?;
/// let big = bump.alloc_in(&mut memory, 100_000, 8)?; // grows the memory to 2 pages
/// assert_eq!(big, 1024);
/// assert_eq!(memory.pages(), 2);
/// let p = bump.place(&mut memory, &7u64)?;
/// assert_eq!(p.read(memory.bytes())?, 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Bump {
    start: u64,
    limit: u64,
    top: u64,
    high: u64,
    count: u64,
}

impl Bump {
    /// A bump allocator whose first block goes at `start` or after, and
    /// whose last may end at 4 GiB.
    ///
    /// Errors: `NullRegion` for a `start` of 0 (address 0 is never handed
    /// out).
    #[inline]
    pub fn new(start: u32) -> Result<Self, MemoryError> {
        let start = u64::from(start);
        if start == 0 {
            return Err(MemoryError::NullRegion { end: ADDRESS_SPACE });
        }
        Ok(Bump { start, limit: ADDRESS_SPACE, top: start, high: start, count: 0 })
    }

    /// A bump allocator over `[start, start + capacity)` only.
    pub fn with_capacity(start: u32, capacity: usize) -> Result<Self, MemoryError> {
        let start64 = u64::from(start);
        let limit = super::arena::region_end(start64, capacity)?;
        Ok(Bump { start: start64, limit, top: start64, high: start64, count: 0 })
    }

    /// A block of `size` bytes aligned to `align`, without looking at the
    /// memory. Errors as [`Arena::alloc`](super::Arena::alloc).
    #[inline]
    pub fn alloc(&mut self, size: usize, align: usize) -> Result<u32, MemoryError> {
        let (start, top) = fit(self.top, self.limit, size, align)?;
        self.commit(top);
        Ok(start)
    }

    /// A block that `memory` holds, growing `memory` first when the block
    /// passes its end. If the memory cannot grow, nothing changes.
    #[inline]
    pub fn alloc_in<M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        size: usize,
        align: usize,
    ) -> Result<u32, MemoryError> {
        let (start, top) = fit(self.top, self.limit, size, align)?;
        if top > memory.bytes().len() as u64 {
            memory.grow_to(top)?;
        }
        self.commit(top);
        Ok(start)
    }

    #[inline(always)]
    fn commit(&mut self, top: u64) {
        self.top = top;
        // As in `Arena`: the high-water mark is folded in lazily.
        self.count = self.count.wrapping_add(1);
    }

    /// Allocates room for `value` (growing `memory` if needed) and writes it.
    #[inline]
    pub fn place<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.place_slice(memory, core::slice::from_ref(value))
    }

    /// Allocates room for `values` side by side (growing `memory` if
    /// needed) and writes them; returns a pointer to the first.
    pub fn place_slice<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmPtr<T>, MemoryError> {
        let size = array_bytes::<T>(values.len(), self.top)?;
        let (start, top) = fit(self.top, self.limit, size, T::ALIGN)?;
        if top > memory.bytes().len() as u64 {
            memory.grow_to(top)?;
        }
        write_all(memory, start, values)?;
        self.commit(top);
        Ok(WasmPtr::new(start))
    }

    /// Forgets every block: the next one goes at the start again.
    #[inline]
    pub fn reset(&mut self) {
        self.high = self.high.max(self.top);
        self.top = self.start;
        self.count = 0;
    }

    /// Where the next block would start before aligning.
    #[inline]
    pub fn top(&self) -> u64 {
        self.top
    }

    /// Bytes handed out since the last reset, alignment padding included.
    #[inline]
    pub fn used(&self) -> u64 {
        self.top.saturating_sub(self.start)
    }

    /// Bytes left before the limit.
    #[inline]
    pub fn remaining(&self) -> u64 {
        self.limit.saturating_sub(self.top)
    }

    /// Used, remaining, high-water mark and block count.
    pub fn stats(&self) -> ArenaStats {
        ArenaStats {
            base: u32::try_from(self.start).unwrap_or(u32::MAX),
            capacity: self.limit.saturating_sub(self.start),
            used: self.used(),
            remaining: self.remaining(),
            high_water: self.high.max(self.top).saturating_sub(self.start),
            allocations: self.count,
        }
    }
}

/// Equality and hashing see the state the accessors report: the high-water
/// mark is kept lazily (folded in at `reset`), so the stored field alone
/// would make two bumps with the same history of `used` compare unequal.
impl Bump {
    fn observable(&self) -> (u64, u64, u64, u64, u64) {
        (self.start, self.limit, self.top, self.high.max(self.top), self.count)
    }
}

impl PartialEq for Bump {
    fn eq(&self, other: &Self) -> bool {
        self.observable() == other.observable()
    }
}

impl Eq for Bump {}

impl core::hash::Hash for Bump {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.observable().hash(state);
    }
}
