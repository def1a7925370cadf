//! [`ValueMut`]: the mutable view of a scalar, bool, enum or pointer.

use core::fmt;

use crate::error::LayoutError;
use crate::{WasmLayout, WholeValue};

/// A mutable view of one value whose getter returns the value itself (a
/// scalar, `bool`, enum or [`WasmPtr`](crate::WasmPtr)).
///
/// ```
/// use wasm_layout_core::WasmLayout;
/// let mut bytes = [0u8; 2];
/// let mut v = u16::view_mut(&mut bytes).unwrap();
/// v.set(0xBEEF);
/// assert_eq!(v.get(), 0xBEEF);
/// assert_eq!(bytes, [0xEF, 0xBE]);
/// ```
pub struct ValueMut<'a, T: WasmLayout> {
    bytes: &'a mut T::Bytes,
    /// Where `bytes` start in the slice the caller passed, for errors.
    at: usize,
}

impl<'a, T: WasmLayout> ValueMut<'a, T> {
    /// A view of `bytes`; errors report offsets from their start.
    #[inline(always)]
    pub fn new(bytes: &'a mut T::Bytes) -> Self {
        ValueMut { bytes, at: 0 }
    }

    /// A view of `bytes`, which start at `at` in the slice the caller
    /// passed: errors report offsets from there.
    #[doc(hidden)]
    #[inline(always)]
    pub fn __at(bytes: &'a mut T::Bytes, at: usize) -> Self {
        ValueMut { bytes, at }
    }

    /// What a view getter would return: the value (`Result` of it for bool and
    /// enums).
    #[inline(always)]
    pub fn get(&self) -> T::Ref<'_> {
        T::__get(self.bytes, self.at)
    }

    /// Reads the whole value, validating it.
    #[inline]
    pub fn read(&self) -> Result<T, LayoutError>
    where
        T: WholeValue,
    {
        T::__validate(self.bytes).map_err(|e| e.offset_by(self.at))?;
        Ok(T::__decode(self.bytes))
    }

    /// Overwrites the value.
    #[inline(always)]
    pub fn set(&mut self, value: T)
    where
        T: WholeValue,
    {
        value.__encode(self.bytes);
    }

    /// The underlying bytes.
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        bytemuck::bytes_of(self.bytes)
    }
}

impl<T: WasmLayout> fmt::Debug for ValueMut<'_, T>
where
    for<'b> T::Ref<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ValueMut").field(&self.get()).finish()
    }
}
