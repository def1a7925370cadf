//! Guest-side allocation from the shared headers: the C and Odin guests (the
//! shipped runtimes `wasm-layout-runtime.h` and `wasm_layout_runtime.odin`),
//! the Rust guest (the toolkit's `SharedArena` and `SharedPool` over its own
//! memory), the Rust host (wasmi) and the Node host (the TypeScript runtime) allocate
//! in turn from one `SharedArena` and one `SharedPool` in the guest's memory.
//! Whichever side allocated, the state is the one Rust alone produces; a bad
//! header is refused with the status and field Rust names, changing nothing.

mod common;

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use wasm_layout::memory::hex_dump;
use wasm_layout::memory::shared::{ArenaHeader, PoolHeader};
use wasm_layout::memory::{PoolHandle, SharedArena, SharedPool};
use wasm_layout::WasmLayout;
use wasm_layout_e2e::shared::{self, Actor, Op};
use wasm_layout_e2e::{Guest, GUESTS};

fn ready(wasm: &[u8]) -> (Guest, u32) {
    let mut g = Guest::new(wasm).unwrap();
    let base = g.heap_base().unwrap();
    g.grow_to(u64::from(base + shared::SHARED_SPAN)).unwrap();
    (g, base)
}

/// The hex-dump lines around the first byte where `a` and `b` differ.
fn difference(a: &[u8], b: &[u8]) -> Option<String> {
    let at = a.iter().zip(b).position(|(x, y)| x != y)?;
    let start = (at & !15).saturating_sub(16);
    let dump = |m: &[u8]| hex_dump(m, start, 48.min(m.len() - start)).unwrap_or_default();
    Some(format!("first difference at {at:#x}:\n{}\n--\n{}", dump(a), dump(b)))
}

#[test]
fn guests_and_the_rust_host_allocate_in_turn_as_rust_alone_does() {
    let ops = shared::shared_ops(8);
    assert!(ops.iter().any(|op| matches!(op, Op::PoolFree(Actor::Guest, _))));
    for (name, wasm) in GUESTS {
        let (mut g, base) = ready(wasm);
        let mut model = g.bytes().to_vec();
        let lines = shared::run_shared(&mut g, &ops).unwrap();
        let expected = shared::model(&mut model, base, &ops).unwrap();
        assert_eq!(lines, expected, "{name}");
        let span = base as usize..(base + shared::SHARED_SPAN) as usize;
        if let Some(diff) = difference(&g.bytes()[span.clone()], &model[span]) {
            panic!("{name}: the shared region differs from Rust's alone; {diff}");
        }
        // No two live arena blocks overlap, and each lies in the region.
        let arena = SharedArena::open(g.bytes(), base + shared::ARENA_AT).unwrap();
        let stats = arena.stats(g.bytes()).unwrap();
        let mut end = u64::from(base + shared::ARENA_REGION.0);
        for (op, line) in ops.iter().zip(&lines) {
            if let (Op::Arena(_, size, _), Some(at)) = (op, line.split("-> 0x").nth(1)) {
                let at = u64::from_str_radix(at, 16).unwrap();
                assert!(at >= end, "{name}: {line} overlaps the block before");
                end = at + u64::from(*size);
            }
        }
        assert_eq!(end, u64::from(stats.base) + stats.used, "{name}");
        assert!(lines.last().unwrap().ends_with("error: status 4"), "{name}: {lines:?}");
        assert_eq!(stats.allocations, 16, "{name}");
    }
}

/// Header fields (header, offset, value) set to a value the checks refuse,
/// one at a time, for the headers [`shared::init`] writes above `base`.
fn corruptions(base: u32) -> Vec<(&'static str, usize, u32)> {
    let region = base + shared::ARENA_REGION.0;
    let pool = base + shared::POOL_AT;
    vec![
        ("arena", 0, 0x1234),
        ("arena", 4, 2),
        ("arena", 6, 1),
        ("arena", 8, 0),
        ("arena", 12, 0),
        ("arena", 12, u32::MAX - region),
        ("arena", 8, base),
        ("arena", 16, 4096),
        ("arena", 20, 4096),
        ("pool", 0, 0),
        ("pool", 4, 0),
        ("pool", 12, 0),
        ("pool", 16, 0),
        ("pool", 8, 0),
        ("pool", 16, 1 << 30),
        ("pool", 20, pool),
        ("pool", 8, pool + 8),
        ("pool", 24, 6),
        ("pool", 28, 7),
        ("pool", 32, 7),
        ("pool", 28, 6),
    ]
}

