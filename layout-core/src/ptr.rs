//! [`WasmPtr<T>`]: a typed u32 offset into linear memory.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::descriptor::{PointerLayout, TypeKind, TypeLayout};
use crate::error::{out_of_bounds, LayoutError};
use crate::slice::{SliceMut, SliceRef};
use crate::value::ValueMut;
use crate::{WasmLayout, WholeValue};

/// A pointer to a `T` in wasm32 linear memory: a u32 byte offset, 0 for null.
///
/// It is only a number; reading or viewing its target takes the memory as a
/// byte slice and checks that the target is not null and lies wholly inside.
///
/// ```
/// use wasm_layout_core::{WasmPtr, WasmLayout, LayoutError};
/// let mut memory = vec![0u8; 64];
/// let p: WasmPtr<u32> = WasmPtr::new(8);
/// p.write(&mut memory, &7)?;
/// assert_eq!(p.read(&memory)?, 7);
/// assert_eq!(WasmPtr::<u32>::null().read(&memory), Err(LayoutError::NullPointer { type_name: "u32" }));
/// assert!(matches!(WasmPtr::<u32>::new(62).read(&memory), Err(LayoutError::OutOfBounds { .. })));
/// # Ok::<(), LayoutError>(())
/// ```
#[repr(transparent)]
pub struct WasmPtr<T> {
    offset: u32,
    target: PhantomData<fn() -> T>,
}

impl<T> WasmPtr<T> {
    /// A pointer to byte `offset` of linear memory.
    #[inline(always)]
    pub const fn new(offset: u32) -> Self {
        WasmPtr { offset, target: PhantomData }
    }

    /// The null pointer (offset 0).
    #[inline(always)]
    pub const fn null() -> Self {
        Self::new(0)
    }

    /// The byte offset.
    #[inline(always)]
    pub const fn offset(self) -> u32 {
        self.offset
    }

    /// Whether the offset is 0.
    #[inline(always)]
    pub const fn is_null(self) -> bool {
        self.offset == 0
    }

    /// The same offset seen as a pointer to another type.
    #[inline(always)]
    pub const fn cast<U>(self) -> WasmPtr<U> {
        WasmPtr::new(self.offset)
    }
}

impl<T: WasmLayout> WasmPtr<T> {
    /// The pointer `count` values further on, or `None` past the 4 GiB
    /// address space.
    #[inline]
    pub fn checked_add(self, count: u32) -> Option<Self> {
        let size = u32::try_from(T::SIZE).ok()?;
        count.checked_mul(size).and_then(|d| self.offset.checked_add(d)).map(Self::new)
    }

    /// The target's start in `memory`, checked not null.
    #[inline]
    fn start(self) -> Result<usize, LayoutError> {
        if self.is_null() {
            return Err(LayoutError::NullPointer { type_name: T::NAME });
        }
        usize::try_from(self.offset).map_err(|_| out_of_bounds(usize::MAX, T::SIZE, 0))
    }

    /// Reads the target from `memory`.
    #[inline]
    pub fn read(self, memory: &[u8]) -> Result<T, LayoutError>
    where
        T: WholeValue,
    {
        T::read_at(memory, self.start()?)
    }

    /// Writes `value` to the target in `memory`; on error nothing is written.
    #[inline]
    pub fn write(self, memory: &mut [u8], value: &T) -> Result<(), LayoutError>
    where
        T: WholeValue,
    {
        value.write_at(memory, self.start()?)
    }

    /// A view of the target in `memory`.
    #[inline]
    pub fn view(self, memory: &[u8]) -> Result<T::Ref<'_>, LayoutError> {
        T::view_at(memory, self.start()?)
    }

    /// A mutable view of the target in `memory`.
    #[inline]
    pub fn view_mut(self, memory: &mut [u8]) -> Result<T::Mut<'_>, LayoutError> {
        T::view_mut_at(memory, self.start()?)
    }

    /// A view of `count` consecutive values starting at the target.
    #[inline]
    pub fn view_slice(self, memory: &[u8], count: usize) -> Result<SliceRef<'_, T>, LayoutError> {
        let start = self.start()?;
        let rest = memory.get(start..).ok_or(out_of_bounds(start, T::SIZE, memory.len()))?;
        SliceRef::__at(rest, count, start)
    }

    /// A mutable view of `count` consecutive values starting at the target.
    #[inline]
    pub fn view_slice_mut(self, memory: &mut [u8], count: usize) -> Result<SliceMut<'_, T>, LayoutError> {
        let start = self.start()?;
        let len = memory.len();
        let rest = memory.get_mut(start..).ok_or(out_of_bounds(start, T::SIZE, len))?;
        SliceMut::__at(rest, count, start).map_err(|e| match e {
            LayoutError::OutOfBounds { needed, .. } => out_of_bounds(start, needed, len),
            other => other,
        })
    }
}

fn layout_of<T: WasmLayout>() -> &'static TypeLayout {
    T::LAYOUT
}

impl<T: WasmLayout> WasmLayout for WasmPtr<T> {
    const SIZE: usize = 4;
    const ALIGN: usize = 4;
    const NAME: &'static str = "WasmPtr";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "WasmPtr",
        size: 4,
        align: 4,
        kind: TypeKind::Pointer(PointerLayout { target_name: T::NAME, target: layout_of::<T> }),
    };
    type Bytes = [u8; 4];
    type Ref<'a> = WasmPtr<T>;
    type Mut<'a> = ValueMut<'a, WasmPtr<T>>;
    const __ANY_BYTES_VALID: bool = true;

    #[inline(always)]
    fn __decode(bytes: &[u8; 4]) -> Self {
        Self::new(u32::from_le_bytes(*bytes))
    }
    #[inline(always)]
    fn __encode(&self, bytes: &mut [u8; 4]) {
        *bytes = self.offset.to_le_bytes();
    }
    #[inline(always)]
    fn __get(bytes: &[u8; 4], _: usize) -> Self {
        Self::__decode(bytes)
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut [u8; 4], at: usize) -> ValueMut<'_, Self> {
        ValueMut::__at(bytes, at)
    }
}

impl<T: WasmLayout> WholeValue for WasmPtr<T> {}

impl<T> Clone for WasmPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for WasmPtr<T> {}
impl<T> PartialEq for WasmPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        self.offset == other.offset
    }
}
impl<T> Eq for WasmPtr<T> {}
impl<T> PartialOrd for WasmPtr<T> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for WasmPtr<T> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.offset.cmp(&other.offset)
    }
}
impl<T> Hash for WasmPtr<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.offset.hash(state);
    }
}
impl<T> Default for WasmPtr<T> {
    fn default() -> Self {
        Self::null()
    }
}
impl<T> fmt::Debug for WasmPtr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WasmPtr({:#x})", self.offset)
    }
}
