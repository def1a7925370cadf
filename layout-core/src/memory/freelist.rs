//! The one pool algorithm: a free list of slots with generations, written
//! once over a [`SlotTable`], so that [`Pool`](super::Pool) (its table in a
//! host `Vec`) and [`SharedPool`](super::SharedPool) (its header and table
//! in linear memory) are the same code.
//!
//! Every operation is split in two: a plan that reads the table and decides
//! (or fails), and a commit that only writes the numbers the plan decided.
//! A caller that must write something else in between (a value into the
//! slot) does it after the plan and before the commit, so that any error
//! leaves everything as it was.
//!
//! The rules: a slot's generation is odd while it is live, even while it is
//! free, and moves on by one at each allocation and each free. Allocation
//! pops the free list's head; free pushes the slot back (so the slot freed
//! last is the next one handed out).

use super::error::MemoryError;
use super::pool::PoolHandle;

/// The end of a free list.
pub(crate) const NIL: u32 = u32::MAX;

/// One entry of a slot table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Slot {
    /// Odd while live, even while free.
    pub(crate) generation: u32,
    /// The next free slot's index while free.
    pub(crate) next: u32,
}

/// Where a pool's state lives, read side.
pub(crate) trait SlotTable {
    /// Whether the table may hold entries that break the rules (it lies in
    /// memory another party writes): then every entry the algorithm uses is
    /// checked, and a broken one is [`bad_entry`](SlotTable::bad_entry).
    const UNTRUSTED: bool;
    /// The pool's identity: its first slot's address.
    fn first(&self) -> u32;
    /// Bytes from one slot to the next.
    fn stride(&self) -> u32;
    /// How many slots.
    fn count(&self) -> u32;
    /// The free list's head, [`NIL`] when empty.
    fn head(&self) -> u32;
    /// Live slots.
    fn live(&self) -> u32;
    /// Entry `index`, `None` past the end.
    fn slot(&self, index: u32) -> Option<Slot>;
    /// The error for a table entry or count that breaks the rules.
    fn bad_entry(&self, field: &'static str, value: u32) -> MemoryError;
}

/// Where a pool's state lives, write side. Called only with the numbers a
/// plan decided, for indexes the plan checked.
pub(crate) trait SlotTableMut: SlotTable {
    /// Sets entry `index`.
    fn set_slot(&mut self, index: u32, slot: Slot);
    /// Sets the free list's head and the live count (and the high-water
    /// mark, if the table keeps it: the host pool counts it when asked).
    fn set_head(&mut self, head: u32, live: u32);
}

/// A slot the free list will hand out: [`take`] decided it, [`commit_take`]
/// writes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Take {
    pub(crate) index: u32,
    generation: u32,
    next: u32,
}

/// The free list's head, checked; when `None`, [`take_error`] says why.
///
/// This and [`live_slot`] return an `Option`, and the caller makes the
/// error in a separate branch that returns at once: a `Result` built here
/// from an out-of-line error call would make the compiler test the call's
/// result for `Ok` (the error enum's spare tag values encode it) and
/// reload the pool's fields and the slot after it, on the fast path too.
#[inline(always)]
pub(crate) fn take<T: SlotTable>(t: &T) -> Option<Take> {
    let index = t.head();
    match t.slot(index) {
        Some(slot)
            if !T::UNTRUSTED
                || (slot.generation & 1 == 0
                    && (slot.next == NIL || slot.next < t.count())
                    && t.live() < t.count()) =>
        {
            Some(Take { index, generation: slot.generation.wrapping_add(1), next: slot.next })
        }
        _ => None,
    }
}

/// Why [`take`] found no slot: `PoolExhausted`, or a broken table.
///
/// Made here, inline, when the table is trusted: a variant the compiler
/// sees built cannot be `Ok`, so the caller's `Ok` path stays apart.
#[inline(always)]
pub(crate) fn take_error<T: SlotTable>(t: &T) -> MemoryError {
    if !T::UNTRUSTED || t.head() == NIL {
        return MemoryError::PoolExhausted { slots: t.count() };
    }
    broken_take(t)
}

