//! The [`WasmLayout`] trait: a type with a fixed wasm32 layout.

use crate::bytes::{prefix, prefix_mut, range, range_mut};
use crate::descriptor::TypeLayout;
use crate::error::LayoutError;
use crate::slice::{SliceMut, SliceRef};

/// A type with a fixed wasm32 little-endian layout.
///
/// Implemented for the integer and float types, `bool`,
/// [`WasmPtr<T>`](crate::WasmPtr), [`WasmStr`](crate::WasmStr),
/// [`WasmSlice<T>`](crate::WasmSlice), arrays of implementors, `Option`s
/// of `WasmPtr<T>`, of the `NonZero` integers and of every
/// [`TaggedOption`](crate::TaggedOption) type, and by
/// `#[derive(WasmLayout)]` for structs, fieldless enums with an integer
/// `#[repr]` and enums with fields with `#[repr(C, u8)]` (or `C, u16` /
/// `C, u32`; see [`WasmVariant`](crate::WasmVariant)).
///
/// Every safe method returns an error instead of panicking, whatever the
/// bytes. Offsets in errors count from the start of the slice the caller
/// passed, on every path: through views, nested views, array and slice views
/// and pointers alike.
///
/// ```
/// use wasm_layout_core::{WasmLayout, LayoutError};
///
/// let mut bytes = [0u8; 4];
/// 0x0102_0304u32.write_to(&mut bytes)?;
/// assert_eq!(bytes, [4, 3, 2, 1]);
/// assert_eq!(u32::read_from(&bytes)?, 0x0102_0304);
/// assert!(matches!(u32::read_from(&bytes[..3]), Err(LayoutError::OutOfBounds { .. })));
/// # Ok::<(), LayoutError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no wasm32 layout: it does not implement `WasmLayout`",
    label = "no wasm32 layout",
    note = "a field shared through linear memory must be an integer (u8…u64, i8…i64), f32, f64, bool, `WasmPtr<T>`, `WasmStr`, `WasmSlice<T>`, a fixed array `[T; N]` of these, or a struct or fieldless enum with #[derive(WasmLayout)]"
)]
pub trait WasmLayout: Sized {
    /// Size in bytes on wasm32.
    const SIZE: usize;
    /// Alignment in bytes on wasm32.
    const ALIGN: usize;
    /// The Rust name, as in the descriptor (available without evaluating
    /// `LAYOUT`, so types can point to themselves).
    const NAME: &'static str;
    /// The layout descriptor.
    const LAYOUT: &'static TypeLayout;
    /// The layout fingerprint: a stable 64-bit hash of [`Self::LAYOUT`]
    /// (names, kinds, sizes, offsets, recursively), as defined in
    /// [`fingerprint`](crate::fingerprint()). Generated bindings carry the same
    /// number, so two sides can check they were built from one layout.
    const FINGERPRINT: u64 = crate::fingerprint::fingerprint(Self::LAYOUT);

    /// The bytes of one value: `[u8; SIZE]`, or an array of such arrays for
    /// array types. Always exactly `SIZE` bytes with alignment 1.
    type Bytes: bytemuck::Pod;
    /// What a view getter returns for a field of this type: the value for
    /// scalars, `Result` of the value for `bool` and enums, a view for
    /// structs and arrays.
    type Ref<'a>;
    /// A mutable view of one value of this type.
    type Mut<'a>;

    /// Whether every `SIZE` bytes are a valid value, so that
    /// [`Self::__validate`] always accepts (integers, floats, pointers and
    /// arrays of them). The derive relies on it when it leaves a field's
    /// check out, and checks that at compile time.
    #[doc(hidden)]
    const __ANY_BYTES_VALID: bool = false;

