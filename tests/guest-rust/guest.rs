//! The end-to-end guest in Rust: the same particle simulation, exports and
//! statuses as the C guest (`tests/guest/guest.c`) and the Odin guest, over
//! the very types the hosts derive (`wasm-layout-e2e-schema`), read and
//! written through `#[derive(WasmLayout)]`'s checked accessors. `no_std`,
//! no global allocator.
//!
//! Build: `cargo xtask guest` (`cargo build --release --target
//! wasm32-unknown-unknown`); it appends the custom section
//! `wasm_layout_source` holding a hash of this file and the schema's, so a
//! stale `guest.wasm` is caught without building it.
//!
//! It also allocates from the shared arena and pool headers hosts set up in
//! its memory, with the Rust toolkit's `SharedArena` and `SharedPool`
//! (`shared.rs`), as the C and Odin guests do with their runtimes.
//!
//! Hosts place everything above the heap base, and that is the only memory
//! this guest reads or writes: below it lie its own stack and statics. A
//! pointer below the heap base is out of bounds here, and bytes that are not
//! a valid value (a `bool` other than 0 or 1, an unknown `Kind`) are refused
//! with [`STATUS_INVALID`] before anything is written. The arithmetic follows
//! `guest.c` operation by operation, so every guest computes the same bits.
#![no_std]
#![deny(warnings, missing_docs)]

mod events;
mod label;
mod shared;

use core::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use wasm_layout::WasmLayout;
use wasm_layout_e2e_schema::{Event, Kind, Label, Particle, StepFrame, StepRequest, StepResponse, Vec3};

/// The call succeeded.
pub const STATUS_OK: u32 = 0;
/// A pointer is null or what it points to leaves the memory above the heap base.
pub const STATUS_OUT_OF_BOUNDS: u32 = 1;
/// A pointer is not aligned for its type.
pub const STATUS_MISALIGNED: u32 = 2;
/// The frame's two buffers overlap.
pub const STATUS_OVERLAP: u32 = 3;
/// Bytes that are no valid value of their type (this guest checks them).
pub const STATUS_INVALID: u32 = 4;

/// `Particle.flags`: set when it bounced.
const FLAG_BOUNCED: u32 = 0x0001;
/// Set when it died.
const FLAG_DIED: u32 = 0x0002;
/// The high byte counts the frames it has lived (saturating at 255).
const AGE_SHIFT: u32 = 8;
/// A spark cools into smoke at this age.
const SPARK_LIFETIME: u32 = 16;
const PAGE_SIZE: u64 = 65536;

/// Frames stepped (in the data section, so hosts' memory dumps cover it).
static FRAMES: AtomicU32 = AtomicU32::new(0);
/// Particles stepped.
static PARTICLES: AtomicU64 = AtomicU64::new(0);

