//! Fixed work for `valgrind --tool=callgrind`: runs one kernel by name, so
//! instruction counts can be compared per element. Only the call inside
//! [`measured`] is meant to be counted (`--toggle-collect=*measured*`), and
//! `cargo xtask bench` runs each kernel at two sizes and takes the
//! difference, which cancels whatever set-up remains inside.
//!
//! Usage: `callgrind <kernel> <n>`, or `callgrind --list`. For scans and
//! writes `n` is a buffer size in bytes; for random access, the number of
//! lookups (into a fixed 4 MiB buffer); for allocation, the number of
//! operations; for strings and slices, the memory's size in bytes.

use std::hint::black_box;

use wasm_layout_bench::{buffer, indices, pair_input, ALLOCS, PAIRS, RANDOM, SCANS, WRITES};

/// The one call callgrind counts.
#[inline(never)]
fn measured<R>(f: impl FnOnce() -> R) -> R {
    black_box(f())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        let names = SCANS.iter().chain(PAIRS).map(|k| k.0).chain(WRITES.iter().map(|k| k.0));
        for name in names.chain(RANDOM.iter().map(|k| k.0)).chain(ALLOCS.iter().map(|k| k.0)) {
            println!("{name}");
        }
        return;
    }
    let (Some(kernel), Some(n)) = (args.first(), args.get(1).and_then(|s| s.parse::<usize>().ok())) else {
        eprintln!("usage: callgrind <kernel> <n> | --list");
        std::process::exit(2);
    };
    if let Some((_, f)) = SCANS.iter().find(|(name, _)| name == kernel) {
        let words = buffer(n);
        let bytes: &[u8] = bytemuck::cast_slice(&words);
        measured(|| f(black_box(bytes)));
    } else if let Some((_, f)) = PAIRS.iter().find(|(name, _)| name == kernel) {
        let memory = pair_input(kernel, n);
        measured(|| f(black_box(&memory)));
    } else if let Some((_, f)) = WRITES.iter().find(|(name, _)| name == kernel) {
        let mut words = buffer(n);
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
        measured(|| f(black_box(bytes)));
    } else if let Some((_, f)) = RANDOM.iter().find(|(name, _)| name == kernel) {
        let words = buffer(4 << 20);
        let bytes: &[u8] = bytemuck::cast_slice(&words);
        let idx = indices(n, bytes.len() / 36);
        measured(|| f(black_box(bytes), black_box(&idx)));
    } else if let Some((_, f)) = ALLOCS.iter().find(|(name, _)| name == kernel) {
        measured(|| f(black_box(n)));
    } else {
        eprintln!("unknown kernel {kernel}; try --list");
        std::process::exit(2);
    }
}
