//! The wasm32 layout rules, as `const fn`s.
//!
//! Every size, alignment and offset the derive produces is computed here, from
//! the field types' own [`WasmLayout`](crate::WasmLayout) constants, so the
//! numbers are the same whatever the host compiling them.

/// The largest size a wasm32 address space can hold: 4 GiB.
pub const WASM32_ADDRESS_SPACE: u64 = 1 << 32;

/// Rounds `value` up to the next multiple of `align`.
///
/// Returns `None` when `align` is zero or not a power of two, or when the
/// result would overflow `usize`.
///
/// ```
/// use wasm_layout_core::align_up;
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
    /// Lays out `fields` in declaration order by the wasm32 C ABI rules.
    ///
    /// Panics (at compile time, where it is used in a `const`) when `repr` asks
    /// for an alignment that is not a power of two or when the struct would not
    /// fit in the 4 GiB wasm32 address space.
    #[allow(
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        reason = "evaluated in a `const` by the derive: a panic here is a compile error, and `i < N` indexes arrays of length N"
    )]
    pub const fn new(fields: [FieldShape; N], repr: StructRepr) -> Self {
        let mut offsets = [0usize; N];
        let mut ends = [0usize; N];
        let mut offset = 0usize;
        let mut align = 1usize;
        let mut i = 0;
        while i < N {
            let f = fields[i];
            let field_align = match repr {
                StructRepr::Packed => 1,
                _ => f.align,
            };
            offset = match align_up(offset, field_align) {
                Some(o) => o,
                None => panic!("wasm-layout: a field alignment is not a power of two"),
            };
            offsets[i] = offset;
            offset = match offset.checked_add(f.size) {
                Some(o) => o,
                None => panic!("wasm-layout: struct does not fit in the wasm32 address space"),
            };
            ends[i] = offset;
            if field_align > align {
                align = field_align;
            }
            i += 1;
        }
        if let StructRepr::Aligned(n) = repr {
            if !n.is_power_of_two() {
                panic!("wasm-layout: #[layout(align = N)] needs a power of two");
            }
            if n > align {
                align = n;
            }
        }
        let size = match align_up(offset, align) {
            Some(s) => s,
            None => panic!("wasm-layout: struct does not fit in the wasm32 address space"),
        };
        if size as u64 >= WASM32_ADDRESS_SPACE {
            panic!("wasm-layout: struct does not fit in the wasm32 address space");
        }
        StructShape { offsets, ends, size, align }
    }
}

/// Size of `[T; len]` given `size(T)`; panics at compile time past 4 GiB.
#[allow(clippy::panic, reason = "evaluated in `<[T; N]>::SIZE`: a panic here is a compile error")]
pub const fn array_size(elem_size: usize, len: usize) -> usize {
    match elem_size.checked_mul(len) {
        Some(s) if (s as u64) < WASM32_ADDRESS_SPACE => s,
        _ => panic!("wasm-layout: array does not fit in the wasm32 address space"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn f(size: usize, align: usize) -> FieldShape {
        FieldShape { size, align }
    }

    #[test]
    fn natural_packed_aligned() {
        let fields = [f(1, 1), f(4, 4), f(2, 2)];
        let s = StructShape::new(fields, StructRepr::Natural);
        assert_eq!((s.offsets, s.size, s.align), ([0, 4, 8], 12, 4));
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
    fn align_up_edges() {
        assert_eq!(align_up(0, 1), Some(0));
        assert_eq!(align_up(0, 0), None);
        assert_eq!(align_up(usize::MAX - 7, 8), Some(usize::MAX - 7));
        assert_eq!(align_up(usize::MAX - 6, 8), None);
    }
}
