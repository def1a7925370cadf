//! Views of `count` consecutive values: [`SliceRef`] and [`SliceMut`].
//!
//! The bytes are checked once, when the view is made; after that each element
//! is a fixed-size array reference, so getters compile to plain loads.

use core::fmt;

use crate::array::elem_offset;
use crate::error::{out_of_bounds, LayoutError};
use crate::{WasmLayout, WholeValue};

/// `count` elements of `T::Bytes` from the start of `bytes`.
fn elems<T: WasmLayout>(bytes: &[u8], count: usize) -> Result<&[T::Bytes], LayoutError> {
    let needed = count.checked_mul(T::SIZE).ok_or(out_of_bounds(0, usize::MAX, bytes.len()))?;
    let head = bytes.get(..needed).ok_or(out_of_bounds(0, needed, bytes.len()))?;
    if T::SIZE == 0 {
        return Ok(zero_sized_ref::<T>(count));
    }
    bytemuck::try_cast_slice(head).map_err(|_| out_of_bounds(0, needed, bytes.len()))
}

/// `count` elements of `T::Bytes` from the start of `bytes`, mutable.
fn elems_mut<T: WasmLayout>(bytes: &mut [u8], count: usize) -> Result<&mut [T::Bytes], LayoutError> {
    let available = bytes.len();
    let needed = count.checked_mul(T::SIZE).ok_or(out_of_bounds(0, usize::MAX, available))?;
    let head = bytes.get_mut(..needed).ok_or(out_of_bounds(0, needed, available))?;
    if T::SIZE == 0 {
        return zero_sized::<T>(count).ok_or(out_of_bounds(0, count, available));
    }
    bytemuck::try_cast_slice_mut(head).map_err(|_| out_of_bounds(0, needed, available))
}

/// As many units as any slice can hold: they take no memory.
static UNITS: [(); usize::MAX] = [(); usize::MAX];

/// `count` zero-sized elements, read-only: cut from [`UNITS`] (a cast
/// between zero-sized types keeps the length).
fn zero_sized_ref<'a, T: WasmLayout>(count: usize) -> &'a [T::Bytes] {
    UNITS.get(..count).and_then(|units| bytemuck::try_cast_slice(units).ok()).unwrap_or(&[])
}

/// `count` zero-sized elements, mutable. A `Vec` of a zero-sized type never
/// allocates, so leaking it costs nothing.
#[cfg(feature = "alloc")]
fn zero_sized<'a, T: WasmLayout>(count: usize) -> Option<&'a mut [T::Bytes]> {
    Some(alloc::vec![<T::Bytes as bytemuck::Zeroable>::zeroed(); count].leak())
}

/// Without `alloc` there is nothing to leak: a mutable view of zero-sized
/// values exists only for a count of 0.
#[cfg(not(feature = "alloc"))]
fn zero_sized<'a, T: WasmLayout>(count: usize) -> Option<&'a mut [T::Bytes]> {
    (count == 0).then_some(&mut [])
}

/// A view of `count` consecutive `T`s in a byte slice.
///
/// ```
/// use wasm_layout_core::WasmLayout;
/// let bytes = [1u8, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0];
/// let s = u32::view_slice(&bytes, 2).unwrap();
/// assert_eq!(s.len(), 2);
/// assert_eq!(s.iter().sum::<u32>(), 3);
/// assert!(u32::view_slice(&bytes, 3).is_err());
/// ```
pub struct SliceRef<'a, T: WasmLayout> {
    elems: &'a [T::Bytes],
    /// Where `elems` start in the slice the caller passed, for errors.
    at: usize,
}

impl<T: WasmLayout> Clone for SliceRef<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: WasmLayout> Copy for SliceRef<'_, T> {}

impl<'a, T: WasmLayout> SliceRef<'a, T> {
    /// A view of `count` values at the start of `bytes`, or `OutOfBounds`.
    #[inline]
    pub fn new(bytes: &'a [u8], count: usize) -> Result<Self, LayoutError> {
        Self::__at(bytes, count, 0)
    }

