//! [`WasmSlice<T>`]: `T`s side by side in linear memory, as `(ptr, len)`.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use wasm_layout_rules::pair::PAIR;

use crate::descriptor::{SliceLayout, TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::pair::region;
use crate::slice::{SliceMut, SliceRef};
use crate::WasmLayout;

/// A slice of `T`s in wasm32 linear memory: the byte offset of the first
/// element (`ptr`, a u32 at 0) and the number of elements (`len`, a u32 at
/// 4); 8 bytes, alignment 4. Element `i` is at `ptr + i * T::SIZE`.
///
/// An empty slice (len 0) is valid whatever its ptr; a non-empty one with
/// ptr 0 is [`LayoutError::NullPointer`]; one whose elements run past the
/// memory (or past 4 GiB) is [`LayoutError::OutOfBounds`].
///
/// ```
/// use wasm_layout_core::{LayoutError, WasmLayout, WasmSlice};
/// let mut memory = vec![0u8; 32];
/// 1.5f32.write_at(&mut memory, 8)?;
/// 2.5f32.write_at(&mut memory, 12)?;
/// let s: WasmSlice<f32> = WasmSlice::new(8, 2);
/// assert_eq!(s.view(&memory)?.iter().sum::<f32>(), 4.0);
/// assert!(WasmSlice::<f32>::empty().view(&memory)?.is_empty());
/// assert!(matches!(WasmSlice::<f32>::new(24, 3).view(&memory), Err(LayoutError::OutOfBounds { offset: 24, needed: 12, .. })));
/// # Ok::<(), LayoutError>(())
/// ```
#[repr(C)]
pub struct WasmSlice<T> {
    ptr: u32,
    len: u32,
    elem: PhantomData<fn() -> T>,
}

impl<T> WasmSlice<T> {
    /// The `len` elements from byte `ptr` of linear memory.
    #[inline(always)]
    pub const fn new(ptr: u32, len: u32) -> Self {
        WasmSlice { ptr, len, elem: PhantomData }
    }

    crate::pair::pair_methods!("elements");
}

impl<T: WasmLayout> WasmSlice<T> {
    /// `(start, bytes)` of the elements in a memory of `memory_len` bytes.
    #[inline]
    fn region(self, memory_len: usize) -> Result<(usize, usize), LayoutError> {
        region(self.ptr, self.len, T::SIZE, memory_len, T::NAME)
    }

    /// A view of the elements in `memory`: checked once here, then indexed
    /// and iterated with no bounds checks. Errors report offsets in `memory`.
    #[inline]
    pub fn view(self, memory: &[u8]) -> Result<SliceRef<'_, T>, LayoutError> {
        let (start, _) = self.region(memory.len())?;
        SliceRef::__at(memory.get(start..).unwrap_or(&[]), self.len as usize, start)
    }

    /// A mutable view of the elements in `memory`.
    #[inline]
    pub fn view_mut(self, memory: &mut [u8]) -> Result<SliceMut<'_, T>, LayoutError> {
        let (start, _) = self.region(memory.len())?;
        SliceMut::__at(memory.get_mut(start..).unwrap_or(&mut []), self.len as usize, start)
    }
}

fn elem_layout<T: WasmLayout>() -> &'static TypeLayout {
    T::LAYOUT
}

impl<T: WasmLayout> WasmLayout for WasmSlice<T> {
    crate::pair::pair_layout!();
    const NAME: &'static str = "WasmSlice";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "WasmSlice",
        size: PAIR.size,
        align: PAIR.align,
        kind: TypeKind::Slice(SliceLayout { elem_name: T::NAME, elem: elem_layout::<T> }),
    };
}

impl<T> Clone for WasmSlice<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for WasmSlice<T> {}
impl<T> PartialEq for WasmSlice<T> {
    fn eq(&self, other: &Self) -> bool {
        (self.ptr, self.len) == (other.ptr, other.len)
    }
}
impl<T> Eq for WasmSlice<T> {}
impl<T> Hash for WasmSlice<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.ptr, self.len).hash(state);
    }
}
impl<T> Default for WasmSlice<T> {
    fn default() -> Self {
        Self::empty()
    }
}
impl<T> fmt::Debug for WasmSlice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WasmSlice({:#x}, {})", self.ptr, self.len)
    }
}