extern "C" {
    /// The linker's symbol for the first byte after data and stack.
    static __heap_base: u8;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The first byte above the guest's data and stack.
fn base() -> u32 {
    // Only the address of the linker-defined symbol is taken, never its value.
    core::ptr::addr_of!(__heap_base) as u32
}

/// The memory from the heap base to the end, where hosts place everything
/// (and, as a [`Memory`](wasm_layout::memory::Memory), where the shared
/// allocators work: `shared.rs`).
struct Heap {
    bytes: &'static mut [u8],
    base: u32,
}

impl Heap {
    /// The heap, for the length of one export call.
    fn get() -> Heap {
        let base = base();
        let end = core::arch::wasm32::memory_size(0) as u64 * PAGE_SIZE;
        let len = end.saturating_sub(u64::from(base)) as usize;
        // SAFETY: the bytes from __heap_base to the end of memory belong to
        // no Rust object of this module (it has no allocator; its stack and
        // statics lie below __heap_base), the module is single-threaded, one
        // export call makes one Heap and memory does not shrink, so the slice
        // is valid and unaliased while it lives.
        let bytes = unsafe { core::slice::from_raw_parts_mut(base as usize as *mut u8, len) };
        Heap { bytes, base }
    }

    /// The offset in the heap of a block of `size` bytes at `ptr` aligned to
    /// `align`, or the status refusing it (in the C guest's order).
    fn block(&self, ptr: u32, size: u64, align: u32) -> Result<usize, u32> {
        let end = self.bytes.len() as u64 + u64::from(self.base);
        if ptr == 0 || ptr < self.base || u64::from(ptr) + size > end {
            return Err(STATUS_OUT_OF_BOUNDS);
        }
        if !ptr.is_multiple_of(align) {
            return Err(STATUS_MISALIGNED);
        }
        Ok((ptr - self.base) as usize)
    }

    fn of<T: WasmLayout>(&self, ptr: u32) -> Result<usize, u32> {
        self.block(ptr, T::SIZE as u64, T::ALIGN as u32)
    }

    /// The offset of `count` particles at `ptr` (any pointer when 0).
    fn array(&self, ptr: u32, count: u32) -> Result<usize, u32> {
        if count == 0 {
            return Ok(0);
        }
        self.block(ptr, u64::from(count) * Particle::SIZE as u64, Particle::ALIGN as u32)
    }

    fn read<T: WasmLayout>(&self, at: usize) -> Result<T, u32> {
        T::read_at(self.bytes, at).map_err(|_| STATUS_INVALID)
    }

    /// A value from bytes outside the heap (an argument's), or
    /// [`STATUS_INVALID`].
    fn read_value<T: WasmLayout>(&self, bytes: &[u8]) -> Result<T, u32> {
        T::read_from(bytes).map_err(|_| STATUS_INVALID)
    }

    fn write<T: WasmLayout>(&mut self, at: usize, value: &T) -> Result<(), u32> {
        value.write_at(self.bytes, at).map_err(|_| STATUS_OUT_OF_BOUNDS)
    }

    /// Steps `count` particles at offset `src` into `dst` (which may be the
    /// same) and writes the response at offset `response`. Every particle is
    /// checked before the first is written.
    fn step_all(
        &mut self,
        src: usize,
        dst: usize,
        count: u32,
        dt: f32,
        gravity: Vec3,
        response: usize,
    ) -> u32 {
        let at = |base: usize, i: u32| base + i as usize * Particle::SIZE;
        if let Some(status) = (0..count).find_map(|i| self.read::<Particle>(at(src, i)).err()) {
            return status;
        }
        let (mut alive, mut energy) = (0u32, 0.0f64);
        for i in 0..count {
            let Ok(mut p) = self.read::<Particle>(at(src, i)) else { return STATUS_INVALID };
            if advance(&mut p, dt, gravity) {
                alive += 1;
                energy += energy_of(&p, gravity);
            }
            if let Err(status) = self.write(at(dst, i), &p) {
                return status;
            }
        }
        FRAMES.fetch_add(1, Ordering::Relaxed);
        PARTICLES.fetch_add(u64::from(count), Ordering::Relaxed);
        self.write(response, &StepResponse { alive, energy }).err().unwrap_or(STATUS_OK)
    }
}

/// Steps one particle; returns whether it is alive afterwards.
fn advance(p: &mut Particle, dt: f32, gravity: Vec3) -> bool {
    if !p.alive {
        return false;
    }
    // Smoke rises: a quarter of gravity, upwards.
    let pull: f32 = if p.kind == Kind::Smoke { -0.25 } else { 1.0 };
    p.vel.x += gravity.x * pull * dt;
    p.vel.y += gravity.y * pull * dt;
    p.vel.z += gravity.z * pull * dt;
    p.pos.x += p.vel.x * dt;
    p.pos.y += p.vel.y * dt;
    p.pos.z += p.vel.z * dt;

    let age = ((u32::from(p.flags) >> AGE_SHIFT) + 1).min(255);
    let mut flags = (age << AGE_SHIFT) | (u32::from(p.flags) & 0xff);
    if p.pos.y < 0.0 {
        if p.kind == Kind::Dust {
            p.pos.y = -p.pos.y;
            p.vel.y = -p.vel.y * 0.5;
            flags |= FLAG_BOUNCED;
        } else {
            p.alive = false;
            flags |= FLAG_DIED;
        }
    }
    if p.kind == Kind::Spark && age >= SPARK_LIFETIME {
        p.kind = Kind::Smoke;
    }
    p.flags = flags as u16;
    p.alive
}

/// Kinetic plus potential energy of a live particle, in `f64`.
fn energy_of(p: &Particle, gravity: Vec3) -> f64 {
    let (vx, vy, vz) = (f64::from(p.vel.x), f64::from(p.vel.y), f64::from(p.vel.z));
    let kinetic = 0.5 * f64::from(p.mass) * (vx * vx + vy * vy + vz * vz);
    let potential = f64::from(p.mass) * -f64::from(gravity.y) * f64::from(p.pos.y);
    kinetic + potential
}

/// The layout fingerprint this guest was compiled against, by type:
/// 0 `Particle`, 1 `StepRequest`, 2 `StepResponse`, 3 `StepFrame`, 4 `Label`,
/// 5 `Event`; 0 for others.
#[no_mangle]
pub extern "C" fn layout_fingerprint(ty: u32) -> u64 {
    match ty {
        0 => Particle::FINGERPRINT,
        1 => StepRequest::FINGERPRINT,
        2 => StepResponse::FINGERPRINT,
        3 => StepFrame::FINGERPRINT,
        4 => Label::FINGERPRINT,
        5 => Event::FINGERPRINT,
        _ => 0,
    }
}

/// The first byte after the guest's data and stack: hosts allocate above it.
#[no_mangle]
pub extern "C" fn heap_base() -> u32 {
    base()
}

/// Request/response: steps the particles a `StepRequest` points to in place
/// and writes a `StepResponse`.
#[no_mangle]
pub extern "C" fn step(request_ptr: u32, response_ptr: u32) -> u32 {
    let mut heap = Heap::get();
    let checked = (|| {
        let request = heap.of::<StepRequest>(request_ptr)?;
        let response = heap.of::<StepResponse>(response_ptr)?;
        let request: StepRequest = heap.read(request)?;
        let particles = heap.array(request.particles.offset(), request.count)?;
        Ok((request, particles, response))
    })();
    match checked {
        Ok((r, particles, response)) => {
            heap.step_all(particles, particles, r.count, r.dt, r.gravity, response)
        }
        Err(status) => status,
    }
}

/// Double buffering: steps `StepFrame.src` into `StepFrame.dst`, which must
/// not overlap, and writes a `StepResponse`.
#[no_mangle]
pub extern "C" fn step_frame(frame_ptr: u32, response_ptr: u32) -> u32 {
    let mut heap = Heap::get();
    let checked = (|| {
        let frame = heap.of::<StepFrame>(frame_ptr)?;
        let response = heap.of::<StepResponse>(response_ptr)?;
        let frame: StepFrame = heap.read(frame)?;
        let src = heap.array(frame.src.offset(), frame.count)?;
        let dst = heap.array(frame.dst.offset(), frame.count)?;
        let bytes = u64::from(frame.count) * Particle::SIZE as u64;
        let (s, d) = (u64::from(frame.src.offset()), u64::from(frame.dst.offset()));
        if frame.count != 0 && s < d + bytes && d < s + bytes {
            return Err(STATUS_OVERLAP);
        }
        Ok((frame, src, dst, response))
    })();
    match checked {
        Ok((f, src, dst, response)) => heap.step_all(src, dst, f.count, f.dt, f.gravity, response),
        Err(status) => status,
    }
}

/// Frames stepped since instantiation, by either function.
#[export_name = "frames"]
pub extern "C" fn frames_stepped() -> u32 {
    FRAMES.load(Ordering::Relaxed)
}

/// Particles stepped since instantiation.
#[export_name = "particles_stepped"]
pub extern "C" fn total_particles_stepped() -> u64 {
    PARTICLES.load(Ordering::Relaxed)
}
