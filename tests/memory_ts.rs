//! The TypeScript runtime (`wasm_layout::memory::TS_RUNTIME`): type-checked
//! with `tsc --strict`, its node tests run on a real `WebAssembly.Memory`,
//! its error texts compared with Rust's, and Rust and TypeScript allocating
//! in turn from one shared-header arena in the same bytes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_layout::memory::{
    Arena, Guarded, LinearMemory, Memory, MemoryError, Pool, RequestBuffer, SharedArena, PAGE_SIZE,
    TS_RUNTIME,
};

fn ts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ts")
}

fn has_node() -> bool {
    common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`")
}

/// Runs `node` with tsx from tests/ts; returns stdout or panics with the output.
fn node(args: &[&str]) -> String {
    let out = Command::new("node")
        .arg("--import")
        .arg("tsx")
        .args(args)
        .current_dir(ts_dir())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn runtime_constant_is_the_shipped_file() {
    let file = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("layout-core/runtime/wasm-layout-runtime.ts"),
    )
    .unwrap();
    assert_eq!(TS_RUNTIME, file);
    assert!(!TS_RUNTIME.contains("\nimport "), "the runtime must be self-contained");
}

#[test]
fn runtime_typechecks_and_its_node_tests_pass() {
    if !has_node() {
        return;
    }
    let tsc = Command::new("npx")
        .args(["tsc", "-p", "tsconfig.json"])
        .current_dir(ts_dir())
        .output()
        .expect("run tsc");
    assert!(tsc.status.success(), "tsc failed:\n{}", String::from_utf8_lossy(&tsc.stdout));
    node(&["--test", "runtime/memory.test.ts"]);
}

#[test]
fn error_texts_match_rust() {
    if !has_node() {
        return;
    }
    let ts: Vec<String> = parse_strings(&node(&["runtime/error-texts.ts"]));

    let mut memory = LinearMemory::new(1, 1).unwrap();
    let mut arena = Arena::new(1024, 64).unwrap();
    let mut pool = Pool::new(4096, 16, 8, 1).unwrap();
    let h = pool.alloc().unwrap();
    let rb = RequestBuffer::new(&mut Arena::new(0x8000, 1024).unwrap(), 100).unwrap();
    let g = Guarded::alloc(&mut Arena::new(0x9000, 256).unwrap(), &mut memory, 8, 8).unwrap();
    memory.bytes_mut()[g.ptr() as usize + 8] = 0x11;
    SharedArena::init(&mut memory, 0x100, 0x200, 64).unwrap();
    memory.bytes_mut()[0x104..0x106].copy_from_slice(&2u16.to_le_bytes());

    let text = |r: Result<(), MemoryError>| r.map_or_else(|e| e.to_string(), |()| "no error".into());
    let rust = vec![
        text(arena.alloc(0, 8).map(drop)),
        text(arena.alloc(8, 12).map(drop)),
        text(arena.alloc(1 << 32, 8).map(drop)),
        text(arena.alloc(100, 16).map(drop)),
        text(pool.alloc().map(drop)),
        text(pool.handle_at(0x2000).map(drop)),
        text(pool.handle_at(0x1004).map(drop)),
        text(pool.free(h).and_then(|()| pool.free(h))),
        text((|| {
            let h2 = pool.alloc()?;
            pool.free(h2)?;
            pool.alloc()?;
            pool.free(h2)
        })()),
        text(rb.write_request(&mut memory, &[0; 101]).map(drop)),
        text(rb.response(&memory, 200).map(drop)),
        text(g.check(&memory)),
        text(SharedArena::open(&memory, 0x100).map(drop)),
        text(Arena::new(0xffff_fff0, 32).map(drop)),
        MemoryError::GrowFailed { pages: 2, delta: 3, maximum: 4 }.to_string(),
        MemoryError::NotAllocated { offset: 0x1000 }.to_string(),
    ];
    assert_eq!(ts.len(), rust.len());
    for (t, r) in ts.iter().zip(&rust) {
        assert_eq!(t, r);
        assert_ne!(r, "no error");
    }
}

/// The strings of a JSON array of strings without escapes beyond `\"`.
fn parse_strings(json: &str) -> Vec<String> {
    let inner = json.trim().strip_prefix('[').and_then(|s| s.strip_suffix(']')).expect("a JSON array");
    inner.split("\",\"").map(|s| s.trim_matches('"').replace("\\\"", "\"")).collect()
}

/// The numbers of a JSON array of `[ptr, size, align]` triples.
fn parse_blocks(json: &str) -> Vec<(u32, u32, u32)> {
    let nums: Vec<u32> = json
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    nums.chunks_exact(3).map(|c| (c[0], c[1], c[2])).collect()
}

#[test]
fn rust_and_typescript_share_one_arena() {
    if !has_node() {
        return;
    }
    let dir = common::scratch_dir("memory-shared-arena");
    let image = dir.join("memory.bin");
    let image_arg = image.to_str().unwrap();
    let mut memory = vec![0u8; 2 * PAGE_SIZE];
    let arena = SharedArena::init(&mut memory, 64, 1024, 60 * 1024).unwrap();
    // (ptr, size, align, tag)
    let mut blocks: Vec<(u32, u32, u32, u8)> = Vec::new();
    let mut s: u64 = 7;
    for round in 0..4u8 {
        let rust_tag = 1 + 2 * round;
        for _ in 0..12 {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let (size, align) = (1 + (s >> 33) % 120, 1u64 << ((s >> 20) % 6));
            let p = arena.alloc(&mut memory, size as usize, align as usize).unwrap();
            memory[p as usize..(p as u64 + size) as usize].fill(rust_tag);
            blocks.push((p, size as u32, align as u32, rust_tag));
        }
        std::fs::write(&image, &memory).unwrap();
        let ts_tag = rust_tag + 1;
        let out = node(&[
            "runtime/shared-step.ts",
            image_arg,
            "64",
            &ts_tag.to_string(),
            &(round as u32 * 31 + 5).to_string(),
            "12",
        ]);
        memory = std::fs::read(&image).unwrap();
        blocks.extend(parse_blocks(&out).into_iter().map(|(p, n, a)| (p, n, a, ts_tag)));
    }
    assert_eq!(blocks.len(), 96);
    let stats = arena.stats(&memory).unwrap();
    assert_eq!(stats.allocations, 96);
    let mut sorted = blocks.clone();
    sorted.sort();
    for w in sorted.windows(2) {
        assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap: {:?} and {:?}", w[0], w[1]);
    }
    for &(p, n, a, tag) in &blocks {
        assert_eq!(p % a, 0, "{p:#x} not aligned to {a}");
        assert!(p >= 1024 && p + n <= 1024 + 60 * 1024);
        assert!(
            memory[p as usize..(p + n) as usize].iter().all(|&b| b == tag),
            "block {p:#x} was overwritten"
        );
    }
    let last = sorted.last().unwrap();
    assert_eq!(stats.used, u64::from(last.0 + last.1 - 1024));
}
