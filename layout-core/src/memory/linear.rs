//! [`LinearMemory`]: a growable byte memory in 64 KiB pages, as wasm has.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;

#[cfg(feature = "alloc")]
use super::{error::MemoryError, storage::Memory};

/// Bytes in one wasm page.
pub const PAGE_SIZE: usize = 65_536;

/// The most pages a wasm32 memory can have (4 GiB).
pub const MAX_PAGES: u32 = 65_536;

/// The size of the wasm32 address space in bytes: 4 GiB.
pub const ADDRESS_SPACE: u64 = 1 << 32;

/// Pages needed to hold `bytes` bytes, rounded up.
#[inline]
pub const fn pages_for(bytes: u64) -> u64 {
    bytes.div_ceil(PAGE_SIZE as u64)
}

/// A memory of whole 64 KiB pages that grows up to a maximum, like a wasm
/// memory: new pages are zero, and growth never moves past `maximum`.
///
/// ```
/// use wasm_layout_core::memory::{LinearMemory, MemoryError, PAGE_SIZE};
///
/// let mut memory = LinearMemory::new(1, 3)?;
/// assert_eq!(memory.grow(1)?, 1); // the old page count, as memory.grow does
/// assert_eq!(memory.len(), 2 * PAGE_SIZE);
/// assert_eq!(memory.ensure_capacity(3 * 65_536)?, 1); // pages added
/// assert!(matches!(memory.grow(1), Err(MemoryError::GrowFailed { pages: 3, .. })));
/// # Ok::<(), MemoryError>(())
/// ```
#[cfg(feature = "alloc")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinearMemory {
    bytes: Vec<u8>,
    maximum: u32,
}

#[cfg(feature = "alloc")]
impl LinearMemory {
    /// A memory of `initial` zeroed pages that can grow to `maximum` pages
    /// (`initial <= maximum <= 65_536`).
    pub fn new(initial: u32, maximum: u32) -> Result<Self, MemoryError> {
        if initial > maximum || maximum > MAX_PAGES {
            return Err(MemoryError::BadPages { initial, maximum });
        }
        let mut memory = LinearMemory { bytes: Vec::new(), maximum };
        memory.bytes.grow_to(u64::from(initial).saturating_mul(PAGE_SIZE as u64))?;
        Ok(memory)
    }

    /// The current size in pages.
    #[inline]
    pub fn pages(&self) -> u32 {
        u32::try_from(self.bytes.len() / PAGE_SIZE).unwrap_or(MAX_PAGES)
    }

    /// The maximum size in pages.
    #[inline]
    pub fn maximum(&self) -> u32 {
        self.maximum
    }

    /// The current size in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the memory has no pages.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Adds `delta` zeroed pages and returns the old page count, or
    /// [`MemoryError::GrowFailed`] past the maximum (nothing changes then).
    /// `grow(0)` returns the current size.
    pub fn grow(&mut self, delta: u32) -> Result<u32, MemoryError> {
        let old = self.pages();
        let failed = MemoryError::GrowFailed { pages: old, delta: u64::from(delta), maximum: self.maximum };
        let new = old.checked_add(delta).filter(|&n| n <= self.maximum).ok_or(failed)?;
        self.bytes.grow_to(u64::from(new).saturating_mul(PAGE_SIZE as u64))?;
        Ok(old)
    }

    /// Grows by the pages needed to make `bytes` bytes addressable and
    /// returns how many pages it added (0 when they already are).
    pub fn ensure_capacity(&mut self, bytes: u64) -> Result<u32, MemoryError> {
        let have = self.bytes.len() as u64;
        if bytes <= have {
            return Ok(0);
        }
        let delta = pages_for(bytes.saturating_sub(have));
        let delta32 = u32::try_from(delta).map_err(|_| MemoryError::GrowFailed {
            pages: self.pages(),
            delta,
            maximum: self.maximum,
        })?;
        self.grow(delta32)?;
        Ok(delta32)
    }

    /// The bytes, as a `Vec` (dropping the page structure).
    pub fn into_vec(self) -> Vec<u8> {
        self.bytes
    }
}

#[cfg(feature = "alloc")]
impl Memory for LinearMemory {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    #[inline(always)]
    fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
    /// Grows by whole pages, as [`LinearMemory::ensure_capacity`].
    fn grow_to(&mut self, len: u64) -> Result<(), MemoryError> {
        self.ensure_capacity(len).map(|_| ())
    }
    fn max_len(&self) -> u64 {
        u64::from(self.maximum).saturating_mul(PAGE_SIZE as u64)
    }
    fn max_pages(&self) -> Option<u32> {
        Some(self.maximum)
    }
}
