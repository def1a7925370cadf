//! Random sequences of alloc/free/reset on `Pool` and `SharedPool`, checked
//! against a reference model: no slot handed out twice, stale and foreign
//! handles refused, statistics as the model says, and an error changes
//! neither the pool nor the memory.

use proptest::prelude::*;
use wasm_layout::memory::{MemoryError, Pool, PoolHandle, SharedPool};

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
