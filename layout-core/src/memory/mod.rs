//! The memory toolkit: the patterns a WebAssembly program needs around
//! shared structs, usable without `std`.
//!
//! - [`LinearMemory`]: growable memory in 64 KiB pages, and the [`Memory`]
//!   trait every allocator works through (slices, `Vec<u8>`, a wasm engine's
//!   memory).
//! - Allocators that keep their numbers on the host: [`Bump`], [`Arena`]
//!   (with [`place`](Arena::place) for values), [`Pool`] (with generation
//!   handles); and [`SharedArena`], [`SharedPool`], whose bookkeeping lies
//!   in the linear memory in a documented format ([`shared`]).
//! - Debugging: [`Guarded`] allocations with [`CANARY`] words, [`hex_dump`],
//!   [`MemoryStats`], [`ArenaStats`], [`PoolStats`].
//! - Exchange patterns: [`RequestBuffer`], [`DoubleBuffer`].
//! - [`TS_RUNTIME`]: the same toolkit in TypeScript, with the same
//!   semantics and the same error texts.
//!
//! Every fallible call returns a [`MemoryError`] and then has changed
//! nothing: neither the allocator nor the memory. Nothing here panics.
//!
//! ```
//! use wasm_layout_core::memory::{hex_dump, Arena, LinearMemory, Memory, MemoryStats};
//!
//! let mut memory = LinearMemory::new(1, 16)?;
//! let mut arena = Arena::new(1024, 60 * 1024)?;
//! let p = arena.place(&mut memory, &[0xDEAD_BEEFu32.swap_bytes(), 42])?;
//! assert_eq!(p.read(memory.bytes())?, [0xEFBE_ADDE, 42]);
//! assert_eq!(
//!     hex_dump(memory.bytes(), 1024, 8)?,
//!     "00000400  de ad be ef 2a 00 00 00                           ....*..."
//! );
//! assert_eq!(MemoryStats::of(&memory).pages, 1);
//! assert_eq!(arena.stats().used, 8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
mod arena;
mod buffers;
mod bump;
mod canary;
mod dump;
mod error;
mod freelist;
mod linear;
mod pairs;
mod pool;
pub mod shared;
mod stats;
mod storage;

pub use arena::Arena;
pub use buffers::{DoubleBuffer, RequestBuffer};
pub use bump::Bump;
pub use canary::{Guarded, CANARY};
pub use dump::{hex_dump, HexDump};
pub use error::{CanarySide, MemoryError};
pub use linear::{pages_for, LinearMemory, ADDRESS_SPACE, MAX_PAGES, PAGE_SIZE};
pub use pool::{Pool, PoolHandle};
pub use shared::{SharedArena, SharedPool};
pub use stats::{ArenaStats, MemoryStats, PoolStats};
pub use storage::Memory;

/// The TypeScript runtime: this module's toolkit for a
/// `WebAssembly.Memory`, in one self-contained file with no imports (it
/// passes `tsc --strict` with `noUnusedLocals` and `erasableSyntaxOnly`).
/// Write it next to the generated bindings as `wasm-layout-runtime.ts`.
///
/// It has the same algorithms (so [`SharedArena`] headers are shared with
/// it), and throws `RangeError`s whose messages are the [`MemoryError`]
/// texts.
pub const TS_RUNTIME: &str = include_str!("../../runtime/wasm-layout-runtime.ts");

/// The file name [`TS_RUNTIME`] is meant to be written under.
pub const TS_RUNTIME_FILE: &str = "wasm-layout-runtime.ts";
