//! `label_kind`: a [`Label`] (a `WasmStr`, a `WasmSlice<u32>` and two
//! options) written through the derived accessors, as the C and Odin guests
//! write theirs.

use wasm_layout::{WasmLayout, WasmPtr, WasmSlice, WasmStr};
use wasm_layout_e2e_schema::{Kind, Label, Particle};

use crate::{Heap, STATUS_INVALID, STATUS_OK};

/// How far after the `Label` its name's bytes (zero-padded to 8) go: right
/// after it.
const LABEL_TEXT: u32 = Label::SIZE as u32;
/// How far after the `Label` its member indices go.
const LABEL_MEMBERS: u32 = LABEL_TEXT + 8;
/// The kinds' names, by discriminant.
const KIND_NAMES: [&str; 3] = ["dust", "spark", "smoke"];

/// Writes at `out` a `Label` naming `kind` and listing the indices of the
/// live particles of that kind among `count` at `particles`, with its text
/// and its members after it: `LABEL_MEMBERS + 4 * count` bytes, aligned as
/// a `Label`. Every particle is checked before anything is written.
#[no_mangle]
pub extern "C" fn label_kind(particles: u32, count: u32, kind: u32, out: u32) -> u32 {
    let mut heap = Heap::get();
    let checked = (|| {
        let src = heap.array(particles, count)?;
        let bytes = u64::from(LABEL_MEMBERS) + u64::from(count) * 4;
        let at = heap.block(out, bytes, Label::ALIGN as u32)?;
        let name = *KIND_NAMES.get(kind as usize).ok_or(STATUS_INVALID)?;
        let kind = u8::try_from(kind).map_err(|_| STATUS_INVALID)?;
        let kind: Kind = heap.read_value(&[kind])?;
        for i in 0..count {
            heap.read::<Particle>(nth(src, i))?;
        }
        Ok((at, name, kind, src))
    })();
    let (at, name, kind, src) = match checked {
        Ok(c) => c,
        Err(status) => return status,
    };
    let mut text = [0u8; 8];
    text[..name.len()].copy_from_slice(name.as_bytes());
    if let Err(status) = heap.write(at + LABEL_TEXT as usize, &text) {
        return status;
    }
    let (mut n, mut leader, mut max_mass) = (0u32, None, None::<f32>);
    for i in 0..count {
        let Ok(p) = heap.read::<Particle>(nth(src, i)) else { return STATUS_INVALID };
        if p.alive && p.kind == kind {
            leader = leader.or(Some(WasmPtr::new(particles + i * Particle::SIZE as u32)));
            if max_mass.is_none_or(|m| p.mass > m) {
                max_mass = Some(p.mass);
            }
            if let Err(status) = heap.write(at + (LABEL_MEMBERS + 4 * n) as usize, &i) {
                return status;
            }
            n += 1;
        }
    }
    let label = Label {
        name: WasmStr::new(out + LABEL_TEXT, name.len() as u32),
        members: WasmSlice::new(out + LABEL_MEMBERS, n),
        leader,
        max_mass,
    };
    heap.write(at, &label).err().unwrap_or(STATUS_OK)
}

/// The offset of the `i`-th particle of the array at offset `src`.
fn nth(src: usize, i: u32) -> usize {
    src + i as usize * Particle::SIZE
}
