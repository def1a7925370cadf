//! The one placement rule: where a block goes in a region handed out front
//! to back, and the checks every region makes of its bounds.

use super::error::MemoryError;
use super::linear::ADDRESS_SPACE;

/// Where a block of `size` bytes aligned to `align` goes when the free space
/// starts at `top` and ends at `end` (both at most 4 GiB): its start and the
/// new top. This one function is the algorithm of [`Arena`](super::Arena),
/// [`Bump`](super::Bump) and [`SharedArena`](super::SharedArena), and of the
/// TypeScript runtime's.
#[inline(always)]
pub(crate) fn fit(top: u64, end: u64, size: usize, align: usize) -> Result<(u32, u64), MemoryError> {
    // The fast path is for a `top` that is already aligned, as it is after
    // any run of allocations whose sizes are multiples of their alignment:
    // then the new top is `top + size`, one addition on the chain from one
    // allocation to the next (the alignment test is a predicted branch off
    // that chain). Any other `top` goes through `fit_aligning`, which is not
    // inlined so that the compiler cannot fold both paths into a select
    // that puts the rounding back on the chain.
    let mask = (align as u64).wrapping_sub(1);
    match room(top, end, size, align) {
        Some(new_top) if top & mask == 0 => Ok((top as u32, new_top)),
        _ => fit_aligning(top, end, size, align),
    }
}

/// [`fit`] for any `top`: rounds it up to `align` first. `top` is below
/// 2^33 and `mask` below 2^63 for any power-of-two `align`, so `top + mask`
/// cannot wrap (any other `align` fails in `room`).
#[inline(never)]
fn fit_aligning(top: u64, end: u64, size: usize, align: usize) -> Result<(u32, u64), MemoryError> {
    let mask = (align as u64).wrapping_sub(1);
    let start = top.wrapping_add(mask) & !mask;
    match room(start, end, size, align) {
        Some(new_top) => Ok((start as u32, new_top)),
        None => Err(fit_error(top, end, size, align)),
    }
}

/// The new top for a block at `start`, if the checks pass. `start` is below
/// 2^34, so `start + size` cannot wrap once the size test (1 ≤ size ≤ 4 GiB)
/// holds; that test depends on `size` alone, so in a loop with a fixed size
/// the compiler hoists it. With `end` capped at 4 GiB, `new_top <= end`
/// makes `start` fit in a u32.
#[inline(always)]
fn room(start: u64, end: u64, size: usize, align: usize) -> Option<u64> {
    let new_top = start.wrapping_add(size as u64);
    (align.is_power_of_two()
        && (size as u64).wrapping_sub(1) < ADDRESS_SPACE
        && new_top <= end.min(ADDRESS_SPACE))
    .then_some(new_top)
}

/// The error [`fit`] reports, in the order the checks are documented.
#[cold]
#[inline(never)]
pub(crate) fn fit_error(top: u64, end: u64, size: usize, align: usize) -> MemoryError {
    if size == 0 {
        return MemoryError::ZeroSize;
    }
    if !align.is_power_of_two() {
        return MemoryError::BadAlign { align };
    }
    let mask = (align as u64).wrapping_sub(1);
    let start = top.saturating_add(mask) & !mask;
    if start.checked_add(size as u64).is_none_or(|e| e > ADDRESS_SPACE) {
        return MemoryError::AddressSpace { offset: start, size: size as u64 };
    }
    MemoryError::Exhausted { requested: size, align, remaining: end.saturating_sub(top) }
}

/// `base + capacity` if the region is not empty, ends within 4 GiB and
/// does not contain address 0.
pub(crate) fn region_end(base: u64, capacity: usize) -> Result<u64, MemoryError> {
    if capacity == 0 {
        return Err(MemoryError::ZeroSize);
    }
    let end = base
        .checked_add(capacity as u64)
        .filter(|&end| end <= ADDRESS_SPACE)
        .ok_or(MemoryError::AddressSpace { offset: base, size: capacity as u64 })?;
    if base == 0 {
        return Err(MemoryError::NullRegion { end });
    }
    Ok(end)
}

#[cfg(test)]
mod tests {
    use super::{fit, MemoryError, ADDRESS_SPACE};

    /// The placement rule as documented, written plainly.
    fn reference(top: u64, end: u64, size: usize, align: usize) -> Result<(u32, u64), MemoryError> {
        if size == 0 {
            return Err(MemoryError::ZeroSize);
        }
        if !align.is_power_of_two() {
            return Err(MemoryError::BadAlign { align });
        }
        let start = top.div_ceil(align as u64) * align as u64;
        let Some(new_top) = start.checked_add(size as u64).filter(|&e| e <= ADDRESS_SPACE) else {
            return Err(MemoryError::AddressSpace { offset: start, size: size as u64 });
        };
        if new_top > end {
            return Err(MemoryError::Exhausted {
                requested: size,
                align,
                remaining: end.saturating_sub(top),
            });
        }
        Ok((start as u32, new_top))
    }

    #[test]
    fn both_paths_of_fit_follow_the_rule() {
        let tops =
            [0, 1, 3, 7, 8, 9, 15, 16, 1000, 1024, ADDRESS_SPACE - 9, ADDRESS_SPACE - 8, ADDRESS_SPACE];
        let ends = [0, 8, 16, 1024, 1040, ADDRESS_SPACE - 1, ADDRESS_SPACE, ADDRESS_SPACE + 1, u64::MAX];
        let sizes = [0, 1, 2, 7, 8, 16, 40, 1 << 32, (1 << 32) + 1, usize::MAX];
        let aligns = [0, 1, 2, 3, 4, 8, 16, 4096, 1 << 32, 1 << 63];
        for &top in &tops {
            for &end in ends.iter().filter(|&&e| e >= top) {
                for &size in &sizes {
                    for &align in &aligns {
                        assert_eq!(
                            fit(top, end, size, align),
                            reference(top, end, size, align),
                            "fit(top {top}, end {end}, size {size}, align {align})"
                        );
                    }
                }
            }
        }
    }
}
