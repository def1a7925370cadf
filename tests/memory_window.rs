//! A [`Memory`] that is a window of a linear memory (its `origin` above 0,
//! as a Rust guest's own memory is): the shared allocators address it by
//! absolute addresses and leave the same bytes as over the whole memory.

use wasm_layout::memory::{Memory, MemoryError, SharedArena, SharedPool};
use wasm_layout::LayoutError;

/// `bytes` is the memory from address `origin` on.
struct Window<'a> {
    bytes: &'a mut [u8],
    origin: u32,
}

impl Memory for Window<'_> {
    fn bytes(&self) -> &[u8] {
        self.bytes
    }
    fn bytes_mut(&mut self) -> &mut [u8] {
        self.bytes
    }
    fn origin(&self) -> u32 {
        self.origin
    }
}

const ORIGIN: u32 = 0x1000;

/// Arena and pool operations on `memory`: their outcomes, in order.
fn run<M: Memory>(memory: &mut M) -> Vec<String> {
    let arena = SharedArena::init(memory, 0x1000, 0x1040, 256).unwrap();
    let pool = SharedPool::init(memory, 0x1200, 24, 8, 3).unwrap();
    let mut out = Vec::new();
    for size in [10, 3, 40, 300] {
        out.push(format!("{:?}", arena.alloc(memory, size, 8)));
    }
    out.push(format!("{:?}", arena.place(memory, &0x1234_5678u32)));
    let handles: Vec<_> = (0..4).map(|_| pool.alloc(memory)).collect();
    out.push(format!("{handles:?}"));
    out.push(format!("{:?}", pool.free(memory, handles[1].unwrap())));
    out.push(format!("{:?}", pool.free(memory, handles[1].unwrap())));
    out.push(format!("{:?}", pool.place(memory, &7u64)));
    out.push(format!("{:?} {:?}", arena.stats(memory), pool.stats(memory)));
    out
}

#[test]
fn shared_allocators_over_a_window_match_the_whole_memory() {
    let mut whole = vec![0u8; 0x2000];
    let expected = run(&mut whole);
    let mut below = vec![0u8; 0x2000];
    let mut window = Window { bytes: &mut below[ORIGIN as usize..], origin: ORIGIN };
    assert_eq!(run(&mut window), expected);
    assert_eq!(below, whole);
}

#[test]
fn addresses_below_the_origin_are_out_of_bounds_and_nothing_is_written() {
    let mut bytes = vec![0u8; 0x1000];
    let mut window = Window { bytes: &mut bytes, origin: ORIGIN };
    let oob = |e: MemoryError| matches!(e, MemoryError::Layout(LayoutError::OutOfBounds { .. }));
    assert!(oob(SharedArena::init(&mut window, 0x800, 0x1040, 64).unwrap_err()));
    assert!(oob(SharedArena::init(&mut window, 0x1000, 0x0f00, 64).unwrap_err()));
    assert!(oob(SharedPool::init(&mut window, 0xff0, 8, 8, 2).unwrap_err()));
    assert!(oob(SharedArena::open(&window, 0x10).unwrap_err()));
    assert!(oob(SharedPool::open(&window, 0x10).unwrap_err()));
    assert!(bytes.iter().all(|&b| b == 0));
    // The region's end past the window is the capacity check, as always.
    let mut window = Window { bytes: &mut bytes, origin: ORIGIN };
    let e = SharedArena::init(&mut window, 0x1000, 0x1040, 0x1000).unwrap_err();
    assert!(oob(e), "{e:?}");
}
