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

// ---------------------------------------------------------------- scans: Particle.mass

#[inline(never)]
pub fn mass_view(bytes: &[u8]) -> f32 {
    let s = Particle::view_slice(bytes, count_of::<Particle>(bytes)).expect("fits");
    s.iter().map(|p| p.mass()).sum()
}

#[inline(never)]
pub fn mass_view_x4(bytes: &[u8]) -> f32 {
    let s = Particle::view_slice(bytes, count_of::<Particle>(bytes)).expect("fits");
    let mut acc = [0f32; 4];
    let mut chunks = s.chunks_exact::<4>();
    for [a, b, c, d] in &mut chunks {
        acc[0] += a.mass();
        acc[1] += b.mass();
        acc[2] += c.mass();
        acc[3] += d.mass();
    }
    for p in chunks.remainder().iter() {
        acc[0] += p.mass();
    }
    acc.iter().sum()
}

#[inline(never)]
pub fn mass_read_from(bytes: &[u8]) -> f32 {
    let n = count_of::<Particle>(bytes);
    let s: SliceRef<'_, Particle> = Particle::view_slice(bytes, n).expect("fits");
    (0..n).map(|i| s.read(i).map_or(0.0, |p| p.mass)).sum()
}

#[inline(never)]
pub fn mass_hand(bytes: &[u8]) -> f32 {
    bytes.chunks_exact(36).map(|c| f32::from_le_bytes([c[24], c[25], c[26], c[27]])).sum()
}

#[inline(never)]
pub fn mass_zerocopy(bytes: &[u8]) -> f32 {
    let n = bytes.len() / 36;
    let s = <[ZParticle]>::ref_from_bytes(&bytes[..n * 36]).expect("fits");
    s.iter().map(|p| p.mass.get()).sum()
}

#[inline(never)]
pub fn mass_zerocopy_x4(bytes: &[u8]) -> f32 {
    let n = bytes.len() / 36;
    let s = <[ZParticle]>::ref_from_bytes(&bytes[..n * 36]).expect("fits");
    let mut acc = [0f32; 4];
    let chunks = s.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += c[0].mass.get();
        acc[1] += c[1].mass.get();
        acc[2] += c[2].mass.get();
        acc[3] += c[3].mass.get();
    }
    for p in rest {
        acc[0] += p.mass.get();
    }
    acc.iter().sum()
}

#[inline(never)]
pub fn mass_binary_layout(bytes: &[u8]) -> f32 {
    bytes.chunks_exact(36).map(bl_particle::mass::read).sum()
}

#[inline(never)]
pub fn mass_bytemuck(bytes: &[u8]) -> f32 {
    let n = bytes.len() / 36;
    let s: &[PodParticle] = bytemuck::cast_slice(&bytes[..n * 36]);
    s.iter().map(|p| p.mass).sum()
}

#[inline(never)]
pub fn mass_bytemuck_x4(bytes: &[u8]) -> f32 {
    let n = bytes.len() / 36;
    let s: &[PodParticle] = bytemuck::cast_slice(&bytes[..n * 36]);
    let mut acc = [0f32; 4];
    let chunks = s.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += c[0].mass;
        acc[1] += c[1].mass;
        acc[2] += c[2].mass;
        acc[3] += c[3].mass;
    }
    for p in rest {
        acc[0] += p.mass;
    }
    acc.iter().sum()
}

/// The bandwidth reference: every u64 word summed.
#[inline(never)]
pub fn raw_words(words: &[u64]) -> u64 {
    words.iter().fold(0u64, |a, &w| a.wrapping_add(w))
}

// ---------------------------------------------------------------- scans: Point.x

#[inline(never)]
pub fn x_view(bytes: &[u8]) -> f64 {
    let s = Point::view_slice(bytes, count_of::<Point>(bytes)).expect("fits");
    s.iter().map(|p| p.x()).sum()
}

#[inline(never)]
pub fn x_view_x4(bytes: &[u8]) -> f64 {
    let s = Point::view_slice(bytes, count_of::<Point>(bytes)).expect("fits");
    let mut acc = [0f64; 4];
    let mut chunks = s.chunks_exact::<4>();
    for [a, b, c, d] in &mut chunks {
        acc[0] += a.x();
        acc[1] += b.x();
        acc[2] += c.x();
        acc[3] += d.x();
    }
    for p in chunks.remainder().iter() {
        acc[0] += p.x();
    }
    acc.iter().sum()
}

