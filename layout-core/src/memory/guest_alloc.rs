//! [`GuestAllocator`]: placing values through the allocator a guest
//! exports, with every pointer it returns checked.

use crate::WasmPtr;

use super::error::MemoryError;
use super::linear::ADDRESS_SPACE;

/// The allocation functions a guest exports, as a host calls them through
/// its wasm engine: the adapter between the engine and [`GuestAllocator`].
///
/// For wasmi, an implementation holds the store and the typed functions;
/// for wasmtime the same, with `wasmtime::TypedFunc` and `Memory::data_mut`.
pub trait GuestAllocFns {
    /// What the engine reports when a call fails (a trap); it must hold the
    /// allocator's own errors too.
    type Error: From<MemoryError>;

    /// Calls the guest's allocator for `size` bytes aligned to `align`:
    /// `alloc(size, align)`, or `bump_alloc(size)` for a guest that only has
    /// that one. Returns the address the guest gave, 0 for none.
    fn alloc(&mut self, size: u32, align: u32) -> Result<u32, Self::Error>;

    /// Calls the guest's `free(ptr)`; a guest without one (a bump
    /// allocator) frees nothing.
    fn free(&mut self, ptr: u32) -> Result<(), Self::Error>;

    /// The guest's memory as it is now (an allocation may have grown it).
    fn memory(&mut self) -> &mut [u8];
}

/// Places values in a guest's memory through the allocator the guest
/// exports, with the same `place` as the host allocators
/// ([`Arena::place`](super::Arena::place)). The guest is untrusted: every
/// pointer it returns must be non-zero, lie with the whole block between
/// `heap_base` and the end of the memory, and be aligned, or the call fails
/// and writes nothing.
///
/// ```
/// use wasm_layout_core::memory::{GuestAllocFns, GuestAllocator, MemoryError};
///
/// /// A stand-in for a guest whose `bump_alloc` hands out 8-aligned blocks.
/// struct Bumping { memory: Vec<u8>, next: u32 }
/// impl GuestAllocFns for Bumping {
///     type Error = MemoryError;
///     fn alloc(&mut self, size: u32, _align: u32) -> Result<u32, MemoryError> {
///         let ptr = self.next;
///         self.next = (ptr + size + 7) & !7;
///         Ok(ptr)
///     }
///     fn free(&mut self, _ptr: u32) -> Result<(), MemoryError> { Ok(()) }
///     fn memory(&mut self) -> &mut [u8] { &mut self.memory }
/// }
///
/// let mut guest = Bumping { memory: vec![0; 4096], next: 1024 };
/// let mut alloc = GuestAllocator::new(1024);
/// let p = alloc.place(&mut guest, &0x1122_3344u32)?;
/// assert_eq!((p.offset(), p.read(&guest.memory)?), (1024, 0x1122_3344));
/// guest.next = 1030; // the guest misbehaves
/// assert_eq!(
///     alloc.place(&mut guest, &7u64).unwrap_err().to_string(),
///     "pointer 0x406 is not aligned to 8"
/// );
/// # Ok::<(), MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GuestAllocator {
    heap_base: u32,
    allocations: u64,
}

impl GuestAllocator {
    /// An allocator that accepts blocks from `heap_base` (the guest's
    /// `__heap_base`) to the end of the memory.
    pub fn new(heap_base: u32) -> Self {
        GuestAllocator { heap_base, allocations: 0 }
    }

    /// The lowest address a block may start at.
    pub fn heap_base(&self) -> u32 {
        self.heap_base
    }

    /// Blocks the guest handed out through this allocator.
    pub fn allocations(&self) -> u64 {
        self.allocations
    }

    /// A block of `size` bytes aligned to `align` from the guest. Errors, in
    /// this order: `ZeroSize`, `BadAlign`, `AddressSpace` (before calling the
    /// guest); `Exhausted` when the guest returns 0, `OutsideRegion` when the
    /// block does not lie in `[heap_base, memory end)`, `Misaligned`.
    pub fn alloc<G: GuestAllocFns + ?Sized>(
        &mut self,
        guest: &mut G,
        size: usize,
        align: usize,
    ) -> Result<u32, G::Error> {
        if size == 0 {
            return Err(MemoryError::ZeroSize.into());
        }
        if !align.is_power_of_two() {
            return Err(MemoryError::BadAlign { align }.into());
        }
        let (Ok(size32), Ok(align32)) = (u32::try_from(size), u32::try_from(align)) else {
            return Err(MemoryError::AddressSpace { offset: 0, size: size as u64 }.into());
        };
        let ptr = guest.alloc(size32, align32)?;
        if ptr == 0 {
            return Err(MemoryError::Exhausted { requested: size, align, remaining: 0 }.into());
        }
        let end = (guest.memory().len() as u64).min(ADDRESS_SPACE);
        if ptr < self.heap_base || u64::from(ptr).saturating_add(size as u64) > end {
            let base = u64::from(self.heap_base);
            return Err(MemoryError::OutsideRegion { offset: u64::from(ptr), base, end }.into());
        }
        if !ptr.is_multiple_of(align32) {
            return Err(MemoryError::Misaligned { offset: ptr, align: align32 }.into());
        }
        self.allocations = self.allocations.saturating_add(1);
        Ok(ptr)
    }

    /// Allocates room for `value` from the guest and writes it there. The
    /// block is checked as [`alloc`](Self::alloc) checks it before anything
    /// is written.
    pub fn place<T: crate::WholeValue, G: GuestAllocFns + ?Sized>(
        &mut self,
        guest: &mut G,
        value: &T,
    ) -> Result<WasmPtr<T>, G::Error> {
        let ptr = self.alloc(guest, T::SIZE, T::ALIGN)?;
        // The block lies inside the memory: writing it cannot fail.
        value.write_at(guest.memory(), ptr as usize).map_err(MemoryError::from)?;
        Ok(WasmPtr::new(ptr))
    }

    /// Gives a block back through the guest's `free`.
    pub fn free<G: GuestAllocFns + ?Sized>(&mut self, guest: &mut G, ptr: u32) -> Result<(), G::Error> {
        guest.free(ptr)
    }
}
