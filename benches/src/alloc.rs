//! Allocation kernels: wasm-layout's bump, arena and pool beside bumpalo and slab.

use super::*;

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