    /// Checks that `bytes` hold a valid value (bools are 0 or 1, enum
    /// discriminants name a variant). Offsets in the error are relative to
    /// `bytes`. Types whose every bit pattern is valid keep the default.
    #[doc(hidden)]
    #[inline(always)]
    fn __validate(_: &Self::Bytes) -> Result<(), LayoutError> {
        Ok(())
    }
    /// Checks that `self` can be written: every value can, except one that
    /// holds `Some(WasmPtr::null())` in an `Option<WasmPtr<T>>` (0 there means
    /// `None`), which is `NullPointer`. Offsets in the error are relative
    /// to the value.
    #[doc(hidden)]
    #[inline(always)]
    fn __check_write(&self) -> Result<(), LayoutError> {
        Ok(())
    }
    /// Decodes `bytes`, which [`Self::__validate`] accepted. Given bytes it
    /// rejected, it returns some value without panicking.
    #[doc(hidden)]
    fn __decode(bytes: &Self::Bytes) -> Self;
    /// Encodes `self` into `bytes`, padding included.
    #[doc(hidden)]
    fn __encode(&self, bytes: &mut Self::Bytes);
    /// The getter result for these bytes; `at` is where they start in the
    /// slice the caller passed, which errors report offsets from.
    #[doc(hidden)]
    fn __get(bytes: &Self::Bytes, at: usize) -> Self::Ref<'_>;
    /// A mutable view of these bytes; `at` as for [`Self::__get`].
    #[doc(hidden)]
    fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> Self::Mut<'_>;

    /// Reads a value from the first `SIZE` bytes of `bytes`.
    #[inline]
    fn read_from(bytes: &[u8]) -> Result<Self, LayoutError> {
        let b = prefix::<Self>(bytes, 0)?;
        Self::__validate(b)?;
        Ok(Self::__decode(b))
    }

    /// Writes the value to the first `SIZE` bytes of `bytes`, padding as 0.
    /// On error nothing is written.
    #[inline]
    fn write_to(&self, bytes: &mut [u8]) -> Result<(), LayoutError> {
        self.__check_write()?;
        self.__encode(prefix_mut::<Self>(bytes, 0)?);
        Ok(())
    }

    /// A view of the first `SIZE` bytes of `bytes`: one bounds check here,
    /// none in its getters.
    #[inline]
    fn view(bytes: &[u8]) -> Result<Self::Ref<'_>, LayoutError> {
        Ok(Self::__get(prefix::<Self>(bytes, 0)?, 0))
    }

    /// A mutable view of the first `SIZE` bytes of `bytes`.
    #[inline]
    fn view_mut(bytes: &mut [u8]) -> Result<Self::Mut<'_>, LayoutError> {
        Ok(Self::__get_mut(prefix_mut::<Self>(bytes, 0)?, 0))
    }

    /// Reads a value at `offset` in `memory`; errors report offsets in `memory`.
    #[inline]
    fn read_at(memory: &[u8], offset: usize) -> Result<Self, LayoutError> {
        let b = prefix::<Self>(range(memory, offset, Self::SIZE)?, offset)?;
        Self::__validate(b).map_err(|e| e.offset_by(offset))?;
        Ok(Self::__decode(b))
    }

    /// Writes the value at `offset` in `memory`; on error nothing is written.
    #[inline]
    fn write_at(&self, memory: &mut [u8], offset: usize) -> Result<(), LayoutError> {
        self.__check_write()?;
        self.__encode(prefix_mut::<Self>(range_mut(memory, offset, Self::SIZE)?, offset)?);
        Ok(())
    }

    /// A view of the value at `offset` in `memory`.
    #[inline]
    fn view_at(memory: &[u8], offset: usize) -> Result<Self::Ref<'_>, LayoutError> {
        Ok(Self::__get(prefix::<Self>(range(memory, offset, Self::SIZE)?, offset)?, offset))
    }

    /// A mutable view of the value at `offset` in `memory`.
    #[inline]
    fn view_mut_at(memory: &mut [u8], offset: usize) -> Result<Self::Mut<'_>, LayoutError> {
        Ok(Self::__get_mut(prefix_mut::<Self>(range_mut(memory, offset, Self::SIZE)?, offset)?, offset))
    }

    /// A view of `count` consecutive values at the start of `bytes`, checked
    /// once here, then iterated with no per-element bounds check.
    #[inline]
    fn view_slice(bytes: &[u8], count: usize) -> Result<SliceRef<'_, Self>, LayoutError> {
        SliceRef::new(bytes, count)
    }

    /// A mutable view of `count` consecutive values at the start of `bytes`.
    #[inline]
    fn view_slice_mut(bytes: &mut [u8], count: usize) -> Result<SliceMut<'_, Self>, LayoutError> {
        SliceMut::new(bytes, count)
    }
}
