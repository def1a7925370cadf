//! [`run`]: one [`Plan`](crate::Plan) played on the guest, and its [`Run`].

use std::collections::VecDeque;
use std::fmt;

use wasm_layout::memory::{hex_dump, Arena, ArenaStats, DoubleBuffer, Pool, PoolHandle};
use wasm_layout::{WasmLayout, WasmPtr};

use crate::schema::{Particle, StepFrame, StepRequest, StepResponse};
use crate::{particle, Guest, HostError, Plan, ARENA_CAPACITY, DT, FRAME_SLOTS, GRAVITY, RESPONSE_SLOTS};

/// What one call reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameReport {
    /// The export called.
    pub export: &'static str,
    /// Particles stepped.
    pub count: u32,
    /// Live particles after the step.
    pub alive: u32,
    /// Their energy.
    pub energy: f64,
}

impl fmt::Display for FrameReport {
    /// The line both hosts write to `report.txt`: the energy as its bits, so
    /// no decimal formatting stands between the two.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} count {} alive {} energy {:016x}",
            self.export,
            self.count,
            self.alive,
            self.energy.to_bits()
        )
    }
}

/// The outcome of [`run`].
pub struct Run {
    /// One line per call, in order.
    pub frames: Vec<FrameReport>,
    /// The guest's heap base: the arena starts there.
    pub heap_base: u32,
    /// Pages before and after growing.
    pub pages: (u64, u64),
    /// The arena after the run.
    pub arena: ArenaStats,
    /// The first particle of the final front buffer.
    pub first: Particle,
    /// Where the last response is.
    pub last_response: WasmPtr<StepResponse>,
    /// The guest's memory after the run.
    pub memory: Vec<u8>,
    /// The frames the guest says it stepped.
    pub guest_frames: u32,
}

impl Run {
    /// The region the hosts wrote: from the heap base to the arena's top.
    pub fn region(&self) -> (usize, usize) {
        (self.arena.base as usize, self.arena.used as usize)
    }

    /// `hex_dump` of [`region`](Self::region).
    pub fn region_dump(&self) -> String {
        let (start, len) = self.region();
        hex_dump(&self.memory, start, len).unwrap_or_else(|e| e.to_string())
    }

    /// The report both hosts write: one line per call, then the guest's
    /// frame count and the memory size.
    pub fn report(&self) -> String {
        let mut s = String::new();
        for f in &self.frames {
            s.push_str(&f.to_string());
            s.push('\n');
        }
        s.push_str(&format!("guest frames {}\n", self.guest_frames));
        s.push_str(&format!("memory pages {} -> {}\n", self.pages.0, self.pages.1));
        s.push_str(&format!("arena used {} in {} allocations\n", self.arena.used, self.arena.allocations));
        s
    }

    /// A few lines for people: what ran and what came back.
    pub fn summary(&self) -> String {
        let last = self.frames.last();
        let first_frame = self.frames.first();
        let mut s = format!(
            "{} calls, memory grew from {} to {} pages mid-run, arena at {:#x} used {} bytes\n",
            self.frames.len(),
            self.pages.0,
            self.pages.1,
            self.arena.base,
            self.arena.used
        );
        if let (Some(a), Some(b)) = (first_frame, last) {
            s.push_str(&format!(
                "first call: {} of {} particles alive, energy {:.1}; last: {} of {}, energy {:.1}\n",
                a.alive, a.count, a.energy, b.alive, b.count, b.energy
            ));
        }
        let p = &self.first;
        s.push_str(&format!(
            "particle {:#x}: pos ({:.3}, {:.3}, {:.3}), {:?}, alive {}, flags {:#06x}\n",
            p.id, p.pos.x, p.pos.y, p.pos.z, p.kind, p.alive, p.flags
        ));
        s
    }
}

