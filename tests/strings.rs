//! `WasmStr` and `WasmSlice<T>`: layout, round trips, the empty/null/bounds
//! rules and UTF-8 errors at their absolute offsets, through fields and the
//! arena.

use wasm_layout::memory::{Arena, Bump, LinearMemory, Memory};
use wasm_layout::{LayoutError, TypeKind, WasmLayout, WasmSlice, WasmStr};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Player {
    id: u8,
    name: WasmStr,
    scores: WasmSlice<f32>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
struct Packed {
    tag: u8,
    name: WasmStr,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Team {
    flag: u16,
    players: WasmSlice<Player>,
    names: [WasmStr; 2],
    captain: Player,
}

#[test]
fn layouts() {
    assert_eq!((WasmStr::SIZE, WasmStr::ALIGN), (8, 4));
    assert_eq!((WasmSlice::<f64>::SIZE, WasmSlice::<f64>::ALIGN), (8, 4));
    assert_eq!((Player::SIZE, Player::ALIGN), (20, 4));
    let offsets: Vec<usize> = Player::LAYOUT.fields().iter().map(|f| f.offset).collect();
    assert_eq!(offsets, [0, 4, 12]);
    assert_eq!((Packed::SIZE, Packed::ALIGN, Packed::LAYOUT.fields()[1].offset), (9, 1, 1));
    let offsets: Vec<usize> = Team::LAYOUT.fields().iter().map(|f| f.offset).collect();
    assert_eq!(offsets, [0, 4, 12, 28]);
    assert_eq!(Team::SIZE, 48);
    assert!(matches!(WasmStr::LAYOUT.kind, TypeKind::Str));
    let TypeKind::Slice(s) = Player::LAYOUT.fields()[2].ty.kind else { panic!("not a slice") };
    assert_eq!((s.elem_name, (s.elem)().size), ("f32", 4));
}

#[test]
fn round_trip_and_bytes() {
    let p = Player { id: 7, name: WasmStr::new(0x100, 3), scores: WasmSlice::new(0x200, 2) };
    let mut bytes = [0xAAu8; 20];
    p.write_to(&mut bytes).unwrap();
    let mut expected = vec![7, 0, 0, 0];
    for w in [0x100u32, 3, 0x200, 2] {
        expected.extend_from_slice(&w.to_le_bytes());
    }
    assert_eq!(bytes.to_vec(), expected, "ptr then len, padding zero");
    assert_eq!(Player::read_from(&bytes).unwrap(), p);
    let view = Player::view(&bytes).unwrap();
    assert_eq!((view.name(), view.scores()), (p.name, p.scores));
}

#[test]
fn placed_by_the_arena_and_read_back() {
    let mut memory = LinearMemory::new(1, 1).unwrap();
    let mut arena = Arena::new(1024, 4096).unwrap();
    let name = arena.place_str(&mut memory, "Ada Lovelace, ünïcødé").unwrap();
    let scores = arena.place_wasm_slice(&mut memory, &[1.0f32, 2.5, 4.0]).unwrap();
    let p = arena.place(&mut memory, &Player { id: 1, name, scores }).unwrap();
    let back = p.read(memory.bytes()).unwrap();
    assert_eq!(back.name.read(memory.bytes()).unwrap(), "Ada Lovelace, ünïcødé");
    let view = back.scores.view(memory.bytes()).unwrap();
    assert_eq!(view.iter().collect::<Vec<_>>(), [1.0, 2.5, 4.0]);
    assert_eq!(view.get(3), None);
    let used = arena.used();
    assert_eq!(arena.place_str(&mut memory, "").unwrap(), WasmStr::empty());
    assert_eq!(arena.place_wasm_slice::<u64, _>(&mut memory, &[]).unwrap(), WasmSlice::empty());
    assert_eq!(arena.used(), used, "empty placements allocate nothing");

    let mut memory = LinearMemory::new(1, 4).unwrap();
    let mut bump = Bump::new(65_530).unwrap();
    let s = bump.place_str(&mut memory, "grows the memory").unwrap();
    assert_eq!(s.read(memory.bytes()).unwrap(), "grows the memory");
    let xs = bump.place_wasm_slice(&mut memory, &[Player::default_like()]).unwrap();
    assert_eq!(xs.view(memory.bytes()).unwrap().read(0).unwrap(), Player::default_like());
}

trait DefaultLike {
    fn default_like() -> Self;
}
impl DefaultLike for Player {
    fn default_like() -> Self {
        Player { id: 9, name: WasmStr::empty(), scores: WasmSlice::empty() }
    }
}

#[test]
fn a_full_arena_changes_nothing() {
    let mut memory = LinearMemory::new(1, 1).unwrap();
    let mut arena = Arena::new(1024, 4).unwrap();
    let before = (arena.clone(), memory.bytes().to_vec());
    assert!(arena.place_str(&mut memory, "too long").is_err());
    assert!(arena.place_wasm_slice(&mut memory, &[1u32, 2]).is_err());
    assert_eq!((arena, memory.bytes().to_vec()), before);
}

#[test]
fn empty_null_and_bounds() {
    let memory = vec![b'x'; 64];
    // Empty: valid whatever the ptr, even past the end or at 0.
    for ptr in [0, 1, 64, 65, u32::MAX] {
        assert_eq!(WasmStr::new(ptr, 0).read(&memory), Ok(""));
        assert!(WasmSlice::<u64>::new(ptr, 0).view(&memory).unwrap().is_empty());
    }
    // Null with len > 0.
    assert_eq!(WasmStr::new(0, 1).read(&memory), Err(LayoutError::NullPointer { type_name: "str" }));
    assert_eq!(
        WasmSlice::<u16>::new(0, 5).view(&memory).map(|s| s.len()),
        Err(LayoutError::NullPointer { type_name: "u16" })
    );
    // Past the end, at the end, and past 4 GiB.
    fn oob<T>(offset: usize, needed: usize) -> Result<T, LayoutError> {
        Err(LayoutError::OutOfBounds { offset, needed, available: 64 })
    }
    assert_eq!(WasmStr::new(60, 4).read(&memory), Ok("xxxx"));
    assert_eq!(WasmStr::new(60, 5).read(&memory), oob(60, 5));
    assert_eq!(WasmStr::new(u32::MAX, 1).read(&memory), oob(u32::MAX as usize, 1));
    assert_eq!(WasmStr::new(u32::MAX, u32::MAX).read(&memory), oob(u32::MAX as usize, u32::MAX as usize));
    assert_eq!(WasmSlice::<u32>::new(56, 2).view(&memory).map(|s| s.len()), Ok(2));
    assert_eq!(WasmSlice::<u32>::new(56, 3).view(&memory).map(|s| s.len()), oob(56, 12));
    let huge = (u32::MAX as usize) * 8;
    assert_eq!(WasmSlice::<u64>::new(8, u32::MAX).view(&memory).map(|s| s.len()), oob(8, huge));
    assert_eq!(WasmSlice::<u64>::new(1 << 31, 1 << 28).view(&memory).map(|s| s.len()), oob(1 << 31, 1 << 31));
}

/// The bytes of a short string with one bad byte at `bad`.
fn with_bad_byte(text: &[u8], bad: usize, byte: u8) -> Vec<u8> {
    let mut t = text.to_vec();
    t[bad] = byte;
    t
}

#[test]
fn bad_utf8_at_every_position_reports_the_absolute_offset() {
    const BASE: usize = 40;
    let text = "aé€😀z".as_bytes(); // 1 + 2 + 3 + 4 + 1 bytes
    for bad in 0..text.len() {
        for byte in [0xFF, 0x80, 0xC0, b'a'] {
            let t = with_bad_byte(text, bad, byte);
            let mut memory = vec![0u8; 64];
            memory[BASE..BASE + t.len()].copy_from_slice(&t);
            let s = WasmStr::new(BASE as u32, t.len() as u32);
            let ours = s.read(&memory);
            match core::str::from_utf8(&t) {
                Ok(expected) => assert_eq!(ours, Ok(expected)),
                Err(e) => {
                    // The bad sequence starts at or before the changed byte,
                    // or right after it (an ASCII byte cutting a character).
                    assert!(e.valid_up_to() <= bad + 1, "{bad} {byte:#x}");
                    let Err(LayoutError::InvalidUtf8 { offset, error_len }) = ours else {
                        panic!("{bad} {byte:#x}: {ours:?}")
                    };
                    assert_eq!(offset, BASE + e.valid_up_to(), "{bad} {byte:#x}");
                    assert_eq!(error_len.map(usize::from), e.error_len());
                    assert_eq!(ours.unwrap_err().to_string(), format!("invalid UTF-8 at offset {offset}"));
                }
            }
        }
    }
    // A string cut in the middle of a character: no error length.
    let mut memory = vec![0u8; 16];
    memory[4..6].copy_from_slice(&"€".as_bytes()[..2]);
    assert_eq!(
        WasmStr::new(4, 2).read(&memory),
        Err(LayoutError::InvalidUtf8 { offset: 4, error_len: None })
    );
}

mod a {
    use wasm_layout::{WasmLayout, WasmSlice, WasmStr};
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Entity {
        pub name: WasmStr,
        pub ids: WasmSlice<u32>,
    }
}
mod b {
    use wasm_layout::{WasmLayout, WasmSlice};
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Entity {
        pub name: WasmSlice<u8>,
        pub ids: WasmSlice<u32>,
    }
}
mod c {
    use wasm_layout::{WasmLayout, WasmSlice, WasmStr};
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Entity {
        pub name: WasmStr,
        pub ids: WasmSlice<i32>,
    }
}

#[test]
fn a_changed_string_or_slice_field_changes_the_fingerprint() {
    // Same size and offsets; only the kind of pair or its element differs.
    assert_eq!((a::Entity::SIZE, b::Entity::SIZE, c::Entity::SIZE), (16, 16, 16));
    assert_ne!(a::Entity::FINGERPRINT, b::Entity::FINGERPRINT);
    assert_ne!(a::Entity::FINGERPRINT, c::Entity::FINGERPRINT);
    assert_ne!(b::Entity::FINGERPRINT, c::Entity::FINGERPRINT);
}
