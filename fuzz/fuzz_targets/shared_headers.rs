//! Hostile shared headers: a `SharedArena` and a `SharedPool` whose header,
//! slot table and slots hold random numbers, and random operation sequences
//! with random writes into the headers and tables in between, checked
//! against a model of what each operation may do:
//!
//! - an error changes no byte of memory;
//! - a success changes only the allocator's header, its slot table, and the
//!   block it hands out (for `place`), and the block lies inside memory,
//!   is not at address 0, and overlaps neither the header, nor the table,
//!   nor a block still live (since the last reset or hostile write);
//! - a placed value reads back;
//! - a handle is freed only once.
#![no_main]
#![forbid(unsafe_code)]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasm_layout::memory::{MemoryError, PoolHandle, SharedArena, SharedPool};
use wasm_layout::WasmLayout;

const ARENA_HEADER: u64 = 32;
const POOL_HEADER: u64 = 40;

#[derive(Arbitrary, Debug)]
struct Input {
    len: u16,
    fill: Vec<u8>,
    arena_at: u16,
    arena_init: (u16, u16),
    arena_fields: Option<[u16; 4]>,
    pool_at: u16,
    pool_init: (u8, u8, u8),
    pool_fields: Option<PoolFields>,
    ops: Vec<Op>,
}

/// Header fields and table contents written over a fresh pool.
#[derive(Arbitrary, Debug)]
struct PoolFields {
    base: u16,
    stride: u8,
    slots: u8,
    table: u16,
    free_head: u8,
    live: u8,
    entries: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    ArenaAlloc {
        size: u8,
        align: u8,
    },
    ArenaPlace {
        value: u64,
    },
    ArenaReset,
    PoolAlloc,
    PoolPlace {
        value: u64,
    },
    PoolFree {
        pick: u8,
        generation: u8,
        foreign: bool,
    },
    PoolFreePtr {
        offset: u16,
    },
    PoolHandleAt {
        offset: u16,
    },
    PoolReset,
    /// A hostile write: `value` at `offset` bytes into the arena header
    /// (`arena`) or the pool header and table.
    Poke {
        arena: bool,
        offset: u8,
        value: u32,
    },
}

fn align_of(a: u8) -> usize {
    1usize << (a % 5)
}

fn le(m: &mut [u8], at: u64, v: u32) {
    let at = at as usize;
    if let Some(b) = m.get_mut(at..at + 4) {
        b.copy_from_slice(&v.to_le_bytes());
    }
}

fn overlap(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.0 + b.1 && b.0 < a.0 + a.1
}

/// The addresses of the bytes that differ between two memories.
fn changed(a: &[u8], b: &[u8]) -> Vec<u64> {
    assert_eq!(a.len(), b.len());
    a.iter().zip(b).enumerate().filter(|(_, (x, y))| x != y).map(|(i, _)| i as u64).collect()
}

struct Model {
    /// Blocks handed out and still live: `(start, len)`.
    arena_live: Vec<(u64, u64)>,
    pool_live: Vec<PoolHandle>,
    freed: Vec<PoolHandle>,
}

/// The pool's table `(start, len)` and slot stride, as its header says.
fn pool_table(memory: &[u8], at: u64) -> ((u64, u64), u64) {
    let word = |o: u64| {
        let o = (at + o) as usize;
        memory.get(o..o + 4).map_or(0, |b| u32::from_le_bytes(b.try_into().unwrap())) as u64
    };
    let (stride, slots, table) = (word(12), word(16), word(20));
    ((table, 8 * slots), stride)
}

