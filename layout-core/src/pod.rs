//! The zero-copy fast path for `#[repr(C)]` structs whose host layout is
//! their wasm32 layout.

use crate::WasmLayout;

/// The host's own layout of this type equals its wasm32 layout.
///
/// `#[derive(WasmLayout)]` implements it for `#[repr(C)]` structs, together
/// with a compile-time assertion that `size_of`, `align_of` and every
/// `offset_of!` agree with the wasm32 layout; so the build fails, naming
/// the field, on any host where they do not.
pub trait HostLayout: WasmLayout {}

/// Views `count` values in place, with no copy: only on little-endian hosts,
/// only for types whose host layout was checked ([`HostLayout`]) and
/// that are [`bytemuck::Pod`] (so every bit pattern is valid).
///
/// ```
/// # #[cfg(target_endian = "little")] {
/// use wasm_layout_core::cast_slice;
/// let words = [1u32, 2, 3];
/// let bytes: &[u8] = bytemuck::cast_slice(&words);
/// // `u32` is its own host layout; derived `#[repr(C)]` structs are too.
/// assert_eq!(cast_slice::<u32>(bytes, 3).unwrap(), &[1, 2, 3]);
/// # }
/// ```
#[cfg(all(feature = "bytemuck-pod", target_endian = "little"))]
pub fn cast_slice<T: HostLayout + bytemuck::Pod>(
    bytes: &[u8],
    count: usize,
) -> Result<&[T], crate::LayoutError> {
    let needed = count.saturating_mul(T::SIZE);
    let head = bytes.get(..needed).ok_or(crate::error::out_of_bounds(0, needed, bytes.len()))?;
    bytemuck::try_cast_slice(head).map_err(|_| crate::LayoutError::Misaligned { align: T::ALIGN })
}

/// The mutable form of [`cast_slice`].
#[cfg(all(feature = "bytemuck-pod", target_endian = "little"))]
pub fn cast_slice_mut<T: HostLayout + bytemuck::Pod>(
    bytes: &mut [u8],
    count: usize,
) -> Result<&mut [T], crate::LayoutError> {
    let available = bytes.len();
    let needed = count.saturating_mul(T::SIZE);
    let head = bytes.get_mut(..needed).ok_or(crate::error::out_of_bounds(0, needed, available))?;
    bytemuck::try_cast_slice_mut(head).map_err(|_| crate::LayoutError::Misaligned { align: T::ALIGN })
}

macro_rules! host_layout {
    ($($ty:ty),*) => {$( impl HostLayout for $ty {} )*};
}
host_layout!(u8, u16, u32, u64, i8, i16, i32, i64, f32, f64);
impl<T: HostLayout, const N: usize> HostLayout for [T; N] {}
