//! The Rust host of the end-to-end guest, `tests/guest/guest.wasm` (C,
//! compiled by clang from `tests/guest/guest.c` and the generated
//! `schema.h`), run by wasmi.
//!
//! [`run`] plays one [`Plan`]: it checks the guest's layout fingerprints,
//! allocates in the guest's memory with an [`Arena`] (two double buffers of
//! particles, a request) and two [`Pool`]s (frame requests, responses),
//! writes through the derived accessors, calls `step_frame` with double
//! buffering, grows the guest's memory in the middle of the run, and ends
//! with one in-place `step`. The TypeScript host `tests/ts/e2e/host.ts` plays
//! the same plan with the generated bindings, and both must leave the same
//! bytes in memory.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::fmt;

use wasm_layout::memory::{
    hex_dump, pages_for, Arena, ArenaStats, DoubleBuffer, MemoryStats, Pool, PoolHandle,
};
use wasm_layout::{LayoutError, WasmLayout, WasmPtr};
use wasmi::{Engine, Linker, Module, Store, TypedFunc};

use crate::schema::{Kind, Particle, StepFrame, StepRequest, StepResponse, Vec3};

/// The bindings of the schema: `tests/guest/schema.h` and
/// `tests/ts/e2e/schema.ts` are generated from these.
pub fn bindings() -> wasm_layout::Bindings {
    wasm_layout::Bindings::new()
        .add::<Particle>()
        .add::<StepRequest>()
        .add::<StepResponse>()
        .add::<StepFrame>()
}

/// Runs the committed guest and returns a few lines saying what happened:
/// the hook for the quick start.
pub fn tour() -> Result<String, HostError> {
    Ok(run(GUEST_WASM, &Plan::QUICK)?.summary())
}

/// The committed guest module.
pub const GUEST_WASM: &[u8] = include_bytes!("../../tests/guest/guest.wasm");

/// The custom section `cargo xtask guest` appends to the module: the hash of
/// the sources it was built from, as 16 lowercase hex digits.
pub const SOURCE_SECTION: &str = "wasm_layout_source";

/// The types whose fingerprints the guest reports, by the index its
/// `layout_fingerprint` export takes.
pub const FINGERPRINTS: [(&str, u64); 4] = [
    ("Particle", Particle::FINGERPRINT),
    ("StepRequest", StepRequest::FINGERPRINT),
    ("StepResponse", StepResponse::FINGERPRINT),
    ("StepFrame", StepFrame::FINGERPRINT),
];

/// Time step and gravity of every step: both exact in `f32` and in
/// JavaScript numbers, so the hosts write the same bits.
pub const DT: f32 = 1.0 / 16.0;
/// Gravity, pulling down along y.
pub const GRAVITY: Vec3 = Vec3 { x: 0.0, y: -9.75, z: 0.0 };

/// Bytes the host arena may use above the guest's heap base.
pub const ARENA_CAPACITY: usize = 1 << 20;
/// Frame requests in flight at most.
pub const FRAME_SLOTS: u32 = 2;
/// Responses kept: the last `RESPONSE_SLOTS - 1` stay live.
pub const RESPONSE_SLOTS: u32 = 3;

/// What the hosts do: `first` particles stepped `first_frames` times, then
/// `spawned` more (after growing memory) and `second_frames` more frames,
/// then one in-place step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Particles at the start.
    pub first: u32,
    /// Double-buffered frames before growing.
    pub first_frames: u32,
    /// Particles added after growing.
    pub spawned: u32,
    /// Double-buffered frames after growing.
    pub second_frames: u32,
}

impl Plan {
    /// The sequence the end-to-end test runs on both hosts.
    pub const E2E: Plan = Plan { first: 96, first_frames: 12, spawned: 1600, second_frames: 12 };

    /// A shorter run for the quick start (quick even in a debug build); it
    /// still needs the memory to grow.
    pub const QUICK: Plan = Plan { first: 32, first_frames: 4, spawned: 1000, second_frames: 2 };

