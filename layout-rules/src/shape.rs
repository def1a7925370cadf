//! The wasm32 C placement rule for struct fields, as `const fn`s.
//!
//! Fields go in declaration order, each at the next multiple of its
//! alignment; the struct's alignment is the largest field alignment (1 when
//! packed, raised by `align = N`); its size is rounded up to its alignment.
//! [`Placer`] is the rule, one field at a time: [`StructShape::new`]
//! (evaluated in constants by the derive's expansion) and the derive itself
//! (when it writes a layout as literals) both run it, so there is one copy.

/// The largest size a wasm32 address space can hold: 4 GiB.
pub const WASM32_ADDRESS_SPACE: u64 = 1 << 32;

/// Rounds `value` up to the next multiple of `align`.
///
/// Returns `None` when `align` is zero or not a power of two, or when the
/// result would overflow `usize`.
///
/// ```
/// use wasm_layout_rules::align_up;
/// assert_eq!(align_up(5, 4), Some(8));
/// assert_eq!(align_up(8, 8), Some(8));
/// assert_eq!(align_up(1, 3), None);
/// assert_eq!(align_up(usize::MAX, 2), None);
/// ```
#[inline]
pub const fn align_up(value: usize, align: usize) -> Option<usize> {
    if !align.is_power_of_two() {
        return None;
    }
    // `align` is a power of two, so at least 1.
    let mask = align.wrapping_sub(1);
    match value.checked_add(mask) {
        Some(v) => Some(v & !mask),
        None => None,
    }
}

/// The size and alignment of one field, as the layout rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldShape {
    /// Size in bytes.
    pub size: usize,
    /// Alignment in bytes (a power of two).
    pub align: usize,
}

/// How a struct's fields are packed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StructRepr {
    /// Natural alignment: each field at the next multiple of its alignment.
    Natural,
    /// `#[layout(packed)]`: no padding, alignment 1.
    Packed,
    /// `#[layout(align = N)]`: natural layout, alignment raised to at least `N`.
    Aligned(usize),
}

/// Why a struct cannot be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeError {
    /// A field's alignment is not a power of two.
    FieldAlign,
    /// `#[layout(align = N)]` with `N` not a power of two.
    ReprAlign,
    /// The struct would not fit in the 4 GiB wasm32 address space.
    TooLarge,
}

impl ShapeError {
    /// The message a compile error shows.
    pub const fn message(self) -> &'static str {
        match self {
            ShapeError::FieldAlign => "wasm-layout: a field alignment is not a power of two",
            ShapeError::ReprAlign => "wasm-layout: #[layout(align = N)] needs a power of two",
            ShapeError::TooLarge => "wasm-layout: struct does not fit in the wasm32 address space",
        }
    }
}

/// Where one field went: its offset and where it ends (`offset + size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Offset from the start of the struct.
    pub offset: usize,
    /// `offset + size`: padding runs from here to the next field.
    pub end: usize,
}

/// The placement rule, one field at a time.
///
/// ```
/// use wasm_layout_rules::shape::{FieldShape, Placer, StructRepr};
/// let mut p = Placer::new(StructRepr::Natural);
/// assert_eq!(p.place(FieldShape { size: 1, align: 1 }).unwrap().offset, 0);
/// assert_eq!(p.place(FieldShape { size: 4, align: 4 }).unwrap().offset, 4);
/// assert_eq!(p.finish(), Ok((8, 4)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placer {
    repr: StructRepr,
    offset: usize,
    align: usize,
}

impl Placer {
    /// An empty struct with this repr.
    pub const fn new(repr: StructRepr) -> Self {
        Placer { repr, offset: 0, align: 1 }
    }

    /// Places the next field.
    pub const fn place(&mut self, field: FieldShape) -> Result<Placed, ShapeError> {
        let field_align = match self.repr {
            StructRepr::Packed => 1,
            _ => field.align,
        };
        let offset = match align_up(self.offset, field_align) {
            Some(o) => o,
            None if field_align.is_power_of_two() => return Err(ShapeError::TooLarge),
            None => return Err(ShapeError::FieldAlign),
        };
        let end = match offset.checked_add(field.size) {
            Some(e) => e,
            None => return Err(ShapeError::TooLarge),
        };
        self.offset = end;
        if field_align > self.align {
            self.align = field_align;
        }
        Ok(Placed { offset, end })
    }

