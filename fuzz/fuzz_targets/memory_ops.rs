//! Random sequences of arena, bump and pool operations, each checked
//! against a small reference model of what the allocator must do, over a
//! fixed-size memory: every result, every address, every count.
#![no_main]
#![forbid(unsafe_code)]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasm_layout::memory::{Arena, Bump, Memory, Pool, PoolHandle};
use wasm_layout::WasmLayout;

const GIB4: u64 = 1 << 32;

#[derive(Arbitrary, Debug)]
struct Input {
    arena_base: u32,
    arena_capacity: u32,
    bump_start: u32,
    pool_base: u16,
    slot_size: u8,
    slot_align: u8,
    slot_count: u8,
    memory_len: u16,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    ArenaAlloc { size: u32, align: u8 },
    ArenaPlace { value: u64 },
    ArenaReset,
    BumpAlloc { size: u32, align: u8 },
    BumpPlace { value: u32 },
    BumpReset,
    PoolAlloc,
    PoolFree { pick: u16, generation_delta: u8 },
    PoolFreePtr { offset: u32 },
    PoolHandleAt { offset: u32 },
    PoolPlace { value: u16 },
    PoolReset,
}

/// Mostly powers of two up to 4 KiB; sometimes anything, 0 included.
fn align_of(sel: u8) -> usize {
    if sel < 200 {
        1 << (sel % 13)
    } else {
        usize::from(sel - 200)
    }
}

/// Where a block of `size` aligned to `align` goes after `top`, if it ends
/// by `end` (and 4 GiB).
fn fit(top: u64, end: u64, size: usize, align: usize) -> Option<(u64, u64)> {
    if size == 0 || !align.is_power_of_two() {
        return None;
    }
    let start = (u128::from(top)).next_multiple_of(align as u128);
    let new_top = start + size as u128;
    (new_top <= u128::from(end.min(GIB4))).then(|| (start as u64, new_top as u64))
}

struct PoolModel {
    first: u64,
    stride: u64,
    generations: Vec<u32>,
    free: Vec<u32>,
}

impl PoolModel {
    /// Every slot free, with one generation: the smallest even number no
    /// slot's generation passes.
    fn reset(&mut self) {
        let max = self.generations.iter().copied().max().unwrap_or(0);
        let epoch = max + (max & 1);
        for g in &mut self.generations {
            *g = epoch;
        }
        self.free = (0..self.generations.len() as u32).rev().collect();
    }
    fn live(&self, h: PoolHandle) -> bool {
        self.generations.get(h.index as usize).is_some_and(|&g| g == h.generation && g & 1 == 1)
    }
    fn offset(&self, index: u32) -> u64 {
        self.first + u64::from(index) * self.stride
    }
    fn index_at(&self, offset: u32) -> Option<u32> {
        let rel = u64::from(offset).checked_sub(self.first)?;
        let index = u32::try_from(rel / self.stride).ok()?;
        (rel % self.stride == 0 && (index as usize) < self.generations.len()).then_some(index)
    }
}

