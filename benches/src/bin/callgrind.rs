//! Fixed work for `valgrind --tool=callgrind`: runs one kernel by name over
//! a buffer of a given size, so instruction counts can be compared per
//! element. `cargo xtask bench` runs it at two sizes and takes the
//! difference, which cancels start-up and set-up.
//!
//! Usage: `callgrind <kernel> <bytes>`, or `callgrind --list`.

use std::hint::black_box;

use wasm_layout_bench::{buffer, indices, ALLOCS, RANDOM, SCANS, WRITES};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for (name, _) in SCANS {
            println!("{name}");
        }
        for (name, _) in WRITES {
            println!("{name}");
        }
        for (name, _) in RANDOM {
            println!("{name}");
        }
        for (name, _) in ALLOCS {
            println!("{name}");
        }
        return;
    }
    let (Some(kernel), Some(size)) = (args.first(), args.get(1).and_then(|s| s.parse::<usize>().ok())) else {
        eprintln!("usage: callgrind <kernel> <bytes> | --list");
        std::process::exit(2);
    };
    if let Some((_, f)) = ALLOCS.iter().find(|(n, _)| n == kernel) {
        // `size` is the number of operations.
        black_box(f(black_box(size)));
        return;
    }
    let mut words = buffer(size);
    if let Some((_, f)) = SCANS.iter().find(|(n, _)| n == kernel) {
        black_box(f(black_box(bytemuck::cast_slice(&words))));
    } else if let Some((_, f)) = WRITES.iter().find(|(n, _)| n == kernel) {
        f(black_box(bytemuck::cast_slice_mut(&mut words)));
        black_box(&words);
    } else if let Some((_, f)) = RANDOM.iter().find(|(n, _)| n == kernel) {
        // `size` is the number of lookups, into a fixed 4 MiB buffer.
        let data = buffer(4 << 20);
        let bytes: &[u8] = bytemuck::cast_slice(&data);
        let idx = indices(size, bytes.len() / 36);
        black_box(f(black_box(bytes), black_box(&idx)));
    } else {
        eprintln!("unknown kernel {kernel}; try --list");
        std::process::exit(2);
    }
}