    /// As [`Self::new`], for `bytes` that start at `at` in the slice the
    /// caller passed: errors report offsets from there.
    #[doc(hidden)]
    #[inline]
    pub fn __at(bytes: &'a [u8], count: usize, at: usize) -> Result<Self, LayoutError> {
        match elems::<T>(bytes, count) {
            Ok(elems) => Ok(SliceRef { elems, at }),
            Err(e) => Err(e.offset_by(at)),
        }
    }

    /// A view of as many whole values as fit in `bytes` (none for a
    /// zero-sized `T`).
    #[inline]
    pub fn fit(bytes: &'a [u8]) -> Self {
        let count = bytes.len().checked_div(T::SIZE).unwrap_or(0);
        SliceRef { elems: elems::<T>(bytes, count).unwrap_or(&[]), at: 0 }
    }

    /// The number of values.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.elems.len()
    }

    /// Whether there are none.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.elems.is_empty()
    }

    /// The view (or value) of element `index`, or `None` past the end.
    #[inline(always)]
    pub fn get(&self, index: usize) -> Option<T::Ref<'a>> {
        let elems: &'a [T::Bytes] = self.elems;
        elems.get(index).map(|b| T::__get(b, elem_offset::<T>(self.at, index)))
    }

    /// Reads element `index` whole, validating it.
    #[inline]
    pub fn read(&self, index: usize) -> Result<T, LayoutError>
    where
        T: WholeValue,
    {
        let at = elem_offset::<T>(self.at, index);
        let available = elem_offset::<T>(self.at, self.elems.len());
        let b = self.elems.get(index).ok_or(out_of_bounds(at, T::SIZE, available))?;
        T::__validate(b).map_err(|e| e.offset_by(at))?;
        Ok(T::__decode(b))
    }

    /// The views (or values) of every element, in order.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T::Ref<'a>> + DoubleEndedIterator + 'a {
        let (elems, at): (&'a [T::Bytes], usize) = (self.elems, self.at);
        elems.iter().enumerate().map(move |(i, b)| T::__get(b, elem_offset::<T>(at, i)))
    }

    /// The elements in groups of `N`, each group an array of views (or
    /// values), with no bounds checks; the last `len % N` elements are in
    /// [`ChunksExact::remainder`]. This is how to write a loop with several
    /// independent accumulators.
    ///
    /// ```
    /// use wasm_layout_core::WasmLayout;
    /// let bytes: Vec<u8> = (1..=10u16).flat_map(u16::to_le_bytes).collect();
    /// let s = u16::view_slice(&bytes, 10).unwrap();
    /// let mut chunks = s.chunks_exact::<4>();
    /// let mut acc = [0u16; 4];
    /// for [a, b, c, d] in &mut chunks {
    ///     acc = [acc[0] + a, acc[1] + b, acc[2] + c, acc[3] + d];
    /// }
    /// assert_eq!(acc, [1 + 5, 2 + 6, 3 + 7, 4 + 8]);
    /// assert_eq!(chunks.remainder().iter().collect::<Vec<_>>(), [9, 10]);
    /// ```
    #[inline]
    pub fn chunks_exact<const N: usize>(&self) -> ChunksExact<'a, T, N> {
        const { assert!(N > 0, "chunks_exact needs N > 0") };
        let elems: &'a [T::Bytes] = self.elems;
        let (chunks, rest) = elems.as_chunks::<N>();
        let rest_at = elem_offset::<T>(self.at, chunks.len().wrapping_mul(N));
        ChunksExact { chunks: chunks.iter(), at: self.at, rest: SliceRef { elems: rest, at: rest_at } }
    }

    /// The elements as fixed-size byte arrays, for code that wants to go
    /// further by hand.
    #[inline(always)]
    pub fn elements(&self) -> &'a [T::Bytes] {
        self.elems
    }
}

impl<T: WasmLayout> fmt::Debug for SliceRef<'_, T>
where
    for<'b> T::Ref<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The iterator of [`SliceRef::chunks_exact`]: arrays of `N` element views.
pub struct ChunksExact<'a, T: WasmLayout, const N: usize> {
    chunks: core::slice::Iter<'a, [T::Bytes; N]>,
    /// Where the next chunk starts in the slice the caller passed.
    at: usize,
    rest: SliceRef<'a, T>,
}

