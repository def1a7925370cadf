//! Allocators that grow the memory when it is full: [`Arena`] and [`Pool`]
//! calls that, like every [`Bump`](super::Bump) call, make the block
//! addressable first through [`Memory::grow_to`] — implemented by
//! [`LinearMemory`](super::LinearMemory), and by a wasm engine's memory
//! behind the [`Memory`] trait (for wasmi: `Memory::grow` by
//! [`pages_for`](super::pages_for)`(len)` minus the current pages; for
//! wasmtime the same with `wasmtime::Memory::grow`).
//!
//! When the memory cannot grow, the call fails with the memory's error
//! (`GrowFailed`, `CannotGrow`, …) and nothing changes: not the allocator,
//! not the memory.
//!
//! ```
//! use wasm_layout_core::memory::{Arena, LinearMemory, Memory, MemoryError, Pool};
//!
//! let mut memory = LinearMemory::new(1, 3)?;
//! let mut arena = Arena::new(1024, 4 << 16)?;
//! let big = arena.alloc_in(&mut memory, 70_000, 8)?;
//! assert_eq!((big, memory.pages()), (1024, 2));
//! let mut pool = Pool::new(0x2_0000, 0x8000, 8, 4)?;
//! let slot = pool.place_growing(&mut memory, &7u64)?;
//! assert_eq!((pool.offset(slot)?, memory.pages()), (0x2_0000, 3));
//! assert!(matches!(arena.alloc_in(&mut memory, 0x2_0000, 8), Err(MemoryError::GrowFailed { .. })));
//! assert_eq!(arena.used(), 70_000, "nothing changed");
//! # Ok::<(), MemoryError>(())
//! ```

use crate::{WasmLayout, WasmPtr};

use super::error::MemoryError;
use super::storage::Memory;
use super::Arena;
#[cfg(feature = "alloc")]
use super::{freelist, Pool, PoolHandle};

impl Arena {
    /// A block that `memory` holds: [`alloc`](Arena::alloc), growing
    /// `memory` first when the block passes its end. If the memory cannot
    /// grow, nothing changes.
    #[inline]
    pub fn alloc_in<M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        size: usize,
        align: usize,
    ) -> Result<u32, MemoryError> {
        let (start, top) = self.plan(size, align)?;
        if top > memory.bytes().len() as u64 {
            memory.grow_to(top)?;
        }
        self.commit(top);
        Ok(start)
    }

    /// [`place`](Arena::place), growing `memory` first when the block
    /// passes its end.
    #[inline]
    pub fn place_growing<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.place_in(memory, core::slice::from_ref(value), true)
    }

    /// [`place_slice`](Arena::place_slice), growing `memory` first when the
    /// block passes its end.
    pub fn place_slice_growing<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmPtr<T>, MemoryError> {
        self.place_in(memory, values, true)
    }
}

#[cfg(feature = "alloc")]
impl Pool {
    /// A free slot that `memory` holds: [`alloc`](Pool::alloc), growing
    /// `memory` first when the slot passes its end.
    pub fn alloc_in<M: Memory + ?Sized>(&mut self, memory: &mut M) -> Result<PoolHandle, MemoryError> {
        let take = freelist::take(self).ok_or_else(|| freelist::take_error(self))?;
        let end =
            u64::from(freelist::slot_address(self, take.index)).saturating_add(u64::from(self.stride()));
        if end > memory.bytes().len() as u64 {
            memory.grow_to(end)?;
        }
        Ok(freelist::commit_take(self, take))
    }

    /// [`place`](Pool::place), growing `memory` first when the slot passes
    /// its end.
    pub fn place_growing<T: WasmLayout, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        value: &T,
    ) -> Result<PoolHandle, MemoryError> {
        let take = freelist::take(self).ok_or_else(|| freelist::take_error(self))?;
        if T::SIZE > self.stride() as usize {
            return Err(MemoryError::SlotTooSmall { size: T::SIZE as u64, stride: self.stride() });
        }
        let at = freelist::slot_address(self, take.index);
        let end = u64::from(at).saturating_add(T::SIZE as u64);
        if end > memory.bytes().len() as u64 {
            memory.grow_to(end)?;
        }
        value.write_at(memory.bytes_mut(), at as usize)?;
        Ok(freelist::commit_take(self, take))
    }
}
