//! [`Arena`]: allocations in a fixed region that share one lifetime.

use crate::{WasmLayout, WasmPtr};

use super::error::MemoryError;
use super::fit::{fit, region_end};
use super::stats::ArenaStats;
use super::storage::{local, Memory};

/// The bytes `count` values of `T` take, or `AddressSpace`.
#[inline]
pub(crate) fn array_bytes<T: WasmLayout>(count: usize, at: u64) -> Result<usize, MemoryError> {
    T::SIZE.checked_mul(count).ok_or(MemoryError::AddressSpace { offset: at, size: u64::MAX })
}

/// Writes `values` one after the other from the address `start` (in
/// `memory` from its [`origin`](Memory::origin)), after checking the whole
/// range lies inside `memory`, so that it writes all or nothing.
pub(crate) fn write_all<T: crate::WholeValue, M: Memory + ?Sized>(
    memory: &mut M,
    start: u32,
    values: &[T],
) -> Result<(), MemoryError> {
    let len = array_bytes::<T>(values.len(), u64::from(start))?;
    let start = local(memory, start);
    let bytes = memory.bytes_mut();
    let available = bytes.len();
    let region = start.checked_add(len).and_then(|end| bytes.get_mut(start..end)).ok_or(
        MemoryError::Layout(crate::LayoutError::OutOfBounds { offset: start, needed: len, available }),
    )?;
    for (value, chunk) in values.iter().zip(region.chunks_exact_mut(T::SIZE.max(1))) {
        value.write_to(chunk)?;
    }
    Ok(())
}

/// An arena: the region `[base, base + capacity)` of linear memory, handed
/// out front to back, each block aligned with [`align_up`](crate::align_up),
/// and taken back all at once by [`reset`](Arena::reset).
///
/// It only keeps the numbers: the memory is passed to the calls that write
/// ([`place`](Arena::place)), so an arena can live beside a wasm engine's
/// memory. Every error leaves it unchanged.
///
/// ```
/// use wasm_layout_core::memory::{Arena, MemoryError};
///
/// let mut arena = Arena::new(0x1_0000, 1024)?;
/// let a = arena.alloc(10, 8)?;
/// let b = arena.alloc(4, 4)?;
/// assert_eq!((a, b), (0x1_0000, 0x1_000c));
/// assert_eq!((arena.used(), arena.remaining()), (16, 1008));
/// let before = arena.clone();
/// assert!(matches!(arena.alloc(2000, 8), Err(MemoryError::Exhausted { remaining: 1008, .. })));
/// assert_eq!(arena, before);
/// arena.reset();
/// assert_eq!(arena.alloc(1, 1)?, 0x1_0000);
/// # Ok::<(), MemoryError>(())
/// ```
///
/// Placing values writes them through their derived layout and returns a
/// typed pointer to read them back:
///
/// ```
/// use wasm_layout_core::memory::{Arena, LinearMemory, Memory};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let mut arena = Arena::new(1024, 4096)?;
/// let p = arena.place(&mut memory, &0xDEAD_BEEFu32)?;
/// let xs = arena.place_slice(&mut memory, &[1.5f64, 2.5])?;
/// assert_eq!(p.read(memory.bytes())?, 0xDEAD_BEEF);
/// assert_eq!(xs.offset(), 1032);
/// assert_eq!(xs.view_slice(memory.bytes(), 2)?.iter().sum::<f64>(), 4.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Arena {
    base: u64,
    end: u64,
    top: u64,
    high: u64,
    count: u64,
}

impl Arena {
    /// An empty arena over `[base, base + capacity)`.
    ///
    /// Errors: `ZeroSize` for no capacity, `AddressSpace` when the region
    /// would pass 4 GiB, `NullRegion` when it starts at address 0.
    pub fn new(base: u32, capacity: usize) -> Result<Self, MemoryError> {
        let base = u64::from(base);
        let end = region_end(base, capacity)?;
        Ok(Arena { base, end, top: base, high: base, count: 0 })
    }

    /// A block of `size` bytes aligned to `align`; returns its address.
    ///
    /// Errors, in this order: `ZeroSize`, `BadAlign`, `AddressSpace` (the
    /// block would pass 4 GiB), `Exhausted`.
    #[inline]
    pub fn alloc(&mut self, size: usize, align: usize) -> Result<u32, MemoryError> {
        let (start, top) = self.plan(size, align)?;
        self.commit(top);
        Ok(start)
    }

    /// Where a block goes and the top after it, without allocating.
    #[inline(always)]
    pub(crate) fn plan(&self, size: usize, align: usize) -> Result<(u32, u64), MemoryError> {
        fit(self.top, self.end, size, align)
    }

    /// Takes the block [`plan`](Arena::plan) decided on.
    #[inline(always)]
    pub(crate) fn commit(&mut self, top: u64) {
        self.top = top;
        // The high-water mark is folded in lazily (`top` only grows between
        // resets), which keeps the allocation path to two stores.
        self.count = self.count.wrapping_add(1);
    }

