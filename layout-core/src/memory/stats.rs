//! Statistics: the memory's size, and each allocator's use.

use core::fmt;

use super::linear::PAGE_SIZE;
use super::storage::Memory;

/// The size of a memory.
///
/// ```
/// use wasm_layout_core::memory::{LinearMemory, MemoryStats};
///
/// let memory = LinearMemory::new(2, 16)?;
/// let stats = MemoryStats::of(&memory);
/// assert_eq!((stats.bytes, stats.pages), (131_072, 2));
/// assert_eq!(stats.to_string(), "memory: 131072 bytes, 2 pages (max 16), 0.12 MiB");
/// # Ok::<(), wasm_layout_core::memory::MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryStats {
    /// Bytes.
    pub bytes: u64,
    /// Whole 64 KiB pages.
    pub pages: u64,
    /// The maximum page count, for memories that have one.
    pub max_pages: Option<u32>,
}

impl MemoryStats {
    /// The statistics of `memory`.
    pub fn of<M: Memory + ?Sized>(memory: &M) -> Self {
        let bytes = memory.bytes().len() as u64;
        MemoryStats {
            bytes,
            pages: bytes.checked_div(PAGE_SIZE as u64).unwrap_or(0),
            max_pages: memory.max_pages(),
        }
    }

    /// The size in MiB.
    pub fn mib(&self) -> f64 {
        self.bytes as f64 / (1024.0 * 1024.0)
    }
}

impl fmt::Display for MemoryStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "memory: {} bytes, {} pages", self.bytes, self.pages)?;
        if let Some(max) = self.max_pages {
            write!(f, " (max {max})")?;
        }
        write!(f, ", {:.2} MiB", self.mib())
    }
}

/// The use of an [`Arena`](super::Arena), [`Bump`](super::Bump) or
/// [`SharedArena`](super::SharedArena).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArenaStats {
    /// The region's first byte.
    pub base: u32,
    /// The region's size.
    pub capacity: u64,
    /// Bytes handed out since the last reset, alignment padding included.
    pub used: u64,
    /// Bytes left.
    pub remaining: u64,
    /// The most bytes ever in use at once.
    pub high_water: u64,
    /// Blocks handed out since the last reset.
    pub allocations: u64,
}

impl fmt::Display for ArenaStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arena at {:#x}: {} of {} bytes used, {} remaining, high water {}, {} allocations",
            self.base, self.used, self.capacity, self.remaining, self.high_water, self.allocations
        )
    }
}

/// The use of a [`Pool`](super::Pool) or [`SharedPool`](super::SharedPool).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PoolStats {
    /// The first slot's address.
    pub base: u32,
    /// Bytes from one slot to the next.
    pub stride: u32,
    /// Slots in all.
    pub slots: u32,
    /// Live slots.
    pub live: u32,
    /// Free slots.
    pub free: u32,
    /// The most slots ever live at once.
    pub high_water: u32,
}

impl fmt::Display for PoolStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pool at {:#x}: {} slots of {} bytes, {} live, {} free, high water {}",
            self.base, self.slots, self.stride, self.live, self.free, self.high_water
        )
    }
}