    /// The arguments the TypeScript host takes after its output directory.
    pub fn args(&self) -> [String; 4] {
        [self.first, self.first_frames, self.spawned, self.second_frames].map(|n| n.to_string())
    }
}

/// Why the host stopped.
#[derive(Debug)]
pub enum HostError {
    /// The engine failed (compiling, instantiating, calling, growing).
    Wasm(wasmi::Error),
    /// An export the guest must have is missing or has another type.
    Export {
        /// Its name.
        name: &'static str,
        /// What wasmi said.
        error: wasmi::Error,
    },
    /// The guest was compiled against another layout.
    Fingerprint {
        /// The type.
        ty: &'static str,
        /// The guest's fingerprint.
        guest: u64,
        /// The host's (derived) fingerprint.
        host: u64,
    },
    /// A guest function returned a non-zero status.
    Status {
        /// The export.
        export: &'static str,
        /// The status (1 out of bounds, 2 misaligned, 3 overlapping buffers).
        status: u32,
    },
    /// Allocating or writing in the guest's memory failed.
    Memory(wasm_layout::memory::MemoryError),
    /// Reading a value from the guest's memory failed.
    Layout(LayoutError),
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::Wasm(e) => write!(f, "wasm: {e}"),
            HostError::Export { name, error } => write!(f, "guest export `{name}`: {error}"),
            HostError::Fingerprint { ty, guest, host } => write!(
                f,
                "`{ty}` has layout fingerprint {guest:#018x} in the guest but {host:#018x} in the host: \
                 rebuild the guest (cargo xtask guest)"
            ),
            HostError::Status { export, status } => write!(f, "guest `{export}` returned status {status}"),
            HostError::Memory(e) => write!(f, "guest memory: {e}"),
            HostError::Layout(e) => write!(f, "guest memory: {e}"),
        }
    }
}

impl std::error::Error for HostError {}

impl From<wasmi::Error> for HostError {
    fn from(e: wasmi::Error) -> Self {
        HostError::Wasm(e)
    }
}

impl From<wasm_layout::memory::MemoryError> for HostError {
    fn from(e: wasm_layout::memory::MemoryError) -> Self {
        HostError::Memory(e)
    }
}

impl From<LayoutError> for HostError {
    fn from(e: LayoutError) -> Self {
        HostError::Layout(e)
    }
}

/// An instantiated guest and its exports.
pub struct Guest {
    store: Store<()>,
    memory: wasmi::Memory,
    layout_fingerprint: TypedFunc<u32, i64>,
    heap_base: TypedFunc<(), u32>,
    step: TypedFunc<(u32, u32), u32>,
    step_frame: TypedFunc<(u32, u32), u32>,
    frames: TypedFunc<(), u32>,
    /// The source hash the module carries, if any.
    pub source_hash: Option<String>,
}

fn export<P: wasmi::WasmParams, R: wasmi::WasmResults>(
    store: &Store<()>,
    instance: &wasmi::Instance,
    name: &'static str,
) -> Result<TypedFunc<P, R>, HostError> {
    instance.get_typed_func::<P, R>(store, name).map_err(|error| HostError::Export { name, error })
}

