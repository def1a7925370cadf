//! Turning untrusted byte slices into fixed-size byte arrays, with one check.

use crate::error::{out_of_bounds, LayoutError};
use crate::WasmLayout;

/// The bytes `[offset, offset + len)` of `memory`, or `OutOfBounds`.
#[inline]
pub(crate) fn range(memory: &[u8], offset: usize, len: usize) -> Result<&[u8], LayoutError> {
    offset.checked_add(len).and_then(|end| memory.get(offset..end)).ok_or(out_of_bounds(
        offset,
        len,
        memory.len(),
    ))
}

/// The bytes `[offset, offset + len)` of `memory`, mutable, or `OutOfBounds`.
#[inline]
pub(crate) fn range_mut(memory: &mut [u8], offset: usize, len: usize) -> Result<&mut [u8], LayoutError> {
    let available = memory.len();
    offset
        .checked_add(len)
        .and_then(|end| memory.get_mut(offset..end))
        .ok_or(out_of_bounds(offset, len, available))
}

/// The first `T::SIZE` bytes of `bytes` as `T::Bytes`; `offset` is where
/// `bytes` starts, for the error.
#[inline]
pub(crate) fn prefix<T: WasmLayout>(bytes: &[u8], offset: usize) -> Result<&T::Bytes, LayoutError> {
    let oob = || out_of_bounds(offset, T::SIZE, offset.saturating_add(bytes.len()));
    let head = bytes.get(..T::SIZE).ok_or_else(oob)?;
    bytemuck::try_from_bytes(head).map_err(|_| oob())
}

/// The first `T::SIZE` bytes of `bytes` as mutable `T::Bytes`.
#[inline]
pub(crate) fn prefix_mut<T: WasmLayout>(
    bytes: &mut [u8],
    offset: usize,
) -> Result<&mut T::Bytes, LayoutError> {
    let oob = out_of_bounds(offset, T::SIZE, offset.saturating_add(bytes.len()));
    let head = bytes.get_mut(..T::SIZE).ok_or(oob)?;
    bytemuck::try_from_bytes_mut(head).map_err(|_| oob)
}
