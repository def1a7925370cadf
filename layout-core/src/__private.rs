//! Items the derive's expansion calls. Not a public API: names and
//! signatures may change in any release.
//!
//! Each helper takes the containing value's bytes as `&[u8; N]` and a field
//! offset as a const parameter, and checks at compile time that the field
//! lies inside; the access itself then needs no runtime check.

pub use core;

pub use crate::descriptor::{
    EnumLayout, FieldLayout, RenameRule, Scalar, StructLayout, TypeKind, TypeLayout, VariantLayout,
};
pub use crate::error::LayoutError;
pub use crate::pod::HostLayout;
pub use crate::rules::{FieldShape, StructRepr, StructShape};
pub use crate::value::ValueMut;
pub use crate::view::{ViewMut, ViewRef};
pub use crate::WasmLayout;

/// The size and alignment of `T`, for [`StructShape::new`].
pub const fn shape<T: WasmLayout>() -> FieldShape {
    FieldShape { size: T::SIZE, align: T::ALIGN }
}

/// The bytes of a field of type `F` at `OFF` in `bytes`.
#[inline(always)]
pub fn field<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> &F::Bytes {
    const { assert!(OFF + F::SIZE <= N, "wasm-layout: a field lies outside its struct") };
    match bytes.get(OFF..OFF + F::SIZE).map(bytemuck::try_from_bytes) {
        Some(Ok(b)) => b,
        // `F::Bytes` is exactly `F::SIZE` bytes with alignment 1, and the
        // range was checked at compile time just above.
        _ => unreachable!(),
    }
}

/// The bytes of a field of type `F` at `OFF` in `bytes`, mutable.
#[inline(always)]
pub fn field_mut<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &mut [u8; N]) -> &mut F::Bytes {
    const { assert!(OFF + F::SIZE <= N, "wasm-layout: a field lies outside its struct") };
    match bytes.get_mut(OFF..OFF + F::SIZE).map(bytemuck::try_from_bytes_mut) {
        Some(Ok(b)) => b,
        // As in `field`.
        _ => unreachable!(),
    }
}

/// Validates the field of type `F` at `OFF`; errors report offsets in `bytes`.
#[inline(always)]
pub fn validate<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> Result<(), LayoutError> {
    F::__validate(field::<F, OFF, N>(bytes)).map_err(|e| e.offset_by(OFF))
}

/// Decodes the (validated) field of type `F` at `OFF`.
#[inline(always)]
pub fn decode<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> F {
    F::__decode(field::<F, OFF, N>(bytes))
}

/// Encodes `value` into the field at `OFF`.
#[inline(always)]
pub fn encode<F: WasmLayout, const OFF: usize, const N: usize>(value: &F, bytes: &mut [u8; N]) {
    value.__encode(field_mut::<F, OFF, N>(bytes));
}

/// The getter result for the field of type `F` at `OFF`.
#[inline(always)]
pub fn get<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> F::Ref<'_> {
    F::__get(field::<F, OFF, N>(bytes), OFF)
}

/// A mutable view of the field of type `F` at `OFF`.
#[inline(always)]
pub fn get_mut<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &mut [u8; N]) -> F::Mut<'_> {
    F::__get_mut(field_mut::<F, OFF, N>(bytes))
}

/// Zeroes the padding bytes `[START, END)`.
#[inline(always)]
pub fn zero<const START: usize, const END: usize, const N: usize>(bytes: &mut [u8; N]) {
    const { assert!(START <= END && END <= N, "wasm-layout: padding lies outside its struct") };
    if START < END {
        if let Some(pad) = bytes.get_mut(START..END) {
            pad.fill(0);
        }
    }
}

/// The error for an enum discriminant that names no variant.
#[cold]
pub const fn invalid_discriminant(type_name: &'static str, value: i64) -> LayoutError {
    LayoutError::InvalidDiscriminant { type_name, offset: 0, value }
}
