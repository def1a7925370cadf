//! [`Memory`]: the byte storage every allocator of this module works on.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;

use super::error::MemoryError;
#[cfg(feature = "alloc")]
use super::linear::ADDRESS_SPACE;

/// Bytes an allocator places values in: a slice, a `Vec<u8>`, a
/// [`LinearMemory`](super::LinearMemory), or a wasm engine's memory seen as
/// `&mut [u8]` (wasmi's `Memory::data_mut`, wasmtime's `Memory::data_mut`),
/// so a Rust host can allocate inside its guest's memory.
///
/// Allocators never hold the memory: each call borrows it. A view or slice
/// taken from [`bytes`](Memory::bytes) therefore keeps the memory borrowed,
/// and Rust rejects any growth while it lives, the bug JavaScript code meets
/// when it keeps a typed array across `memory.grow`:
///
/// ```compile_fail,E0502
/// use wasm_layout_core::memory::{LinearMemory, Memory};
/// use wasm_layout_core::WasmLayout;
///
/// let mut memory = LinearMemory::new(1, 4).unwrap();
/// let words = u32::view_slice(&memory.bytes()[1024..], 4).unwrap();
/// memory.grow(1).unwrap(); // error: `memory` is still borrowed by `words`
/// let _ = words.get(0);
/// ```
///
/// Taking the view again after growing is what compiles:
///
/// ```
/// use wasm_layout_core::memory::{LinearMemory, Memory};
/// use wasm_layout_core::WasmLayout;
///
/// let mut memory = LinearMemory::new(1, 4)?;
/// memory.grow(1)?;
/// let words = u32::view_slice(&memory.bytes()[1024..], 4)?;
/// assert_eq!(words.get(0), Some(0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Memory {
    /// All the bytes.
    fn bytes(&self) -> &[u8];

    /// All the bytes, mutable.
    fn bytes_mut(&mut self) -> &mut [u8];

    /// Makes at least `len` bytes addressable, growing the storage if it
    /// can. New bytes are zero. On error nothing changes.
    ///
    /// The default, for storage of fixed size, succeeds only when `len`
    /// bytes are already there.
    fn grow_to(&mut self, len: u64) -> Result<(), MemoryError> {
        let have = self.bytes().len() as u64;
        if len <= have {
            Ok(())
        } else {
            Err(MemoryError::CannotGrow { len: have, needed: len })
        }
    }

    /// The most bytes [`grow_to`](Memory::grow_to) can ever provide.
    fn max_len(&self) -> u64 {
        self.bytes().len() as u64
    }

    /// Growable storage in 64 KiB pages reports its maximum page count here,
    /// for statistics.
    fn max_pages(&self) -> Option<u32> {
        None
    }

    /// The address of `bytes()[0]`: 0, unless the storage is a window of a
    /// linear memory that starts higher. A Rust wasm guest handing its own
    /// memory to the toolkit gives such a window (from its heap base), since
    /// Rust cannot make a reference to address 0.
    ///
    /// [`SharedArena`](super::SharedArena) and
    /// [`SharedPool`](super::SharedPool), whose headers hold absolute
    /// addresses, honour it: an address `a` is `bytes()[a - origin]`, one
    /// below the origin is out of bounds. The host-side allocators index
    /// `bytes()` with their addresses directly and expect 0.
    fn origin(&self) -> u32 {
        0
    }
}

/// Where the absolute address `addr` lies in the bytes of `memory`: past the
/// end of any slice when it lies below [`Memory::origin`].
#[inline]
pub(crate) fn local<M: Memory + ?Sized>(memory: &M, addr: u32) -> usize {
    addr.checked_sub(memory.origin()).map_or(usize::MAX, |i| i as usize)
}

/// The first address past `memory`'s bytes.
#[inline]
pub(crate) fn end_of<M: Memory + ?Sized>(memory: &M) -> u64 {
    u64::from(memory.origin()).saturating_add(memory.bytes().len() as u64)
}

impl Memory for [u8] {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        self
    }
    #[inline(always)]
    fn bytes_mut(&mut self) -> &mut [u8] {
        self
    }
}

impl<const N: usize> Memory for [u8; N] {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        self
    }
    #[inline(always)]
    fn bytes_mut(&mut self) -> &mut [u8] {
        self
    }
}

/// A `Vec<u8>` grows byte by byte, up to the 4 GiB of wasm32.
#[cfg(feature = "alloc")]
impl Memory for Vec<u8> {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        self
    }
    #[inline(always)]
    fn bytes_mut(&mut self) -> &mut [u8] {
        self
    }
    fn grow_to(&mut self, len: u64) -> Result<(), MemoryError> {
        if len > ADDRESS_SPACE {
            return Err(MemoryError::AddressSpace { offset: 0, size: len });
        }
        let new_len = usize::try_from(len).map_err(|_| MemoryError::HostAllocation { bytes: len })?;
        let extra = new_len.saturating_sub(self.len());
        if extra > 0 {
            self.try_reserve_exact(extra).map_err(|_| MemoryError::HostAllocation { bytes: len })?;
            self.resize(new_len, 0);
        }
        Ok(())
    }
    fn max_len(&self) -> u64 {
        ADDRESS_SPACE
    }
}

impl<M: Memory + ?Sized> Memory for &mut M {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        (**self).bytes()
    }
    #[inline(always)]
    fn bytes_mut(&mut self) -> &mut [u8] {
        (**self).bytes_mut()
    }
    #[inline]
    fn grow_to(&mut self, len: u64) -> Result<(), MemoryError> {
        (**self).grow_to(len)
    }
    fn max_len(&self) -> u64 {
        (**self).max_len()
    }
    fn max_pages(&self) -> Option<u32> {
        (**self).max_pages()
    }
    fn origin(&self) -> u32 {
        (**self).origin()
    }
}