/// Runs `plan` on the guest `wasm`: see the [crate documentation](crate).
pub fn run(wasm: &[u8], plan: &Plan) -> Result<Run, HostError> {
    let mut guest = Guest::new(wasm)?;
    guest.check_fingerprints()?;
    let heap_base = guest.heap_base()?;

    // Everything the host allocates lies in one arena above the guest's heap
    // base; the pools' slots are carved out of it first.
    let mut arena = Arena::new(heap_base, ARENA_CAPACITY)?;
    let frame_pool = arena.alloc(StepFrame::SIZE * FRAME_SLOTS as usize, StepFrame::ALIGN)?;
    let mut frame_pool = Pool::for_type::<StepFrame>(frame_pool, FRAME_SLOTS)?;
    let response_pool = arena.alloc(StepResponse::SIZE * RESPONSE_SLOTS as usize, StepResponse::ALIGN)?;
    let mut response_pool = Pool::for_type::<StepResponse>(response_pool, RESPONSE_SLOTS)?;
    let mut live_responses: VecDeque<PoolHandle> = VecDeque::new();
    let mut frames = Vec::new();

    let mut count = plan.first;
    let mut buffers = DoubleBuffer::new(&mut arena, Particle::SIZE * count as usize)?;
    let pages_before = guest.pages();
    guest.grow_to(arena_top(&arena))?;
    for i in 0..count {
        particle(i).write_at(guest.bytes_mut(), (buffers.front() + i * Particle::SIZE as u32) as usize)?;
    }

    let mut step_frames = |guest: &mut Guest,
                           buffers: &mut DoubleBuffer,
                           count: u32,
                           n: u32,
                           frames: &mut Vec<FrameReport>|
     -> Result<(), HostError> {
        for frame in 0..n {
            let request = frame_pool.place(
                guest.bytes_mut(),
                &StepFrame {
                    src: WasmPtr::new(buffers.front()),
                    dst: WasmPtr::new(buffers.back()),
                    count,
                    dt: DT,
                    gravity: GRAVITY,
                    frame,
                },
            )?;
            let request_ptr = frame_pool.ptr::<StepFrame>(request)?;
            let response = response_pool.alloc()?;
            let response_ptr = response_pool.ptr::<StepResponse>(response)?;
            guest.step_frame(request_ptr, response_ptr)?;
            let view = response_ptr.view(guest.bytes())?;
            frames.push(FrameReport {
                export: "step_frame",
                count,
                alive: view.alive(),
                energy: view.energy(),
            });
            buffers.swap();
            frame_pool.free(request)?;
            live_responses.push_back(response);
            if live_responses.len() >= RESPONSE_SLOTS as usize {
                if let Some(oldest) = live_responses.pop_front() {
                    response_pool.free(oldest)?;
                }
            }
        }
        Ok(())
    };
    step_frames(&mut guest, &mut buffers, count, plan.first_frames, &mut frames)?;

    // Spawn more particles: new, larger buffers that need more memory than
    // the guest has, so it grows; the survivors are copied over.
    let old = buffers;
    count += plan.spawned;
    buffers = DoubleBuffer::new(&mut arena, Particle::SIZE * count as usize)?;
    guest.grow_to(arena_top(&arena))?;
    let pages_after = guest.pages();
    let (from, to) = (old.front() as usize, buffers.front() as usize);
    guest.bytes_mut().copy_within(from..from + old.size() as usize, to);
    for i in plan.first..count {
        let at = to + i as usize * Particle::SIZE;
        particle(i).write_at(guest.bytes_mut(), at)?;
    }
    step_frames(&mut guest, &mut buffers, count, plan.second_frames, &mut frames)?;

    // Last, the request/response export, in place on the front buffer.
    let request = arena.place(
        guest.bytes_mut(),
        &StepRequest { particles: WasmPtr::new(buffers.front()), count, dt: DT, gravity: GRAVITY },
    )?;
    let response = arena.place(guest.bytes_mut(), &StepResponse { alive: 0, energy: 0.0 })?;
    guest.step(request, response)?;
    let view = response.view(guest.bytes())?;
    frames.push(FrameReport { export: "step", count, alive: view.alive(), energy: view.energy() });

    Ok(Run {
        frames,
        heap_base,
        pages: (pages_before, pages_after),
        arena: arena.stats(),
        first: Particle::read_at(guest.bytes(), buffers.front() as usize)?,
        last_response: response,
        guest_frames: guest.frames()?,
        memory: guest.bytes().to_vec(),
    })
}

/// One past the last byte the arena handed out.
fn arena_top(arena: &Arena) -> u64 {
    u64::from(arena.base()) + arena.used()
}
