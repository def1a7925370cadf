//! Enums with fields: the [`WasmVariant`] trait `#[derive(WasmLayout)]`
//! implements for a `#[repr(C, u8)]` (or `C, u16` / `C, u32`) enum, and its
//! views [`VariantRef`] and [`VariantMut`].
//!
//! A view of an enum with fields checks the tag only when asked which case
//! it holds: [`VariantRef::variant`] gives the generated `<Name>Ref` enum,
//! one variant per case holding a view of that case's fields (no copy), or
//! `InvalidDiscriminant` for a tag that names no case.
//!
//! The README shows one in use.

use core::fmt;

use crate::error::LayoutError;
use crate::view::{ViewMut, ViewRef};
use crate::WasmLayout;

/// An enum with fields, laid out as `#[repr(C, u8)]` (a tag, then a union of
/// the cases' field structs). Implemented by `#[derive(WasmLayout)]`.
pub trait WasmVariant: WasmLayout {
    /// What [`VariantRef::variant`] gives: `<Name>Ref<'a>`, an enum with one
    /// variant per case, each holding a read-only view of the case's fields.
    type CaseRef<'a>;
    /// What [`VariantMut::variant_mut`] gives: `<Name>Mut<'a>`, the same
    /// with mutable views.
    type CaseMut<'a>;
    /// The tag as stored, whatever its value.
    #[doc(hidden)]
    fn __tag(bytes: &Self::Bytes) -> u32;
    /// The case these bytes hold; `at` as for `WasmLayout::__get`.
    #[doc(hidden)]
    fn __case(bytes: &Self::Bytes, at: usize) -> Result<Self::CaseRef<'_>, LayoutError>;
    /// The case these bytes hold, mutable.
    #[doc(hidden)]
    fn __case_mut(bytes: &mut Self::Bytes, at: usize) -> Result<Self::CaseMut<'_>, LayoutError>;
}

/// A read-only view of an enum with fields (its `WasmLayout::Ref`).
///
/// [`variant`](Self::variant) checks the tag and gives the case's view;
/// [`ViewRef::read`] copies the whole value out.
pub struct VariantRef<'a, T: WasmVariant> {
    bytes: &'a T::Bytes,
    /// Where `bytes` start in the slice the caller passed, for errors.
    at: usize,
}

impl<'a, T: WasmVariant> VariantRef<'a, T> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn __at(bytes: &'a T::Bytes, at: usize) -> Self {
        VariantRef { bytes, at }
    }

    /// The tag as stored (it may name no case).
    #[inline(always)]
    pub fn tag(self) -> u32 {
        T::__tag(self.bytes)
    }

    /// The case the tag names, as a view of its fields, or
    /// `InvalidDiscriminant` at the tag's offset.
    #[inline]
    pub fn variant(self) -> Result<T::CaseRef<'a>, LayoutError> {
        T::__case(self.bytes, self.at)
    }
}

impl<T: WasmVariant> Clone for VariantRef<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: WasmVariant> Copy for VariantRef<'_, T> {}

impl<'a, T: WasmVariant> ViewRef<'a> for VariantRef<'a, T> {
    type Target = T;
    #[inline(always)]
    fn __parts(&self) -> (&'a [u8], usize) {
        (bytemuck::bytes_of(self.bytes), self.at)
    }
}

impl<'a, T: WasmVariant> fmt::Debug for VariantRef<'a, T>
where
    T::CaseRef<'a>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.variant() {
            Ok(case) => case.fmt(f),
            Err(e) => f.debug_tuple("VariantRef").field(&e).finish(),
        }
    }
}

/// A mutable view of an enum with fields (its `WasmLayout::Mut`).
///
/// [`variant_mut`](Self::variant_mut) gives the mutable view of the current
/// case's fields; [`ViewMut::write`] replaces the whole value, case and all,
/// zeroing the bytes the new case does not use.
pub struct VariantMut<'a, T: WasmVariant> {
    bytes: &'a mut T::Bytes,
    /// Where `bytes` start in the slice the caller passed, for errors.
    at: usize,
}

impl<'a, T: WasmVariant> VariantMut<'a, T> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn __at(bytes: &'a mut T::Bytes, at: usize) -> Self {
        VariantMut { bytes, at }
    }

    /// The tag as stored (it may name no case).
    #[inline(always)]
    pub fn tag(&self) -> u32 {
        T::__tag(self.bytes)
    }

    /// The case the tag names, as a read-only view of its fields.
    #[inline]
    pub fn variant(&self) -> Result<T::CaseRef<'_>, LayoutError> {
        T::__case(self.bytes, self.at)
    }

    /// The case the tag names, as a mutable view of its fields.
    #[inline]
    pub fn variant_mut(&mut self) -> Result<T::CaseMut<'_>, LayoutError> {
        T::__case_mut(self.bytes, self.at)
    }

    /// Replaces the whole value with `value` (its case and fields, the
    /// unused bytes zeroed); on error (a value that cannot be written, such
    /// as `Some(WasmPtr::null())` in an `Option<WasmPtr<T>>` field) nothing
    /// is written.
    #[inline]
    pub fn set(&mut self, value: &T) -> Result<(), LayoutError> {
        value.__check_write().map_err(|e| e.offset_by(self.at))?;
        value.__encode(self.bytes);
        Ok(())
    }
}

impl<'a, T: WasmVariant> ViewMut<'a> for VariantMut<'a, T> {
    type Target = T;
    #[inline(always)]
    fn __bytes(&self) -> (&T::Bytes, usize) {
        (self.bytes, self.at)
    }
    #[inline(always)]
    fn __bytes_mut(&mut self) -> &mut T::Bytes {
        self.bytes
    }
}

impl<T: WasmVariant> fmt::Debug for VariantMut<'_, T>
where
    for<'b> T::CaseRef<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.variant() {
            Ok(case) => case.fmt(f),
            Err(e) => f.debug_tuple("VariantMut").field(&e).finish(),
        }
    }
}
