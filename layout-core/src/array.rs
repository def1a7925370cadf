//! `WasmLayout` for `[T; N]`, and the array views [`ArrayRef`] and [`ArrayMut`].

use core::fmt;

use crate::descriptor::{ArrayLayout, TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::rules::array_size;
use crate::WasmLayout;

impl<T: WasmLayout, const N: usize> WasmLayout for [T; N] {
    const SIZE: usize = array_size(T::SIZE, N);
    const ALIGN: usize = T::ALIGN;
    const NAME: &'static str = "array";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "array",
        size: Self::SIZE,
        align: Self::ALIGN,
        kind: TypeKind::Array(ArrayLayout { elem: T::LAYOUT, len: N }),
    };
    type Bytes = [T::Bytes; N];
    type Ref<'a> = ArrayRef<'a, T, N>;
    type Mut<'a> = ArrayMut<'a, T, N>;
    const __ANY_BYTES_VALID: bool = T::__ANY_BYTES_VALID;

    #[inline]
    fn __validate(bytes: &Self::Bytes) -> Result<(), LayoutError> {
        for (i, elem) in bytes.iter().enumerate() {
            T::__validate(elem).map_err(|e| e.offset_by(i.wrapping_mul(T::SIZE)))?;
        }
        Ok(())
    }
    #[inline]
    fn __check_write(&self) -> Result<(), LayoutError> {
        for (i, value) in self.iter().enumerate() {
            value.__check_write().map_err(|e| e.offset_by(i.wrapping_mul(T::SIZE)))?;
        }
        Ok(())
    }
    #[inline]
    fn __decode(bytes: &Self::Bytes) -> Self {
        bytes.each_ref().map(T::__decode)
    }
    #[inline]
    fn __encode(&self, bytes: &mut Self::Bytes) {
        for (value, elem) in self.iter().zip(bytes.iter_mut()) {
            value.__encode(elem);
        }
    }
    #[inline(always)]
    fn __get(bytes: &Self::Bytes, at: usize) -> ArrayRef<'_, T, N> {
        ArrayRef { bytes, at }
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> ArrayMut<'_, T, N> {
        ArrayMut { bytes, at }
    }
}

/// A view of an array field `[T; N]`: indexed and iterated access with no
/// bounds check beyond the index itself.
///
/// ```
/// use wasm_layout_core::WasmLayout;
/// let bytes = [1, 0, 2, 0, 3, 0];
/// let a = <[u16; 3]>::view(&bytes).unwrap();
/// assert_eq!(a.get(1), Some(2));
/// assert_eq!(a.get(3), None);
/// assert_eq!(a.iter().sum::<u16>(), 6);
/// ```
pub struct ArrayRef<'a, T: WasmLayout, const N: usize> {
    bytes: &'a [T::Bytes; N],
    /// Where `bytes` start in the slice the caller passed, for errors.
    at: usize,
}

impl<T: WasmLayout, const N: usize> Clone for ArrayRef<'_, T, N> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: WasmLayout, const N: usize> Copy for ArrayRef<'_, T, N> {}

impl<'a, T: WasmLayout, const N: usize> ArrayRef<'a, T, N> {
    /// The number of elements, `N`.
    #[inline(always)]
    pub const fn len(&self) -> usize {
        N
    }

    /// Whether `N` is 0.
    #[inline(always)]
    pub const fn is_empty(&self) -> bool {
        N == 0
    }

    /// The getter result for element `index`, or `None` past the end.
    #[inline(always)]
    pub fn get(&self, index: usize) -> Option<T::Ref<'a>> {
        let bytes: &'a [T::Bytes; N] = self.bytes;
        bytes.get(index).map(|b| T::__get(b, elem_offset::<T>(self.at, index)))
    }

    /// The getter result of every element, in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T::Ref<'a>> + DoubleEndedIterator + 'a {
        let at = self.at;
        let bytes: &'a [T::Bytes; N] = self.bytes;
        bytes.iter().enumerate().map(move |(i, b)| T::__get(b, elem_offset::<T>(at, i)))
    }

    /// Reads the whole array, validating every element.
    #[inline]
    pub fn read(&self) -> Result<[T; N], LayoutError> {
        <[T; N]>::__validate(self.bytes).map_err(|e| e.offset_by(self.at))?;
        Ok(<[T; N]>::__decode(self.bytes))
    }

    /// The underlying bytes.
    #[inline(always)]
    pub fn as_bytes(&self) -> &'a [u8] {
        bytemuck::bytes_of(self.bytes)
    }
}

