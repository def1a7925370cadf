//! Allocators whose bookkeeping lives in the linear memory itself, so a
//! host and a guest (or JavaScript, through the TypeScript runtime) allocate
//! from the same region with the same algorithm.
//!
//! # Format
//!
//! Both headers are little-endian, like everything in wasm memory, and are
//! part of the public format: any version of any implementation that reads
//! `version` 1 reads them as described here. Each begins with a magic word
//! that reads as ASCII in a hex dump, then the version.
//!
//! **Arena header**, 32 bytes, [`ArenaHeader`]:
//!
//! | offset | field | type | meaning |
//! |---|---|---|---|
//! | 0 | `magic` | u32 | [`ARENA_MAGIC`], `"WLAR"` in memory |
//! | 4 | `version` | u16 | [`HEADER_VERSION`] (1) |
//! | 6 | `flags` | u16 | 0; readers reject anything else |
//! | 8 | `base` | u32 | the region's first byte |
//! | 12 | `capacity` | u32 | the region's size; `base + capacity` ≤ 2³² |
//! | 16 | `used` | u32 | bytes handed out since the last reset: the next block starts at `align_up(base + used, align)` |
//! | 20 | `high_water` | u32 | the largest `used` ever |
//! | 24 | `allocations` | u32 | blocks handed out since the last reset |
//! | 28 | `reserved` | u32 | 0 |
//!
//! Allocating `size` bytes aligned to `align`: `start = align_up(base + used,
//! align)`; if `start + size > base + capacity` the arena is exhausted and
//! nothing is written; otherwise `used = start + size - base`,
//! `high_water = max(high_water, used)`, `allocations += 1`. Reset sets
//! `used` and `allocations` to 0.
//!
//! **Pool header**, 40 bytes, [`PoolHeader`], followed by the slot table:
//!
//! | offset | field | type | meaning |
//! |---|---|---|---|
//! | 0 | `magic` | u32 | [`POOL_MAGIC`], `"WLPL"` in memory |
//! | 4 | `version` | u16 | [`HEADER_VERSION`] (1) |
//! | 6 | `flags` | u16 | 0 |
//! | 8 | `base` | u32 | the first slot's address |
//! | 12 | `stride` | u32 | bytes from one slot to the next |
//! | 16 | `slots` | u32 | the number of slots |
//! | 20 | `table` | u32 | the slot table's address |
//! | 24 | `free_head` | u32 | index of the first free slot, `0xFFFF_FFFF` when none |
//! | 28 | `live` | u32 | live slots |
//! | 32 | `high_water` | u32 | the most slots ever live at once |
//! | 36 | `reserved` | u32 | 0 |
//!
//! The slot table holds one 8-byte [`PoolSlot`] per slot: `generation: u32`
//! (odd while live, even while free, +1 at each allocation and free) and
//! `next: u32` (the next free slot's index while free). Allocation pops
//! `free_head`; free pushes the slot back, so both are O(1). `live` and
//! `high_water` move with them. Reset frees every slot: each gets the same
//! generation, the smallest even number that no slot's generation passes
//! (so every handle goes stale), the table is linked in address order
//! (slot `i` to `i + 1`, the last to `0xFFFF_FFFF`), `free_head` and `live`
//! become 0; `init` does the same with generation 0. A handle names its pool
//! by `base`, the first slot's address.
//!
//! # Checks
//!
//! A header lies in memory other code writes, so every operation reads it
//! and checks it before it writes anything, and checks each table entry it
//! uses; anything wrong is [`MemoryError::BadHeader`] naming the first field
//! found wrong, in this order, and nothing is written.
//!
//! - Arena: `magic`, `version`, `flags`; `base` (not 0); `capacity` (not
//!   0, and the region `[base, base + capacity)` inside the memory); `base`
//!   again when the region overlaps the header; `used` and `high_water` (at
//!   most `capacity`).
//! - Pool: `magic`, `version`, `flags`; `stride` (not 0); `slots` (not 0);
//!   `base` (not 0); `slots` again when the slots `[base, base + stride *
//!   slots)` pass the end of the memory; `table` when the table `[table,
//!   table + 8 * slots)` passes the end of the memory or overlaps the
//!   header; `base` again when the slots overlap the header or the table;
//!   `free_head` (a slot index or `0xFFFF_FFFF`); `live` and `high_water`
//!   (at most `slots`). When allocating, the head slot must be free and its
//!   `next` a slot index or `0xFFFF_FFFF`, and `live` below `slots`
//!   (`free_head` or `live` otherwise).
//!
//! Allocators are not thread-safe: two threads (or workers sharing one
//! `WebAssembly.Memory`) that allocate from one header at the same time may
//! hand out the same block.

use crate::WasmLayout;
use wasm_layout_derive::WasmLayout;

use super::error::MemoryError;

mod arena;
mod pool;

pub use arena::SharedArena;
pub use pool::SharedPool;

/// The version of both header formats.
pub const HEADER_VERSION: u16 = 1;

/// `"WLAR"` read as a little-endian u32.
pub const ARENA_MAGIC: u32 = u32::from_le_bytes(*b"WLAR");

/// `"WLPL"` read as a little-endian u32.
pub const POOL_MAGIC: u32 = u32::from_le_bytes(*b"WLPL");

/// The bookkeeping of a [`SharedArena`], as it lies in linear memory.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct ArenaHeader {
    /// [`ARENA_MAGIC`].
    pub magic: u32,
    /// [`HEADER_VERSION`].
    pub version: u16,
    /// 0.
    pub flags: u16,
    /// The region's first byte.
    pub base: u32,
    /// The region's size.
    pub capacity: u32,
    /// Bytes handed out since the last reset.
    pub used: u32,
    /// The largest `used` ever.
    pub high_water: u32,
    /// Blocks handed out since the last reset.
    pub allocations: u32,
    /// 0.
    pub reserved: u32,
}

/// The bookkeeping of a [`SharedPool`], as it lies in linear memory.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct PoolHeader {
    /// [`POOL_MAGIC`].
    pub magic: u32,
    /// [`HEADER_VERSION`].
    pub version: u16,
    /// 0.
    pub flags: u16,
    /// The first slot's address.
    pub base: u32,
    /// Bytes from one slot to the next.
    pub stride: u32,
    /// The number of slots.
    pub slots: u32,
    /// The slot table's address.
    pub table: u32,
    /// The first free slot's index, `0xFFFF_FFFF` when none.
    pub free_head: u32,
    /// Live slots.
    pub live: u32,
    /// The most slots ever live at once.
    pub high_water: u32,
    /// 0.
    pub reserved: u32,
}

/// One entry of a [`SharedPool`]'s slot table.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[layout(crate = "crate")]
pub struct PoolSlot {
    /// Odd while live, even while free.
    pub generation: u32,
    /// The next free slot's index while free.
    pub next: u32,
}

const _: () = assert!(ArenaHeader::SIZE == 32 && PoolHeader::SIZE == 40 && PoolSlot::SIZE == 8);

/// The error for a header at `at` whose `field` is `value`.
#[cold]
fn bad(at: u32, field: &'static str, value: u32) -> MemoryError {
    MemoryError::BadHeader { at, field, value }
}

/// Whether `[a, a + a_len)` and `[b, b + b_len)` share a byte.
fn overlap(a: u64, a_len: u64, b: u64, b_len: u64) -> bool {
    a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}
