//! Guest-side allocation: the guest (through the shipped C or Odin runtime)
//! and a host (through the toolkit's [`SharedArena`] and [`SharedPool`])
//! allocate in turn from one arena and one pool whose headers lie in the
//! guest's memory. [`shared_ops`] is the schedule; [`run_shared`] plays it on
//! wasmi with the Rust host, [`model`] plays it with Rust alone on a copy of
//! the memory, and `tests/ts/e2e/shared.ts` plays it on Node with the
//! TypeScript runtime. Whichever side allocated, the memory must end the
//! same.

use std::fmt;

use wasm_layout::memory::shared::{ArenaHeader, PoolHeader, PoolSlot};
use wasm_layout::memory::{MemoryError, PoolHandle, SharedArena, SharedPool};
use wasm_layout::WasmLayout;

use crate::{Guest, HostError};

/// Who performs an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The host's toolkit (Rust, or the TypeScript runtime in Node).
    Host,
    /// The guest, through its `shared_*` exports.
    Guest,
}

/// One step of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `size` bytes aligned to `align` from the arena.
    Arena(Actor, u32, u32),
    /// A slot from the pool.
    PoolAlloc(Actor),
    /// Frees the `n`-th live slot, oldest first.
    PoolFree(Actor, usize),
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Actor::Host => "host",
            Actor::Guest => "guest",
        })
    }
}

/// The line the Node host reads: `arena ACTOR SIZE ALIGN`, `pool-alloc
/// ACTOR`, `pool-free ACTOR N`.
impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::Arena(a, size, align) => write!(f, "arena {a} {size} {align}"),
            Op::PoolAlloc(a) => write!(f, "pool-alloc {a}"),
            Op::PoolFree(a, n) => write!(f, "pool-free {a} {n}"),
        }
    }
}

/// The arena header's address, from the guest's heap base.
pub const ARENA_AT: u32 = 0;
/// The arena region's start and size, from the heap base.
pub const ARENA_REGION: (u32, u32) = (64, 2048);
/// The pool header's address, from the heap base.
pub const POOL_AT: u32 = 4096;
/// The pool's slots: size, alignment, count.
pub const POOL_SLOTS: (usize, usize, u32) = (24, 8, 6);
/// Bytes from the heap base that the schedule uses.
pub const SHARED_SPAN: u32 = 8192;

/// The schedule: `rounds` rounds in which the host and then the guest each
/// allocate from the arena, take a slot, and free the oldest when three
/// are live; then one request the arena cannot meet, from each side, and a
/// double free.
pub fn shared_ops(rounds: u32) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut live = 0;
    for r in 0..rounds {
        for (i, actor) in [Actor::Host, Actor::Guest].into_iter().enumerate() {
            let i = i as u32;
            ops.push(Op::Arena(actor, (r * 7 + i * 3) % 40 + 1, 1 << ((r + i) % 4)));
            ops.push(Op::PoolAlloc(actor));
            live += 1;
            if live >= 3 {
                ops.push(Op::PoolFree(actor, 0));
                live -= 1;
            }
        }
    }
    ops.extend([Op::Arena(Actor::Host, 4096, 8), Op::Arena(Actor::Guest, 4096, 8)]);
    ops
}

/// What the guest's runtime reported: its status (the `wl_status` /
/// `wasm_layout.Status` code) and, for a bad header, the field's offset in
/// the header and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestFailure {
    /// The status code.
    pub status: u32,
    /// The field's offset in the header (bad headers only).
    pub field: u32,
}

/// The runtime's status code for `e`, and for a bad header the offset of
/// the field in `header` (the header's layout): what the C and Odin runtimes
/// report for the same failure.
pub fn expected_failure(e: &MemoryError, header: &wasm_layout::TypeLayout) -> GuestFailure {
    let field = match e {
        MemoryError::BadHeader { field, .. } => header.field(field).map_or(u32::MAX, |f| f.offset as u32),
        _ => 0,
    };
    let status = e.runtime_status();
    GuestFailure { status, field }
}

/// The guest's arena allocation: the address, or the failure.
pub fn guest_arena_alloc(
    g: &mut Guest,
    at: u32,
    size: u32,
    align: u32,
) -> Result<Result<u32, GuestFailure>, HostError> {
    let r: u64 = g.call("shared_arena_alloc", (at, size, align))?;
    split(g, (r >> 32) as u32, r as u32)
}

/// The guest's pool allocation: the handle (its generation read from the
/// slot table), or the failure.
pub fn guest_pool_alloc(g: &mut Guest, at: u32) -> Result<Result<PoolHandle, GuestFailure>, HostError> {
    let r: u64 = g.call("shared_pool_alloc", at)?;
    let index = match split(g, (r >> 32) as u32, r as u32)? {
        Ok(index) => index,
        Err(f) => return Ok(Err(f)),
    };
    let h = PoolHeader::read_at(g.bytes(), at as usize)?;
    let slot = PoolSlot::read_at(g.bytes(), (h.table + index * PoolSlot::SIZE as u32) as usize)?;
    Ok(Ok(PoolHandle { pool: h.base, index, generation: slot.generation }))
}