impl<T: WasmLayout, const N: usize> fmt::Debug for ArrayRef<'_, T, N>
where
    for<'b> T::Ref<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A mutable view of an array field `[T; N]`.
///
/// ```
/// use wasm_layout_core::WasmLayout;
/// let mut bytes = [0u8; 8];
/// let mut a = <[f32; 2]>::view_mut(&mut bytes).unwrap();
/// a.set(1, 1.5).unwrap();
/// assert!(a.set(2, 0.0).is_err());
/// assert_eq!(a.get(1), Some(1.5));
/// assert_eq!(f32::read_from(&bytes[4..]).unwrap(), 1.5);
/// ```
pub struct ArrayMut<'a, T: WasmLayout, const N: usize> {
    bytes: &'a mut [T::Bytes; N],
    /// Where `bytes` start in the slice the caller passed, for errors.
    at: usize,
}

impl<T: WasmLayout, const N: usize> ArrayMut<'_, T, N> {
    /// The number of elements, `N`.
    #[inline(always)]
    pub const fn len(&self) -> usize {
        N
    }

    /// Whether `N` is 0.
    #[inline(always)]
    pub const fn is_empty(&self) -> bool {
        N == 0
    }

    /// The getter result for element `index`, or `None` past the end.
    #[inline(always)]
    pub fn get(&self, index: usize) -> Option<T::Ref<'_>> {
        self.bytes.get(index).map(|b| T::__get(b, elem_offset::<T>(self.at, index)))
    }

    /// A mutable view of element `index`, or `None` past the end.
    #[inline(always)]
    pub fn get_mut(&mut self, index: usize) -> Option<T::Mut<'_>> {
        let at = elem_offset::<T>(self.at, index);
        self.bytes.get_mut(index).map(|b| T::__get_mut(b, at))
    }

    /// Overwrites element `index`; `OutOfBounds` past the end, writing nothing.
    #[inline(always)]
    pub fn set(&mut self, index: usize, value: T) -> Result<(), LayoutError> {
        match self.bytes.get_mut(index) {
            Some(b) => {
                value.__encode(b);
                Ok(())
            }
            None => Err(LayoutError::OutOfBounds {
                offset: elem_offset::<T>(self.at, index),
                needed: T::SIZE,
                available: elem_offset::<T>(self.at, N),
            }),
        }
    }

    /// A read-only view of the same array.
    #[inline(always)]
    pub fn as_ref(&self) -> ArrayRef<'_, T, N> {
        ArrayRef { bytes: self.bytes, at: self.at }
    }

    /// Mutable views of every element, in order.
    #[inline]
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = T::Mut<'_>> + DoubleEndedIterator + '_ {
        let at = self.at;
        self.bytes.iter_mut().enumerate().map(move |(i, b)| T::__get_mut(b, elem_offset::<T>(at, i)))
    }

    /// Overwrites the whole array.
    #[inline]
    pub fn write(&mut self, value: &[T; N]) {
        value.__encode(self.bytes);
    }
}

impl<T: WasmLayout, const N: usize> fmt::Debug for ArrayMut<'_, T, N>
where
    for<'b> T::Ref<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_ref().fmt(f)
    }
}

/// The offset an error of element `index` reports. Elements live inside a
/// value of at most 4 GiB, so the arithmetic cannot wrap for real indices.
#[inline(always)]
pub(crate) fn elem_offset<T: WasmLayout>(at: usize, index: usize) -> usize {
    at.wrapping_add(index.wrapping_mul(T::SIZE))
}
