//! [`hex_dump`]: memory in the classic `address  hex  ascii` format.

#[cfg(feature = "alloc")]
use alloc::string::String;
use core::fmt;

use super::error::MemoryError;
use crate::LayoutError;

/// A region of memory that formats as a classic hex dump, one line per 16
/// bytes: the address in 8 hex digits, two spaces, the bytes in hex
/// separated by spaces and padded to 48 columns, two spaces, and the bytes
/// as ASCII with `.` for anything not printable. Lines are separated by
/// `\n`, with none after the last.
///
/// Formatting writes straight into the formatter, with no allocation.
#[derive(Debug, Clone, Copy)]
pub struct HexDump<'a> {
    bytes: &'a [u8],
    start: usize,
}

impl<'a> HexDump<'a> {
    /// The `len` bytes of `memory` from `start`, or `OutOfBounds`.
    pub fn new(memory: &'a [u8], start: usize, len: usize) -> Result<Self, MemoryError> {
        let bytes =
            start.checked_add(len).and_then(|end| memory.get(start..end)).ok_or(MemoryError::Layout(
                LayoutError::OutOfBounds { offset: start, needed: len, available: memory.len() },
            ))?;
        Ok(HexDump { bytes, start })
    }
}

impl<'a> HexDump<'a> {
    /// The bytes shown.
    pub(super) fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The address of the first byte shown.
    pub(super) fn start(&self) -> usize {
        self.start
    }
}

/// One line of the dump: up to 16 bytes `line` at address `at`.
pub(super) fn write_line(f: &mut fmt::Formatter<'_>, at: usize, line: &[u8]) -> fmt::Result {
    write!(f, "{at:08x}  ")?;
    for (j, b) in line.iter().enumerate() {
        if j > 0 {
            f.write_str(" ")?;
        }
        write!(f, "{b:02x}")?;
    }
    // 16 bytes take 47 columns; every line pads its hex to 48.
    let used = line.len().saturating_mul(3).saturating_sub(1);
    for _ in used..48 {
        f.write_str(" ")?;
    }
    f.write_str("  ")?;
    for &b in line {
        let c = if (0x20..0x7f).contains(&b) { char::from(b) } else { '.' };
        write!(f, "{c}")?;
    }
    Ok(())
}

impl fmt::Display for HexDump<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.bytes.chunks(16).enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write_line(f, self.start.wrapping_add(i.wrapping_mul(16)), line)?;
        }
        Ok(())
    }
}

/// The hex dump of `len` bytes of `memory` from `start` (see [`HexDump`]).
///
/// ```
/// use wasm_layout_core::memory::hex_dump;
///
/// let mut memory = vec![0u8; 2048];
/// memory[1024..1028].copy_from_slice(&0xDEADBEEFu32.to_be_bytes());
/// memory[1028..1030].copy_from_slice(b"hi");
/// assert_eq!(
///     hex_dump(&memory, 1024, 20)?,
///     "00000400  de ad be ef 68 69 00 00 00 00 00 00 00 00 00 00   ....hi..........\n\
///      00000410  00 00 00 00                                       ....",
/// );
/// # Ok::<(), wasm_layout_core::memory::MemoryError>(())
/// ```
#[cfg(feature = "alloc")]
pub fn hex_dump(memory: &[u8], start: usize, len: usize) -> Result<String, MemoryError> {
    use alloc::string::ToString;
    Ok(HexDump::new(memory, start, len)?.to_string())
}
