//! [`Pool`]: fixed-size slots with O(1) allocation and free.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;

use crate::align_up;
#[cfg(feature = "alloc")]
use crate::{WasmLayout, WasmPtr};

use super::error::MemoryError;
// The host-side `Pool` keeps its slot table in a `Vec`; the handle and the
// geometry are shared with `SharedPool`, which needs no `alloc`.
#[cfg(feature = "alloc")]
use super::{
    freelist::{self, Slot, SlotTable, SlotTableMut},
    stats::PoolStats,
    storage::Memory,
};

/// A live pool slot: its pool, its index and the generation it was
/// allocated in.
///
/// `pool` is the address of the pool's first slot, which no other pool in
/// the same memory can share without overlapping it: a pool refuses a
/// handle of another pool with
/// [`ForeignHandle`](super::MemoryError::ForeignHandle).
///
/// A slot's generation is odd while it is live and even while it is free,
/// and moves on at each allocation and each free, so a handle kept after
/// its slot was freed (and perhaps handed out again) is recognised. The
/// generation is a u32 that wraps: a handle kept while its slot is freed and
/// allocated again 2^31 times names the slot again. The pool identity does
/// not change that (it tells pools apart, not the uses of one slot); a pool
/// that must rule it out retires its handles well before that many reuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PoolHandle {
    /// The address of the first slot of the pool the handle belongs to.
    pub pool: u32,
    /// The slot's index, from 0.
    pub index: u32,
    /// The slot's generation when it was allocated (odd).
    pub generation: u32,
}

/// A pool of `count` slots of one size in linear memory, each aligned,
/// handed out and taken back in O(1) through a free list, with no
/// fragmentation. The pool keeps its bookkeeping on the host; see
/// [`SharedPool`](super::SharedPool) for the same pool with its bookkeeping
/// inside the linear memory.
///
/// Double free, stale handles, pointers outside the pool or between slots,
/// and exhaustion are errors that change nothing.
///
/// ```
/// use wasm_layout_core::memory::{MemoryError, Pool};
///
/// let mut pool = Pool::new(4096, 24, 8, 2)?;
/// let a = pool.alloc()?;
/// let b = pool.alloc()?;
/// assert_eq!((pool.offset(a)?, pool.offset(b)?), (4096, 4120));
/// assert_eq!(pool.alloc(), Err(MemoryError::PoolExhausted { slots: 2 }));
/// pool.free(a)?;
/// assert_eq!(pool.free(a), Err(MemoryError::DoubleFree { offset: 4096 }));
/// let c = pool.alloc()?; // the same slot, a new generation
/// assert!(matches!(pool.offset(a), Err(MemoryError::StaleHandle { .. })));
/// assert_eq!(pool.handle_at(4120)?, b);
/// assert!(matches!(pool.handle_at(4100), Err(MemoryError::NotSlotStart { .. })));
/// # let _ = c;
/// # Ok::<(), MemoryError>(())
/// ```
#[cfg(feature = "alloc")]
#[derive(Debug, Clone)]
pub struct Pool {
    base: u32,
    stride: u32,
    slots: Vec<Slot>,
    head: u32,
    live: u32,
    /// The high-water mark before the last reset.
    high: u32,
    /// The generation every slot got at the last reset.
    epoch: u32,
}

/// The slot stride, first slot and region end of a pool, checked.
pub(crate) fn pool_geometry(
    base: u32,
    slot_size: usize,
    slot_align: usize,
    count: u32,
) -> Result<(u32, u32, u64), MemoryError> {
    if slot_size == 0 || count == 0 {
        return Err(MemoryError::ZeroSize);
    }
    if !slot_align.is_power_of_two() {
        return Err(MemoryError::BadAlign { align: slot_align });
    }
    // A slot or a first slot past 4 GiB: the slot's own size, at `base`.
    let too_big = MemoryError::AddressSpace { offset: u64::from(base), size: slot_size as u64 };
    let stride = align_up(slot_size, slot_align).and_then(|s| u32::try_from(s).ok()).ok_or(too_big)?;
    let first = align_up(base as usize, slot_align).and_then(|f| u32::try_from(f).ok()).ok_or(too_big)?;
    // stride and count are u32s: their product is exact in a u64.
    let bytes = u64::from(stride).wrapping_mul(u64::from(count));
    let end = u64::from(first).wrapping_add(bytes); // (2^32 - 1)^2 + 2^32 < 2^64: exact
    if end > super::linear::ADDRESS_SPACE {
        return Err(MemoryError::AddressSpace { offset: u64::from(first), size: bytes });
    }
    if first == 0 {
        return Err(MemoryError::NullRegion { end });
    }
    Ok((stride, first, end))
}

