//! Every error a safe API returns: the right `LayoutError`, with the right
//! offsets, and nothing changed by a failed write.

mod shapes;

use proptest::prelude::*;
use wasm_layout::{LayoutError, WasmLayout, WasmPtr, WholeValue};

use shapes::*;

const FILL: u8 = 0xAB;

fn oob(offset: usize, needed: usize, available: usize) -> LayoutError {
    LayoutError::OutOfBounds { offset, needed, available }
}

/// Every length below SIZE fails every accessor, and writes change nothing.
fn short_slices<T: WholeValue + Copy + std::fmt::Debug>(value: T) {
    for len in 0..T::SIZE {
        let mut bytes = vec![FILL; len];
        let want = oob(0, T::SIZE, len);
        assert_eq!(T::read_from(&bytes).err(), Some(want), "{} read_from, len {len}", T::NAME);
        assert_eq!(T::view(&bytes).err(), Some(want), "{} view", T::NAME);
        assert_eq!(value.write_to(&mut bytes), Err(want), "{} write_to", T::NAME);
        assert!(bytes.iter().all(|&b| b == FILL), "{}: a failed write changed nothing", T::NAME);
        assert_eq!(T::view_mut(&mut bytes).err(), Some(want), "{} view_mut", T::NAME);
        assert_eq!(T::view_slice(&bytes, 1).err(), Some(want));
    }
}

/// Offsets near and past the end of a memory, and ones that overflow.
fn bad_offsets<T: WholeValue + Copy + std::fmt::Debug>(value: T) {
    let len = T::SIZE + 5;
    let mut memory = vec![FILL; len];
    let mut offsets: Vec<usize> = (len - T::SIZE + 1..len + 3).collect();
    offsets.extend([usize::MAX, usize::MAX - T::SIZE + 1, usize::MAX / 2]);
    for offset in offsets {
        let want = oob(offset, T::SIZE, len);
        assert_eq!(T::read_at(&memory, offset).err(), Some(want), "{} read_at {offset}", T::NAME);
        assert_eq!(T::view_at(&memory, offset).err(), Some(want));
        assert_eq!(value.write_at(&mut memory, offset), Err(want));
        assert_eq!(T::view_mut_at(&mut memory, offset).err(), Some(want));
        assert!(memory.iter().all(|&b| b == FILL), "{}: a failed write_at changed nothing", T::NAME);
    }
    // The last offset that fits works.
    value.write_at(&mut memory, len - T::SIZE).unwrap();
    T::read_at(&memory, len - T::SIZE).unwrap();
}

#[test]
fn short_slices_and_bad_offsets_are_out_of_bounds() {
    macro_rules! each {
        ($($v:expr),* $(,)?) => {$( short_slices($v); bad_offsets($v); )*};
    }
    each!(
        Point { x: 1.0, y: 2.0 },
        Mixed { a: 1, b: 2, c: 3 },
        AllWidths { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9.0, j: 10.0, k: true },
        Outer { flag: true, mid: Mid { x: 1, inner: Inner { a: 2, b: 3 }, y: 4 }, z: 5 },
        Packed { a: 1, b: 2, c: 3 },
        ContainsAligned { a: 1, b: Aligned16 { a: 2 } },
        WithEnums { a: EU8::D, b: EU16::B, c: EU32::High, d: EI8::Neg, e: EI16::M, f: EI32::Min },
        Node { value: 1, next: WasmPtr::new(8) },
        BoolArray { flags: [true; 5], x: 7 },
        Particle { pos: [1.0; 3], vel: [2.0; 3], mass: 3.0, id: 4, alive: true, kind: 5 },
        Pair(1, 2.5),
        EntityId(7),
        Meters(1.5),
        TupleMix(1, true, Inner { a: 2, b: 3 }, [4, 5, 6], EntityId(7), Meters(8.0)),
        WithIds {
            flag: 1,
            id: EntityId(2),
            pair: Pair(3, 4.0),
            ids: [EntityId(5), EntityId(6)],
            len: Meters(7.0)
        },
        EU8::C,
        EI32::Two,
        7u64,
        true,
        [1u16, 2, 3],
    );
}

#[test]
fn slice_counts_that_overflow() {
    let bytes = [0u8; 64];
    assert_eq!(Point::view_slice(&bytes, usize::MAX).err(), Some(oob(0, usize::MAX, 64)));
    assert_eq!(Point::view_slice(&bytes, 5).err(), Some(oob(0, 80, 64)));
    assert_eq!(Point::view_slice(&bytes, 4).map(|s| s.len()).ok(), Some(4));
}

