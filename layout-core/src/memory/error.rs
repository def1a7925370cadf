//! [`MemoryError`]: every way a memory operation can refuse.

use core::fmt;

use crate::LayoutError;

/// Which canary word of a guarded allocation was overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CanarySide {
    /// The word just before the data (an underflow, or a write that ran off
    /// the end of the allocation below).
    Before,
    /// The word just after the data (an overflow).
    After,
}

impl fmt::Display for CanarySide {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CanarySide::Before => "before",
            CanarySide::After => "after",
        })
    }
}

/// Why a memory, allocator or buffer operation did nothing.
///
/// Every operation that returns one of these has left the allocator's state
/// and the memory exactly as they were. Addresses are byte offsets in linear
/// memory; the texts of [`Display`](fmt::Display) are the same, word for
/// word, as the messages of the `RangeError`s the TypeScript runtime throws.
/// Addresses print as `0x` and lowercase hex digits, counts in decimal:
/// nothing else, so the texts are simple to produce in any language.
///
/// Three rules every allocator follows, and the variant each one reports:
///
/// - **Address 0 is never handed out**: it is the null
///   [`WasmPtr`](crate::WasmPtr). An allocator refuses, when it is made, a
///   region that contains it ([`NullRegion`](MemoryError::NullRegion)), and
///   a shared header whose region starts at 0 is a
///   [`BadHeader`](MemoryError::BadHeader).
/// - **A pool handle names its pool**: [`PoolHandle`](super::PoolHandle)
///   carries the address of its pool's first slot, and a pool refuses a
///   handle of another pool ([`ForeignHandle`](MemoryError::ForeignHandle))
///   before looking at its slots.
/// - **Shared headers are untrusted**: every operation of
///   [`SharedArena`](super::SharedArena) and [`SharedPool`](super::SharedPool)
///   checks the header it reads (and, for a pool, the slot table entries it
///   uses) before it writes anything: the managed region, the slot table and
///   the slots must lie inside the memory, must not contain address 0, and
///   must overlap neither the header nor each other. Any other header is a
///   [`BadHeader`](MemoryError::BadHeader) naming the first field found
///   wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MemoryError {
    /// An allocation, region or buffer of zero bytes.
    ZeroSize,
    /// An alignment that is not a power of two.
    BadAlign {
        /// The alignment asked for.
        align: usize,
    },
    /// A block that would pass the end of the 4 GiB wasm32 address space.
    AddressSpace {
        /// Where the block would start.
        offset: u64,
        /// How many bytes it would take.
        size: u64,
    },
    /// An arena or bump allocator without room for the request.
    Exhausted {
        /// The size asked for.
        requested: usize,
        /// The alignment asked for.
        align: usize,
        /// Bytes left in the region before aligning.
        remaining: u64,
    },
    /// A region that contains address 0, the null pointer, asked of an
    /// allocator when it is made: `[0, end)`.
    NullRegion {
        /// One past the region's last byte.
        end: u64,
    },
    /// A pool whose slots are all live.
    PoolExhausted {
        /// How many slots the pool has.
        slots: u32,
    },
    /// A pointer or handle that does not lie inside the allocator's region.
    OutsideRegion {
        /// The pointer.
        offset: u64,
        /// The first byte of the region.
        base: u64,
        /// One past the last byte of the region.
        end: u64,
    },
    /// A pool handle given to a pool it does not belong to (pools are told
    /// apart by the address of their first slot). Nothing is looked up.
    ForeignHandle {
        /// The first slot of the pool the handle was given to.
        expected: u32,
        /// The first slot of the pool the handle came from.
        found: u32,
    },
    /// A value larger than the slots of the pool asked to hold it.
    SlotTooSmall {
        /// The value's size in bytes.
        size: u64,
        /// The pool's slot stride in bytes.
        stride: u32,
    },
    /// A pointer inside a pool's region that is not the start of a slot.
    NotSlotStart {
        /// The pointer.
        offset: u32,
        /// The pool's slot stride in bytes.
        stride: u32,
    },
    /// A pointer a guest's allocator returned that is not aligned as asked.
    Misaligned {
        /// The pointer.
        offset: u32,
        /// The alignment asked for.
        align: u32,
    },
    /// A pointer to a pool slot that is not allocated.
    NotAllocated {
        /// The pointer.
        offset: u32,
    },
    /// Freeing a pool slot that this very handle already freed.
    DoubleFree {
        /// The slot's address.
        offset: u32,
    },
    /// A pool handle whose slot was freed and allocated again since.
    StaleHandle {
        /// The slot's index.
        index: u32,
        /// The handle's generation.
        generation: u32,
        /// The slot's generation now.
        current: u32,
    },
    /// Page counts a linear memory cannot have.
    BadPages {
        /// The initial page count asked for.
        initial: u32,
        /// The maximum page count asked for.
        maximum: u32,
    },
    /// A linear memory that cannot grow by `delta` pages.
    GrowFailed {
        /// Pages now.
        pages: u32,
        /// Pages asked for on top.
        delta: u64,
        /// The memory's maximum.
        maximum: u32,
    },
    /// A fixed-size byte storage asked to hold more than it has.
    CannotGrow {
        /// Its length.
        len: u64,
        /// The length asked for.
        needed: u64,
    },
    /// The host allocator refused to reserve memory for the storage.
    HostAllocation {
        /// The bytes asked for.
        bytes: u64,
    },
    /// A request longer than a request buffer's region.
    RequestTooLarge {
        /// The request's length.
        len: u64,
        /// The region's size.
        max: u64,
    },
    /// A response length longer than a response buffer's region.
    ResponseTooLarge {
        /// The response's length.
        len: u64,
        /// The region's size.
        max: u64,
    },
    /// A canary of a guarded allocation no longer holds `0xDEADBEEF`.
    CanaryOverwritten {
        /// Which canary.
        side: CanarySide,
        /// The allocation's data pointer.
        ptr: u32,
        /// Where the canary word is.
        offset: u32,
        /// The word found there.
        found: u32,
    },
    /// An allocator header in linear memory that is not valid: a wrong magic,
    /// version or flags; a region, slot table or slot that is empty, starts
    /// at address 0, passes the end of the memory, or overlaps the header or
    /// the table (`base` for the region or slots, `table` for the table,
    /// `capacity` or `slots` when it passes the end); a count, free-list link
    /// or slot generation that cannot be (`used`, `high_water`, `live`,
    /// `free_head`). Reported before anything is written.
    BadHeader {
        /// Where the header is.
        at: u32,
        /// The first field found wrong.
        field: &'static str,
        /// Its value.
        value: u32,
    },
    /// Reading or writing a value failed.
    Layout(LayoutError),
}

