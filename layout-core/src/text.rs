//! [`WasmStr`]: a UTF-8 string in linear memory, as `(ptr, len)`.

use core::fmt;

use wasm_layout_rules::pair::PAIR;

use crate::descriptor::{TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::pair::{decode, encode, region, PairBytes};
use crate::value::ValueMut;
use crate::{WasmLayout, WholeValue};

/// A string in wasm32 linear memory: the byte offset of its first byte
/// (`ptr`, a u32 at 0) and its length in bytes (`len`, a u32 at 4); 8 bytes,
/// alignment 4. The bytes are UTF-8, checked when read.
///
/// Like [`WasmPtr`](crate::WasmPtr) it is only numbers: reading the text
/// takes the memory. An empty string (len 0) is valid whatever its ptr; a
/// non-empty one with ptr 0 is [`LayoutError::NullPointer`]; one whose bytes
/// run past the memory is [`LayoutError::OutOfBounds`]; bytes that are not
/// UTF-8 are [`LayoutError::InvalidUtf8`] at the offset, in the memory, of
/// the first bad byte.
///
/// ```
/// use wasm_layout_core::{LayoutError, WasmStr};
/// let mut memory = vec![0u8; 32];
/// memory[8..11].copy_from_slice(b"Ada");
/// let s = WasmStr::new(8, 3);
/// assert_eq!(s.read(&memory)?, "Ada");
/// assert_eq!(WasmStr::empty().read(&memory)?, "");
/// assert_eq!(WasmStr::new(0, 1).read(&memory), Err(LayoutError::NullPointer { type_name: "str" }));
/// memory[9] = 0xFF;
/// assert!(matches!(s.read(&memory), Err(LayoutError::InvalidUtf8 { offset: 9, .. })));
/// assert!(matches!(WasmStr::new(30, 3).read(&memory), Err(LayoutError::OutOfBounds { offset: 30, .. })));
/// # Ok::<(), LayoutError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WasmStr {
    ptr: u32,
    len: u32,
}

impl WasmStr {
    /// The string of `len` bytes at byte `ptr` of linear memory.
    #[inline(always)]
    pub const fn new(ptr: u32, len: u32) -> Self {
        WasmStr { ptr, len }
    }

    /// The empty string: ptr 0, len 0.
    #[inline(always)]
    pub const fn empty() -> Self {
        Self::new(0, 0)
    }

    /// The offset of the first byte.
    #[inline(always)]
    pub const fn ptr(self) -> u32 {
        self.ptr
    }

    /// The length in bytes.
    #[inline(always)]
    pub const fn len(self) -> u32 {
        self.len
    }

    /// Whether the length is 0.
    #[inline(always)]
    pub const fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The bytes in `memory`, not checked to be UTF-8.
    #[inline]
    pub fn bytes(self, memory: &[u8]) -> Result<&[u8], LayoutError> {
        let (start, len) = region(self.ptr, self.len, 1, memory.len(), "str")?;
        // `region` checked `start + len <= memory.len()`.
        Ok(memory.get(start..start.wrapping_add(len)).unwrap_or(&[]))
    }

    /// The text in `memory`, with no copy, checked to be UTF-8.
    #[inline]
    pub fn read(self, memory: &[u8]) -> Result<&str, LayoutError> {
        let bytes = self.bytes(memory)?;
        core::str::from_utf8(bytes).map_err(|e| LayoutError::InvalidUtf8 {
            offset: (self.ptr as usize).saturating_add(e.valid_up_to()),
            error_len: e.error_len().and_then(|n| u8::try_from(n).ok()),
        })
    }
}

impl WasmLayout for WasmStr {
    const SIZE: usize = PAIR.size;
    const ALIGN: usize = PAIR.align;
    const NAME: &'static str = "WasmStr";
    const LAYOUT: &'static TypeLayout =
        &TypeLayout { name: "WasmStr", size: PAIR.size, align: PAIR.align, kind: TypeKind::Str };
    type Bytes = PairBytes;
    type Ref<'a> = WasmStr;
    type Mut<'a> = ValueMut<'a, WasmStr>;
    const __ANY_BYTES_VALID: bool = true;

    #[inline(always)]
    fn __decode(bytes: &PairBytes) -> Self {
        let (ptr, len) = decode(bytes);
        Self::new(ptr, len)
    }
    #[inline(always)]
    fn __encode(&self, bytes: &mut PairBytes) {
        encode(self.ptr, self.len, bytes);
    }
    #[inline(always)]
    fn __get(bytes: &PairBytes, _: usize) -> Self {
        Self::__decode(bytes)
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut PairBytes, at: usize) -> ValueMut<'_, Self> {
        ValueMut::__at(bytes, at)
    }
}

impl WholeValue for WasmStr {}

impl fmt::Debug for WasmStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WasmStr({:#x}, {})", self.ptr, self.len)
    }
}