#[test]
fn every_invalid_bool_byte() {
    let good = AllWidths { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9.0, j: 10.0, k: false };
    for byte in 2..=255u8 {
        // Top level, at its offset.
        let mut bytes = vec![0u8; AllWidths::SIZE];
        good.write_to(&mut bytes).unwrap();
        bytes[48] = byte;
        let want = LayoutError::InvalidBool { offset: 48, byte };
        assert_eq!(AllWidths::read_from(&bytes), Err(want));
        assert_eq!(AllWidths::view(&bytes).unwrap().k(), Err(want));
        assert_eq!(AllWidths::view(&bytes).unwrap().j(), 10.0, "other getters still work");

        // Inside a memory: the offset counts from the memory's start.
        let mut memory = vec![0u8; 100];
        good.write_at(&mut memory, 16).unwrap();
        memory[16 + 48] = byte;
        assert_eq!(AllWidths::read_at(&memory, 16), Err(LayoutError::InvalidBool { offset: 64, byte }));

        // In an array: element 3 of `flags`.
        let mut flags = vec![0u8; BoolArray::SIZE];
        flags[3] = byte;
        assert_eq!(BoolArray::read_from(&flags), Err(LayoutError::InvalidBool { offset: 3, byte }));
        let view = BoolArray::view(&flags).unwrap();
        assert_eq!(view.flags().get(3), Some(Err(LayoutError::InvalidBool { offset: 3, byte })));
        assert_eq!(view.flags().get(2), Some(Ok(false)));

        // Nested: Outer.flag is at 0; put a bad bool where the nested struct
        // is not a bool, the read still fails only on the bool.
        let mut outer = vec![0u8; Outer::SIZE];
        outer[0] = byte;
        assert_eq!(Outer::read_from(&outer), Err(LayoutError::InvalidBool { offset: 0, byte }));
        assert_eq!(bool::read_from(&[byte]), Err(LayoutError::InvalidBool { offset: 0, byte }));
    }
}

#[test]
fn every_unknown_discriminant() {
    fn expect<T: WholeValue + std::fmt::Debug>(bytes: &[u8], valid: bool, value: i64) {
        let got = T::read_from(bytes);
        if valid {
            assert!(got.is_ok(), "{}: {value} is a variant", T::NAME);
        } else {
            let want = LayoutError::InvalidDiscriminant { type_name: T::NAME, offset: 0, value };
            assert_eq!(got.err(), Some(want), "{}: {value}", T::NAME);
        }
    }
    for v in 0..=255u8 {
        expect::<EU8>(&[v], [0, 1, 7, 8].contains(&v), v as i64);
        let s = v as i8;
        expect::<EI8>(&[v], [-128, 0, 127].contains(&s), s as i64);
    }
    for v in [0u16, 2, 0x1233, 0x1235, 0xFFFF, 1, 0x1234] {
        expect::<EU16>(&v.to_le_bytes(), v == 1 || v == 0x1234, v as i64);
    }
    for v in [1u32, 0xFFFF_FFFE, 0x8000_0000, 0, 0xFFFF_FFFF] {
        expect::<EU32>(&v.to_le_bytes(), v == 0 || v == u32::MAX, v as i64);
    }
    for v in [0i16, -1, 299, -301, 300, -300, i16::MIN] {
        expect::<EI16>(&v.to_le_bytes(), v == 300 || v == -300, v as i64);
    }
    for v in [0i32, 3, -1, i32::MAX, i32::MIN + 1, i32::MIN, 1, 2] {
        expect::<EI32>(&v.to_le_bytes(), [i32::MIN, 1, 2].contains(&v), v as i64);
    }

    // Inside a struct, at the field's offset; views fail only on that field.
    let mut bytes = vec![0u8; WithEnums::SIZE];
    WithEnums { a: EU8::A, b: EU16::A, c: EU32::Low, d: EI8::Zero, e: EI16::P, f: EI32::One }
        .write_to(&mut bytes)
        .unwrap();
    bytes[12..16].copy_from_slice(&77i32.to_le_bytes());
    let want = LayoutError::InvalidDiscriminant { type_name: "EI32", offset: 12, value: 77 };
    assert_eq!(WithEnums::read_from(&bytes), Err(want));
    let view = WithEnums::view(&bytes).unwrap();
    assert_eq!(view.f(), Err(want));
    assert_eq!(view.e(), Ok(EI16::P));

    // In an array of enums: element 2 at offset 4.
    let mut arr = vec![0u8; EnumArray::SIZE];
    EnumArray { kinds: [EU16::A; 3], tail: 0 }.write_to(&mut arr).unwrap();
    arr[4] = 9;
    let want = LayoutError::InvalidDiscriminant { type_name: "EU16", offset: 4, value: 9 };
    assert_eq!(EnumArray::read_from(&arr), Err(want));
    assert_eq!(EnumArray::view(&arr).unwrap().kinds().get(2), Some(Err(want)));
    assert_eq!(EnumArray::view(&arr).unwrap().kinds().read(), Err(want));
}

