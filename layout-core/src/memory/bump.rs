//! [`Bump`]: the simplest allocator, a pointer that only moves forward.

use crate::WasmPtr;

use super::arena::Arena;
use super::error::MemoryError;
use super::linear::ADDRESS_SPACE;
use super::stats::ArenaStats;
use super::storage::Memory;

/// A bump allocator: starts after a reserved region (static data, the
/// stack), never frees a single block, forgets them all on
/// [`reset`](Bump::reset), and, through [`alloc_in`](Bump::alloc_in) and
/// [`place`](Bump::place), grows the memory when it runs out.
///
/// It is an [`Arena`] (the same algorithm, the same state) over
/// `[start, 4 GiB)` or `[start, start + capacity)`, plus a growth policy:
/// the calls that take the memory make it large enough first.
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bump {
    arena: Arena,
}

impl Bump {
    /// A bump allocator whose first block goes at `start` or after, and
    /// whose last may end at 4 GiB.
    ///
    /// Errors: `NullRegion` for a `start` of 0 (address 0 is never handed
    /// out).
    #[inline]
    pub fn new(start: u32) -> Result<Self, MemoryError> {
        let capacity = ADDRESS_SPACE.saturating_sub(u64::from(start));
        let capacity = usize::try_from(capacity).unwrap_or(usize::MAX);
        Self::with_capacity(start, capacity)
    }

    /// A bump allocator over `[start, start + capacity)` only. Errors as
    /// [`Arena::new`].
    pub fn with_capacity(start: u32, capacity: usize) -> Result<Self, MemoryError> {
        Ok(Bump { arena: Arena::new(start, capacity)? })
    }

    /// A block of `size` bytes aligned to `align`, without looking at the
    /// memory. Errors as [`Arena::alloc`].
    #[inline]
    pub fn alloc(&mut self, size: usize, align: usize) -> Result<u32, MemoryError> {
        self.arena.alloc(size, align)
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
        self.arena.alloc_in(memory, size, align)
    }

    /// Allocates room for `value` (growing `memory` if needed) and writes it.
    #[inline]
    pub fn place<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.arena.place_in(memory, core::slice::from_ref(value), true)
    }

    /// Allocates room for `values` side by side (growing `memory` if
    /// needed) and writes them; returns a pointer to the first.
    pub fn place_slice<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.arena.place_in(memory, values, true)
    }

    /// Forgets every block: the next one goes at the start again.
    #[inline]
    pub fn reset(&mut self) {
        self.arena.reset();
    }

    /// Where the next block would start before aligning.
    #[inline]
    pub fn top(&self) -> u64 {
        self.arena.top()
    }

    /// Bytes handed out since the last reset, alignment padding included.
    #[inline]
    pub fn used(&self) -> u64 {
        self.arena.used()
    }

    /// Bytes left before the limit.
    #[inline]
    pub fn remaining(&self) -> u64 {
        self.arena.remaining()
    }

    /// Used, remaining, high-water mark and block count.
    pub fn stats(&self) -> ArenaStats {
        self.arena.stats()
    }
}
