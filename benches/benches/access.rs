//! Scans, random access and writes over wasm32-layout bytes: wasm-layout
//! side by side with a hand-written loop, zerocopy, binary-layout and
//! bytemuck, in one run. `cargo bench -p wasm-layout-bench --bench access`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wasm_layout_bench::*;

const SIZES: [(&str, usize); 2] = [("1MiB", 1 << 20), ("64MiB", 64 << 20)];

fn scans(c: &mut Criterion) {
    for (label, size) in SIZES {
        let words = buffer(size);
        let bytes: &[u8] = bytemuck::cast_slice(&words);
        for group in ["mass", "x"] {
            let elem = if group == "mass" { 36 } else { 16 };
            let mut g = c.benchmark_group(format!("scan_{group}/{label}"));
            g.throughput(Throughput::Elements((size / elem) as u64));
            for (name, f) in SCANS.iter().filter(|(n, _)| n.starts_with(group)) {
                let variant = name.split_once('/').map_or(*name, |(_, v)| v);
                g.bench_with_input(BenchmarkId::from_parameter(variant), bytes, |b, bytes| {
                    b.iter(|| f(black_box(bytes)))
                });
            }
            if group == "mass" {
                g.bench_function("raw_words", |b| b.iter(|| raw_words(black_box(&words))));
            }
            g.finish();
        }
    }
}

fn random(c: &mut Criterion) {
    let words = buffer(64 << 20);
    let bytes: &[u8] = bytemuck::cast_slice(&words);
    let idx = indices(1_000_000, bytes.len() / 36);
    let mut g = c.benchmark_group("random_mass/64MiB");
    g.throughput(Throughput::Elements(idx.len() as u64));
    for (name, f) in RANDOM {
        let name = name.split_once('/').map_or(*name, |(_, v)| v);
        g.bench_function(name, |b| b.iter(|| f(black_box(bytes), black_box(&idx))));
    }
    g.finish();
}

fn writes(c: &mut Criterion) {
    for (label, size) in SIZES {
        let mut words = buffer(size);
        let mut g = c.benchmark_group(format!("write/{label}"));
        g.throughput(Throughput::Elements((size / 36) as u64));
        for (name, f) in WRITES {
            let variant = name.split_once('/').map_or(*name, |(_, v)| v);
            g.bench_function(variant, |b| b.iter(|| f(black_box(bytemuck::cast_slice_mut(&mut words)))));
        }
        g.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group!(name = access; config = config(); targets = scans, random, writes);
criterion_main!(access);