#[test]
fn null_and_out_of_range_pointers() {
    let mut memory = vec![FILL; 64];
    let node = Node { value: 1, next: WasmPtr::null() };
    let null = WasmPtr::<Node>::null();
    let null_err = LayoutError::NullPointer { type_name: "Node" };
    assert_eq!(null.read(&memory), Err(null_err));
    assert_eq!(null.write(&mut memory, &node), Err(null_err));
    assert_eq!(null.view(&memory).err(), Some(null_err));
    assert_eq!(null.view_mut(&mut memory).err(), Some(null_err));
    assert_eq!(null.view_slice(&memory, 1).err(), Some(null_err));

    for offset in [57u32, 60, 64, 100, u32::MAX - 3, u32::MAX] {
        let p = WasmPtr::<Node>::new(offset);
        let want = oob(offset as usize, 8, 64);
        assert_eq!(p.read(&memory), Err(want), "read at {offset}");
        assert_eq!(p.write(&mut memory, &node), Err(want), "write at {offset}");
        assert_eq!(p.view(&memory).err(), Some(want));
        assert_eq!(p.view_mut(&mut memory).err(), Some(want));
        assert!(p.view_slice(&memory, 1).is_err());
        assert!(p.view_slice_mut(&mut memory, 1).is_err());
    }
    assert!(memory.iter().all(|&b| b == FILL), "failed pointer writes changed nothing");

    // The last slot that fits, and a chain through it.
    let last = WasmPtr::<Node>::new(56);
    let first = WasmPtr::<Node>::new(8);
    first.write(&mut memory, &Node { value: 10, next: last }).unwrap();
    last.write(&mut memory, &Node { value: 20, next: WasmPtr::null() }).unwrap();
    let mut sum = 0;
    let mut p = first;
    while !p.is_null() {
        let n = p.read(&memory).unwrap();
        sum += n.value;
        p = n.next;
    }
    assert_eq!(sum, 30);
    assert_eq!(first.view(&memory).unwrap().next().view(&memory).unwrap().value(), 20);
    assert_eq!(first.view_slice(&memory, 2).unwrap().get(0).unwrap().value(), 10);
    assert_eq!(WasmPtr::<Node>::new(u32::MAX - 3).checked_add(1), None);
    assert_eq!(first.checked_add(6), Some(WasmPtr::new(56)));
}

#[test]
fn errors_read_clearly() {
    let cases = [
        (oob(4, 8, 10), "out of bounds: bytes 4..12 needed, the memory is 10 bytes long"),
        (
            LayoutError::InvalidBool { offset: 48, byte: 7 },
            "invalid bool at offset 48: byte 0x07 is neither 0 nor 1",
        ),
        (
            LayoutError::InvalidDiscriminant { type_name: "Kind", offset: 2, value: -3 },
            "invalid discriminant for Kind at offset 2: -3 names no variant",
        ),
        (LayoutError::NullPointer { type_name: "Node" }, "null pointer to Node"),
        (LayoutError::Misaligned { align: 8 }, "bytes are not aligned to 8 for an in-place cast"),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
        let _: &dyn std::error::Error = &err;
    }
}

proptest! {
    /// Arbitrary bytes of any length at any offset: accessors return, never panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..80), offset in 0usize..90) {
        fn all<T: WholeValue>(bytes: &[u8], offset: usize) {
            let _ = T::read_from(bytes);
            let _ = T::read_at(bytes, offset);
            let _ = T::view_at(bytes, offset).is_ok();
            let mut copy = bytes.to_vec();
            let _ = T::view_mut_at(&mut copy, offset).is_ok();
            let _ = T::view_slice(bytes, offset).map(|s| s.iter().count());
        }
        all::<AllWidths>(&bytes, offset);
        all::<Outer>(&bytes, offset);
        all::<WithEnums>(&bytes, offset);
        all::<BoolArray>(&bytes, offset);
        all::<EnumArray>(&bytes, offset);
        all::<Packed>(&bytes, offset);
        all::<Node>(&bytes, offset);
        all::<Particle>(&bytes, offset);
        if let Ok(v) = WithEnums::view(&bytes) {
            let _ = (v.a(), v.b(), v.c(), v.d(), v.e(), v.f());
        }
        if let Ok(v) = BoolArray::view(&bytes) {
            let _: Vec<_> = v.flags().iter().collect();
        }
        let p = WasmPtr::<Outer>::new(offset as u32);
        let _ = p.read(&bytes);
        let _ = p.view(&bytes).is_ok();
    }
}