    /// The struct's size and alignment once every field is placed.
    pub const fn finish(self) -> Result<(usize, usize), ShapeError> {
        let mut align = self.align;
        if let StructRepr::Aligned(n) = self.repr {
            if !n.is_power_of_two() {
                return Err(ShapeError::ReprAlign);
            }
            if n > align {
                align = n;
            }
        }
        match align_up(self.offset, align) {
            Some(size) if (size as u64) < WASM32_ADDRESS_SPACE => Ok((size, align)),
            _ => Err(ShapeError::TooLarge),
        }
    }
}

/// The computed layout of a struct with `N` fields: offsets, size, alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StructShape<const N: usize> {
    /// Offset of each field, in declaration order.
    pub offsets: [usize; N],
    /// Where each field ends (`offset + size`): padding runs from here to the
    /// next field's offset, or to `size` after the last one.
    pub ends: [usize; N],
    /// Size of the struct, a multiple of `align`.
    pub size: usize,
    /// Alignment of the struct.
    pub align: usize,
}

impl<const N: usize> StructShape<N> {
    /// Lays out `fields` in declaration order by [`Placer`].
    ///
    /// Panics (at compile time, where it is used in a `const`) when a layout
    /// is impossible: see [`ShapeError`].
    #[allow(
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        reason = "evaluated in a `const` by the derive: a panic here is a compile error, and `i < N` indexes arrays of length N"
    )]
    pub const fn new(fields: [FieldShape; N], repr: StructRepr) -> Self {
        let mut offsets = [0usize; N];
        let mut ends = [0usize; N];
        let mut placer = Placer::new(repr);
        let mut i = 0;
        while i < N {
            match placer.place(fields[i]) {
                Ok(p) => {
                    offsets[i] = p.offset;
                    ends[i] = p.end;
                }
                Err(e) => panic!("{}", e.message()),
            }
            i += 1;
        }
        match placer.finish() {
            Ok((size, align)) => StructShape { offsets, ends, size, align },
            Err(e) => panic!("{}", e.message()),
        }
    }
}

/// Size of `[T; len]` given `size(T)`, or `None` past 4 GiB.
pub const fn array_size(elem_size: usize, len: usize) -> Option<usize> {
    match elem_size.checked_mul(len) {
        Some(s) if (s as u64) < WASM32_ADDRESS_SPACE => Some(s),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const fn f(size: usize, align: usize) -> FieldShape {
        FieldShape { size, align }
    }

    #[test]
    fn natural_packed_aligned() {
        let fields = [f(1, 1), f(4, 4), f(2, 2)];
        let s = StructShape::new(fields, StructRepr::Natural);
        assert_eq!((s.offsets, s.ends, s.size, s.align), ([0, 4, 8], [1, 8, 10], 12, 4));
        let p = StructShape::new(fields, StructRepr::Packed);
        assert_eq!((p.offsets, p.size, p.align), ([0, 1, 5], 7, 1));
        let a = StructShape::new(fields, StructRepr::Aligned(16));
        assert_eq!((a.offsets, a.size, a.align), ([0, 4, 8], 16, 16));
        let low = StructShape::new(fields, StructRepr::Aligned(2));
        assert_eq!(low.align, 4, "align = N never lowers the natural alignment");
    }

    #[test]
    fn empty() {
        let s = StructShape::<0>::new([], StructRepr::Natural);
        assert_eq!((s.size, s.align), (0, 1));
    }

    #[test]
    fn impossible_layouts() {
        let mut p = Placer::new(StructRepr::Natural);
        assert_eq!(p.place(f(1, 3)), Err(ShapeError::FieldAlign));
        let mut p = Placer::new(StructRepr::Natural);
        p.place(f(1 << 32, 8)).unwrap();
        assert_eq!(p.finish(), Err(ShapeError::TooLarge));
        assert_eq!(Placer::new(StructRepr::Aligned(12)).finish(), Err(ShapeError::ReprAlign));
        let mut p = Placer::new(StructRepr::Natural);
        p.place(f(usize::MAX, 1)).unwrap();
        assert_eq!(p.place(f(1, 1)), Err(ShapeError::TooLarge));
        assert_eq!(array_size(8, 1 << 29), None);
        assert_eq!(array_size(8, 3), Some(24));
    }

    #[test]
    fn align_up_edges() {
        assert_eq!(align_up(0, 1), Some(0));
        assert_eq!(align_up(0, 0), None);
        assert_eq!(align_up(usize::MAX - 7, 8), Some(usize::MAX - 7));
        assert_eq!(align_up(usize::MAX - 6, 8), None);
    }
}
