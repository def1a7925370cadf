//! What [`WasmStr`](crate::WasmStr) and [`WasmSlice<T>`](crate::WasmSlice)
//! share: the `(ptr, len)` words and the rule that finds their bytes.

use wasm_layout_rules::pair::{LEN_AT, PAIR, PTR_AT};

use crate::error::{out_of_bounds, LayoutError};

/// The pair's bytes.
pub(crate) type PairBytes = [u8; PAIR.size];

/// The u32 word at `at` in `bytes`.
#[inline(always)]
fn word(bytes: &PairBytes, at: usize) -> u32 {
    let mut w = [0u8; 4];
    if let Some(b) = bytes.get(at..at.wrapping_add(4)) {
        w.copy_from_slice(b);
    }
    u32::from_le_bytes(w)
}

/// `(ptr, len)` from the pair's bytes.
#[inline(always)]
pub(crate) fn decode(bytes: &PairBytes) -> (u32, u32) {
    (word(bytes, PTR_AT), word(bytes, LEN_AT))
}

/// The pair's bytes for `(ptr, len)`.
#[inline(always)]
pub(crate) fn encode(ptr: u32, len: u32, bytes: &mut PairBytes) {
    for (at, value) in [(PTR_AT, ptr), (LEN_AT, len)] {
        if let Some(b) = bytes.get_mut(at..at.wrapping_add(4)) {
            b.copy_from_slice(&value.to_le_bytes());
        }
    }
}

/// Where the `len * size` bytes of a pair lie in `memory`: `(start, bytes)`.
///
/// The rules of the contract, in this order: an empty pair (len 0) is valid
/// whatever its ptr, and lies at `(ptr, 0)` even past the memory's end; a
/// non-empty one with ptr 0 is `NullPointer`; bytes past the memory, or past
/// the 4 GiB address space (`ptr + len * size` overflowing u32), are
/// `OutOfBounds` at `ptr` for `len * size` bytes.
#[inline]
pub(crate) fn region(
    ptr: u32,
    len: u32,
    size: usize,
    memory_len: usize,
    type_name: &'static str,
) -> Result<(usize, usize), LayoutError> {
    let start = ptr as usize;
    if len == 0 {
        return Ok((start.min(memory_len), 0));
    }
    if ptr == 0 {
        return Err(LayoutError::NullPointer { type_name });
    }
    let needed = (len as usize).checked_mul(size).ok_or(out_of_bounds(start, usize::MAX, memory_len))?;
    let end = (u64::from(ptr)).checked_add(needed as u64);
    match end {
        Some(end) if end <= 1u64 << 32 && end <= memory_len as u64 => Ok((start, needed)),
        _ => Err(out_of_bounds(start, needed, memory_len)),
    }
}

/// The inherent methods both pair types share, after their own `new`:
/// `empty`, `ptr`, `len` (`$unit` says what it counts) and `is_empty`.
macro_rules! pair_methods {
    ($unit:literal) => {
        /// The empty pair: ptr 0, len 0.
        #[inline(always)]
        pub const fn empty() -> Self {
            Self::new(0, 0)
        }

        /// The offset of the first byte.
        #[inline(always)]
        pub const fn ptr(self) -> u32 {
            self.ptr
        }

        #[doc = concat!("The length in ", $unit, ".")]
        #[inline(always)]
        pub const fn len(self) -> u32 {
            self.len
        }

        /// Whether the length is 0.
        #[inline(always)]
        pub const fn is_empty(self) -> bool {
            self.len == 0
        }
    };
}

/// The items of `WasmLayout` both pair types share: size, alignment, the
/// bytes type, and decoding/encoding the two words (every byte pattern is
/// valid; the memory is checked when the pair is followed).
macro_rules! pair_layout {
    () => {
        const SIZE: usize = wasm_layout_rules::pair::PAIR.size;
        const ALIGN: usize = wasm_layout_rules::pair::PAIR.align;
        type Bytes = crate::pair::PairBytes;
        type Ref<'a> = Self;
        type Mut<'a> = crate::value::ValueMut<'a, Self>;
        const __ANY_BYTES_VALID: bool = true;

        #[inline(always)]
        fn __decode(bytes: &crate::pair::PairBytes) -> Self {
            let (ptr, len) = crate::pair::decode(bytes);
            Self::new(ptr, len)
        }
        #[inline(always)]
        fn __encode(&self, bytes: &mut crate::pair::PairBytes) {
            crate::pair::encode(self.ptr, self.len, bytes);
        }
        #[inline(always)]
        fn __get(bytes: &crate::pair::PairBytes, _: usize) -> Self {
            Self::__decode(bytes)
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut crate::pair::PairBytes, at: usize) -> crate::value::ValueMut<'_, Self> {
            crate::value::ValueMut::__at(bytes, at)
        }
    };
}
pub(crate) use {pair_layout, pair_methods};