#[inline(never)]
pub fn x_read_from(bytes: &[u8]) -> f64 {
    let n = count_of::<Point>(bytes);
    let s = Point::view_slice(bytes, n).expect("fits");
    (0..n).map(|i| s.read(i).map_or(0.0, |p| p.x)).sum()
}

#[inline(never)]
pub fn x_hand(bytes: &[u8]) -> f64 {
    bytes.chunks_exact(16).map(|c| f64::from_le_bytes(c[..8].try_into().expect("8 bytes"))).sum()
}

#[inline(never)]
pub fn x_zerocopy(bytes: &[u8]) -> f64 {
    let n = bytes.len() / 16;
    let s = <[ZPoint]>::ref_from_bytes(&bytes[..n * 16]).expect("fits");
    s.iter().map(|p| p.x.get()).sum()
}

#[inline(never)]
pub fn x_binary_layout(bytes: &[u8]) -> f64 {
    bytes.chunks_exact(16).map(bl_point::x::read).sum()
}

#[inline(never)]
pub fn x_bytemuck(bytes: &[u8]) -> f64 {
    let s: &[PodPoint] = bytemuck::cast_slice(&bytes[..bytes.len() / 16 * 16]);
    s.iter().map(|p| p.x).sum()
}

#[inline(never)]
pub fn x_zerocopy_x4(bytes: &[u8]) -> f64 {
    let n = bytes.len() / 16;
    let s = <[ZPoint]>::ref_from_bytes(&bytes[..n * 16]).expect("fits");
    let mut acc = [0f64; 4];
    let chunks = s.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += c[0].x.get();
        acc[1] += c[1].x.get();
        acc[2] += c[2].x.get();
        acc[3] += c[3].x.get();
    }
    for p in rest {
        acc[0] += p.x.get();
    }
    acc.iter().sum()
}

#[inline(never)]
pub fn x_bytemuck_x4(bytes: &[u8]) -> f64 {
    let s: &[PodPoint] = bytemuck::cast_slice(&bytes[..bytes.len() / 16 * 16]);
    let mut acc = [0f64; 4];
    let chunks = s.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        acc[0] += c[0].x;
        acc[1] += c[1].x;
        acc[2] += c[2].x;
        acc[3] += c[3].x;
    }
    for p in rest {
        acc[0] += p.x;
    }
    acc.iter().sum()
}

// ---------------------------------------------------------------- random access

#[inline(never)]
pub fn random_view(bytes: &[u8], idx: &[u32]) -> f32 {
    let s = Particle::view_slice(bytes, count_of::<Particle>(bytes)).expect("fits");
    idx.iter().map(|&i| s.get(i as usize).map_or(0.0, |p| p.mass())).sum()
}

