//! Random sequences of alloc/free/reset on every allocator of
//! `wasm_layout::memory`, checked against a simple reference model: no two
//! live blocks overlap, every block is aligned and inside its region, the
//! statistics match the model, and an error changes neither the allocator
//! nor the memory.

use proptest::prelude::*;
use wasm_layout::memory::{Arena, Bump, LinearMemory, Memory, MemoryError, SharedArena, PAGE_SIZE};

#[derive(Debug, Clone)]
enum Op {
    Alloc { size: usize, align: usize },
    Place { value: u64 },
    Reset,
}

fn op() -> impl Strategy<Value = Op> {
    let size = prop_oneof![1 => Just(0usize), 8 => 1usize..200, 1 => 200usize..3000, 1 => Just(usize::MAX)];
    let align = prop_oneof![8 => prop::sample::select(vec![1usize, 2, 4, 8, 16, 64, 4096]), 1 => Just(0usize), 1 => Just(3usize), 1 => Just(24usize)];
    prop_oneof![
        10 => (size, align).prop_map(|(size, align)| Op::Alloc { size, align }),
        3 => any::<u64>().prop_map(|value| Op::Place { value }),
        1 => Just(Op::Reset),
    ]
}

/// What a region allocator must do, according to the model.
#[derive(Default)]
struct RegionModel {
    /// Live blocks since the last reset: (start, size).
    live: Vec<(u64, u64)>,
    /// Placed values still live: (ptr, value).
    placed: Vec<(u32, u64)>,
    high: u64,
}

impl RegionModel {
    /// The next block's start and end, or the error the model expects.
    fn expect(&self, base: u64, end: u64, size: usize, align: usize) -> Result<(u64, u64), MemoryError> {
        if size == 0 {
            return Err(MemoryError::ZeroSize);
        }
        if !align.is_power_of_two() {
            return Err(MemoryError::BadAlign { align });
        }
        let top = self.live.last().map_or(base, |&(s, n)| s + n);
        let align = align as u64;
        let start = top.div_ceil(align) * align;
        match start.checked_add(size as u64) {
            Some(e) if e <= end => Ok((start, e)),
            Some(e) if e <= 1 << 32 => {
                Err(MemoryError::Exhausted { requested: size, align: align as usize, remaining: end - top })
            }
            _ => Err(MemoryError::AddressSpace { offset: start, size: size as u64 }),
        }
    }

    fn used(&self, base: u64) -> u64 {
        self.live.last().map_or(0, |&(s, n)| s + n - base)
    }

    fn record(&mut self, base: u64, start: u64, size: u64, align: usize) {
        assert_eq!(start % align as u64, 0, "block {start:#x} not aligned to {align}");
        for &(s, n) in &self.live {
            assert!(start + size <= s || s + n <= start, "block {start:#x}+{size} overlaps {s:#x}+{n}");
        }
        self.live.push((start, size));
        self.high = self.high.max(self.used(base));
    }

    fn reset(&mut self) {
        self.live.clear();
        self.placed.clear();
    }

    fn check_placed(&self, memory: &[u8]) {
        for &(p, v) in &self.placed {
            assert_eq!(u64::from_le_bytes(memory[p as usize..p as usize + 8].try_into().unwrap()), v);
        }
    }
}

