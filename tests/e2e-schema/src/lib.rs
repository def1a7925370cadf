//! The schema the end-to-end hosts and guests share: a small particle
//! simulation. `no_std` without `alloc`: the Rust guest (`tests/guest-rust`)
//! derives these very types for wasm32; `tests/guest/schema.h`,
//! `tests/guest-odin/schema/schema.odin` and `tests/ts/e2e/schema.ts` are
//! generated from them.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use wasm_layout::{WasmLayout, WasmPtr, WasmSlice, WasmStr};

/// A 3-D vector of `f32`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Default)]
pub struct Vec3 {
    /// Along x.
    pub x: f32,
    /// Along y (up).
    pub y: f32,
    /// Along z.
    pub z: f32,
}

/// What a particle is, stored as one byte.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// Drifts.
    Dust = 0,
    /// Burns out.
    Spark = 1,
    /// Rises.
    Smoke = 2,
}

/// One particle: 40 bytes, alignment 8.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    /// Position.
    pub pos: Vec3,
    /// Velocity.
    pub vel: Vec3,
    /// Mass.
    pub mass: f32,
    /// What it is.
    pub kind: Kind,
    /// Whether it still takes part.
    pub alive: bool,
    /// Bits the guest may set.
    pub flags: u16,
    /// Unique identity.
    pub id: u64,
}

/// A request to step `count` particles at `particles` by `dt` seconds.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepRequest {
    /// The first particle.
    pub particles: WasmPtr<Particle>,
    /// How many particles.
    pub count: u32,
    /// The time step in seconds.
    pub dt: f32,
    /// The acceleration applied.
    pub gravity: Vec3,
}

/// What a step reports back.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepResponse {
    /// Live particles after the step.
    pub alive: u32,
    /// Their kinetic plus potential energy.
    pub energy: f64,
}

/// A double-buffered step: read `count` particles at `src`, write them,
/// stepped by `dt` seconds, to `dst` (the two arrays must not overlap).
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepFrame {
    /// The particles read.
    pub src: WasmPtr<Particle>,
    /// Where the stepped particles are written.
    pub dst: WasmPtr<Particle>,
    /// How many particles.
    pub count: u32,
    /// The time step in seconds.
    pub dt: f32,
    /// The acceleration applied.
    pub gravity: Vec3,
    /// The frame number.
    pub frame: u32,
}

/// A named group of particles, written by a guest's `label_kind`: the name
/// of a [`Kind`] and the indices of the live particles of that kind.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// The kind's name (`"dust"`, `"spark"`, `"smoke"`), UTF-8.
    pub name: WasmStr,
    /// Indices, in the particle array, of the live particles of that kind.
    pub members: WasmSlice<u32>,
    /// The first member, `None` when there is none.
    pub leader: Option<WasmPtr<Particle>>,
    /// The largest mass among the members, `None` when there is none.
    pub max_mass: Option<f32>,
}

/// What a guest's `record_events` reports about a particle array.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u8)]
pub enum Event {
    /// A live particle, by identity.
    Spawn {
        /// Its [`Particle::id`].
        id: u64,
    },
    /// Two neighbouring live particles of the same kind, by index.
    Collide(u32, u32),
    /// The end of the report.
    Tick,
}
