//! [`WasmStr`]: a UTF-8 string in linear memory, as `(ptr, len)`.

use core::fmt;

use wasm_layout_rules::pair::PAIR;

use crate::descriptor::{TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::pair::region;
use crate::WasmLayout;

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

    crate::pair::pair_methods!("bytes");

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
    crate::pair::pair_layout!();
    const NAME: &'static str = "WasmStr";
    const LAYOUT: &'static TypeLayout =
        &TypeLayout { name: "WasmStr", size: PAIR.size, align: PAIR.align, kind: TypeKind::Str };
}

impl fmt::Debug for WasmStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WasmStr({:#x}, {})", self.ptr, self.len)
    }
}