impl From<LayoutError> for MemoryError {
    #[cold]
    fn from(e: LayoutError) -> Self {
        MemoryError::Layout(e)
    }
}

impl fmt::Display for MemoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MemoryError::ZeroSize => f.write_str("zero-sized allocation"),
            MemoryError::BadAlign { align } => write!(f, "alignment {align} is not a power of two"),
            MemoryError::AddressSpace { offset, size } => write!(
                f,
                "{size} bytes at {offset:#x} would pass the end of the 4 GiB wasm32 address space"
            ),
            MemoryError::Exhausted { requested, align, remaining } => write!(
                f,
                "arena exhausted: {requested} bytes aligned to {align} requested, {remaining} bytes remaining"
            ),
            MemoryError::NullRegion { end } => {
                write!(f, "the region [0x0, {end:#x}) contains address 0, the null pointer")
            }
            MemoryError::PoolExhausted { slots } => write!(f, "pool exhausted: all {slots} slots are live"),
            MemoryError::OutsideRegion { offset, base, end } => {
                write!(f, "pointer {offset:#x} is outside the region [{base:#x}, {end:#x})")
            }
            MemoryError::ForeignHandle { expected, found } => write!(
                f,
                "foreign handle: it belongs to the pool at {found:#x}, not to the pool at {expected:#x}"
            ),
            MemoryError::SlotTooSmall { size, stride } => {
                write!(f, "a value of {size} bytes does not fit in a pool slot of {stride} bytes")
            }
            MemoryError::NotSlotStart { offset, stride } => {
                write!(f, "pointer {offset:#x} is not the start of a pool slot (stride {stride})")
            }
            MemoryError::Misaligned { offset, align } => {
                write!(f, "pointer {offset:#x} is not aligned to {align}")
            }
            MemoryError::NotAllocated { offset } => write!(f, "pool slot {offset:#x} is not allocated"),
            MemoryError::DoubleFree { offset } => write!(f, "double free of pool slot {offset:#x}"),
            MemoryError::StaleHandle { index, generation, current } => write!(
                f,
                "stale handle: slot {index} has generation {current}, the handle {generation}"
            ),
            MemoryError::BadPages { initial, maximum } => write!(
                f,
                "invalid page counts: initial {initial}, maximum {maximum} (need initial <= maximum <= 65536)"
            ),
            MemoryError::GrowFailed { pages, delta, maximum } => {
                write!(f, "cannot grow memory by {delta} pages: {pages} of at most {maximum} pages in use")
            }
            MemoryError::CannotGrow { len, needed } => {
                write!(f, "memory of {len} bytes cannot grow to {needed} bytes")
            }
            MemoryError::HostAllocation { bytes } => {
                write!(f, "the host could not allocate {bytes} bytes")
            }
            MemoryError::RequestTooLarge { len, max } => {
                write!(f, "request too large: {len} bytes, at most {max}")
            }
            MemoryError::ResponseTooLarge { len, max } => {
                write!(f, "response too large: {len} bytes, at most {max}")
            }
            MemoryError::CanaryOverwritten { side, ptr, offset, found } => write!(
                f,
                "canary {side} allocation {ptr:#x} overwritten: {found:#010x} at {offset:#x}, expected 0xdeadbeef"
            ),
            MemoryError::BadHeader { at, field, value } => {
                write!(f, "invalid allocator header at {at:#x}: {field} is {value:#x}")
            }
            MemoryError::Layout(e) => fmt::Display::fmt(&e, f),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for MemoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MemoryError::Layout(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(not(feature = "std"))]
impl core::error::Error for MemoryError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            MemoryError::Layout(e) => Some(e),
            _ => None,
        }
    }
}
