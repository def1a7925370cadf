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
//! - Debugging: [`Guarded`] allocations with [`CANARY`] words, [`hex_dump`]
//!   (and [`annotated_hex_dump`], which names the fields on each line),
//!   [`MemoryStats`], [`ArenaStats`], [`PoolStats`].
//! - Exchange patterns: [`RequestBuffer`], [`DoubleBuffer`].
//! - [`TS_RUNTIME`]: the same toolkit in TypeScript, with the same
//!   semantics and the same error texts; [`C_RUNTIME`] and [`ODIN_RUNTIME`]:
//!   the shared allocators for C and Odin guests.
//!
//! Every fallible call returns a [`MemoryError`] and then has changed
//! nothing: neither the allocator nor the memory. Nothing here panics.
//!
//! Without the `alloc` feature, what needs no global allocator remains: the
//! [`Memory`] trait, [`SharedArena`] and [`SharedPool`] (which a `no_std`
//! Rust guest runs on its own memory, a window from its heap base: see
//! [`Memory::origin`]), [`Arena`], [`Bump`], the statistics and the errors.
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
mod fit;
mod freelist;
mod grow;
mod guest_alloc;
mod legend;
mod linear;
mod pairs;
mod pool;
pub mod shared;
mod stats;
mod status;
mod storage;

pub use arena::Arena;
pub use buffers::{DoubleBuffer, RequestBuffer};
pub use bump::Bump;
pub use canary::{Guarded, CANARY};
#[cfg(feature = "alloc")]
pub use dump::hex_dump;
pub use dump::HexDump;
pub use error::{CanarySide, MemoryError};
pub use guest_alloc::{GuestAllocFns, GuestAllocator};
#[cfg(feature = "alloc")]
pub use legend::annotated_hex_dump;
pub use legend::{AnnotatedDump, Placement};
#[cfg(feature = "alloc")]
pub use linear::LinearMemory;
pub use linear::{pages_for, ADDRESS_SPACE, MAX_PAGES, PAGE_SIZE};
#[cfg(feature = "alloc")]
pub use pool::Pool;
pub use pool::PoolHandle;
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

/// The C runtime for guests: allocation from [`SharedArena`] and
/// [`SharedPool`] headers in the guest's own memory, with the same checks in
/// the same order, as `wl_status` codes named after the [`MemoryError`]
/// variants. Header-only C11 for clang `--target=wasm32`, no libc. Write it
/// next to the generated header as `wasm-layout-runtime.h`.
pub const C_RUNTIME: &str = include_str!("../../runtime/wasm-layout-runtime.h");

/// The file name [`C_RUNTIME`] is meant to be written under.
pub const C_RUNTIME_FILE: &str = "wasm-layout-runtime.h";

/// The Odin runtime for guests: [`C_RUNTIME`] in Odin, package
/// `wasm_layout`, checked on `js_wasm32` and `freestanding_wasm32`. Write it
/// as `wasm_layout/wasm_layout_runtime.odin` and import the package.
pub const ODIN_RUNTIME: &str = include_str!("../../runtime/wasm_layout_runtime.odin");

/// The file name [`ODIN_RUNTIME`] is meant to be written under.
pub const ODIN_RUNTIME_FILE: &str = "wasm_layout_runtime.odin";