fuzz_target!(|input: Input| {
    let len = 64 + usize::from(input.len % 4032);
    let mut memory: Vec<u8> =
        (0..len).map(|i| input.fill.get(i % input.fill.len().max(1)).copied().unwrap_or(0)).collect();
    let arena_at = u64::from(input.arena_at) % len as u64;
    let pool_at = u64::from(input.pool_at) % len as u64;

    let (abase, acap) = input.arena_init;
    let arena = SharedArena::init(&mut memory, arena_at as u32, u32::from(abase), u32::from(acap)).ok();
    if let (Some(_), Some(f)) = (arena, input.arena_fields) {
        for (i, v) in f.into_iter().enumerate() {
            le(&mut memory, arena_at + 8 + 4 * i as u64, u32::from(v));
        }
    }
    let (size, align, count) = input.pool_init;
    let pool =
        SharedPool::init(&mut memory, pool_at as u32, usize::from(size), align_of(align), u32::from(count))
            .ok();
    if let (Some(_), Some(f)) = (pool, &input.pool_fields) {
        let fields = [
            f.base.into(),
            f.stride.into(),
            f.slots.into(),
            f.table.into(),
            f.free_head.into(),
            f.live.into(),
        ];
        for (i, v) in fields.into_iter().enumerate() {
            le(&mut memory, pool_at + 8 + 4 * i as u64, v);
        }
        for (i, &(g, n)) in f.entries.iter().enumerate().take(64) {
            le(&mut memory, u64::from(f.table) + 8 * i as u64, u32::from(g));
            le(
                &mut memory,
                u64::from(f.table) + 8 * i as u64 + 4,
                if n == 255 { u32::MAX } else { u32::from(n) },
            );
        }
    }

    let mut model = Model { arena_live: Vec::new(), pool_live: Vec::new(), freed: Vec::new() };
    for op in input.ops.iter().take(200) {
        let before = memory.clone();
        // The bytes this operation may change, and the block it hands out.
        let mut block: Option<(u64, u64)> = None;
        let mut allowed: Vec<(u64, u64)> = Vec::new();
        let result: Result<(), MemoryError> =
            match *op {
                Op::ArenaAlloc { .. } | Op::ArenaPlace { .. } if arena.is_none() => Ok(()),
                Op::ArenaAlloc { size, align } => {
                    let a = arena.unwrap();
                    allowed.push((arena_at, ARENA_HEADER));
                    a.alloc(&mut memory, usize::from(size), align_of(align)).map(|p| {
                        block = Some((u64::from(p), u64::from(size)));
                    })
                }
                Op::ArenaPlace { value } => {
                    let a = arena.unwrap();
                    allowed.push((arena_at, ARENA_HEADER));
                    a.place(&mut memory, &value).map(|p| {
                        block = Some((u64::from(p.offset()), 8));
                        assert_eq!(p.read(&memory), Ok(value), "a placed value reads back");
                    })
                }
                Op::ArenaReset => match arena {
                    Some(a) => {
                        allowed.push((arena_at, ARENA_HEADER));
                        a.reset(&mut memory).map(|()| model.arena_live.clear())
                    }
                    None => Ok(()),
                },
                Op::PoolAlloc | Op::PoolPlace { .. } => match pool {
                    Some(p) => {
                        let (table, stride) = pool_table(&memory, pool_at);
                        allowed.extend([(pool_at, POOL_HEADER), table]);
                        let r = match *op {
                            Op::PoolPlace { value } => p.place(&mut memory, &value),
                            _ => p.alloc(&mut memory),
                        };
                        r.map(|h| {
                            let at = p.offset(&memory, h).expect("a handle just handed out is live");
                            block = Some((u64::from(at), stride));
                            assert!(
                                !model.pool_live.iter().any(|l| l.index == h.index),
                                "slot {} handed out twice ({h:?})",
                                h.index
                            );
                            if let Op::PoolPlace { value } = *op {
                                assert_eq!(
                                    u64::read_at(&memory, at as usize),
                                    Ok(value),
                                    "a placed value reads back"
                                );
                            }
                            model.pool_live.push(h);
                        })
                    }
                    None => Ok(()),
                },
                Op::PoolFree { pick, generation, foreign } => match pool {
                    Some(p) => {
                        let (table, _) = pool_table(&memory, pool_at);
                        allowed.extend([(pool_at, POOL_HEADER), table]);
                        let known = model.pool_live.iter().chain(&model.freed).copied().collect::<Vec<_>>();
                        let mut h = known.get(usize::from(pick) % known.len().max(1)).copied().unwrap_or(
                            PoolHandle { pool: 0, index: u32::from(pick), generation: u32::from(generation) },
                        );
                        if generation % 8 == 1 {
                            h.generation = h.generation.wrapping_add(2);
                        }
                        if foreign {
                            h.pool ^= 8;
                        }
                        let r = p.free(&mut memory, h);
                        if r.is_ok() {
                            let was = model.pool_live.iter().position(|&l| l == h);
                            assert!(was.is_some() || !model.freed.contains(&h), "{h:?} freed twice");
                            if let Some(i) = was {
                                model.pool_live.swap_remove(i);
                            }
                            model.freed.push(h);
                        }
                        r
                    }
                    None => Ok(()),
                },
                Op::PoolFreePtr { offset } => match pool {
                    Some(p) => {
                        let (table, _) = pool_table(&memory, pool_at);
                        allowed.extend([(pool_at, POOL_HEADER), table]);
                        let r = p
                            .handle_at(&memory, u32::from(offset))
                            .and_then(|h| p.free(&mut memory, h).map(|()| h));
                        r.map(|h| {
                            model.pool_live.retain(|&l| l != h);
                            model.freed.push(h);
                        })
                    }
                    None => Ok(()),
                },
                Op::PoolHandleAt { offset } => match pool {
                    Some(p) => p.handle_at(&memory, u32::from(offset)).map(drop),
                    None => Ok(()),
                },
                Op::PoolReset => match pool {
                    Some(p) => {
                        let (table, _) = pool_table(&memory, pool_at);
                        allowed.extend([(pool_at, POOL_HEADER), table]);
                        p.reset(&mut memory).map(|()| {
                            model.freed.append(&mut model.pool_live);
                        })
                    }
                    None => Ok(()),
                },
                Op::Poke { arena: to_arena, offset, value } => {
                    if to_arena {
                        le(&mut memory, arena_at + u64::from(offset % 32), value);
                        model.arena_live.clear();
                    } else {
                        let (table, _) = pool_table(&memory, pool_at);
                        let o = u64::from(offset);
                        le(
                            &mut memory,
                            if o < 40 { pool_at + o } else { table.0 + (o - 40) % table.1.max(1) },
                            value,
                        );
                        model.pool_live.clear();
                        model.freed.clear();
                    }
                    continue;
                }
            };
        let diff = changed(&before, &memory);
        match result {
            Err(e) => assert!(diff.is_empty(), "{op:?} failed with `{e}` after changing bytes {diff:?}"),
            Ok(()) => {
                let mut may = allowed.clone();
                if let Some(b) = block {
                    assert!(b.0 != 0, "{op:?} handed out address 0");
                    assert!(b.0 + b.1 <= memory.len() as u64, "{op:?} handed out {b:?} past the memory");
                    for &a in &allowed {
                        assert!(
                            b.1 == 0 || !overlap(a, b),
                            "{op:?} handed out {b:?} over the bookkeeping {a:?}"
                        );
                    }
                    let live = if matches!(op, Op::ArenaAlloc { .. } | Op::ArenaPlace { .. }) {
                        &mut model.arena_live
                    } else {
                        &mut Vec::new()
                    };
                    for &l in live.iter() {
                        assert!(
                            b.1 == 0 || !overlap(l, b),
                            "{op:?} handed out {b:?} over the live block {l:?}"
                        );
                    }
                    live.push(b);
                    may.push(b);
                }
                for i in diff {
                    assert!(
                        may.iter().any(|&(s, n)| i >= s && i < s + n),
                        "{op:?} changed byte {i} outside {may:?}"
                    );
                }
            }
        }
    }
});