#[inline(never)]
pub fn random_hand(bytes: &[u8], idx: &[u32]) -> f32 {
    idx.iter()
        .map(|&i| {
            let o = i as usize * 36 + 24;
            bytes.get(o..o + 4).map_or(0.0, |b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        })
        .sum()
}

#[inline(never)]
pub fn random_zerocopy(bytes: &[u8], idx: &[u32]) -> f32 {
    let n = bytes.len() / 36;
    let s = <[ZParticle]>::ref_from_bytes(&bytes[..n * 36]).expect("fits");
    idx.iter().map(|&i| s.get(i as usize).map_or(0.0, |p| p.mass.get())).sum()
}

#[inline(never)]
pub fn random_binary_layout(bytes: &[u8], idx: &[u32]) -> f32 {
    idx.iter()
        .map(|&i| {
            let o = i as usize * 36;
            bytes.get(o..o + 36).map_or(0.0, bl_particle::mass::read)
        })
        .sum()
}

#[inline(never)]
pub fn random_bytemuck(bytes: &[u8], idx: &[u32]) -> f32 {
    let n = bytes.len() / 36;
    let s: &[PodParticle] = bytemuck::cast_slice(&bytes[..n * 36]);
    idx.iter().map(|&i| s.get(i as usize).map_or(0.0, |p| p.mass)).sum()
}

// ---------------------------------------------------------------- writes: every field of every particle

fn value(i: usize) -> Particle {
    let f = i as f32;
    Particle { pos: [f, f, f], vel: [1.0, 2.0, 3.0], mass: f, id: i as u32, alive: i & 1 == 0, kind: i as u8 }
}

#[inline(never)]
pub fn write_view_setters(bytes: &mut [u8]) {
    let n = count_of::<Particle>(bytes);
    let mut s = Particle::view_slice_mut(bytes, n).expect("fits");
    for (i, mut p) in s.iter_mut().enumerate() {
        let f = i as f32;
        let mut pos = p.pos_mut();
        for k in 0..3 {
            let _ = pos.set(k, f);
        }
        p.set_vel([1.0, 2.0, 3.0]);
        p.set_mass(f);
        p.set_id(i as u32);
        p.set_alive(i & 1 == 0);
        p.set_kind(i as u8);
    }
}

#[inline(never)]
pub fn write_view_whole(bytes: &mut [u8]) {
    let n = count_of::<Particle>(bytes);
    let mut s = Particle::view_slice_mut(bytes, n).expect("fits");
    for (i, mut p) in s.iter_mut().enumerate() {
        p.write(&value(i));
    }
}

#[inline(never)]
pub fn write_write_to(bytes: &mut [u8]) {
    for (i, c) in bytes.chunks_exact_mut(36).enumerate() {
        let _ = value(i).write_to(c);
    }
}

#[inline(never)]
pub fn write_hand(bytes: &mut [u8]) {
    for (i, c) in bytes.chunks_exact_mut(36).enumerate() {
        let v = value(i);
        for k in 0..3 {
            c[4 * k..4 * k + 4].copy_from_slice(&v.pos[k].to_le_bytes());
            c[12 + 4 * k..16 + 4 * k].copy_from_slice(&v.vel[k].to_le_bytes());
        }
        c[24..28].copy_from_slice(&v.mass.to_le_bytes());
        c[28..32].copy_from_slice(&v.id.to_le_bytes());
        c[32] = v.alive as u8;
        c[33] = v.kind;
        c[34] = 0;
        c[35] = 0;
    }
}

#[inline(never)]
pub fn write_zerocopy(bytes: &mut [u8]) {
    let n = bytes.len() / 36;
    let s = <[ZParticle]>::mut_from_bytes(&mut bytes[..n * 36]).expect("fits");
    for (i, p) in s.iter_mut().enumerate() {
        let v = value(i);
        *p = ZParticle {
            pos: v.pos.map(LeF32::new),
            vel: v.vel.map(LeF32::new),
            mass: LeF32::new(v.mass),
            id: LeU32::new(v.id),
            alive: v.alive as u8,
            kind: v.kind,
            pad: [0; 2],
        };
    }
}

#[inline(never)]
pub fn write_binary_layout(bytes: &mut [u8]) {
    for (i, c) in bytes.chunks_exact_mut(36).enumerate() {
        let v = value(i);
        bl_particle::pos_x::write(c, v.pos[0]);
        bl_particle::pos_y::write(c, v.pos[1]);
        bl_particle::pos_z::write(c, v.pos[2]);
        bl_particle::vel_x::write(c, v.vel[0]);
        bl_particle::vel_y::write(c, v.vel[1]);
        bl_particle::vel_z::write(c, v.vel[2]);
        bl_particle::mass::write(c, v.mass);
        bl_particle::id::write(c, v.id);
        bl_particle::alive::write(c, v.alive as u8);
        bl_particle::kind::write(c, v.kind);
        bl_particle::pad::data_mut(c).fill(0);
    }
}

#[inline(never)]
pub fn write_bytemuck(bytes: &mut [u8]) {
    let n = bytes.len() / 36;
    let s: &mut [PodParticle] = bytemuck::cast_slice_mut(&mut bytes[..n * 36]);
    for (i, p) in s.iter_mut().enumerate() {
        let v = value(i);
        *p = PodParticle {
            pos: v.pos,
            vel: v.vel,
            mass: v.mass,
            id: v.id,
            alive: v.alive as u8,
            kind: v.kind,
            pad: [0; 2],
        };
    }
}

/// Every kernel that takes a byte buffer, by name, for the callgrind binary.
/// A named scan kernel.
pub type Scan = (&'static str, fn(&[u8]) -> f64);
/// A named write kernel.
pub type Write = (&'static str, fn(&mut [u8]));
/// A named random-access kernel.
pub type Random = (&'static str, fn(&[u8], &[u32]) -> f32);
/// A named allocation kernel: `n` operations.
pub type Alloc = (&'static str, fn(usize) -> u64);

pub const SCANS: &[Scan] = &[
    ("mass/view", |b| mass_view(b) as f64),
    ("mass/view_x4", |b| mass_view_x4(b) as f64),
    ("mass/read_from", |b| mass_read_from(b) as f64),
    ("mass/hand", |b| mass_hand(b) as f64),
    ("mass/zerocopy", |b| mass_zerocopy(b) as f64),
    ("mass/zerocopy_x4", |b| mass_zerocopy_x4(b) as f64),
    ("mass/binary_layout", |b| mass_binary_layout(b) as f64),
    ("mass/bytemuck", |b| mass_bytemuck(b) as f64),
    ("mass/bytemuck_x4", |b| mass_bytemuck_x4(b) as f64),
    ("x/view", x_view),
    ("x/view_x4", x_view_x4),
    ("x/read_from", x_read_from),
    ("x/hand", x_hand),
    ("x/zerocopy", x_zerocopy),
    ("x/zerocopy_x4", x_zerocopy_x4),
    ("x/binary_layout", x_binary_layout),
    ("x/bytemuck", x_bytemuck),
    ("x/bytemuck_x4", x_bytemuck_x4),
];

/// Every write kernel, by name.
pub const WRITES: &[Write] = &[
    ("write/view_setters", write_view_setters),
    ("write/view_whole", write_view_whole),
    ("write/write_to", write_write_to),
    ("write/hand", write_hand),
    ("write/zerocopy", write_zerocopy),
    ("write/binary_layout", write_binary_layout),
    ("write/bytemuck", write_bytemuck),
];

/// Every random-access kernel, by name.
pub const RANDOM: &[Random] = &[
    ("random/view", random_view),
    ("random/hand", random_hand),
    ("random/zerocopy", random_zerocopy),
    ("random/binary_layout", random_binary_layout),
    ("random/bytemuck", random_bytemuck),
];

/// Checks that every kernel computes the same thing, so no variant wins by
/// doing less.
pub fn agree() {
    let words = buffer(1 << 16);
    let bytes: &[u8] = bytemuck::cast_slice(&words);
    for group in ["mass/", "x/"] {
        let results: Vec<(&str, f64)> =
            SCANS.iter().filter(|(n, _)| n.starts_with(group)).map(|(n, f)| (*n, f(bytes))).collect();
        for (name, r) in &results {
            assert!((r - results[0].1).abs() <= results[0].1.abs() * 1e-5, "{name}: {r} vs {}", results[0].1);
        }
    }
    let mut reference = vec![0u8; 36 * 1000];
    write_bytemuck(&mut reference);
    for (name, f) in WRITES {
        // Setters write fields, not padding; every other write zeroes it.
        let fill = if *name == "write/view_setters" { 0 } else { 0xFF };
        let mut out = vec![fill; 36 * 1000];
        f(&mut out);
        assert!(out == reference, "{name} writes different bytes");
    }
    let idx = indices(1000, bytes.len() / 36);
    let r = random_bytemuck(bytes, &idx);
    for f in [random_view, random_hand, random_zerocopy, random_binary_layout] {
        assert_eq!(f(bytes, &idx), r);
    }
}

// ---------------------------------------------------------------- allocation

/// `n` allocations of `size` bytes aligned to 8 from wasm-layout's bump
/// allocator, then a reset; returns a checksum of the addresses.
#[inline(never)]
pub fn bump_ours(bump: &mut wasm_layout::memory::Bump, n: usize, size: usize) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        sum = sum.wrapping_add(u64::from(bump.alloc(size, 8).unwrap_or(0)));
    }
    bump.reset();
    sum
}

/// The same from wasm-layout's arena.
#[inline(never)]
pub fn arena_ours(arena: &mut wasm_layout::memory::Arena, n: usize, size: usize) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        sum = sum.wrapping_add(u64::from(arena.alloc(size, 8).unwrap_or(0)));
    }
    arena.reset();
    sum
}

/// The same from bumpalo (which also hands out host memory).
#[inline(never)]
pub fn bumpalo(bump: &mut bumpalo::Bump, n: usize, size: usize) -> u64 {
    let layout = std::alloc::Layout::from_size_align(size, 8).expect("valid layout");
    let mut sum = 0u64;
    for _ in 0..n {
        sum = sum.wrapping_add(bump.alloc_layout(layout).as_ptr() as u64);
    }
    bump.reset();
    sum
}

/// A pool with `live` objects allocated, the oldest first in `ring`.
pub fn pool_ours_setup(
    live: usize,
) -> (wasm_layout::memory::Pool, std::collections::VecDeque<wasm_layout::memory::PoolHandle>) {
    let mut pool = wasm_layout::memory::Pool::new(1024, 40, 8, 2 * live as u32).expect("pool fits");
    let ring = (0..live).map(|_| pool.alloc().expect("room")).collect();
    (pool, ring)
}

/// `n` pairs of alloc + free (of the oldest live object), generation checked.
#[inline(never)]
pub fn pool_ours(
    pool: &mut wasm_layout::memory::Pool,
    ring: &mut std::collections::VecDeque<wasm_layout::memory::PoolHandle>,
    n: usize,
) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        if let Ok(h) = pool.alloc() {
            ring.push_back(h);
        }
        if let Some(old) = ring.pop_front() {
            sum = sum.wrapping_add(u64::from(pool.free(old).is_ok()));
        }
    }
    sum
}