impl Guest {
    /// Compiles and instantiates `wasm` (no imports).
    pub fn new(wasm: &[u8]) -> Result<Self, HostError> {
        let engine = Engine::default();
        let module = Module::new(&engine, wasm)?;
        let source_hash = module
            .custom_sections()
            .find(|s| s.name() == SOURCE_SECTION)
            .map(|s| String::from_utf8_lossy(s.data()).into_owned());
        let mut store = Store::new(&engine, ());
        let instance = Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module)?;
        let memory = instance.get_memory(&store, "memory").ok_or_else(|| HostError::Export {
            name: "memory",
            error: wasmi::Error::new("the guest exports no memory"),
        })?;
        Ok(Guest {
            layout_fingerprint: export(&store, &instance, "layout_fingerprint")?,
            heap_base: export(&store, &instance, "heap_base")?,
            step: export(&store, &instance, "step")?,
            step_frame: export(&store, &instance, "step_frame")?,
            frames: export(&store, &instance, "frames")?,
            store,
            memory,
            source_hash,
        })
    }

    /// Checks every fingerprint in [`FINGERPRINTS`] against the guest's.
    pub fn check_fingerprints(&mut self) -> Result<(), HostError> {
        for (index, (ty, host)) in (0u32..).zip(FINGERPRINTS) {
            let guest = self.layout_fingerprint.call(&mut self.store, index)? as u64;
            if guest != host {
                return Err(HostError::Fingerprint { ty, guest, host });
            }
        }
        Ok(())
    }

    /// The first byte above the guest's data and stack.
    pub fn heap_base(&mut self) -> Result<u32, HostError> {
        Ok(self.heap_base.call(&mut self.store, ())?)
    }

    /// Frames the guest has stepped.
    pub fn frames(&mut self) -> Result<u32, HostError> {
        Ok(self.frames.call(&mut self.store, ())?)
    }

    /// Calls `step(request, response)`.
    pub fn step(
        &mut self,
        request: WasmPtr<StepRequest>,
        response: WasmPtr<StepResponse>,
    ) -> Result<(), HostError> {
        let status = self.step.call(&mut self.store, (request.offset(), response.offset()))?;
        status_ok("step", status)
    }

    /// Calls `step_frame(frame, response)`.
    pub fn step_frame(
        &mut self,
        frame: WasmPtr<StepFrame>,
        response: WasmPtr<StepResponse>,
    ) -> Result<(), HostError> {
        let status = self.step_frame.call(&mut self.store, (frame.offset(), response.offset()))?;
        status_ok("step_frame", status)
    }

    /// The guest's memory.
    pub fn bytes(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    /// The guest's memory, mutable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    /// Grows the memory (`memory.grow`) until `len` bytes are addressable;
    /// returns the pages added.
    pub fn grow_to(&mut self, len: u64) -> Result<u64, HostError> {
        let pages = self.memory.size(&self.store);
        let delta = pages_for(len).saturating_sub(pages);
        if delta > 0 {
            self.memory.grow(&mut self.store, delta).map_err(|e| HostError::Wasm(e.into()))?;
        }
        Ok(delta)
    }
}

fn status_ok(export: &'static str, status: u32) -> Result<(), HostError> {
    if status == 0 {
        Ok(())
    } else {
        Err(HostError::Status { export, status })
    }
}

/// The `i`-th particle both hosts create: every number is exact in `f32`.
pub fn particle(i: u32) -> Particle {
    let f = |n: u32| n as f32;
    Particle {
        pos: Vec3 { x: f(i % 32) * 0.25 - 4.0, y: 1.0 + f(i % 7) * 0.5, z: f(i / 32 % 8) * 0.125 },
        vel: Vec3 {
            x: (f(i * 7 % 11) - 5.0) * 0.5,
            y: f(i * 3 % 13) * 0.75 - 3.0,
            z: (f(i * 5 % 9) - 4.0) * 0.25,
        },
        mass: 0.5 + f(i % 4) * 0.25,
        kind: match i % 3 {
            0 => Kind::Dust,
            1 => Kind::Spark,
            _ => Kind::Smoke,
        },
        alive: true,
        flags: 0,
        id: 0x5eed_0000_0000_0000 | u64::from(i),
    }
}

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
            "guest.wasm: {} calls, memory grew from {} to {} pages mid-run, arena at {:#x} used {} bytes\n",
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

/// Runs `plan` on the guest `wasm`: see the [module documentation](self).
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
    let pages_before = guest.memory.size(&guest.store);
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
    let pages_after = guest.memory.size(&guest.store);
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

/// The statistics of the guest's final memory.
pub fn memory_stats(memory: &[u8]) -> MemoryStats {
    MemoryStats::of(memory)
}