#[test]
fn guest_runtimes_refuse_bad_headers_as_rust_does_and_change_nothing() {
    for (name, wasm) in GUESTS {
        let base = ready(wasm).1;
        for (header, offset, value) in corruptions(base) {
            let (mut g, _) = ready(wasm);
            let (arena, pool) = shared::init(g.bytes_mut(), base).unwrap();
            let at = if header == "arena" { arena.at() } else { pool.at() };
            let width = if offset == 4 || offset == 6 { 2 } else { 4 };
            g.bytes_mut()[at as usize + offset..][..width].copy_from_slice(&value.to_le_bytes()[..width]);
            let before = g.bytes()[base as usize..].to_vec();
            let what = format!("{name}: {header} field at {offset} = {value:#x}");
            let (expected, got) = if header == "arena" {
                let rust = arena.alloc(&mut g.bytes().to_vec(), 8, 8).unwrap_err();
                (
                    shared::expected_failure(&rust, ArenaHeader::LAYOUT),
                    shared::guest_arena_alloc(&mut g, at, 8, 8).unwrap().unwrap_err(),
                )
            } else {
                let rust = pool.alloc(&mut g.bytes().to_vec()).unwrap_err();
                let guest = shared::guest_pool_alloc(&mut g, at).unwrap().unwrap_err();
                let handle = PoolHandle { pool: base + shared::POOL_AT + 40 + 48, index: 0, generation: 1 };
                let rust_free = pool.free(&mut g.bytes().to_vec(), handle).unwrap_err();
                let guest_free = shared::guest_pool_free(&mut g, at, handle).unwrap().unwrap_err();
                assert_eq!(
                    shared::expected_failure(&rust_free, PoolHeader::LAYOUT),
                    guest_free,
                    "{what}: free"
                );
                (shared::expected_failure(&rust, PoolHeader::LAYOUT), guest)
            };
            assert_eq!(expected.status, 10, "{what}: Rust says a bad header");
            assert_eq!(got, expected, "{what}");
            assert!(g.bytes()[base as usize..] == before[..], "{what}: the guest wrote something");
        }
    }
}

#[test]
fn guest_runtimes_refuse_bad_requests_and_handles_as_rust_does() {
    for (name, wasm) in GUESTS {
        let (mut g, base) = ready(wasm);
        let (arena, pool) = shared::init(g.bytes_mut(), base).unwrap();
        for (size, align) in [(0, 8), (8, 0), (8, 3), (4096, 8), (u32::MAX, 1)] {
            let rust = arena.alloc(&mut g.bytes().to_vec(), size as usize, align as usize).unwrap_err();
            let got = shared::guest_arena_alloc(&mut g, arena.at(), size, align).unwrap().unwrap_err();
            assert_eq!(
                got,
                shared::expected_failure(&rust, ArenaHeader::LAYOUT),
                "{name}: alloc({size}, {align})"
            );
        }
        let h = shared::guest_pool_alloc(&mut g, pool.at()).unwrap().unwrap();
        let foreign = PoolHandle { pool: h.pool + 8, ..h };
        let outside = PoolHandle { index: 6, ..h };
        let stale = PoolHandle { generation: h.generation + 2, ..h };
        for handle in [foreign, outside, stale] {
            let rust = pool.free(&mut g.bytes().to_vec(), handle).unwrap_err();
            let got = shared::guest_pool_free(&mut g, pool.at(), handle).unwrap().unwrap_err();
            assert_eq!(got, shared::expected_failure(&rust, PoolHeader::LAYOUT), "{name}: free({handle:?})");
        }
        shared::guest_pool_free(&mut g, pool.at(), h).unwrap().unwrap();
        let rust = pool.free(&mut g.bytes().to_vec(), h).unwrap_err();
        let got = shared::guest_pool_free(&mut g, pool.at(), h).unwrap().unwrap_err();
        assert_eq!(
            (got.status, got),
            (8, shared::expected_failure(&rust, PoolHeader::LAYOUT)),
            "{name}: double free"
        );
        for _ in 0..6 {
            shared::guest_pool_alloc(&mut g, pool.at()).unwrap().unwrap();
        }
        let rust =
            SharedPool::open(g.bytes(), pool.at()).unwrap().alloc(&mut g.bytes().to_vec()).unwrap_err();
        let got = shared::guest_pool_alloc(&mut g, pool.at()).unwrap().unwrap_err();
        assert_eq!(
            (got.status, got),
            (5, shared::expected_failure(&rust, PoolHeader::LAYOUT)),
            "{name}: exhausted"
        );
    }
}