#[cfg(feature = "alloc")]
impl Pool {
    /// A pool of `count` slots of `slot_size` bytes, each aligned to
    /// `slot_align`; the first slot is at `base` rounded up to `slot_align`.
    /// Its bookkeeping (8 bytes a slot) is allocated here, once.
    ///
    /// Errors, in this order: `ZeroSize` (no slot, or slots of 0 bytes),
    /// `BadAlign`, `AddressSpace` (a slot, or the slots, past 4 GiB),
    /// `NullRegion` (a first slot at address 0), `HostAllocation`.
    pub fn new(base: u32, slot_size: usize, slot_align: usize, count: u32) -> Result<Self, MemoryError> {
        let (stride, first, _) = pool_geometry(base, slot_size, slot_align, count)?;
        let n = count as usize;
        let mut slots = Vec::new();
        slots.try_reserve_exact(n).map_err(|_| MemoryError::HostAllocation {
            bytes: (n as u64).saturating_mul(core::mem::size_of::<Slot>() as u64),
        })?;
        slots.extend((0..count).map(|i| freelist::reset_slot(i, count, 0)));
        Ok(Pool { base: first, stride, slots, head: 0, live: 0, high: 0, epoch: 0 })
    }

    /// A pool of `count` slots for values of `T`.
    pub fn for_type<T: WasmLayout>(base: u32, count: u32) -> Result<Self, MemoryError> {
        Self::new(base, T::SIZE, T::ALIGN, count)
    }

    /// Takes a free slot: the lowest-addressed one after construction, then
    /// the most recently freed.
    #[inline]
    pub fn alloc(&mut self) -> Result<PoolHandle, MemoryError> {
        match freelist::take(self) {
            Some(take) => Ok(freelist::commit_take(self, take)),
            None => Err(freelist::take_error(self)),
        }
    }

    /// Gives a slot back. Errors: `ForeignHandle` for a handle of another
    /// pool, `OutsideRegion` for a handle of no slot here, `DoubleFree`
    /// when this handle's slot is already free, `StaleHandle` when the slot
    /// was handed out again since.
    #[inline]
    pub fn free(&mut self, handle: PoolHandle) -> Result<(), MemoryError> {
        match freelist::live_slot(self, handle) {
            Some(slot) => {
                freelist::commit_free(self, handle.index, slot);
                Ok(())
            }
            None => Err(freelist::handle_error(self, handle)),
        }
    }

    /// Allocates a slot and writes `value` in it. When `memory` is too small
    /// for the slot, or the value wider than a slot, nothing changes.
    pub fn place<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<PoolHandle, MemoryError> {
        let take = freelist::take(self).ok_or_else(|| freelist::take_error(self))?;
        if T::SIZE > self.stride as usize {
            return Err(MemoryError::SlotTooSmall { size: T::SIZE as u64, stride: self.stride });
        }
        value.write_at(memory.bytes_mut(), freelist::slot_address(self, take.index) as usize)?;
        Ok(freelist::commit_take(self, take))
    }

    /// The address of a live slot.
    #[inline]
    pub fn offset(&self, handle: PoolHandle) -> Result<u32, MemoryError> {
        match freelist::live_slot(self, handle) {
            Some(_) => Ok(freelist::slot_address(self, handle.index)),
            None => Err(freelist::handle_error(self, handle)),
        }
    }

    /// A typed pointer to a live slot.
    #[inline]
    pub fn ptr<T>(&self, handle: PoolHandle) -> Result<WasmPtr<T>, MemoryError> {
        self.offset(handle).map(WasmPtr::new)
    }

    /// The handle of the live slot at `offset`, for pointers that come back
    /// from the guest. Errors: `OutsideRegion`, `NotSlotStart`, `NotAllocated`.
    pub fn handle_at(&self, offset: u32) -> Result<PoolHandle, MemoryError> {
        freelist::handle_at(self, offset)
    }

    /// Frees the live slot at `offset` (see [`handle_at`](Pool::handle_at)).
    pub fn free_ptr(&mut self, offset: u32) -> Result<(), MemoryError> {
        let handle = self.handle_at(offset)?;
        self.free(handle)
    }

    /// Whether `handle` names a live slot.
    #[inline]
    pub fn is_live(&self, handle: PoolHandle) -> bool {
        freelist::live_slot(self, handle).is_some()
    }

