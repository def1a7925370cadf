//! The layout of a `#[repr(C, u8)]` (or `C, u16` / `C, u32`) enum with
//! fields, and of `Option<T>` laid out as one: Rust's own `repr(C, int)`
//! layout, which is C's `struct { tag; union { case structs } }`.
//!
//! Each case's fields form a natural struct of their own (placed by
//! [`Placer`]); the payload union has the largest
//! case alignment and the largest case size rounded up to it; the payload
//! follows the tag at the next multiple of its alignment; the whole is
//! rounded up to the larger of the two alignments.
//!
//! ```
//! use wasm_layout_rules::shape::FieldShape;
//! use wasm_layout_rules::variant::VariantShape;
//! // enum { A(f32), B(u8, u8, u8), C } with a u8 tag.
//! let cases = [FieldShape { size: 4, align: 4 }, FieldShape { size: 3, align: 1 }, FieldShape { size: 0, align: 1 }];
//! let v = VariantShape::new(FieldShape { size: 1, align: 1 }, &cases);
//! assert_eq!((v.payload, v.size, v.align), (4, 8, 4));
//! ```

use crate::shape::{align_up, FieldShape, Placer, ShapeError, StructRepr};

/// Where a variant's payload goes, and its size and alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariantShape {
    /// Offset of the payload union (of every case's first byte).
    pub payload: usize,
    /// Size of the payload union: the largest case, rounded up to the union's alignment.
    pub payload_size: usize,
    /// Size of the whole, a multiple of `align`.
    pub size: usize,
    /// Alignment of the whole: the larger of the tag's and the cases'.
    pub align: usize,
}

impl VariantShape {
    /// Lays out a variant with this tag and these cases (each case's own
    /// struct size and alignment).
    ///
    /// Panics (at compile time, where it is used in a `const`) when a layout
    /// is impossible: see [`ShapeError`].
    #[allow(
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        reason = "evaluated in a `const` by the derive: a panic here is a compile error, and `i < len` indexes the slice"
    )]
    pub const fn new(tag: FieldShape, cases: &[FieldShape]) -> Self {
        match Self::try_new(tag, cases) {
            Ok(v) => v,
            Err(e) => panic!("{}", e.message()),
        }
    }

    /// [`VariantShape::new`], or why the layout is impossible.
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects, reason = "`i < cases.len()`")]
    pub const fn try_new(tag: FieldShape, cases: &[FieldShape]) -> Result<Self, ShapeError> {
        let (mut size, mut align) = (0usize, 1usize);
        let mut i = 0;
        while i < cases.len() {
            if !cases[i].align.is_power_of_two() {
                return Err(ShapeError::FieldAlign);
            }
            if cases[i].size > size {
                size = cases[i].size;
            }
            if cases[i].align > align {
                align = cases[i].align;
            }
            i += 1;
        }
        let payload_size = match align_up(size, align) {
            Some(s) => s,
            None => return Err(ShapeError::TooLarge),
        };
        let mut placer = Placer::new(StructRepr::Natural);
        if let Err(e) = placer.place(tag) {
            return Err(e);
        }
        let payload = match placer.place(FieldShape { size: payload_size, align }) {
            Ok(p) => p.offset,
            Err(e) => return Err(e),
        };
        match placer.finish() {
            Ok((size, align)) => Ok(VariantShape { payload, payload_size, size, align }),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const fn f(size: usize, align: usize) -> FieldShape {
        FieldShape { size, align }
    }

    #[test]
    fn as_rust_lays_out_repr_c_int() {
        // enum { A(u64), B } with a u8 tag: payload at 8, size 16.
        let v = VariantShape::new(f(1, 1), &[f(8, 8), f(0, 1)]);
        assert_eq!((v.payload, v.payload_size, v.size, v.align), (8, 8, 16, 8));
        // A u32 tag and byte-sized cases: payload at 4, size 8, align 4.
        let v = VariantShape::new(f(4, 4), &[f(3, 1)]);
        assert_eq!((v.payload, v.payload_size, v.size, v.align), (4, 3, 8, 4));
        // The union's size is rounded up to its alignment.
        let v = VariantShape::new(f(1, 1), &[f(3, 1), f(2, 2)]);
        assert_eq!((v.payload, v.payload_size, v.size, v.align), (2, 4, 6, 2));
        // Only unit cases: the tag alone.
        let v = VariantShape::new(f(2, 2), &[f(0, 1), f(0, 1)]);
        assert_eq!((v.payload, v.size, v.align), (2, 2, 2));
        assert_eq!(VariantShape::try_new(f(1, 1), &[f(1, 3)]), Err(ShapeError::FieldAlign));
        assert_eq!(VariantShape::try_new(f(1, 1), &[f(usize::MAX, 1)]), Err(ShapeError::TooLarge));
    }
}
