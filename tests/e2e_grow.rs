//! Allocators that grow the guest's memory when it is full: an `Arena` and a
//! `Pool` above the C guest's heap base place particles past the end of its
//! memory, which grows through the toolkit's `Memory` trait (wasmi's
//! `memory.grow`) on the Rust host and through `ensureCapacity` on the Node
//! host (`tests/ts/e2e/grow.ts`); the guest then steps them, and both hosts
//! end with the same bytes.

mod common;

use std::path::Path;
use std::process::Command;

use wasm_layout::memory::{Arena, Memory, MemoryError, Pool};
use wasm_layout_e2e::schema::{Particle, StepRequest, StepResponse};
use wasm_layout_e2e::{self as host, Guest};

/// Particles in the arena (past the memory's end), one more in a pool slot
/// 3 pages further up, a request and a response, then `step`.
fn grow_and_step(guest: &mut Guest) -> Vec<String> {
    let base = guest.heap_base().unwrap();
    let pages = guest.pages();
    let mut arena = Arena::new(base, 1 << 20).unwrap();
    let particles: Vec<Particle> = (0..2000).map(host::particle).collect();
    let first = arena.place_slice_growing(guest, &particles).unwrap();
    let after_arena = guest.pages();
    let mut pool = Pool::for_type::<Particle>(base + (4 << 16), 2).unwrap();
    let slot = pool.place_growing(guest, &host::particle(2000)).unwrap();
    let after_pool = guest.pages();
    let request = StepRequest { particles: first, count: 2000, dt: host::DT, gravity: host::GRAVITY };
    let request = arena.place_growing(guest, &request).unwrap();
    let response = arena.place_growing(guest, &StepResponse { alive: 0, energy: 0.0 }).unwrap();
    guest.step(request, response).unwrap();
    let r = response.read(guest.bytes()).unwrap();
    vec![
        format!(
            "pages {pages} -> {after_arena} (arena) -> {after_pool} (pool slot at {:#x})",
            pool.offset(slot).unwrap()
        ),
        format!("request at {:#x}, response at {:#x}", request.offset(), response.offset()),
        format!("alive {} energy {:016x}", r.alive, r.energy.to_bits()),
    ]
}

#[test]
fn arena_and_pool_grow_the_guests_memory_and_refuse_past_its_maximum() {
    let mut guest = Guest::new(host::GUEST_WASM).unwrap();
    let lines = grow_and_step(&mut guest);
    assert!(lines[0].starts_with("pages 2 -> 3 (arena) -> 6 (pool slot at "), "{lines:?}");
    assert!(lines[2].starts_with("alive 2000 "), "{lines:?}");

    // Past a memory's maximum: GrowFailed, and nothing changes.
    let mut small = wasm_layout::memory::LinearMemory::new(1, 2).unwrap();
    let mut pool = Pool::for_type::<Particle>(3 << 16, 2).unwrap();
    let e = pool.place_growing(&mut small, &host::particle(0)).unwrap_err();
    assert!(matches!(e, MemoryError::GrowFailed { pages: 1, maximum: 2, .. }), "{e:?}");
    assert_eq!((small.pages(), pool.stats().live), (1, 0), "nothing changed");
    let mut arena = Arena::new(1024, 3 << 16).unwrap();
    let e = arena.place_slice_growing(&mut small, &[0u64; 20_000]).unwrap_err();
    assert!(matches!(e, MemoryError::GrowFailed { pages: 1, maximum: 2, .. }), "{e:?}");
    assert_eq!((small.pages(), arena.used()), (1, 0), "nothing changed");
    assert!(small.bytes().iter().all(|&b| b == 0));
}

#[test]
fn the_node_host_grows_the_memory_alike() {
    let mut guest = Guest::new(host::GUEST_WASM).unwrap();
    let lines = grow_and_step(&mut guest);
    if !common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = common::scratch_dir("e2e-grow");
    let out = Command::new("node")
        .args(["--import", "tsx", "e2e/grow.ts"])
        .arg(&dir)
        .arg(root.join("tests/guest/guest.wasm"))
        .current_dir(root.join("tests/ts"))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "the Node host failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
    assert_eq!(report.lines().collect::<Vec<_>>(), lines);
    let memory = std::fs::read(dir.join("memory.bin")).unwrap();
    assert!(memory == guest.bytes(), "the guest's memory differs between the Rust and the Node host");
}
