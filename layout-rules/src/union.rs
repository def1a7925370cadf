//! The layout of a `#[repr(C)]` union: every member at offset 0; the size
//! is the largest member's, rounded up to the largest alignment (at least
//! 1). These are the wasm32 C ABI's rules for `union` (clang), and Odin's
//! for `#raw_union`.

use crate::shape::{align_up, FieldShape, ShapeError, WASM32_ADDRESS_SPACE};

/// The size and alignment of a union of `members`.
///
/// ```
/// use wasm_layout_rules::{shape::FieldShape, union::union_shape};
/// let u = union_shape(&[FieldShape { size: 3, align: 1 }, FieldShape { size: 2, align: 2 }]);
/// assert_eq!(u, Ok(FieldShape { size: 4, align: 2 }));
/// ```
pub const fn union_shape(members: &[FieldShape]) -> Result<FieldShape, ShapeError> {
    let (mut size, mut align) = (0, 1);
    let mut rest = members;
    while let [m, tail @ ..] = rest {
        if !m.align.is_power_of_two() {
            return Err(ShapeError::FieldAlign);
        }
        if m.size > size {
            size = m.size;
        }
        if m.align > align {
            align = m.align;
        }
        rest = tail;
    }
    match align_up(size, align) {
        Some(size) if (size as u64) < WASM32_ADDRESS_SPACE => Ok(FieldShape { size, align }),
        _ => Err(ShapeError::TooLarge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn f(size: usize, align: usize) -> FieldShape {
        FieldShape { size, align }
    }

    #[test]
    fn largest_member_rounded_to_largest_alignment() {
        assert_eq!(union_shape(&[f(1, 1), f(8, 8), f(12, 4)]), Ok(f(16, 8)));
        assert_eq!(union_shape(&[f(5, 1)]), Ok(f(5, 1)));
        assert_eq!(union_shape(&[]), Ok(f(0, 1)));
        assert_eq!(union_shape(&[f(4, 3)]), Err(ShapeError::FieldAlign));
    }
}
