//! A `no_std` guest without a global allocator: derived layouts, views and
//! whole-value reads and writes over its own bytes.
#![no_std]
#![deny(warnings)]

use wasm_layout::{WasmLayout, WasmPtr};

/// A point, laid out as wasm32 C lays it out.
#[derive(WasmLayout, Clone, Copy)]
pub struct Point {
    /// Horizontal.
    pub x: f32,
    /// Vertical.
    pub y: f32,
}

/// What a particle is.
#[derive(WasmLayout, Clone, Copy)]
#[repr(u8)]
pub enum Kind {
    /// Burns out.
    Spark = 1,
    /// Floats.
    Smoke = 2,
}

/// A struct with padding, an enum, a bool, an array and a pointer.
#[derive(WasmLayout, Clone, Copy)]
pub struct Particle {
    /// Where it is.
    pub pos: Point,
    /// What it is.
    pub kind: Kind,
    /// Whether it is alive.
    pub alive: bool,
    /// Its identity.
    pub id: u64,
    /// Recent positions.
    pub trail: [Point; 2],
    /// The next particle.
    pub next: WasmPtr<Particle>,
}

/// `Particle`'s size: the host checks it against its own.
#[no_mangle]
pub extern "C" fn particle_size() -> u32 {
    Particle::SIZE as u32
}

/// Writes a particle at the start of `bytes` and reads its `id` back
/// through a view; 0 on any error.
fn roundtrip(bytes: &mut [u8], id: u64) -> u64 {
    let p = Particle {
        pos: Point { x: 1.0, y: 2.0 },
        kind: Kind::Smoke,
        alive: true,
        id,
        trail: [Point { x: 0.0, y: 0.0 }; 2],
        next: WasmPtr::new(0),
    };
    if p.write_to(bytes).is_err() {
        return 0;
    }
    match Particle::view(bytes) {
        Ok(view) if view.kind().is_ok() => view.id(),
        _ => 0,
    }
}

/// Round-trips a particle through bytes on the guest's stack.
#[no_mangle]
pub extern "C" fn roundtrip_id(id: u64) -> u64 {
    let mut bytes = [0u8; 64];
    roundtrip(&mut bytes, id)
}

#[cfg(not(test))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
