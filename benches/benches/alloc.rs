//! Allocation: wasm-layout's bump and arena against bumpalo, its pool
//! (generation check on) against slab (alloc + free of the oldest, and
//! free + alloc reusing the slot at once), in one run.
//! `cargo bench -p wasm-layout-bench --bench alloc`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wasm_layout::memory::{Arena, Bump};
use wasm_layout_bench::*;

/// Allocations per iteration; the allocators are reset after each batch.
const BATCH: usize = 10_000;

fn bump_and_arena(c: &mut Criterion) {
    for size in [16usize, 40] {
        let mut g = c.benchmark_group(format!("alloc_{size}B"));
        g.throughput(Throughput::Elements(BATCH as u64));
        let mut bump = Bump::new(8).expect("not null");
        g.bench_function("bump", |b| b.iter(|| bump_ours(black_box(&mut bump), BATCH, black_box(size))));
        let mut arena = Arena::new(8, u32::MAX as usize - 8).expect("fits");
        g.bench_function("arena", |b| b.iter(|| arena_ours(black_box(&mut arena), BATCH, black_box(size))));
        let mut host = bumpalo::Bump::new();
        g.bench_function("bumpalo", |b| b.iter(|| bumpalo(black_box(&mut host), BATCH, black_box(size))));
        g.finish();
    }
}

fn pool_and_slab(c: &mut Criterion) {
    let mut g = c.benchmark_group("pool_pair_4096_live");
    g.throughput(Throughput::Elements(BATCH as u64));
    let (mut pool, mut ring) = pool_ours_setup(4096);
    g.bench_function("pool", |b| b.iter(|| pool_ours(black_box(&mut pool), &mut ring, BATCH)));
    let (mut slab, mut ring) = slab_setup(4096);
    g.bench_function("slab", |b| b.iter(|| slab_pairs(black_box(&mut slab), &mut ring, BATCH)));
    g.finish();
    let mut g = c.benchmark_group("pool_reuse_4096_live");
    g.throughput(Throughput::Elements(BATCH as u64));
    let (mut pool, ring) = pool_ours_setup(4096);
    let mut h = ring.back().copied().expect("live");
    g.bench_function("pool", |b| b.iter(|| pool_reuse(black_box(&mut pool), &mut h, BATCH)));
    let (mut slab, ring) = slab_setup(4096);
    let mut key = ring.back().copied().expect("live");
    g.bench_function("slab", |b| b.iter(|| slab_reuse(black_box(&mut slab), &mut key, BATCH)));
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group!(name = alloc; config = config(); targets = bump_and_arena, pool_and_slab);
criterion_main!(alloc);
