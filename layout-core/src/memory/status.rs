//! [`MemoryError::runtime_status`]: the numbers the guest runtimes give the
//! failures of the shared allocators.

use super::error::MemoryError;

impl MemoryError {
    /// The status code the guest runtimes ([`C_RUNTIME`](super::C_RUNTIME)'s
    /// `wl_status`, [`ODIN_RUNTIME`](super::ODIN_RUNTIME)'s `Status`) give this
    /// failure of a [`SharedArena`](super::SharedArena) or
    /// [`SharedPool`](super::SharedPool): 1 `ZeroSize`, 2 `BadAlign`,
    /// 3 `AddressSpace`, 4 `Exhausted`, 5 `PoolExhausted`, 6 `OutsideRegion`,
    /// 7 `ForeignHandle`, 8 `DoubleFree`, 9 `StaleHandle`, 10 `BadHeader`,
    /// 11 a `Layout` error (the header passes the end of the memory). 0 is
    /// success, so no failure has it; the failures the shared allocators
    /// never report give `u32::MAX`.
    ///
    /// A Rust guest allocating from the shared headers reports its failures
    /// with these numbers, as the C and Odin guests do.
    ///
    /// ```
    /// use wasm_layout_core::memory::MemoryError;
    /// assert_eq!(MemoryError::ZeroSize.runtime_status(), 1);
    /// assert_eq!(MemoryError::DoubleFree { offset: 64 }.runtime_status(), 8);
    /// ```
    pub fn runtime_status(&self) -> u32 {
        match self {
            MemoryError::ZeroSize => 1,
            MemoryError::BadAlign { .. } => 2,
            MemoryError::AddressSpace { .. } => 3,
            MemoryError::Exhausted { .. } => 4,
            MemoryError::PoolExhausted { .. } => 5,
            MemoryError::OutsideRegion { .. } => 6,
            MemoryError::ForeignHandle { .. } => 7,
            MemoryError::DoubleFree { .. } => 8,
            MemoryError::StaleHandle { .. } => 9,
            MemoryError::BadHeader { .. } => 10,
            MemoryError::Layout(_) => 11,
            _ => u32::MAX,
        }
    }
}