#[cold]
#[inline(never)]
fn broken_take<T: SlotTable>(t: &T) -> MemoryError {
    let index = t.head();
    match t.slot(index) {
        None if index == NIL => MemoryError::PoolExhausted { slots: t.count() },
        None => t.bad_entry("free_head", index),
        Some(_) if t.live() >= t.count() => t.bad_entry("live", t.live()),
        Some(_) => t.bad_entry("free_head", index),
    }
}

/// Hands out the slot `take` decided on.
#[inline(always)]
pub(crate) fn commit_take<T: SlotTableMut>(t: &mut T, take: Take) -> PoolHandle {
    t.set_slot(take.index, Slot { generation: take.generation, next: take.next });
    t.set_head(take.next, t.live().wrapping_add(1));
    PoolHandle { pool: t.first(), index: take.index, generation: take.generation }
}

/// The entry of the live slot `handle` names; when `None`,
/// [`handle_error`] says why.
#[inline(always)]
pub(crate) fn live_slot<T: SlotTable>(t: &T, handle: PoolHandle) -> Option<Slot> {
    t.slot(handle.index).filter(|slot| {
        handle.pool == t.first() && slot.generation == handle.generation && handle.generation & 1 == 1
    })
}

/// The address of slot `index` (below the count, so it does not wrap).
#[inline(always)]
pub(crate) fn slot_address<T: SlotTable>(t: &T, index: u32) -> u32 {
    index.wrapping_mul(t.stride()).wrapping_add(t.first())
}

/// One past the last slot.
pub(crate) fn end<T: SlotTable>(t: &T) -> u64 {
    u64::from(t.first()).saturating_add(u64::from(t.stride()).saturating_mul(u64::from(t.count())))
}

/// Why `handle` does not name a live slot.
///
/// The reason is found out of line ([`fault`]) and the error built here,
/// inline, for the reason given in [`take_error`]. `fault` takes numbers,
/// not the table: a pointer to the pool passed to a call would let the
/// compiler assume the slot stores may write the pool's own fields, and
/// reload them after each. Nor does it take the handle or the slot: a
/// 12-byte struct argument is passed by address, so the caller kept the
/// handle in a stack slot, and copied every handle it was given there, on
/// the fast path too.
#[inline(always)]
pub(crate) fn handle_error<T: SlotTable>(t: &T, handle: PoolHandle) -> MemoryError {
    let current = t.slot(handle.index).map(|slot| slot.generation);
    match fault(t.first(), current, handle.pool, handle.generation) {
        Fault::Foreign => MemoryError::ForeignHandle { expected: t.first(), found: handle.pool },
        Fault::Outside => MemoryError::OutsideRegion {
            offset: u64::from(handle.index)
                .saturating_mul(u64::from(t.stride()))
                .saturating_add(u64::from(t.first())),
            base: u64::from(t.first()),
            end: end(t),
        },
        Fault::DoubleFree => MemoryError::DoubleFree { offset: slot_address(t, handle.index) },
        Fault::Stale { current } => {
            MemoryError::StaleHandle { index: handle.index, generation: handle.generation, current }
        }
    }
}

/// What is wrong with a handle.
#[derive(Debug, Clone, Copy)]
enum Fault {
    Foreign,
    Outside,
    DoubleFree,
    Stale { current: u32 },
}

#[cold]
#[inline(never)]
fn fault(first: u32, current: Option<u32>, pool: u32, generation: u32) -> Fault {
    if pool != first {
        return Fault::Foreign;
    }
    match current {
        None => Fault::Outside,
        Some(current) if generation & 1 == 1 && current == generation.wrapping_add(1) => Fault::DoubleFree,
        Some(current) => Fault::Stale { current },
    }
}

/// Gives back the live slot `handle` names, whose entry [`live_slot`]
/// returned.
#[inline(always)]
pub(crate) fn commit_free<T: SlotTableMut>(t: &mut T, index: u32, slot: Slot) {
    let head = t.head();
    t.set_slot(index, Slot { generation: slot.generation.wrapping_add(1), next: head });
    t.set_head(index, t.live().wrapping_sub(1));
}

