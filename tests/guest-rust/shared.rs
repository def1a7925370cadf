//! Guest-side allocation from the shared headers with the Rust toolkit:
//! [`SharedArena`] and [`SharedPool`] over the guest's own memory (the
//! [`Heap`] window, whose [`Memory::origin`] is the heap base), with the
//! exports and statuses of the C and Odin guests (`wl_status`, through
//! [`MemoryError::runtime_status`]).

use core::sync::atomic::{AtomicU32, Ordering};

use wasm_layout::memory::shared::{ArenaHeader, PoolHeader};
use wasm_layout::memory::{Memory, MemoryError, PoolHandle, SharedArena, SharedPool};
use wasm_layout::{TypeLayout, WasmLayout};

use crate::Heap;

/// The guest's memory from its heap base, as the toolkit addresses it: an
/// address `a` is `bytes[a - base]`. The window, not the whole memory,
/// because Rust cannot make a reference to address 0; the toolkit reports
/// an address below the base as out of bounds.
impl Memory for Heap {
    fn bytes(&self) -> &[u8] {
        self.bytes
    }
    fn bytes_mut(&mut self) -> &mut [u8] {
        self.bytes
    }
    fn origin(&self) -> u32 {
        self.base
    }
}

/// The header field (its offset) the last `BadHeader` named.
static ERROR_FIELD: AtomicU32 = AtomicU32::new(0);
/// The value the last `BadHeader` reported (0 after other failures).
static ERROR_VALUE: AtomicU32 = AtomicU32::new(0);

/// Records `e` for [`shared_error_field`] and [`shared_error_value`] and
/// returns its status; `header` is the layout of the header it concerns.
fn fail(e: MemoryError, header: &TypeLayout) -> u32 {
    let (field, value) = match e {
        MemoryError::BadHeader { field, value, .. } => {
            (header.field(field).map_or(u32::MAX, |f| f.offset as u32), value)
        }
        _ => (0, 0),
    };
    ERROR_FIELD.store(field, Ordering::Relaxed);
    ERROR_VALUE.store(value, Ordering::Relaxed);
    e.runtime_status()
}

/// Allocates from the `SharedArena` whose header is at `at`: the block's
/// address in the low 32 bits, the status in the high 32 bits.
#[no_mangle]
pub extern "C" fn shared_arena_alloc(at: u32, size: u32, align: u32) -> u64 {
    let mut heap = Heap::get();
    let block = SharedArena::open(&heap, at).and_then(|a| a.alloc(&mut heap, size as usize, align as usize));
    match block {
        Ok(ptr) => u64::from(ptr),
        Err(e) => u64::from(fail(e, ArenaHeader::LAYOUT)) << 32,
    }
}

/// Takes a slot of the `SharedPool` whose header is at `at`: its index in
/// the low 32 bits (its generation is in the slot table), the status in the
/// high 32 bits.
#[no_mangle]
pub extern "C" fn shared_pool_alloc(at: u32) -> u64 {
    let mut heap = Heap::get();
    match SharedPool::open(&heap, at).and_then(|p| p.alloc(&mut heap)) {
        Ok(handle) => u64::from(handle.index),
        Err(e) => u64::from(fail(e, PoolHeader::LAYOUT)) << 32,
    }
}

/// Frees a slot of the `SharedPool` at `at`; returns the status.
#[no_mangle]
pub extern "C" fn shared_pool_free(at: u32, pool: u32, index: u32, generation: u32) -> u32 {
    let mut heap = Heap::get();
    let handle = PoolHandle { pool, index, generation };
    match SharedPool::open(&heap, at).and_then(|p| p.free(&mut heap, handle)) {
        Ok(()) => 0,
        Err(e) => fail(e, PoolHeader::LAYOUT),
    }
}

/// The header field (its offset) the last bad header named.
#[no_mangle]
pub extern "C" fn shared_error_field() -> u32 {
    ERROR_FIELD.load(Ordering::Relaxed)
}

/// The value the last bad header reported.
#[no_mangle]
pub extern "C" fn shared_error_value() -> u32 {
    ERROR_VALUE.load(Ordering::Relaxed)
}
