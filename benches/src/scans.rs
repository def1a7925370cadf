//! Scans of one field over every struct, and random lookups.

use super::*;

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