#[test]
fn node_host_allocates_in_turn_with_the_guests_and_ends_the_same() {
    if !common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ops = shared::shared_ops(8);
    let (a, (rs, ra), (ps, pa, pc)) = (shared::ARENA_AT, shared::ARENA_REGION, shared::POOL_SLOTS);
    let mut text =
        format!("layout {a} {rs} {ra} {} {ps} {pa} {pc} {}\n", shared::POOL_AT, shared::SHARED_SPAN);
    for op in &ops {
        text.push_str(&format!("{op}\n"));
    }
    for (name, wasm) in GUESTS {
        let dir = common::scratch_dir(&format!("e2e-shared-{}", name.replace('/', "-")));
        std::fs::write(dir.join("ops.txt"), &text).unwrap();
        let (mut g, _) = ready(wasm);
        let lines = shared::run_shared(&mut g, &ops).unwrap();
        let out = Command::new("node")
            .args(["--import", "tsx", "e2e/shared.ts"])
            .arg(&dir)
            .arg(root.join(name))
            .arg(dir.join("ops.txt"))
            .current_dir(root.join("tests/ts"))
            .output()
            .expect("run node");
        assert!(
            out.status.success(),
            "{name} on the Node host failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
        assert_eq!(report.lines().collect::<Vec<_>>(), lines, "{name}: the Node host's report");
        let memory = std::fs::read(dir.join("memory.bin")).unwrap();
        assert_eq!(memory.len(), g.bytes().len(), "{name}");
        if let Some(diff) = difference(g.bytes(), &memory) {
            panic!("{name}: memory differs between the Rust host and the Node host; {diff}");
        }
    }
}

#[test]
fn the_c_runtime_passes_clang_on_its_own() {
    if !common::has_clang() {
        return;
    }
    let source = format!(
        "{}\nuint32_t use(uint32_t at) {{\n  wl_error e;\n  uint32_t p = 0;\n  wl_pool_handle h;\n  \
         return wl_shared_arena_alloc(at, 8, 8, &p, &e) + wl_shared_pool_alloc(at, &h, &e) + \
         wl_shared_pool_free(at, h, &e);\n}}\n",
        wasm_layout::memory::C_RUNTIME
    );
    if let Err(e) = common::clang_wasm32_check(&source) {
        panic!("clang rejected wasm-layout-runtime.h:\n{e}");
    }
}

/// A random operation: who, what, and two numbers that pick sizes,
/// alignments (some of them invalid) and which live slot to free.
fn op() -> impl Strategy<Value = Op> {
    (any::<bool>(), 0u8..3, 0u32..320, 0u32..8).prop_map(|(guest, kind, a, b)| {
        let actor = if guest { Actor::Guest } else { Actor::Host };
        match kind {
            0 => Op::Arena(actor, a, if b == 7 { 3 } else { 1 << b }),
            1 => Op::PoolAlloc(actor),
            _ => Op::PoolFree(actor, a as usize % 4),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The guest runtimes against the model every host allocator is held
    /// to, the Rust toolkit: any interleaving of guest and host operations,
    /// failures included, gives the same outcomes and the same bytes.
    #[test]
    fn any_interleaving_matches_the_rust_model(ops in proptest::collection::vec(op(), 1..48)) {
        for (name, wasm) in GUESTS {
            let (mut g, base) = ready(wasm);
            let mut model = g.bytes().to_vec();
            let lines = shared::run_shared(&mut g, &ops).unwrap();
            let expected = shared::model(&mut model, base, &ops).unwrap();
            prop_assert_eq!(&lines, &expected, "{}", name);
            let span = base as usize..(base + shared::SHARED_SPAN) as usize;
            let diff = difference(&g.bytes()[span.clone()], &model[span]);
            prop_assert!(diff.is_none(), "{}: {}", name, diff.unwrap_or_default());
        }
    }
}

#[test]
fn the_c_and_odin_runtimes_number_the_statuses_as_the_rust_side_expects() {
    use wasm_layout::memory::{MemoryError, C_RUNTIME, ODIN_RUNTIME};
    let samples = [
        (MemoryError::ZeroSize, "ZERO_SIZE"),
        (MemoryError::BadAlign { align: 3 }, "BAD_ALIGN"),
        (MemoryError::AddressSpace { offset: 0, size: 0 }, "ADDRESS_SPACE"),
        (MemoryError::Exhausted { requested: 0, align: 0, remaining: 0 }, "EXHAUSTED"),
        (MemoryError::PoolExhausted { slots: 0 }, "POOL_EXHAUSTED"),
        (MemoryError::OutsideRegion { offset: 0, base: 0, end: 0 }, "OUTSIDE_REGION"),
        (MemoryError::ForeignHandle { expected: 0, found: 0 }, "FOREIGN_HANDLE"),
        (MemoryError::DoubleFree { offset: 0 }, "DOUBLE_FREE"),
        (MemoryError::StaleHandle { index: 0, generation: 0, current: 0 }, "STALE_HANDLE"),
        (MemoryError::BadHeader { at: 0, field: "magic", value: 0 }, "BAD_HEADER"),
        (
            MemoryError::Layout(wasm_layout::LayoutError::OutOfBounds { offset: 0, needed: 0, available: 0 }),
            "OUT_OF_BOUNDS",
        ),
    ];
    let compact = |s: &str| s.split_whitespace().collect::<String>();
    let (c, odin) = (compact(C_RUNTIME), compact(ODIN_RUNTIME));
    for (e, name) in samples {
        let code = shared::expected_failure(&e, ArenaHeader::LAYOUT).status;
        assert!(c.contains(&format!("WL_{name}={code},")), "wasm-layout-runtime.h: WL_{name} is not {code}");
        let odin_name: Vec<String> =
            name.split('_').map(|w| w[..1].to_string() + &w[1..].to_lowercase()).collect();
        let odin_name = odin_name.join("_");
        assert!(
            odin.contains(&format!("{odin_name}={code},")),
            "wasm_layout_runtime.odin: {odin_name} is not {code}"
        );
    }
}