    /// Room for `count` values of `T`, uninitialised (whatever bytes were there).
    #[inline]
    pub fn alloc_array<T: WasmLayout>(&mut self, count: usize) -> Result<WasmPtr<T>, MemoryError> {
        let size = array_bytes::<T>(count, self.top)?;
        self.alloc(size, T::ALIGN).map(WasmPtr::new)
    }

    /// Allocates room for `value` and writes it there (padding as zero).
    /// When `memory` is too small for the block nothing is allocated.
    #[inline]
    pub fn place<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.place_slice(memory, core::slice::from_ref(value))
    }

    /// Allocates room for `values` side by side and writes them; returns a
    /// pointer to the first. All or nothing.
    pub fn place_slice<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.place_in(memory, values, false)
    }

    /// [`place_slice`](Arena::place_slice), growing `memory` first when
    /// `grow` is set and the block passes its end (the growth policy of
    /// [`Bump`](super::Bump)).
    pub(crate) fn place_in<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
        grow: bool,
    ) -> Result<WasmPtr<T>, MemoryError> {
        let size = array_bytes::<T>(values.len(), self.top)?;
        let (start, top) = self.plan(size, T::ALIGN)?;
        if grow && top > memory.bytes().len() as u64 {
            memory.grow_to(top)?;
        }
        write_all(memory, start, values)?;
        self.commit(top);
        Ok(WasmPtr::new(start))
    }

    /// Where the next block would start before aligning.
    #[inline]
    pub(crate) fn top(&self) -> u64 {
        self.top
    }

    /// Frees every block at once; the high-water mark stays.
    #[inline]
    pub fn reset(&mut self) {
        self.high = self.high.max(self.top);
        self.top = self.base;
        self.count = 0;
    }

    /// Bytes handed out since the last reset, alignment padding included.
    #[inline]
    pub fn used(&self) -> u64 {
        self.top.saturating_sub(self.base)
    }

    /// Bytes left before the end of the region (before aligning).
    #[inline]
    pub fn remaining(&self) -> u64 {
        self.end.saturating_sub(self.top)
    }

    /// The region's size in bytes.
    #[inline]
    pub fn capacity(&self) -> u64 {
        self.end.saturating_sub(self.base)
    }

    /// The region's first byte.
    #[inline]
    pub fn base(&self) -> u32 {
        u32::try_from(self.base).unwrap_or(u32::MAX)
    }

    /// One past the region's last byte (at most 4 GiB).
    #[inline]
    pub fn end(&self) -> u64 {
        self.end
    }

    /// The most bytes ever in use at once.
    #[inline]
    pub fn high_water(&self) -> u64 {
        self.high.max(self.top).saturating_sub(self.base)
    }

    /// Blocks handed out since the last reset.
    #[inline]
    pub fn allocations(&self) -> u64 {
        self.count
    }

    /// Whether `[offset, offset + size)` lies inside the region.
    #[inline]
    pub fn contains(&self, offset: u32, size: usize) -> bool {
        let offset = u64::from(offset);
        offset >= self.base && offset.checked_add(size as u64).is_some_and(|e| e <= self.end)
    }

    /// Used, remaining, high-water mark and block count.
    pub fn stats(&self) -> ArenaStats {
        ArenaStats {
            base: self.base(),
            capacity: self.capacity(),
            used: self.used(),
            remaining: self.remaining(),
            high_water: self.high_water(),
            allocations: self.count,
        }
    }
}

/// Equality and hashing see the state the accessors report: the high-water
/// mark is kept lazily (folded in at `reset`), so the stored field alone
/// would make two arenas with the same history of `used` compare unequal.
impl Arena {
    fn observable(&self) -> (u64, u64, u64, u64, u64) {
        (self.base, self.end, self.top, self.high.max(self.top), self.count)
    }
}

impl PartialEq for Arena {
    fn eq(&self, other: &Self) -> bool {
        self.observable() == other.observable()
    }
}

impl Eq for Arena {}

impl core::hash::Hash for Arena {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.observable().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::Arena;

    #[test]
    fn equality_sees_the_reported_high_water_mark() {
        let mut once = Arena::new(1024, 4096).unwrap();
        once.alloc(100, 4).unwrap();
        let mut twice = Arena::new(1024, 4096).unwrap();
        twice.alloc(100, 4).unwrap();
        twice.reset();
        assert_ne!(once, twice, "used differs");
        twice.alloc(100, 4).unwrap();
        // Same used, high water and allocation count, reached differently.
        assert_eq!((once.used(), once.high_water()), (twice.used(), twice.high_water()));
        assert_eq!(once, twice);
        twice.alloc(8, 8).unwrap();
        assert_ne!(once, twice);
    }
}
