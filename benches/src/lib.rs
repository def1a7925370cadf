//! The benchmark kernels: the same work done through wasm-layout and through
//! each anchor crate, so criterion (`benches/access.rs`) and callgrind
//! (`src/bin/callgrind.rs`) measure exactly the same code.
//!
//! Every kernel is `#[inline(never)]` so profiles attribute it by name.
#![forbid(unsafe_code)]

use binary_layout::prelude::*;
use bytemuck::{Pod, Zeroable};
use wasm_layout::{SliceRef, ViewMut, WasmLayout};
use zerocopy::little_endian::{F32 as LeF32, F64 as LeF64, U32 as LeU32};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

// ---------------------------------------------------------------- types

/// `Point { x: f64, y: f64 }`: 16 bytes.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// 36 bytes, 2 of them tail padding.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    pub pos: [f32; 3],
    pub vel: [f32; 3],
    pub mass: f32,
    pub id: u32,
    pub alive: bool,
    pub kind: u8,
}

/// The native limit: the same layouts as host structs, cast in place.
#[derive(Pod, Zeroable, Clone, Copy)]
#[repr(C)]
pub struct PodPoint {
    pub x: f64,
    pub y: f64,
}

/// `Particle` as a Pod twin (`alive` as a byte, the padding explicit).
#[derive(Pod, Zeroable, Clone, Copy)]
#[repr(C)]
pub struct PodParticle {
    pub pos: [f32; 3],
    pub vel: [f32; 3],
    pub mass: f32,
    pub id: u32,
    pub alive: u8,
    pub kind: u8,
    pub pad: [u8; 2],
}

/// zerocopy with its little-endian field types.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
pub struct ZPoint {
    pub x: LeF64,
    pub y: LeF64,
}

/// zerocopy's `Particle`.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
pub struct ZParticle {
    pub pos: [LeF32; 3],
    pub vel: [LeF32; 3],
    pub mass: LeF32,
    pub id: LeU32,
    pub alive: u8,
    pub kind: u8,
    pub pad: [u8; 2],
}

binary_layout::binary_layout!(bl_point, LittleEndian, { x: f64, y: f64 });
binary_layout::binary_layout!(bl_particle, LittleEndian, {
    pos_x: f32, pos_y: f32, pos_z: f32,
    vel_x: f32, vel_y: f32, vel_z: f32,
    mass: f32, id: u32, alive: u8, kind: u8, pad: [u8; 2],
});

// ---------------------------------------------------------------- data

/// `bytes` bytes holding as many particles (and as many points) as fit,
/// 8-aligned so the Pod casts work, with deterministic contents.
pub fn buffer(bytes: usize) -> Vec<u64> {
    let mut words = vec![0u64; bytes / 8];
    let raw: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
    let count = raw.len() / Particle::SIZE;
    for i in 0..count {
        let f = i as f32;
        let p = Particle {
            pos: [f, f + 1.0, f + 2.0],
            vel: [0.5; 3],
            mass: 1.0 + (i % 7) as f32,
            id: i as u32,
            alive: i % 3 != 0,
            kind: (i % 4) as u8,
        };
        p.write_at(raw, i * Particle::SIZE).expect("fits");
    }
    words
}

/// `n` pseudo-random indices below `below` (xorshift, fixed seed).
pub fn indices(n: usize, below: usize) -> Vec<u32> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % below as u64) as u32
        })
        .collect()
}

/// How many whole `T`s fit in `bytes`.
pub fn count_of<T: WasmLayout>(bytes: &[u8]) -> usize {
    bytes.len() / T::SIZE
}

mod alloc;
mod pairs;
mod scans;
mod writes;

pub use alloc::*;
pub use pairs::*;
pub use scans::*;
pub use writes::*;

#[cfg(test)]
mod tests {
    #[test]
    fn kernels_agree() {
        super::agree();
        super::pairs_agree();
    }
}
