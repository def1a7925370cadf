//! Random sequences of alloc/free/reset on every allocator of
//! `wasm_layout::memory`, checked against a simple reference model: no two
//! live blocks overlap, every block is aligned and inside its region, the
//! statistics match the model, and an error changes neither the allocator
//! nor the memory.

use proptest::prelude::*;
use wasm_layout::memory::{
    Arena, Bump, LinearMemory, Memory, MemoryError, Pool, PoolHandle, SharedArena, SharedPool, PAGE_SIZE,
};

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

#[derive(Debug, Clone)]
enum PoolOp {
    Alloc,
    Place(u64),
    /// Free the handle at this index of every handle ever handed out.
    Free(usize),
    /// Free whatever is at this offset from the pool's base.
    FreePtr(u32),
    Reset,
}

fn pool_op() -> impl Strategy<Value = PoolOp> {
    prop_oneof![
        6 => Just(PoolOp::Alloc),
        2 => any::<u64>().prop_map(PoolOp::Place),
        6 => any::<usize>().prop_map(PoolOp::Free),
        2 => (0u32..400).prop_map(PoolOp::FreePtr),
        1 => Just(PoolOp::Reset),
    ]
}

/// The pool model: per slot, whether live and how many times it was
/// handed out; every handle ever issued.
struct PoolModel {
    live: Vec<bool>,
    issued: Vec<PoolHandle>,
    placed: Vec<(u32, u64)>,
    high: u32,
}

/// What each pool under test must offer; the host pool and the shared pool
/// both do, through their own signatures.
trait PoolLike {
    fn alloc(&mut self) -> Result<PoolHandle, MemoryError>;
    fn place(&mut self, v: u64) -> Result<PoolHandle, MemoryError>;
    fn free(&mut self, h: PoolHandle) -> Result<(), MemoryError>;
    fn free_ptr(&mut self, offset: u32) -> Result<(), MemoryError>;
    fn offset(&self, h: PoolHandle) -> Result<u32, MemoryError>;
    fn reset(&mut self);
    fn stats(&self) -> wasm_layout::memory::PoolStats;
    fn snapshot(&self) -> Vec<u8>;
    fn memory(&self) -> &[u8];
}

struct HostPool(Pool, Vec<u8>);
impl PoolLike for HostPool {
    fn alloc(&mut self) -> Result<PoolHandle, MemoryError> {
        self.0.alloc()
    }
    fn place(&mut self, v: u64) -> Result<PoolHandle, MemoryError> {
        self.0.place(&mut self.1, &v)
    }
    fn free(&mut self, h: PoolHandle) -> Result<(), MemoryError> {
        self.0.free(h)
    }
    fn free_ptr(&mut self, offset: u32) -> Result<(), MemoryError> {
        self.0.free_ptr(offset)
    }
    fn offset(&self, h: PoolHandle) -> Result<u32, MemoryError> {
        self.0.offset(h)
    }
    fn reset(&mut self) {
        self.0.reset()
    }
    fn stats(&self) -> wasm_layout::memory::PoolStats {
        self.0.stats()
    }
    fn snapshot(&self) -> Vec<u8> {
        let mut s = format!("{:?}", self.0).into_bytes();
        s.extend_from_slice(&self.1);
        s
    }
    fn memory(&self) -> &[u8] {
        &self.1
    }
}

struct InMemoryPool(SharedPool, Vec<u8>);
impl PoolLike for InMemoryPool {
    fn alloc(&mut self) -> Result<PoolHandle, MemoryError> {
        self.0.alloc(&mut self.1)
    }
    fn place(&mut self, v: u64) -> Result<PoolHandle, MemoryError> {
        self.0.place(&mut self.1, &v)
    }
    fn free(&mut self, h: PoolHandle) -> Result<(), MemoryError> {
        self.0.free(&mut self.1, h)
    }
    fn free_ptr(&mut self, offset: u32) -> Result<(), MemoryError> {
        let h = self.0.handle_at(&self.1, offset)?;
        self.0.free(&mut self.1, h)
    }
    fn offset(&self, h: PoolHandle) -> Result<u32, MemoryError> {
        self.0.offset(&self.1, h)
    }
    fn reset(&mut self) {
        self.0.reset(&mut self.1).unwrap()
    }
    fn stats(&self) -> wasm_layout::memory::PoolStats {
        self.0.stats(&self.1).unwrap()
    }
    fn snapshot(&self) -> Vec<u8> {
        self.1.clone()
    }
    fn memory(&self) -> &[u8] {
        &self.1
    }
}

const SLOTS: u32 = 12;

