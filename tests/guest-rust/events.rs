//! `record_events`: [`Event`]s, an enum with data, written through the
//! derived accessors, as the C and Odin guests write theirs.

use wasm_layout::WasmLayout;
use wasm_layout_e2e_schema::{Event, Particle};

use crate::{Heap, STATUS_OK, STATUS_OUT_OF_BOUNDS};

/// The events particle `i` of the `count` at offset `src` shows: a `Spawn`
/// when it is alive, then a `Collide` when the next one is alive and of its
/// kind.
fn events_of(heap: &Heap, src: usize, count: u32, i: u32) -> Result<[Option<Event>; 2], u32> {
    let particle = |i: u32| heap.read::<Particle>(src + i as usize * Particle::SIZE);
    let p = particle(i)?;
    if !p.alive {
        return Ok([None, None]);
    }
    let collide = if i + 1 < count {
        let next = particle(i + 1)?;
        (next.alive && next.kind == p.kind).then_some(Event::Collide(i, i + 1))
    } else {
        None
    };
    Ok([Some(Event::Spawn { id: p.id }), collide])
}

/// Writes at `out`, which has room for `capacity` `Event`s, what `count`
/// particles at `particles` show: a `Spawn` per live particle, a `Collide`
/// per two neighbouring live particles of the same kind, then a `Tick`.
/// Returns the number of events in the low 32 bits and the status in the
/// high 32 bits; when they do not fit, `STATUS_OUT_OF_BOUNDS` and nothing is
/// written.
#[no_mangle]
pub extern "C" fn record_events(particles: u32, count: u32, out: u32, capacity: u32) -> u64 {
    let mut heap = Heap::get();
    let checked = (|| {
        let src = heap.array(particles, count)?;
        let at = heap.block(out, u64::from(capacity) * Event::SIZE as u64, Event::ALIGN as u32)?;
        let mut needed = 1u32;
        for i in 0..count {
            needed += events_of(&heap, src, count, i)?.iter().flatten().count() as u32;
        }
        if needed > capacity {
            return Err(STATUS_OUT_OF_BOUNDS);
        }
        Ok((src, at))
    })();
    let written = checked.and_then(|(src, at)| {
        let mut n = 0usize;
        for i in 0..count {
            for e in events_of(&heap, src, count, i)?.into_iter().flatten() {
                heap.write(at + n * Event::SIZE, &e)?;
                n += 1;
            }
        }
        heap.write(at + n * Event::SIZE, &Event::Tick)?;
        Ok(n as u32 + 1)
    });
    match written {
        Ok(n) => u64::from(n) | u64::from(STATUS_OK),
        Err(status) => u64::from(status) << 32,
    }
}
