//! Writes of every field, the kernel tables and the agreement check.

use super::*;

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