fn run_pool(pool: &mut dyn PoolLike, ops: Vec<PoolOp>) -> Result<(), TestCaseError> {
    let stats = pool.stats();
    let (base, stride) = (stats.base, stats.stride);
    prop_assert_eq!(stride, 16);
    let mut m = PoolModel { live: vec![false; SLOTS as usize], issued: vec![], placed: vec![], high: 0 };
    for op in ops {
        let before = pool.snapshot();
        let live_count = m.live.iter().filter(|&&l| l).count() as u32;
        match op {
            PoolOp::Alloc | PoolOp::Place(_) => {
                let r = match op {
                    PoolOp::Place(v) => pool.place(v).map(|h| (h, Some(v))),
                    _ => pool.alloc().map(|h| (h, None)),
                };
                match r {
                    Ok((h, v)) => {
                        prop_assert!(live_count < SLOTS);
                        prop_assert!(!m.live[h.index as usize], "slot {} handed out twice", h.index);
                        let p = pool.offset(h).unwrap();
                        prop_assert_eq!(p, base + h.index * stride);
                        prop_assert_eq!(p % 8, 0);
                        m.live[h.index as usize] = true;
                        m.issued.push(h);
                        if let Some(v) = v {
                            m.placed.push((p, v));
                        }
                    }
                    Err(e) => {
                        prop_assert_eq!(e, MemoryError::PoolExhausted { slots: SLOTS });
                        prop_assert_eq!(live_count, SLOTS);
                        prop_assert!(pool.snapshot() == before);
                    }
                }
            }
            PoolOp::Free(i) if !m.issued.is_empty() => {
                let h = m.issued[i % m.issued.len()];
                // The newest handle of this slot is the only one that may free it.
                let newest = m.issued.iter().rev().find(|x| x.index == h.index).copied() == Some(h);
                let ok = newest && m.live[h.index as usize];
                match pool.free(h) {
                    Ok(()) => {
                        prop_assert!(ok, "freed {:?} which the model says is not live", h);
                        m.live[h.index as usize] = false;
                        m.placed.retain(|&(p, _)| p != base + h.index * stride);
                    }
                    Err(e) => {
                        prop_assert!(!ok, "refused to free live {:?}: {:?}", h, e);
                        prop_assert!(
                            matches!(e, MemoryError::DoubleFree { .. } | MemoryError::StaleHandle { .. }),
                            "{:?}",
                            e
                        );
                        prop_assert!(pool.snapshot() == before);
                    }
                }
            }
            PoolOp::Free(_) => {}
            PoolOp::FreePtr(rel) => {
                let offset = base - 8 + rel;
                let index = (offset >= base).then(|| (offset - base) / stride);
                let ok = offset >= base
                    && (offset - base) % stride == 0
                    && index.is_some_and(|i| i < SLOTS && m.live[i as usize]);
                match pool.free_ptr(offset) {
                    Ok(()) => {
                        prop_assert!(ok);
                        let i = index.unwrap() as usize;
                        m.live[i] = false;
                        m.placed.retain(|&(p, _)| p != offset);
                    }
                    Err(e) => {
                        prop_assert!(!ok, "refused to free live slot at {:#x}: {:?}", offset, e);
                        prop_assert!(
                            matches!(
                                e,
                                MemoryError::OutsideRegion { .. }
                                    | MemoryError::NotSlotStart { .. }
                                    | MemoryError::NotAllocated { .. }
                            ),
                            "{:?}",
                            e
                        );
                        prop_assert!(pool.snapshot() == before);
                    }
                }
            }
            PoolOp::Reset => {
                pool.reset();
                m.live.iter_mut().for_each(|l| *l = false);
                m.placed.clear();
            }
        }
        let live = m.live.iter().filter(|&&l| l).count() as u32;
        m.high = m.high.max(live);
        let s = pool.stats();
        prop_assert_eq!((s.live, s.free, s.high_water), (live, SLOTS - live, m.high));
        for &(p, v) in &m.placed {
            prop_assert_eq!(
                u64::from_le_bytes(pool.memory()[p as usize..p as usize + 8].try_into().unwrap()),
                v
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pool_matches_model(ops in prop::collection::vec(pool_op(), 1..150)) {
        let mut pool = HostPool(Pool::new(1000, 12, 8, SLOTS).unwrap(), vec![0; 2048]);
        run_pool(&mut pool, ops)?;
    }

    #[test]
    fn shared_pool_matches_model(ops in prop::collection::vec(pool_op(), 1..150)) {
        let mut memory = vec![0u8; 2048];
        let pool = SharedPool::init(&mut memory, 512, 12, 8, SLOTS).unwrap();
        let mut pool = InMemoryPool(pool, memory);
        run_pool(&mut pool, ops)?;
    }
}
