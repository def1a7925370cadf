//! The schema the examples share: a small particle simulation.
#![allow(dead_code)]

use wasm_layout::{WasmLayout, WasmPtr};

/// A 3-D vector of `f32`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Default)]
pub struct Vec3 {
    pub x: f32,
    pub y: f32,
    pub z: f32,
}

/// What a particle is, stored as one byte.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Dust = 0,
    Spark = 1,
    Smoke = 2,
}

/// One particle: 40 bytes, alignment 8.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    pub pos: Vec3,
    pub vel: Vec3,
    pub mass: f32,
    pub kind: Kind,
    pub alive: bool,
    pub flags: u16,
    pub id: u64,
}

/// A request to step `count` particles at `particles` by `dt` seconds.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepRequest {
    pub particles: WasmPtr<Particle>,
    pub count: u32,
    pub dt: f32,
    pub gravity: Vec3,
}

/// What a step reports back.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepResponse {
    pub alive: u32,
    pub energy: f64,
}

/// A double-buffered step: read `count` particles at `src`, write them,
/// stepped by `dt` seconds, to `dst` (the two arrays must not overlap).
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct StepFrame {
    pub src: WasmPtr<Particle>,
    pub dst: WasmPtr<Particle>,
    pub count: u32,
    pub dt: f32,
    pub gravity: Vec3,
    pub frame: u32,
}
