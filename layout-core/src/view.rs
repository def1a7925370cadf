//! Traits every generated struct view implements.

use crate::error::LayoutError;
use crate::WasmLayout;

/// A read-only view of one `Target` (what `#[derive(WasmLayout)]` generates
/// as `<Name>Ref`). The view's inherent methods are the field getters; these
/// trait methods never collide with them.
pub trait ViewRef<'a>: Copy {
    /// The type viewed.
    type Target: WasmLayout;
    /// The `SIZE` bytes viewed.
    fn as_bytes(&self) -> &'a [u8];
    /// Reads the whole value, validating it.
    #[inline]
    fn read(&self) -> Result<Self::Target, LayoutError> {
        Self::Target::read_from(self.as_bytes())
    }
}

/// A mutable view of one `Target` (`<Name>Mut`).
pub trait ViewMut<'a> {
    /// The type viewed.
    type Target: WasmLayout;
    /// The `SIZE` bytes viewed.
    fn as_bytes(&self) -> &[u8];
    /// A read-only view of the same bytes.
    fn as_view(&self) -> <Self::Target as WasmLayout>::Ref<'_>;
    /// Overwrites the whole value, padding included.
    fn write(&mut self, value: &Self::Target);
    /// Reads the whole value, validating it.
    #[inline]
    fn read(&self) -> Result<Self::Target, LayoutError> {
        Self::Target::read_from(self.as_bytes())
    }
}