impl<'a, T: WasmLayout, const N: usize> ChunksExact<'a, T, N> {
    /// The last `len % N` elements, which make no whole chunk.
    #[inline(always)]
    pub fn remainder(&self) -> SliceRef<'a, T> {
        self.rest
    }
}

impl<'a, T: WasmLayout, const N: usize> Iterator for ChunksExact<'a, T, N> {
    type Item = [T::Ref<'a>; N];

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let chunk = self.chunks.next()?;
        let at = self.at;
        self.at = elem_offset::<T>(at, N);
        let mut i = 0;
        Some(chunk.each_ref().map(|b| {
            let elem = T::__get(b, elem_offset::<T>(at, i));
            i = i.wrapping_add(1);
            elem
        }))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.chunks.size_hint()
    }
}

impl<T: WasmLayout, const N: usize> ExactSizeIterator for ChunksExact<'_, T, N> {}

/// A mutable view of `count` consecutive `T`s in a byte slice.
///
/// ```
/// use wasm_layout_core::WasmLayout;
/// let mut bytes = [0u8; 6];
/// let mut s = u16::view_slice_mut(&mut bytes, 3).unwrap();
/// for (i, mut v) in s.iter_mut().enumerate() {
///     v.set(i as u16 + 1);
/// }
/// assert_eq!(bytes, [1, 0, 2, 0, 3, 0]);
/// ```
pub struct SliceMut<'a, T: WasmLayout> {
    elems: &'a mut [T::Bytes],
    /// Where `elems` start in the slice the caller passed, for errors.
    at: usize,
}

impl<'a, T: WasmLayout> SliceMut<'a, T> {
    /// A mutable view of `count` values at the start of `bytes`, or `OutOfBounds`.
    #[inline]
    pub fn new(bytes: &'a mut [u8], count: usize) -> Result<Self, LayoutError> {
        Self::__at(bytes, count, 0)
    }

    /// As [`Self::new`], for `bytes` that start at `at` in the slice the
    /// caller passed: errors report offsets from there.
    #[doc(hidden)]
    #[inline]
    pub fn __at(bytes: &'a mut [u8], count: usize, at: usize) -> Result<Self, LayoutError> {
        match elems_mut::<T>(bytes, count) {
            Ok(elems) => Ok(SliceMut { elems, at }),
            Err(e) => Err(e.offset_by(at)),
        }
    }

    /// The number of values.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.elems.len()
    }

    /// Whether there are none.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.elems.is_empty()
    }

    /// A read-only view of the same values.
    #[inline(always)]
    pub fn as_ref(&self) -> SliceRef<'_, T> {
        SliceRef { elems: self.elems, at: self.at }
    }

    /// A mutable view of element `index`, or `None` past the end.
    #[inline(always)]
    pub fn get_mut(&mut self, index: usize) -> Option<T::Mut<'_>> {
        let at = elem_offset::<T>(self.at, index);
        self.elems.get_mut(index).map(|b| T::__get_mut(b, at))
    }

    /// Overwrites element `index`; `OutOfBounds` past the end, writing nothing.
    #[inline]
    pub fn set(&mut self, index: usize, value: &T) -> Result<(), LayoutError>
    where
        T: WholeValue,
    {
        let available = elem_offset::<T>(self.at, self.elems.len());
        let b = self.elems.get_mut(index).ok_or(out_of_bounds(
            elem_offset::<T>(self.at, index),
            T::SIZE,
            available,
        ))?;
        value.__encode(b);
        Ok(())
    }

    /// Mutable views of every element, in order.
    #[inline]
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = T::Mut<'_>> + DoubleEndedIterator + '_ {
        let at = self.at;
        self.elems.iter_mut().enumerate().map(move |(i, b)| T::__get_mut(b, elem_offset::<T>(at, i)))
    }

    /// The elements as mutable fixed-size byte arrays.
    #[inline(always)]
    pub fn elements_mut(&mut self) -> &mut [T::Bytes] {
        self.elems
    }
}