const BASE: u32 = 1024;
const CAPACITY: usize = 8 * 1024;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arena_matches_model(ops in prop::collection::vec(op(), 1..120)) {
        let mut memory = LinearMemory::new(1, 1).unwrap();
        let mut arena = Arena::new(BASE, CAPACITY).unwrap();
        let (base, end) = (u64::from(BASE), u64::from(BASE) + CAPACITY as u64);
        let mut model = RegionModel::default();
        for op in ops {
            let before = (arena.clone(), memory.clone());
            match op {
                Op::Alloc { size, align } => {
                    let expected = model.expect(base, end, size, align);
                    match arena.alloc(size, align) {
                        Ok(p) => {
                            let (start, e) = expected.unwrap();
                            prop_assert_eq!(u64::from(p), start);
                            prop_assert!(arena.contains(p, size) && e <= end);
                            model.record(base, start, size as u64, align);
                        }
                        Err(err) => {
                            prop_assert_eq!(Err(err), expected);
                            prop_assert_eq!(&(arena.clone(), memory.clone()), &before);
                        }
                    }
                }
                Op::Place { value } => {
                    let expected = model.expect(base, end, 8, 8);
                    match arena.place(&mut memory, &value) {
                        Ok(p) => {
                            model.record(base, u64::from(p.offset()), 8, 8);
                            model.placed.push((p.offset(), value));
                            prop_assert_eq!(p.read(memory.bytes()).unwrap(), value);
                        }
                        Err(err) => {
                            prop_assert_eq!(Err(err), expected.map(|_| ()).map(|()| (0, 0)));
                            prop_assert_eq!(&(arena.clone(), memory.clone()), &before);
                        }
                    }
                }
                Op::Reset => {
                    arena.reset();
                    model.reset();
                }
            }
            model.check_placed(memory.bytes());
            let s = arena.stats();
            prop_assert_eq!(s.used, model.used(base));
            prop_assert_eq!(s.remaining, CAPACITY as u64 - model.used(base));
            prop_assert_eq!(s.allocations, model.live.len() as u64);
            prop_assert_eq!(s.high_water, model.high);
        }
    }

    #[test]
    fn shared_arena_matches_model(ops in prop::collection::vec(op(), 1..120)) {
        let mut memory = vec![0u8; 16 * 1024];
        let arena = SharedArena::init(&mut memory, 64, BASE, CAPACITY as u32).unwrap();
        let (base, end) = (u64::from(BASE), u64::from(BASE) + CAPACITY as u64);
        let mut model = RegionModel::default();
        for op in ops {
            let before = memory.clone();
            match op {
                Op::Alloc { size, align } => {
                    let expected = model.expect(base, end, size, align);
                    match arena.alloc(&mut memory, size, align) {
                        Ok(p) => {
                            let (start, _) = expected.unwrap();
                            prop_assert_eq!(u64::from(p), start);
                            model.record(base, start, size as u64, align);
                        }
                        Err(err) => {
                            prop_assert_eq!(Err(err), expected);
                            prop_assert!(memory == before, "an error changed the memory");
                        }
                    }
                }
                Op::Place { value } => match arena.place(&mut memory, &value) {
                    Ok(p) => {
                        model.record(base, u64::from(p.offset()), 8, 8);
                        model.placed.push((p.offset(), value));
                    }
                    Err(err) => {
                        prop_assert!(matches!(err, MemoryError::Exhausted { .. }), "{:?}", err);
                        prop_assert!(memory == before, "an error changed the memory");
                    }
                },
                Op::Reset => {
                    arena.reset(&mut memory).unwrap();
                    model.reset();
                }
            }
            model.check_placed(&memory);
            let s = arena.stats(&memory).unwrap();
            prop_assert_eq!((s.used, s.allocations, s.high_water), (model.used(base), model.live.len() as u64, model.high));
        }
    }

    #[test]
    fn bump_grows_memory_and_matches_model(ops in prop::collection::vec(op(), 1..80)) {
        let mut memory = LinearMemory::new(1, 3).unwrap();
        let mut bump = Bump::new(BASE).unwrap();
        let base = u64::from(BASE);
        let max = 3 * PAGE_SIZE as u64;
        let mut model = RegionModel::default();
        for op in ops {
            let before = (bump.clone(), memory.clone());
            let (size, align, value) = match op {
                Op::Alloc { size, align } => (size, align, None),
                Op::Place { value } => (8, 8, Some(value)),
                Op::Reset => {
                    bump.reset();
                    model.reset();
                    continue;
                }
            };
            let expected = model.expect(base, 1 << 32, size, align);
            let result = match value {
                Some(v) => bump.place(&mut memory, &v).map(|p| p.offset()),
                None => bump.alloc_in(&mut memory, size, align),
            };
            match (result, expected) {
                (Ok(p), Ok((start, end))) => {
                    prop_assert_eq!(u64::from(p), start);
                    prop_assert!(memory.len() as u64 >= end, "the memory was not grown");
                    prop_assert_eq!(memory.len() % PAGE_SIZE, 0);
                    model.record(base, start, size as u64, align);
                    if let Some(v) = value {
                        model.placed.push((p, v));
                    }
                }
                (Err(err), Ok((_, end))) => {
                    prop_assert!(end > max, "refused a block that fits: {:?}", err);
                    prop_assert!(matches!(err, MemoryError::GrowFailed { .. }), "{:?}", err);
                    prop_assert_eq!(&(bump.clone(), memory.clone()), &before);
                }
                (Err(err), Err(expected)) => {
                    prop_assert_eq!(err, expected);
                    prop_assert_eq!(&(bump.clone(), memory.clone()), &before);
                }
                (Ok(p), Err(e)) => prop_assert!(false, "allocated {:#x}, the model expected {:?}", p, e),
            }
            model.check_placed(memory.bytes());
            prop_assert_eq!(bump.used(), model.used(base));
        }
    }
}
