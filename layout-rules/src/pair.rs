//! The `(ptr, len)` pair of `WasmStr` and `WasmSlice<T>`: two u32 words, the
//! byte offset of the first element at 0 and the length at 4, as the wasm32
//! C ABI and the component model's canonical ABI lay out strings and lists.
//!
//! ```
//! use wasm_layout_rules::pair::{LEN_AT, PAIR, PTR_AT};
//! assert_eq!((PAIR.size, PAIR.align, PTR_AT, LEN_AT), (8, 4, 0, 4));
//! ```

use crate::scalar::Scalar;
use crate::shape::FieldShape;

/// The pair's size and alignment: two u32 words.
pub const PAIR: FieldShape = FieldShape { size: 2 * Scalar::U32.size(), align: Scalar::U32.size() };

/// Offset of `ptr` (the first byte, or element, in linear memory).
pub const PTR_AT: usize = 0;

/// Offset of `len` (bytes of a string, elements of a slice).
pub const LEN_AT: usize = Scalar::U32.size();