/// The handle of the live slot at `offset`. Errors: `OutsideRegion`,
/// `NotSlotStart`, `NotAllocated`.
pub(crate) fn handle_at<T: SlotTable>(t: &T, offset: u32) -> Result<PoolHandle, MemoryError> {
    let first = t.first();
    let stride = t.stride();
    let end = end(t);
    let outside = MemoryError::OutsideRegion { offset: u64::from(offset), base: u64::from(first), end };
    let rel = offset.checked_sub(first).filter(|_| u64::from(offset) < end).ok_or(outside)?;
    if rel.checked_rem(stride) != Some(0) {
        return Err(MemoryError::NotSlotStart { offset, stride });
    }
    let index = rel.checked_div(stride).ok_or(outside)?;
    match t.slot(index) {
        Some(slot) if slot.generation & 1 == 1 => {
            Ok(PoolHandle { pool: first, index, generation: slot.generation })
        }
        Some(_) => Err(MemoryError::NotAllocated { offset }),
        None => Err(outside),
    }
}

/// The generation every slot gets at a reset: the smallest even number
/// that no slot's generation passes (wrapping), so that every handle of
/// before the reset is stale and a slot still has it exactly when it has not
/// been handed out since (which is how `Pool` counts its high-water mark).
pub(crate) fn reset_generation(generations: impl Iterator<Item = u32>) -> u32 {
    let max = generations.max().unwrap_or(0);
    max.wrapping_add(max & 1)
}

/// Entry `index` of `count` after a reset: free, with the reset
/// generation, linked to the next in address order.
pub(crate) fn reset_slot(index: u32, count: u32, generation: u32) -> Slot {
    let next = index.wrapping_add(1);
    Slot { generation, next: if next >= count { NIL } else { next } }
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::super::{MemoryError, Pool, PoolHandle};

    /// Every reason a handle is refused, with its exact error, and the pool
    /// unchanged by each refusal.
    #[test]
    fn each_bad_handle_gets_its_own_error_and_changes_nothing() {
        let mut pool = Pool::new(4096, 24, 8, 2).unwrap();
        let a = pool.alloc().unwrap();
        let b = pool.alloc().unwrap();
        pool.free(a).unwrap();
        let c = pool.alloc().unwrap(); // slot 0 again, a's generation + 2
        pool.free(b).unwrap();
        let before = pool.clone();
        let cases = [
            (PoolHandle { pool: 2048, ..c }, MemoryError::ForeignHandle { expected: 4096, found: 2048 }),
            (
                PoolHandle { index: 2, ..c },
                MemoryError::OutsideRegion { offset: 4096 + 48, base: 4096, end: 4096 + 48 },
            ),
            (
                PoolHandle { index: u32::MAX, ..c },
                MemoryError::OutsideRegion {
                    offset: 4096 + 24 * u64::from(u32::MAX),
                    base: 4096,
                    end: 4096 + 48,
                },
            ),
            (b, MemoryError::DoubleFree { offset: 4120 }),
            (a, MemoryError::StaleHandle { index: 0, generation: a.generation, current: c.generation }),
            // An even generation is never handed out: the free slot 1 has it.
            (
                PoolHandle { generation: b.generation + 1, ..b },
                MemoryError::StaleHandle {
                    index: 1,
                    generation: b.generation + 1,
                    current: b.generation + 1,
                },
            ),
            // ... and the live slot 0 is one past it.
            (
                PoolHandle { generation: c.generation - 1, ..c },
                MemoryError::StaleHandle { index: 0, generation: c.generation - 1, current: c.generation },
            ),
        ];
        for (handle, error) in cases {
            assert_eq!(pool.free(handle), Err(error), "free {handle:?}");
            assert_eq!(pool.offset(handle), Err(error), "offset {handle:?}");
            assert!(!pool.is_live(handle));
            assert_eq!(pool, before);
        }
        assert_eq!(pool.offset(c), Ok(4096));
        pool.free(c).unwrap();
    }
}