/// A slab with `live` objects inserted, the oldest first in `ring`.
pub fn slab_setup(live: usize) -> (slab::Slab<[u64; 5]>, std::collections::VecDeque<usize>) {
    let mut slab = slab::Slab::with_capacity(2 * live);
    let ring = (0..live).map(|_| slab.insert([0u64; 5])).collect();
    (slab, ring)
}

/// `n` pairs of insert + remove (of the oldest) in a slab of 40-byte values.
#[inline(never)]
pub fn slab_pairs(
    slab: &mut slab::Slab<[u64; 5]>,
    ring: &mut std::collections::VecDeque<usize>,
    n: usize,
) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        ring.push_back(slab.insert([0u64; 5]));
        if let Some(old) = ring.pop_front() {
            sum = sum.wrapping_add(slab.try_remove(old).map_or(0, |v| v[0] + 1));
        }
    }
    sum
}

/// `n` pairs of free + alloc in a pool with 4,096 live slots: the slot just
/// freed is handed out again at once (the free list's head), generation
/// checked at each free.
#[inline(never)]
pub fn pool_reuse(
    pool: &mut wasm_layout::memory::Pool,
    h: &mut wasm_layout::memory::PoolHandle,
    n: usize,
) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        sum = sum.wrapping_add(u64::from(pool.free(*h).is_ok()));
        if let Ok(next) = pool.alloc() {
            *h = next;
        }
    }
    sum.wrapping_add(u64::from(h.index))
}

