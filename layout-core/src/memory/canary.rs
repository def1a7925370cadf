//! Canaries: a `0xDEADBEEF` word on each side of an allocation, to catch
//! writes that run past it.

use super::arena::Arena;
use super::error::{CanarySide, MemoryError};
use super::storage::Memory;
use crate::{LayoutError, WasmLayout};

/// The canary word, stored little-endian before and after guarded data.
pub const CANARY: u32 = 0xDEAD_BEEF;

/// A guarded allocation: `size` bytes at `ptr`, with [`CANARY`] in the four
/// bytes before `ptr` and the four bytes from `ptr + size`.
///
/// ```
/// use wasm_layout_core::memory::{Arena, CanarySide, Guarded, LinearMemory, Memory, MemoryError};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let mut arena = Arena::new(1024, 1024)?;
/// let g = Guarded::alloc(&mut arena, &mut memory, 10, 8)?;
/// assert_eq!(g.ptr() % 8, 0);
/// g.check(&memory)?;
/// memory.bytes_mut()[g.ptr() as usize + 10] = 0; // one byte too far
/// assert!(matches!(
///     g.check(&memory),
///     Err(MemoryError::CanaryOverwritten { side: CanarySide::After, found: 0xdeadbe00, .. })
/// ));
/// # Ok::<(), MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Guarded {
    ptr: u32,
    size: u32,
}

impl Guarded {
    /// Allocates `size` bytes aligned to `align` from `arena` with a canary
    /// on each side, and writes both canaries. All or nothing.
    pub fn alloc<M: Memory + ?Sized>(
        arena: &mut Arena,
        memory: &mut M,
        size: usize,
        align: usize,
    ) -> Result<Self, MemoryError> {
        if size == 0 {
            return Err(MemoryError::ZeroSize);
        }
        if !align.is_power_of_two() {
            return Err(MemoryError::BadAlign { align });
        }
        // The data starts one front gap into the block: at least the 4-byte
        // canary, and a multiple of `align` so the data stays aligned.
        let front = align.max(4);
        let total = front
            .checked_add(size)
            .and_then(|n| n.checked_add(4))
            .ok_or(MemoryError::AddressSpace { offset: u64::from(arena.base()), size: u64::MAX })?;
        let size32 = u32::try_from(size)
            .map_err(|_| MemoryError::AddressSpace { offset: u64::from(arena.base()), size: size as u64 })?;
        let mut trial = arena.clone();
        let block = trial.alloc(total, front)?;
        // `block + total` fits in 4 GiB, so these cannot overflow.
        let ptr = block.checked_add(u32::try_from(front).unwrap_or(u32::MAX));
        let guarded = ptr.map(|ptr| Guarded { ptr, size: size32 });
        let guarded =
            guarded.ok_or(MemoryError::AddressSpace { offset: u64::from(block), size: total as u64 })?;
        guarded.write(memory)?;
        *arena = trial;
        Ok(guarded)
    }

    /// The guard of `size` bytes at `ptr` whose canaries are already in
    /// memory (for example a pointer handed back by a guest).
    #[inline]
    pub const fn at(ptr: u32, size: u32) -> Self {
        Guarded { ptr, size }
    }

    /// Writes both canaries around `[ptr, ptr + size)`. All or nothing.
    pub fn write<M: Memory + ?Sized>(&self, memory: &mut M) -> Result<(), MemoryError> {
        let (before, after) = self.canary_offsets()?;
        let bytes = memory.bytes_mut();
        let len = bytes.len();
        let oob = |at: u32| LayoutError::OutOfBounds { offset: at as usize, needed: 4, available: len };
        // Check both before writing either.
        if bytes.get(after as usize..(after as usize).saturating_add(4)).is_none() {
            return Err(oob(after).into());
        }
        CANARY.write_at(bytes, before as usize).map_err(|_| oob(before))?;
        CANARY.write_at(bytes, after as usize).map_err(|_| oob(after))?;
        Ok(())
    }

    /// Checks both canaries; reports the first one overwritten (the one
    /// before when both are), where it is and the word found there.
    pub fn check<M: Memory + ?Sized>(&self, memory: &M) -> Result<(), MemoryError> {
        let (before, after) = self.canary_offsets()?;
        for (side, offset) in [(CanarySide::Before, before), (CanarySide::After, after)] {
            let found = u32::read_at(memory.bytes(), offset as usize)?;
            if found != CANARY {
                return Err(MemoryError::CanaryOverwritten { side, ptr: self.ptr, offset, found });
            }
        }
        Ok(())
    }

    fn canary_offsets(&self) -> Result<(u32, u32), MemoryError> {
        let before = self.ptr.checked_sub(4);
        let after = self.ptr.checked_add(self.size).filter(|a| a.checked_add(4).is_some());
        match (before, after) {
            (Some(b), Some(a)) => Ok((b, a)),
            _ => Err(MemoryError::AddressSpace {
                offset: u64::from(self.ptr),
                size: u64::from(self.size).saturating_add(8),
            }),
        }
    }

    /// The data's address.
    #[inline]
    pub fn ptr(&self) -> u32 {
        self.ptr
    }

    /// The data's size.
    #[inline]
    pub fn size(&self) -> u32 {
        self.size
    }
}
