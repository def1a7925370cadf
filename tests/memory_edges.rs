//! The memory toolkit at its edges, one test per bug found there: hostile
//! shared headers, `place` that wrote before it knew, address 0 handed out,
//! handles of one pool accepted by another, and the texts of the errors.
//! Every refusal is the documented error with memory unchanged.

use wasm_layout::memory::shared::{ArenaHeader, PoolHeader, PoolSlot};
use wasm_layout::memory::{
    Arena, Bump, LinearMemory, Memory, MemoryError, Pool, PoolHandle, SharedArena, SharedPool,
};
use wasm_layout::{LayoutError, WasmLayout};

fn memory() -> LinearMemory {
    LinearMemory::new(1, 1).unwrap()
}

/// Runs `f` and checks it failed with `want` and left `memory` as it was.
fn refused<M: Memory, R: std::fmt::Debug>(
    memory: &mut M,
    want: MemoryError,
    f: impl FnOnce(&mut M) -> Result<R, MemoryError>,
) {
    let before = memory.bytes().to_vec();
    let got = f(memory);
    assert_eq!(got.map(|_| ()), Err(want));
    assert!(memory.bytes() == &before[..], "memory changed by a refused call ({want})");
}

fn bad(at: u32, field: &'static str, value: u32) -> MemoryError {
    MemoryError::BadHeader { at, field, value }
}

fn edit_arena(memory: &mut LinearMemory, at: u32, f: impl FnOnce(&mut ArenaHeader)) {
    let mut h = ArenaHeader::read_at(memory.bytes(), at as usize).unwrap();
    f(&mut h);
    h.write_at(memory.bytes_mut(), at as usize).unwrap();
}

fn edit_pool(memory: &mut LinearMemory, at: u32, f: impl FnOnce(&mut PoolHeader)) {
    let mut h = PoolHeader::read_at(memory.bytes(), at as usize).unwrap();
    f(&mut h);
    h.write_at(memory.bytes_mut(), at as usize).unwrap();
}

#[test]
fn a_shared_arena_whose_base_points_at_its_header_is_refused() {
    let mut m = memory();
    let arena = SharedArena::init(&mut m, 64, 1024, 4096).unwrap();
    edit_arena(&mut m, 64, |h| h.base = 64);
    refused(&mut m, bad(64, "base", 64), |m| arena.place(m, &0xDEAD_BEEFu32));
    refused(&mut m, bad(64, "base", 64), |m| arena.alloc(m, 8, 8));
    refused(&mut m, bad(64, "base", 64), |m| arena.reset(m));
    // A region that starts before the header and runs into it.
    edit_arena(&mut m, 64, |h| (h.base, h.capacity) = (8, 57));
    refused(&mut m, bad(64, "base", 8), |m| arena.alloc(m, 4, 4));
    // One byte short of the header is fine.
    edit_arena(&mut m, 64, |h| (h.base, h.capacity) = (8, 56));
    assert_eq!(arena.alloc(&mut m, 4, 4), Ok(8));
}

#[test]
fn a_shared_arena_region_past_the_memory_or_at_zero_is_refused() {
    let mut m = memory();
    let arena = SharedArena::init(&mut m, 64, 1024, 4096).unwrap();
    edit_arena(&mut m, 64, |h| h.capacity = 65536);
    refused(&mut m, bad(64, "capacity", 65536), |m| arena.alloc(m, 8, 8));
    edit_arena(&mut m, 64, |h| (h.base, h.capacity) = (0, 32));
    refused(&mut m, bad(64, "base", 0), |m| arena.alloc(m, 8, 8));
    let mut small = vec![0u8; 512];
    refused(
        &mut small,
        MemoryError::Layout(LayoutError::OutOfBounds { offset: 256, needed: 512, available: 512 }),
        |m| SharedArena::init(m, 0, 256, 512),
    );
    refused(&mut small, bad(16, "base", 32), |m| SharedArena::init(m, 16, 32, 64));
}