/// The same in a slab: remove a key, insert again (it gets the same key).
#[inline(never)]
pub fn slab_reuse(slab: &mut slab::Slab<[u64; 5]>, key: &mut usize, n: usize) -> u64 {
    let mut sum = 0u64;
    for _ in 0..n {
        sum = sum.wrapping_add(slab.try_remove(*key).map_or(0, |v| v[0] + 1));
        *key = slab.insert([0u64; 5]);
    }
    sum.wrapping_add(*key as u64)
}

/// Every allocation kernel for the callgrind binary: `n` operations.
pub const ALLOCS: &[Alloc] = &[
    ("alloc/bump_16", |n| bump_ours(&mut wasm_layout::memory::Bump::new(8).expect("not null"), n, 16)),
    ("alloc/bump_40", |n| bump_ours(&mut wasm_layout::memory::Bump::new(8).expect("not null"), n, 40)),
    ("alloc/arena_16", |n| {
        arena_ours(&mut wasm_layout::memory::Arena::new(8, u32::MAX as usize - 8).expect("fits"), n, 16)
    }),
    ("alloc/arena_40", |n| {
        arena_ours(&mut wasm_layout::memory::Arena::new(8, u32::MAX as usize - 8).expect("fits"), n, 40)
    }),
    ("alloc/bumpalo_16", |n| bumpalo(&mut bumpalo::Bump::new(), n, 16)),
    ("alloc/bumpalo_40", |n| bumpalo(&mut bumpalo::Bump::new(), n, 40)),
    ("alloc/pool_pair", |n| {
        let (mut p, mut r) = pool_ours_setup(4096);
        pool_ours(&mut p, &mut r, n)
    }),
    ("alloc/slab_pair", |n| {
        let (mut s, mut r) = slab_setup(4096);
        slab_pairs(&mut s, &mut r, n)
    }),
    ("alloc/pool_reuse", |n| {
        let (mut p, r) = pool_ours_setup(4096);
        pool_reuse(&mut p, &mut r.back().copied().expect("live"), n)
    }),
    ("alloc/slab_reuse", |n| {
        let (mut s, r) = slab_setup(4096);
        slab_reuse(&mut s, &mut r.back().copied().expect("live"), n)
    }),
];

#[cfg(test)]
mod tests {
    #[test]
    fn kernels_agree() {
        super::agree();
    }
}
