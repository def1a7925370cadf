//! Traits every generated struct view implements.

use crate::error::LayoutError;
use crate::{WasmLayout, WholeValue};

/// A read-only view of one `Target` (what `#[derive(WasmLayout)]` generates
/// as `<Name>Ref`). The view's inherent methods are the field getters; these
/// trait methods never collide with them.
pub trait ViewRef<'a>: Copy {
    /// The type viewed.
    type Target: WasmLayout;
    /// The bytes viewed, and where they start in the slice the caller
    /// passed (what error offsets count from).
    #[doc(hidden)]
    fn __parts(&self) -> (&'a [u8], usize);
    /// The `SIZE` bytes viewed.
    #[inline(always)]
    fn as_bytes(&self) -> &'a [u8] {
        self.__parts().0
    }
    /// Reads the whole value, validating it.
    #[inline]
    fn read(&self) -> Result<Self::Target, LayoutError>
    where
        Self::Target: WholeValue,
    {
        let (bytes, at) = self.__parts();
        Self::Target::read_from(bytes).map_err(|e| e.offset_by(at))
    }
}

/// A mutable view of one `Target` (`<Name>Mut`).
pub trait ViewMut<'a> {
    /// The type viewed.
    type Target: WasmLayout;
    /// The bytes viewed, and where they start in the slice the caller
    /// passed (what error offsets count from).
    #[doc(hidden)]
    fn __bytes(&self) -> (&<Self::Target as WasmLayout>::Bytes, usize);
    /// The bytes viewed, mutable.
    #[doc(hidden)]
    fn __bytes_mut(&mut self) -> &mut <Self::Target as WasmLayout>::Bytes;
    /// The `SIZE` bytes viewed.
    #[inline(always)]
    fn as_bytes(&self) -> &[u8] {
        bytemuck::bytes_of(self.__bytes().0)
    }
    /// A read-only view of the same bytes.
    #[inline(always)]
    fn as_view(&self) -> <Self::Target as WasmLayout>::Ref<'_> {
        let (bytes, at) = self.__bytes();
        Self::Target::__get(bytes, at)
    }
    /// Overwrites the whole value, padding included.
    #[inline]
    fn write(&mut self, value: &Self::Target)
    where
        Self::Target: WholeValue,
    {
        value.__encode(self.__bytes_mut());
    }
    /// Reads the whole value, validating it.
    #[inline]
    fn read(&self) -> Result<Self::Target, LayoutError>
    where
        Self::Target: WholeValue,
    {
        let (bytes, at) = self.__bytes();
        Self::Target::__validate(bytes).map_err(|e| e.offset_by(at))?;
        Ok(Self::Target::__decode(bytes))
    }
}