#[test]
fn a_shared_pool_whose_slots_lie_in_its_table_is_refused() {
    let mut m = memory();
    let pool = SharedPool::init(&mut m, 256, 16, 8, 4).unwrap();
    let table = pool.header(&m).unwrap().table;
    edit_pool(&mut m, 256, |h| h.base = table + 8);
    refused(&mut m, bad(256, "base", table + 8), |m| pool.alloc(m));
    refused(&mut m, bad(256, "base", table + 8), |m| pool.place(m, &7u64));
    // Slots over the header, a table over the header, a table past the end.
    edit_pool(&mut m, 256, |h| h.base = 240);
    refused(&mut m, bad(256, "base", 240), |m| pool.alloc(m));
    edit_pool(&mut m, 256, |h| (h.base, h.table) = (1024, 260));
    refused(&mut m, bad(256, "table", 260), |m| pool.alloc(m));
    edit_pool(&mut m, 256, |h| h.table = 65536 - 16);
    refused(&mut m, bad(256, "table", 65536 - 16), |m| pool.alloc(m));
    edit_pool(&mut m, 256, |h| (h.table, h.base, h.stride) = (table, 60000, 4096));
    refused(&mut m, bad(256, "slots", 4), |m| pool.alloc(m));
    edit_pool(&mut m, 256, |h| (h.base, h.stride) = (0, 16));
    refused(&mut m, bad(256, "base", 0), |m| pool.alloc(m));
}

#[test]
fn a_shared_pool_free_list_through_a_live_slot_is_refused() {
    let mut m = memory();
    let pool = SharedPool::init(&mut m, 256, 16, 8, 4).unwrap();
    let a = pool.alloc(&mut m).unwrap();
    let table = pool.header(&m).unwrap().table;
    // The head points back at the live slot 0.
    edit_pool(&mut m, 256, |h| h.free_head = 0);
    refused(&mut m, bad(256, "free_head", 0), |m| pool.alloc(m));
    // The bug: place wrote the value, then failed; now nothing is written.
    refused(&mut m, bad(256, "free_head", 0), |m| pool.place(m, &u64::MAX));
    // A free slot whose link leads out of the table.
    edit_pool(&mut m, 256, |h| h.free_head = 1);
    PoolSlot { generation: 0, next: 9 }.write_at(m.bytes_mut(), table as usize + 8).unwrap();
    refused(&mut m, bad(256, "free_head", 1), |m| pool.place(m, &u64::MAX));
    // A live count that says the pool is full while the list is not empty.
    PoolSlot { generation: 0, next: 2 }.write_at(m.bytes_mut(), table as usize + 8).unwrap();
    edit_pool(&mut m, 256, |h| h.live = 4);
    refused(&mut m, bad(256, "live", 4), |m| pool.alloc(m));
    edit_pool(&mut m, 256, |h| h.live = 1);
    assert!(pool.place(&mut m, &9u64).is_ok());
    assert_eq!(pool.offset(&m, a), Ok(328));
}

#[test]
fn place_into_a_slot_too_small_writes_nothing() {
    let mut m = memory();
    let shared = SharedPool::init(&mut m, 256, 4, 4, 2).unwrap();
    refused(&mut m, MemoryError::SlotTooSmall { size: 8, stride: 4 }, |m| shared.place(m, &1u64));
    let mut pool = Pool::new(4096, 4, 4, 2).unwrap();
    let before = pool.clone();
    refused(&mut m, MemoryError::SlotTooSmall { size: 8, stride: 4 }, |m| pool.place(m, &1u64));
    assert_eq!(pool, before);
    assert_eq!(
        MemoryError::SlotTooSmall { size: 8, stride: 4 }.to_string(),
        "a value of 8 bytes does not fit in a pool slot of 4 bytes"
    );
}

#[test]
fn no_allocator_hands_out_address_zero() {
    let null = |end| Err(MemoryError::NullRegion { end });
    assert_eq!(Arena::new(0, 64).map(drop), null(64));
    assert_eq!(Bump::new(0).map(drop), null(1 << 32));
    assert_eq!(Bump::with_capacity(0, 16).map(drop), null(16));
    assert_eq!(Pool::new(0, 8, 8, 4).map(drop), null(32));
    let mut m = memory();
    refused(&mut m, MemoryError::NullRegion { end: 64 }, |m| SharedArena::init(m, 1024, 0, 64));
    assert_eq!(
        MemoryError::NullRegion { end: 64 }.to_string(),
        "the region [0x0, 0x40) contains address 0, the null pointer"
    );
    // The smallest regions that do not contain it work.
    assert_eq!(Arena::new(1, 64).unwrap().alloc(1, 1), Ok(1));
    assert_eq!(Bump::new(1).unwrap().alloc(8, 8), Ok(8));
    assert_eq!(Pool::new(1, 8, 8, 1).unwrap().base(), 8);
}

