//! Placing strings and slices: [`Arena::place_str`],
//! [`Arena::place_wasm_slice`] and their [`Bump`] twins, which return the
//! `(ptr, len)` pair a struct field holds.

use crate::{WasmLayout, WasmPtr, WasmSlice, WasmStr};

use super::arena::Arena;
use super::bump::Bump;
use super::error::MemoryError;
use super::storage::Memory;

/// The pair for `len` elements placed at `ptr`: the placement fitted them in
/// 4 GiB, so `len` (at least 1 byte each, or 0) fits a u32; `AddressSpace`
/// otherwise (a slice of zero-size values longer than u32::MAX).
fn pair(ptr: WasmPtr<impl WasmLayout>, len: usize) -> Result<(u32, u32), MemoryError> {
    let len = u32::try_from(len)
        .map_err(|_| MemoryError::AddressSpace { offset: u64::from(ptr.offset()), size: len as u64 })?;
    Ok((ptr.offset(), len))
}

/// `text` placed by `place` (an arena's or a bump's `place_slice`), or the
/// empty string without calling it.
fn place_str(
    text: &str,
    place: impl FnOnce(&[u8]) -> Result<WasmPtr<u8>, MemoryError>,
) -> Result<WasmStr, MemoryError> {
    if text.is_empty() {
        return Ok(WasmStr::empty());
    }
    let (ptr, len) = pair(place(text.as_bytes())?, text.len())?;
    Ok(WasmStr::new(ptr, len))
}

/// `values` placed by `place`, or the empty slice without calling it.
fn place_wasm_slice<T: crate::WholeValue>(
    values: &[T],
    place: impl FnOnce(&[T]) -> Result<WasmPtr<T>, MemoryError>,
) -> Result<WasmSlice<T>, MemoryError> {
    if values.is_empty() {
        return Ok(WasmSlice::empty());
    }
    let (ptr, len) = pair(place(values)?, values.len())?;
    Ok(WasmSlice::new(ptr, len))
}

impl Arena {
    /// Places the UTF-8 bytes of `text` (alignment 1) and returns its
    /// [`WasmStr`]. `""` allocates nothing and is [`WasmStr::empty`]. All or
    /// nothing, as [`place_slice`](Arena::place_slice).
    ///
    /// ```
    /// use wasm_layout_core::memory::{Arena, LinearMemory, Memory};
    /// use wasm_layout_core::WasmStr;
    /// let mut memory = LinearMemory::new(1, 1)?;
    /// let mut arena = Arena::new(1024, 4096)?;
    /// let name = arena.place_str(&mut memory, "Ada")?;
    /// assert_eq!((name.ptr(), name.len()), (1024, 3));
    /// assert_eq!(name.read(memory.bytes())?, "Ada");
    /// assert_eq!(arena.place_str(&mut memory, "")?, WasmStr::empty());
    /// assert_eq!(arena.used(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn place_str<M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        text: &str,
    ) -> Result<WasmStr, MemoryError> {
        place_str(text, |bytes| self.place_slice(memory, bytes))
    }

    /// Places `values` side by side, as [`place_slice`](Arena::place_slice),
    /// and returns them as a [`WasmSlice`]. An empty `values` allocates
    /// nothing and is [`WasmSlice::empty`].
    ///
    /// ```
    /// use wasm_layout_core::memory::{Arena, LinearMemory, Memory};
    /// let mut memory = LinearMemory::new(1, 1)?;
    /// let mut arena = Arena::new(1024, 4096)?;
    /// let scores = arena.place_wasm_slice(&mut memory, &[1.0f32, 2.5])?;
    /// assert_eq!((scores.ptr(), scores.len()), (1024, 2));
    /// assert_eq!(scores.view(memory.bytes())?.iter().sum::<f32>(), 3.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn place_wasm_slice<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmSlice<T>, MemoryError> {
        place_wasm_slice(values, |values| self.place_slice(memory, values))
    }
}

impl Bump {
    /// [`Arena::place_str`], growing `memory` when needed.
    pub fn place_str<M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        text: &str,
    ) -> Result<WasmStr, MemoryError> {
        place_str(text, |bytes| self.place_slice(memory, bytes))
    }

    /// [`Arena::place_wasm_slice`], growing `memory` when needed.
    pub fn place_wasm_slice<T: crate::WholeValue, M: Memory + ?Sized>(
        &mut self,
        memory: &mut M,
        values: &[T],
    ) -> Result<WasmSlice<T>, MemoryError> {
        place_wasm_slice(values, |values| self.place_slice(memory, values))
    }
}
