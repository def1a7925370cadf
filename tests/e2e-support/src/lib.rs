//! The Rust host of the end-to-end guests, run by wasmi: `tests/guest/guest.wasm`
//! (C, compiled by clang from `tests/guest/guest.c` and the generated
//! `schema.h`) and `tests/guest-odin/guest.wasm` (Odin, from `guest.odin` and
//! the generated package `schema`) and `tests/guest-rust/guest.wasm` (Rust,
//! deriving the very types of [`schema`]), which export the same functions.
//!
//! [`run`] plays one [`Plan`]: it checks the guest's layout fingerprints,
//! allocates in the guest's memory with an [`Arena`](wasm_layout::memory::Arena) (two double buffers of
//! particles, a request) and two [`Pool`](wasm_layout::memory::Pool)s (frame requests, responses),
//! writes through the derived accessors, calls `step_frame` with double
//! buffering, grows the guest's memory in the middle of the run, and ends
//! with one in-place `step`. The TypeScript host `tests/ts/e2e/host.ts` plays
//! the same plan with the generated bindings, and both must leave the same
//! bytes in memory.
//!
//! Test support, shared by the end-to-end test (`tests/e2e_host.rs`) and the
//! examples; [`schema`] is the schema the guest was generated from.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod guest;
mod run;
pub mod shared;
pub mod web;

use wasm_layout::memory::MemoryStats;
use wasm_layout::WasmLayout;

pub use error::HostError;
pub use guest::Guest;
pub use run::{run, FrameReport, Run};
pub use wasm_layout_e2e_schema as schema;

use crate::schema::{Event, Kind, Label, Particle, StepFrame, StepRequest, StepResponse, Vec3};

/// The bindings of the schema: `tests/guest/schema.h`,
/// `tests/guest-odin/schema/schema.odin` and `tests/ts/e2e/schema.ts` are
/// generated from these.
pub fn bindings() -> wasm_layout::Bindings {
    wasm_layout::Bindings::new()
        .add::<Particle>()
        .add::<StepRequest>()
        .add::<StepResponse>()
        .add::<StepFrame>()
        .add::<Label>()
        .add::<Event>()
}

/// Runs every committed guest and returns a few lines per guest saying what
/// happened: the hook for the quick start.
pub fn tour() -> Result<String, HostError> {
    let mut s = String::new();
    for (name, wasm) in GUESTS {
        s.push_str(&format!("{name}: {}", run(wasm, &Plan::QUICK)?.summary()));
    }
    Ok(s)
}

/// The committed C guest module (`tests/guest/guest.c`, built by clang).
pub const GUEST_WASM: &[u8] = include_bytes!("../../guest/guest.wasm");

/// The committed Odin guest module (`tests/guest-odin/guest.odin`, built by
/// Odin); it also exports the bump allocator `bump_alloc(size) -> ptr`.
pub const ODIN_GUEST_WASM: &[u8] = include_bytes!("../../guest-odin/guest.wasm");

/// The committed Rust guest module (`tests/guest-rust`, a `no_std` crate
/// over [`schema`], built by cargo for wasm32-unknown-unknown).
pub const RUST_GUEST_WASM: &[u8] = include_bytes!("../../guest-rust/guest.wasm");

/// Every committed guest, by the path of its module: they export the same
/// functions and must compute the same results.
pub const GUESTS: [(&str, &[u8]); 3] = [
    ("tests/guest/guest.wasm", GUEST_WASM),
    ("tests/guest-odin/guest.wasm", ODIN_GUEST_WASM),
    ("tests/guest-rust/guest.wasm", RUST_GUEST_WASM),
];

/// The custom section `cargo xtask guest` appends to the module: the hash of
/// the sources it was built from, as 16 lowercase hex digits.
pub const SOURCE_SECTION: &str = "wasm_layout_source";

/// The types whose fingerprints the guest reports, by the index its
/// `layout_fingerprint` export takes.
pub const FINGERPRINTS: [(&str, u64); 4] = [
    ("Particle", Particle::FINGERPRINT),
    ("StepRequest", StepRequest::FINGERPRINT),
    ("StepResponse", StepResponse::FINGERPRINT),
    ("StepFrame", StepFrame::FINGERPRINT),
];

/// Time step and gravity of every step: both exact in `f32` and in
/// JavaScript numbers, so the hosts write the same bits.
pub const DT: f32 = 1.0 / 16.0;
/// Gravity, pulling down along y.
pub const GRAVITY: Vec3 = Vec3 { x: 0.0, y: -9.75, z: 0.0 };

/// Bytes the host arena may use above the guest's heap base.
pub const ARENA_CAPACITY: usize = 1 << 20;
/// Frame requests in flight at most.
pub const FRAME_SLOTS: u32 = 2;
/// Responses kept: the last `RESPONSE_SLOTS - 1` stay live.
pub const RESPONSE_SLOTS: u32 = 3;

/// What the hosts do: `first` particles stepped `first_frames` times, then
/// `spawned` more (after growing memory) and `second_frames` more frames,
/// then one in-place step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Particles at the start.
    pub first: u32,
    /// Double-buffered frames before growing.
    pub first_frames: u32,
    /// Particles added after growing.
    pub spawned: u32,
    /// Double-buffered frames after growing.
    pub second_frames: u32,
}

impl Plan {
    /// The sequence the end-to-end test runs on both hosts.
    pub const E2E: Plan = Plan { first: 96, first_frames: 12, spawned: 1600, second_frames: 12 };

    /// A shorter run for the quick start (quick even in a debug build); it
    /// still needs the memory to grow.
    pub const QUICK: Plan = Plan { first: 32, first_frames: 4, spawned: 1000, second_frames: 2 };

    /// The arguments the TypeScript host takes after its output directory.
    pub fn args(&self) -> [String; 4] {
        [self.first, self.first_frames, self.spawned, self.second_frames].map(|n| n.to_string())
    }
}

/// The `i`-th particle both hosts create: every number is exact in `f32`.
pub fn particle(i: u32) -> Particle {
    let f = |n: u32| n as f32;
    Particle {
        pos: Vec3 { x: f(i % 32) * 0.25 - 4.0, y: 1.0 + f(i % 7) * 0.5, z: f(i / 32 % 8) * 0.125 },
        vel: Vec3 {
            x: (f(i * 7 % 11) - 5.0) * 0.5,
            y: f(i * 3 % 13) * 0.75 - 3.0,
            z: (f(i * 5 % 9) - 4.0) * 0.25,
        },
        mass: 0.5 + f(i % 4) * 0.25,
        kind: match i % 3 {
            0 => Kind::Dust,
            1 => Kind::Spark,
            _ => Kind::Smoke,
        },
        alive: true,
        flags: 0,
        id: 0x5eed_0000_0000_0000 | u64::from(i),
    }
}

/// The statistics of the guest's final memory.
pub fn memory_stats(memory: &[u8]) -> MemoryStats {
    MemoryStats::of(memory)
}
