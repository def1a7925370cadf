//! The one error type of the accessors.

use core::fmt;

/// Why bytes could not be read as, written from or viewed as a value.
///
/// Offsets are in bytes from the start of the slice the caller passed, on
/// every path: for [`WasmPtr`](crate::WasmPtr) calls, from the start of
/// memory; for view getters (nested, array and slice views included), from
/// the start of the slice the outermost view was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LayoutError {
    /// The bytes end before the value does.
    OutOfBounds {
        /// Where the value starts.
        offset: usize,
        /// How many bytes the value needs from `offset`.
        needed: usize,
        /// How many bytes there are in all.
        available: usize,
    },
    /// A `bool` byte other than 0 or 1.
    InvalidBool {
        /// Where the byte is.
        offset: usize,
        /// The byte found.
        byte: u8,
    },
    /// An enum discriminant that names no variant.
    InvalidDiscriminant {
        /// The enum's Rust name.
        type_name: &'static str,
        /// Where the discriminant starts.
        offset: usize,
        /// The value found, sign-extended for signed reprs.
        value: i64,
    },
    /// A [`WasmPtr`](crate::WasmPtr) that is 0.
    NullPointer {
        /// The pointee's Rust name.
        type_name: &'static str,
    },
    /// A [`WasmStr`](crate::WasmStr) whose bytes are not UTF-8.
    InvalidUtf8 {
        /// Where the first invalid sequence starts (what
        /// `core::str::Utf8Error::valid_up_to` points at, counted from the
        /// start of the memory).
        offset: usize,
        /// The length of that invalid sequence, or `None` when the string
        /// ends in the middle of a character.
        error_len: Option<u8>,
    },
    /// A byte slice whose address is not aligned for an in-place cast.
    Misaligned {
        /// The alignment the cast needs.
        align: usize,
    },
}

impl LayoutError {
    /// The same error with every offset moved `by` bytes further (saturating):
    /// how a containing struct reports an error of one of its fields.
    #[inline]
    #[must_use]
    pub const fn offset_by(self, by: usize) -> Self {
        match self {
            LayoutError::OutOfBounds { offset, needed, available } => {
                LayoutError::OutOfBounds { offset: offset.saturating_add(by), needed, available }
            }
            LayoutError::InvalidBool { offset, byte } => {
                LayoutError::InvalidBool { offset: offset.saturating_add(by), byte }
            }
            LayoutError::InvalidDiscriminant { type_name, offset, value } => {
                LayoutError::InvalidDiscriminant { type_name, offset: offset.saturating_add(by), value }
            }
            LayoutError::InvalidUtf8 { offset, error_len } => {
                LayoutError::InvalidUtf8 { offset: offset.saturating_add(by), error_len }
            }
            other => other,
        }
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // `bytes 240..280 needed, the memory is 256 bytes long`: the
            // range is `offset..offset + needed` (the sum is exact: it is
            // taken in u128), the length is the whole slice's.
            LayoutError::OutOfBounds { offset, needed, available } => write!(
                f,
                "out of bounds: bytes {offset}..{end} needed, the memory is {available} bytes long",
                end = (offset as u128).wrapping_add(needed as u128)
            ),
            LayoutError::InvalidBool { offset, byte } => {
                write!(f, "invalid bool at offset {offset}: byte {byte:#04x} is neither 0 nor 1")
            }
            LayoutError::InvalidDiscriminant { type_name, offset, value } => {
                write!(f, "invalid discriminant for {type_name} at offset {offset}: {value} names no variant")
            }
            LayoutError::NullPointer { type_name } => write!(f, "null pointer to {type_name}"),
            LayoutError::InvalidUtf8 { offset, .. } => write!(f, "invalid UTF-8 at offset {offset}"),
            LayoutError::Misaligned { align } => {
                write!(f, "bytes are not aligned to {align} for an in-place cast")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for LayoutError {}

#[cfg(not(feature = "std"))]
impl core::error::Error for LayoutError {}

/// The error for a value of `needed` bytes at `offset` in `available` bytes.
#[inline]
pub(crate) const fn out_of_bounds(offset: usize, needed: usize, available: usize) -> LayoutError {
    LayoutError::OutOfBounds { offset, needed, available }
}