/// The guest frees `handle`.
pub fn guest_pool_free(
    g: &mut Guest,
    at: u32,
    handle: PoolHandle,
) -> Result<Result<(), GuestFailure>, HostError> {
    let status: u32 = g.call("shared_pool_free", (at, handle.pool, handle.index, handle.generation))?;
    Ok(split(g, status, 0)?.map(|_| ()))
}

fn split(g: &mut Guest, status: u32, low: u32) -> Result<Result<u32, GuestFailure>, HostError> {
    if status == 0 {
        return Ok(Ok(low));
    }
    Ok(Err(GuestFailure { status, field: g.call("shared_error_field", ())? }))
}

/// The outcome of one operation, as both hosts print it.
fn line(op: &Op, outcome: Result<String, String>) -> String {
    match outcome {
        Ok(s) => format!("{op} -> {s}"),
        Err(e) => format!("{op} -> error: {e}"),
    }
}

/// Plays `ops` with the Rust host and the guest on the guest's memory, after
/// the host sets up the headers above the heap base. Returns one line per
/// operation.
pub fn run_shared(g: &mut Guest, ops: &[Op]) -> Result<Vec<String>, HostError> {
    let base = g.heap_base()?;
    g.grow_to(u64::from(base + SHARED_SPAN))?;
    let (arena, pool) = init(g.bytes_mut(), base)?;
    let mut live: Vec<PoolHandle> = Vec::new();
    let mut out = Vec::new();
    for op in ops {
        let outcome = match *op {
            Op::Arena(Actor::Host, size, align) => arena
                .alloc(g.bytes_mut(), size as usize, align as usize)
                .map(|p| format!("{p:#x}"))
                .map_err(|e| e.to_string()),
            Op::Arena(Actor::Guest, size, align) => guest_arena_alloc(g, arena.at(), size, align)?
                .map(|p| format!("{p:#x}"))
                .map_err(|f| format!("status {}", f.status)),
            Op::PoolAlloc(actor) => {
                let h = match actor {
                    Actor::Host => pool.alloc(g.bytes_mut()).map_err(|e| e.to_string()),
                    Actor::Guest => {
                        guest_pool_alloc(g, pool.at())?.map_err(|f| format!("status {}", f.status))
                    }
                };
                h.map(|h| {
                    live.push(h);
                    format!("slot {} generation {}", h.index, h.generation)
                })
            }
            Op::PoolFree(actor, n) => match take(&mut live, n) {
                Some(h) => {
                    let r = match actor {
                        Actor::Host => pool.free(g.bytes_mut(), h).map_err(|e| e.to_string()),
                        Actor::Guest => {
                            guest_pool_free(g, pool.at(), h)?.map_err(|f| format!("status {}", f.status))
                        }
                    };
                    r.map(|()| format!("slot {} freed", h.index))
                }
                None => Err("nothing live".into()),
            },
        };
        out.push(line(op, outcome));
    }
    Ok(out)
}

/// The headers [`run_shared`] and the Node host write first.
pub fn init(memory: &mut [u8], base: u32) -> Result<(SharedArena, SharedPool), MemoryError> {
    let arena = SharedArena::init(memory, base + ARENA_AT, base + ARENA_REGION.0, ARENA_REGION.1)?;
    let (size, align, count) = POOL_SLOTS;
    let pool = SharedPool::init(memory, base + POOL_AT, size, align, count)?;
    Ok((arena, pool))
}

/// [`run_shared`] with Rust alone: every operation by the toolkit, on
/// `memory` (a copy of the guest's memory before the run).
pub fn model(memory: &mut [u8], base: u32, ops: &[Op]) -> Result<Vec<String>, MemoryError> {
    let (arena, pool) = init(memory, base)?;
    let mut live: Vec<PoolHandle> = Vec::new();
    let mut out = Vec::new();
    for op in ops {
        // A failure as the actor reports it: the host its text, the guest
        // its runtime's status.
        let said = |actor: Actor, header: &'static wasm_layout::TypeLayout| {
            move |e: MemoryError| match actor {
                Actor::Host => e.to_string(),
                Actor::Guest => format!("status {}", expected_failure(&e, header).status),
            }
        };
        let outcome = match *op {
            Op::Arena(actor, size, align) => arena
                .alloc(memory, size as usize, align as usize)
                .map(|p| format!("{p:#x}"))
                .map_err(said(actor, ArenaHeader::LAYOUT)),
            Op::PoolAlloc(actor) => pool.alloc(memory).map_err(said(actor, PoolHeader::LAYOUT)).map(|h| {
                live.push(h);
                format!("slot {} generation {}", h.index, h.generation)
            }),
            Op::PoolFree(actor, n) => match take(&mut live, n) {
                Some(h) => pool
                    .free(memory, h)
                    .map(|()| format!("slot {} freed", h.index))
                    .map_err(said(actor, PoolHeader::LAYOUT)),
                None => Err("nothing live".into()),
            },
        };
        out.push(line(op, outcome));
    }
    Ok(out)
}

/// Removes the `n`-th live handle (the last one when there are fewer).
fn take(live: &mut Vec<PoolHandle>, n: usize) -> Option<PoolHandle> {
    (!live.is_empty()).then(|| live.remove(n.min(live.len() - 1)))
}