    /// Frees every slot at once; every handle becomes stale.
    pub fn reset(&mut self) {
        self.high = self.high_water();
        let count = self.slot_count();
        self.epoch = freelist::reset_generation(self.slots.iter().map(|s| s.generation));
        for (i, slot) in (0..count).zip(self.slots.iter_mut()) {
            *slot = freelist::reset_slot(i, count, self.epoch);
        }
        self.head = 0;
        self.live = 0;
    }

    /// The most slots ever live at once.
    ///
    /// Kept lazily, without a step on the allocation path: since the free
    /// list starts in address order and hands out the slot freed last, a
    /// slot never handed out since the last reset is taken only when every
    /// slot handed out before it is live. So the most slots live at once
    /// since the reset is the number of slots handed out since, the slots
    /// whose generation moved on from the reset's; this counts them.
    fn high_water(&self) -> u32 {
        let since = self.slots.iter().filter(|s| s.generation != self.epoch).count();
        self.high.max(u32::try_from(since).unwrap_or(u32::MAX))
    }

    fn slot_offset(&self, index: u32) -> u64 {
        u64::from(index).saturating_mul(u64::from(self.stride)).saturating_add(u64::from(self.base))
    }

    /// The first slot's address.
    #[inline]
    pub fn base(&self) -> u32 {
        self.base
    }

    /// One past the last slot.
    #[inline]
    pub fn end(&self) -> u64 {
        self.slot_offset(self.slot_count())
    }

    /// Bytes from one slot to the next (the slot size rounded up to its
    /// alignment).
    #[inline]
    pub fn stride(&self) -> u32 {
        self.stride
    }

    /// How many slots there are.
    #[inline]
    pub fn slot_count(&self) -> u32 {
        u32::try_from(self.slots.len()).unwrap_or(u32::MAX)
    }

    /// How many slots are live.
    #[inline]
    pub fn live(&self) -> u32 {
        self.live
    }

    /// How many slots are free.
    #[inline]
    pub fn free_slots(&self) -> u32 {
        self.slot_count().saturating_sub(self.live)
    }

    /// Slot counts and the high-water mark.
    pub fn stats(&self) -> PoolStats {
        PoolStats {
            base: self.base,
            stride: self.stride,
            slots: self.slot_count(),
            live: self.live,
            free: self.free_slots(),
            high_water: self.high_water(),
        }
    }
}

/// The host pool's state for the one pool algorithm.
#[cfg(feature = "alloc")]
impl SlotTable for Pool {
    const UNTRUSTED: bool = false;
    #[inline(always)]
    fn first(&self) -> u32 {
        self.base
    }
    #[inline(always)]
    fn stride(&self) -> u32 {
        self.stride
    }
    #[inline(always)]
    fn count(&self) -> u32 {
        self.slot_count()
    }
    #[inline(always)]
    fn head(&self) -> u32 {
        self.head
    }
    #[inline(always)]
    fn live(&self) -> u32 {
        self.live
    }
    #[inline(always)]
    fn slot(&self, index: u32) -> Option<Slot> {
        self.slots.get(index as usize).copied()
    }
    fn bad_entry(&self, _: &'static str, _: u32) -> MemoryError {
        // Unreachable: the host table keeps the rules.
        MemoryError::PoolExhausted { slots: self.slot_count() }
    }
}

#[cfg(feature = "alloc")]
impl SlotTableMut for Pool {
    #[inline(always)]
    fn set_slot(&mut self, index: u32, slot: Slot) {
        if let Some(s) = self.slots.get_mut(index as usize) {
            *s = slot;
        }
    }
    #[inline(always)]
    fn set_head(&mut self, head: u32, live: u32) {
        self.head = head;
        self.live = live;
    }
}

/// Equality and hashing see the state the accessors report: the high-water
/// mark is kept lazily, so the stored fields alone would make two pools with
/// the same history of `live` compare unequal.
#[cfg(feature = "alloc")]
impl Pool {
    fn observable(&self) -> (u32, u32, &[Slot], u32, u32, u32) {
        (self.base, self.stride, &self.slots, self.head, self.live, self.high_water())
    }
}

#[cfg(feature = "alloc")]
impl PartialEq for Pool {
    fn eq(&self, other: &Self) -> bool {
        self.observable() == other.observable()
    }
}

#[cfg(feature = "alloc")]
impl Eq for Pool {}

#[cfg(feature = "alloc")]
impl core::hash::Hash for Pool {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.observable().hash(state);
    }
}