#[test]
fn a_pool_refuses_a_handle_of_another_pool() {
    let mut a = Pool::new(1024, 16, 8, 4).unwrap();
    let mut b = Pool::new(2048, 16, 8, 4).unwrap();
    let ha = a.alloc().unwrap();
    let hb = b.alloc().unwrap();
    assert_eq!((ha.index, ha.generation), (hb.index, hb.generation));
    let before = b.clone();
    let foreign = MemoryError::ForeignHandle { expected: 2048, found: 1024 };
    assert_eq!(b.free(ha), Err(foreign));
    assert_eq!(b.offset(ha), Err(foreign));
    assert!(!b.is_live(ha));
    assert_eq!(b, before);
    // The owners' frees still work (before, this was a DoubleFree).
    assert_eq!(a.free(ha), Ok(()));
    assert_eq!(b.free(hb), Ok(()));
    assert_eq!(
        foreign.to_string(),
        "foreign handle: it belongs to the pool at 0x400, not to the pool at 0x800"
    );

    let mut m = memory();
    let sa = SharedPool::init(&mut m, 256, 16, 8, 4).unwrap();
    let sb = SharedPool::init(&mut m, 1024, 16, 8, 4).unwrap();
    let h = sa.alloc(&mut m).unwrap();
    let (first_a, first_b) = (sa.header(&m).unwrap().base, sb.header(&m).unwrap().base);
    let h_b = sb.alloc(&mut m).unwrap();
    refused(&mut m, MemoryError::ForeignHandle { expected: first_b, found: first_a }, |m| sb.free(m, h));
    assert_eq!(sa.free(&mut m, h), Ok(()));
    assert_eq!(sb.free(&mut m, h_b), Ok(()));
    let forged = PoolHandle { pool: 12345, ..h_b };
    assert_eq!(sb.offset(&m, forged), Err(MemoryError::ForeignHandle { expected: first_b, found: 12345 }));
}

#[test]
fn out_of_bounds_texts_name_the_bytes_and_the_length() {
    let e = LayoutError::OutOfBounds { offset: 240, needed: 40, available: 256 };
    assert_eq!(e.to_string(), "out of bounds: bytes 240..280 needed, the memory is 256 bytes long");
    let e = LayoutError::OutOfBounds { offset: usize::MAX, needed: usize::MAX, available: 0 };
    assert_eq!(
        e.to_string(),
        format!(
            "out of bounds: bytes {}..{} needed, the memory is 0 bytes long",
            usize::MAX,
            2 * (usize::MAX as u128)
        )
    );
    assert_eq!(
        MemoryError::Layout(LayoutError::OutOfBounds { offset: 131068, needed: 8, available: 131072 })
            .to_string(),
        "out of bounds: bytes 131068..131076 needed, the memory is 131072 bytes long"
    );
}

#[test]
fn a_pool_with_a_slot_past_4_gib_reports_the_slot_size() {
    assert_eq!(
        Pool::new(4096, 1 << 33, 8, 1).map(drop),
        Err(MemoryError::AddressSpace { offset: 4096, size: 1 << 33 })
    );
}

/// The high-water mark is counted, not kept: it must still be the most
/// slots ever live at once, across frees, reuses and resets.
#[test]
fn the_lazy_high_water_mark_is_the_most_slots_live_at_once() {
    let mut pool = Pool::new(1024, 8, 8, 16).unwrap();
    let (mut live, mut most, mut handles) = (0u32, 0u32, Vec::<PoolHandle>::new());
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for step in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        match seed % 9 {
            0..=3 => {
                if let Ok(h) = pool.alloc() {
                    handles.push(h);
                    live += 1;
                    most = most.max(live);
                }
            }
            4..=7 if !handles.is_empty() => {
                let h = handles.swap_remove((seed >> 8) as usize % handles.len());
                pool.free(h).unwrap();
                live -= 1;
            }
            8 if step % 7 == 0 => {
                pool.reset();
                handles.clear();
                live = 0;
            }
            _ => {}
        }
        assert_eq!(pool.stats().high_water, most, "step {step}");
        assert_eq!(pool.live(), live);
    }
}
