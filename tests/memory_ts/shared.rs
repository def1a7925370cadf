//! Rust and Node take turns on one memory image holding a shared pool and a
//! shared arena: each side allocates and frees in the same bytes, Rust
//! replays each Node turn on its own copy and must end with the very same
//! bytes, and no block is ever handed out twice or overwritten.

use std::collections::BTreeMap;

use wasm_layout::memory::{MemoryError, SharedArena, SharedPool, PAGE_SIZE};

const POOL_AT: u32 = 64;
const ARENA_AT: u32 = 32;
const ARENA_BASE: u32 = 32 * 1024;
const ARENA_CAPACITY: u32 = 24 * 1024;

/// What is live, and the tag its bytes hold.
#[derive(Default)]
struct Model {
    slots: BTreeMap<u32, u8>,
    blocks: Vec<(u32, u32, u32, u8)>,
}

/// Applies one step line (the format of `shared-step.ts`) with the Rust
/// allocators, checking it gives what the other side got.
fn replay(memory: &mut [u8], pool: SharedPool, arena: SharedArena, line: &str, tag: u8, model: &mut Model) {
    let stride = pool.stats(memory).unwrap().stride as usize;
    let words: Vec<u32> = line.split(' ').skip(1).map(|w| w.parse().unwrap()).collect();
    match (line.split(' ').next().unwrap(), words.as_slice()) {
        ("alloc", &[ptr]) => {
            let h = pool.alloc(memory).unwrap();
            assert_eq!(pool.offset(memory, h).unwrap(), ptr, "{line}");
            memory[ptr as usize..ptr as usize + stride].fill(tag);
            assert!(model.slots.insert(ptr, tag).is_none(), "slot {ptr:#x} handed out twice");
        }
        ("exhausted", &[]) => assert!(matches!(pool.alloc(memory), Err(MemoryError::PoolExhausted { .. }))),
        ("free", &[ptr]) => {
            let h = pool.handle_at(memory, ptr).unwrap();
            pool.free(memory, h).unwrap();
            assert!(model.slots.remove(&ptr).is_some(), "freed slot {ptr:#x} was not live");
        }
        ("arena", &[ptr, size, align]) => {
            assert_eq!(arena.alloc(memory, size as usize, align as usize).unwrap(), ptr, "{line}");
            memory[ptr as usize..(ptr + size) as usize].fill(tag);
            model.blocks.push((ptr, size, align, tag));
        }
        _ => panic!("unknown step {line:?}"),
    }
}

/// Rust's own turn: the same kinds of steps, chosen by its own generator.
fn rust_turn(
    memory: &mut [u8],
    pool: SharedPool,
    arena: SharedArena,
    seed: &mut u64,
    tag: u8,
    model: &mut Model,
) {
    let stats = pool.stats(memory).unwrap();
    for _ in 0..16 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let r = *seed >> 33;
        let line = match r % 10 {
            0..=4 if stats.slots as usize == model.slots.len() => "exhausted".to_string(),
            0..=4 => {
                let h = pool.header(memory).unwrap();
                format!("alloc {}", h.base + h.free_head * h.stride)
            }
            5..=7 => {
                let ptr = stats.base + (r / 10 % u64::from(stats.slots)) as u32 * stats.stride;
                if !model.slots.contains_key(&ptr) {
                    continue;
                }
                format!("free {ptr}")
            }
            _ => {
                let (size, align) = (1 + (r >> 8) % 120, 1u64 << ((r >> 16) % 6));
                let mut trial = memory.to_vec();
                let ptr = arena.alloc(&mut trial, size as usize, align as usize).unwrap();
                format!("arena {ptr} {size} {align}")
            }
        };
        replay(memory, pool, arena, &line, tag, model);
    }
}

/// Every live slot and block still holds its tag; none overlap; the
/// headers count what the model holds.
fn check(memory: &[u8], pool: SharedPool, arena: SharedArena, model: &Model) {
    let stats = pool.stats(memory).unwrap();
    assert_eq!(stats.live as usize, model.slots.len());
    let mut spans: Vec<(u32, u32, u8)> = model.slots.iter().map(|(&p, &t)| (p, stats.stride, t)).collect();
    spans.extend(model.blocks.iter().map(|&(p, n, a, t)| {
        assert_eq!(p % a, 0, "{p:#x} not aligned to {a}");
        assert!(p >= ARENA_BASE && p + n <= ARENA_BASE + ARENA_CAPACITY);
        (p, n, t)
    }));
    spans.sort();
    for w in spans.windows(2) {
        assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap: {:?} and {:?}", w[0], w[1]);
    }
    for &(p, n, tag) in &spans {
        assert!(
            memory[p as usize..(p + n) as usize].iter().all(|&b| b == tag),
            "block {p:#x} was overwritten"
        );
    }
    assert_eq!(arena.stats(memory).unwrap().allocations as usize, model.blocks.len());
}

pub fn rust_and_node_take_turns(node: impl Fn(&[&str]) -> String) {
    let dir = crate::common::scratch_dir("memory-shared-turns");
    let image = dir.join("memory.bin");
    let mut memory = vec![0u8; PAGE_SIZE];
    let pool = SharedPool::init(&mut memory, POOL_AT, 24, 8, 40).unwrap();
    let arena = SharedArena::init(&mut memory, ARENA_AT, ARENA_BASE, ARENA_CAPACITY).unwrap();
    let mut model = Model::default();
    let mut seed = 7u64;
    let mut node_steps = 0;
    for round in 0..8u8 {
        rust_turn(&mut memory, pool, arena, &mut seed, 1 + 2 * round, &mut model);
        check(&memory, pool, arena, &model);
        std::fs::write(&image, &memory).unwrap();
        let tag = 2 + 2 * round;
        let out = node(&[
            "runtime/shared-step.ts",
            image.to_str().unwrap(),
            &POOL_AT.to_string(),
            &ARENA_AT.to_string(),
            &tag.to_string(),
            &(u32::from(round) * 31 + 5).to_string(),
            "16",
        ]);
        let after_node = std::fs::read(&image).unwrap();
        for line in out.lines().filter(|l| !l.is_empty()) {
            replay(&mut memory, pool, arena, line, tag, &mut model);
            node_steps += 1;
        }
        assert!(
            memory == after_node,
            "round {round}: Rust replaying Node's steps left other bytes than Node"
        );
        check(&memory, pool, arena, &model);
    }
    assert!(node_steps >= 100, "only {node_steps} Node steps");
    assert!(!model.slots.is_empty() && !model.blocks.is_empty());
}