fuzz_target!(|input: Input| {
    let mut memory = vec![0u8; usize::from(input.memory_len)];
    let memory_len = memory.len();

    // Arena.
    let arena_end = u64::from(input.arena_base) + u64::from(input.arena_capacity);
    let arena = Arena::new(input.arena_base, input.arena_capacity as usize);
    let arena_ok = input.arena_capacity > 0 && arena_end <= GIB4 && input.arena_base != 0;
    assert_eq!(arena.is_ok(), arena_ok, "Arena::new({}, {})", input.arena_base, input.arena_capacity);
    let mut arena = arena.ok();
    let mut arena_top = u64::from(input.arena_base);

    // Bump.
    // Address 0 is never handed out: a bump starting there is refused.
    let bump = Bump::new(input.bump_start);
    assert_eq!(bump.is_ok(), input.bump_start != 0);
    let mut bump = bump.ok();
    let mut bump_top = u64::from(input.bump_start);

    // Pool.
    let (size, align, count) =
        (usize::from(input.slot_size), align_of(input.slot_align), u32::from(input.slot_count));
    let pool = Pool::new(u32::from(input.pool_base), size, align, count);
    let pool_ok = size > 0
        && count > 0
        && align.is_power_of_two()
        && u64::from(input.pool_base).next_multiple_of(align as u64) != 0;
    assert_eq!(pool.is_ok(), pool_ok, "Pool::new({}, {size}, {align}, {count})", input.pool_base);
    let mut pool = pool.ok();
    let mut model = PoolModel {
        first: u64::from(input.pool_base).next_multiple_of(align.max(1) as u64),
        stride: (size.max(1).next_multiple_of(align.max(1))) as u64,
        generations: vec![0; count as usize],
        free: (0..count).rev().collect(),
    };
    let mut handles: Vec<PoolHandle> = Vec::new();
    let mut high = 0u32;

    for op in input.ops.iter().take(256) {
        match *op {
            Op::ArenaAlloc { size, align } => {
                let Some(a) = arena.as_mut() else { continue };
                let want = fit(arena_top, arena_end, size as usize, align_of(align));
                let got = a.alloc(size as usize, align_of(align));
                assert_eq!(
                    got.ok().map(u64::from),
                    want.map(|w| w.0),
                    "arena.alloc({size}, {})",
                    align_of(align)
                );
                if let Some((_, top)) = want {
                    arena_top = top;
                }
            }
            Op::ArenaPlace { value } => {
                let Some(a) = arena.as_mut() else { continue };
                let want = fit(arena_top, arena_end, 8, 8).filter(|&(_, top)| top <= memory_len as u64);
                let before = memory.clone();
                let got = a.place(&mut memory[..], &value);
                assert_eq!(got.ok().map(|p| u64::from(p.offset())), want.map(|w| w.0));
                match want {
                    Some((start, top)) => {
                        arena_top = top;
                        assert_eq!(u64::read_at(&memory, start as usize), Ok(value));
                    }
                    None => assert_eq!(memory, before, "a failed place wrote"),
                }
            }
            Op::ArenaReset => {
                if let Some(a) = arena.as_mut() {
                    a.reset();
                    arena_top = u64::from(input.arena_base);
                }
            }
            Op::BumpAlloc { size, align } => {
                let Some(bump) = bump.as_mut() else { continue };
                let want = fit(bump_top, GIB4, size as usize, align_of(align));
                let got = bump.alloc(size as usize, align_of(align));
                assert_eq!(got.ok().map(u64::from), want.map(|w| w.0));
                if let Some((_, top)) = want {
                    bump_top = top;
                }
            }
            Op::BumpPlace { value } => {
                let Some(bump) = bump.as_mut() else { continue };
                // A slice cannot grow: past its end the place fails.
                let want = fit(bump_top, GIB4, 4, 4).filter(|&(_, top)| top <= memory_len as u64);
                let before = memory.clone();
                let got = bump.place(&mut memory[..], &value);
                assert_eq!(got.ok().map(|p| u64::from(p.offset())), want.map(|w| w.0));
                match want {
                    Some((start, top)) => {
                        bump_top = top;
                        assert_eq!(u32::read_at(&memory, start as usize), Ok(value));
                    }
                    None => assert_eq!(memory, before, "a failed place wrote"),
                }
            }
            Op::BumpReset => {
                if let Some(bump) = bump.as_mut() {
                    bump.reset();
                    bump_top = u64::from(input.bump_start);
                }
            }
            Op::PoolAlloc => {
                let Some(p) = pool.as_mut() else { continue };
                let got = p.alloc();
                match model.free.pop() {
                    Some(index) => {
                        model.generations[index as usize] += 1;
                        let h = got.expect("a free slot");
                        assert_eq!(
                            h,
                            PoolHandle {
                                pool: model.first as u32,
                                index,
                                generation: model.generations[index as usize]
                            }
                        );
                        assert_eq!(p.offset(h).map(u64::from), Ok(model.offset(index)));
                        handles.push(h);
                    }
                    None => assert!(got.is_err()),
                }
            }
            Op::PoolFree { pick, generation_delta } => {
                let Some(p) = pool.as_mut() else { continue };
                let h = match handles.get(usize::from(pick)) {
                    Some(&h) => PoolHandle {
                        generation: h.generation.wrapping_add(u32::from(generation_delta % 4)),
                        ..h
                    },
                    None => PoolHandle {
                        pool: model.first as u32,
                        index: u32::from(pick),
                        generation: u32::from(generation_delta),
                    },
                };
                let live = model.live(h);
                assert_eq!(p.free(h).is_ok(), live, "free({h:?})");
                if live {
                    model.generations[h.index as usize] += 1;
                    model.free.push(h.index);
                }
            }
            Op::PoolFreePtr { offset } | Op::PoolHandleAt { offset } => {
                let Some(p) = pool.as_mut() else { continue };
                let want = model.index_at(offset).filter(|&i| model.generations[i as usize] & 1 == 1);
                let got = p.handle_at(offset);
                assert_eq!(got.ok().map(|h| h.index), want, "handle_at({offset})");
                if matches!(op, Op::PoolFreePtr { .. }) {
                    assert_eq!(p.free_ptr(offset).is_ok(), want.is_some());
                    if let Some(i) = want {
                        model.generations[i as usize] += 1;
                        model.free.push(i);
                    }
                }
            }
            Op::PoolPlace { value } => {
                let Some(p) = pool.as_mut() else { continue };
                let want = model
                    .free
                    .last()
                    .copied()
                    .filter(|&i| model.stride >= 2 && model.offset(i) + 2 <= memory_len as u64);
                let before = memory.clone();
                let got = p.place(&mut memory[..], &value);
                assert_eq!(got.ok().map(|h| h.index), want, "pool.place");
                match want {
                    Some(i) => {
                        model.free.pop();
                        model.generations[i as usize] += 1;
                        assert_eq!(u16::read_at(&memory, model.offset(i) as usize), Ok(value));
                    }
                    None => assert_eq!(memory, before, "a failed place wrote"),
                }
            }
            Op::PoolReset => {
                if let Some(p) = pool.as_mut() {
                    p.reset();
                    model.reset();
                }
            }
        }
        if let Some(a) = &arena {
            assert_eq!(a.used(), arena_top - u64::from(input.arena_base));
        }
        if let Some(bump) = &bump {
            assert_eq!(bump.top(), bump_top);
        }
        if let Some(p) = &pool {
            assert_eq!(p.live() as usize, model.generations.iter().filter(|&&g| g & 1 == 1).count());
            high = high.max(p.live());
            assert_eq!(p.stats().high_water, high, "the high-water mark");
        }
    }
    let _ = memory.bytes();
});
