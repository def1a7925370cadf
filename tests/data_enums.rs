//! Enums with fields (`#[repr(C, u8)]`, `C, u16`, `C, u32`): their layout
//! (against Rust's own on the host), whole-value reads and writes, views,
//! every unknown tag and every short slice, unused payload bytes zeroed,
//! nesting in structs and arrays.

use wasm_layout::{LayoutError, TypeKind, ViewMut, ViewRef, WasmLayout};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// DESIGN.md's example.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u8)]
pub enum Shape {
    Circle { radius: f32 },
    Rect(Point, Point),
    Empty,
}

/// Explicit discriminants, a u16 tag, an 8-byte-aligned payload.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u16)]
pub enum Msg {
    Ping = 3,
    Data { id: u64, ok: bool } = 10,
    Pair(u8, i16),
}

/// A u32 tag, byte-sized cases, a nested enum with fields and an array.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u32)]
pub enum Wide {
    Bytes([u8; 3]),
    Inner(Shape),
}

/// An enum with fields inside a struct, and in an array.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Scene {
    pub id: u8,
    pub main: Shape,
    pub more: [Shape; 2],
}

/// Where a case's field lies in a value, as Rust lays it out on the host.
fn host_offset<E, F>(value: &E, field: &F) -> usize {
    field as *const F as usize - value as *const E as usize
}

#[test]
fn layouts_are_rusts_own() {
    assert_eq!((Shape::SIZE, Shape::ALIGN), (20, 4));
    assert_eq!((Shape::SIZE, Shape::ALIGN), (size_of::<Shape>(), align_of::<Shape>()));
    assert_eq!((Msg::SIZE, Msg::ALIGN), (24, 8));
    assert_eq!((Msg::SIZE, Msg::ALIGN), (size_of::<Msg>(), align_of::<Msg>()));
    assert_eq!((Wide::SIZE, Wide::ALIGN), (24, 4));
    assert_eq!((Wide::SIZE, Wide::ALIGN), (size_of::<Wide>(), align_of::<Wide>()));

    let TypeKind::Variant(v) = Shape::LAYOUT.kind else { panic!("a variant") };
    assert_eq!(v.payload, 4);
    let offsets = |c: usize| v.cases[c].fields.iter().map(|f| (f.name, f.offset)).collect::<Vec<_>>();
    assert_eq!(offsets(0), [("radius", 4)]);
    assert_eq!(offsets(1), [("0", 4), ("1", 12)]);
    assert_eq!(offsets(2), []);
    assert_eq!(v.cases.iter().map(|c| c.value).collect::<Vec<_>>(), [0, 1, 2]);

    // Every field where Rust puts it.
    let s = Shape::Circle { radius: 1.0 };
    let Shape::Circle { radius } = &s else { unreachable!() };
    assert_eq!(host_offset(&s, radius), 4);
    let s = Shape::Rect(Point { x: 0.0, y: 0.0 }, Point { x: 0.0, y: 0.0 });
    let Shape::Rect(a, b) = &s else { unreachable!() };
    assert_eq!((host_offset(&s, a), host_offset(&s, b)), (4, 12));

    let TypeKind::Variant(m) = Msg::LAYOUT.kind else { panic!("a variant") };
    assert_eq!(m.cases.iter().map(|c| c.value).collect::<Vec<_>>(), [3, 10, 11]);
    let msg = Msg::Data { id: 1, ok: true };
    let Msg::Data { id, ok } = &msg else { unreachable!() };
    assert_eq!((host_offset(&msg, id), host_offset(&msg, ok)), (8, 16));
    assert_eq!((m.cases[1].fields[0].offset, m.cases[1].fields[1].offset), (8, 16));
    let msg = Msg::Pair(1, 2);
    let Msg::Pair(a, b) = &msg else { unreachable!() };
    assert_eq!((host_offset(&msg, a), host_offset(&msg, b)), (8, 10));
    assert_eq!((m.cases[2].fields[0].offset, m.cases[2].fields[1].offset), (8, 10));

    let w = Wide::Inner(Shape::Empty);
    let Wide::Inner(inner) = &w else { unreachable!() };
    assert_eq!(host_offset(&w, inner), 4);
    assert_eq!(Scene::SIZE, size_of::<Scene>());
    assert_eq!(Scene::LAYOUT.field("main").unwrap().offset, 4);
    assert_eq!(Scene::LAYOUT.field("more").unwrap().offset, 24);
}

fn samples() -> Vec<Shape> {
    vec![
        Shape::Circle { radius: 2.5 },
        Shape::Rect(Point { x: 1.0, y: 2.0 }, Point { x: -3.0, y: 4.5 }),
        Shape::Empty,
    ]
}

#[test]
fn round_trips_with_exact_bytes() {
    let mut bytes = [0xFFu8; 20];
    Shape::Circle { radius: 2.5 }.write_to(&mut bytes).unwrap();
    let mut expected = [0u8; 20];
    expected[4..8].copy_from_slice(&2.5f32.to_le_bytes());
    assert_eq!(bytes, expected, "tag 0, padding and the unused payload zero");

    let mut bytes = [0xFFu8; 20];
    Shape::Empty.write_to(&mut bytes).unwrap();
    let mut expected = [0u8; 20];
    expected[0] = 2;
    assert_eq!(bytes, expected);

    for s in samples() {
        let mut bytes = [0xAAu8; 20];
        s.write_to(&mut bytes).unwrap();
        assert_eq!(Shape::read_from(&bytes), Ok(s));
        assert_eq!(Shape::view(&bytes).unwrap().read(), Ok(s));
    }

    let msgs = [Msg::Ping, Msg::Data { id: u64::MAX, ok: true }, Msg::Pair(7, -2)];
    for m in msgs {
        let mut bytes = [0x55u8; 24];
        m.write_to(&mut bytes).unwrap();
        assert_eq!(Msg::read_from(&bytes), Ok(m));
    }
    let mut bytes = [0x55u8; 24];
    Msg::Pair(7, -2).write_to(&mut bytes).unwrap();
    assert_eq!(bytes[..12], [11, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0xFE, 0xFF]);
    assert!(bytes[12..].iter().all(|&b| b == 0));

    let w = Wide::Inner(Shape::Circle { radius: 1.0 });
    let mut bytes = [0xFFu8; 24];
    w.write_to(&mut bytes).unwrap();
    assert_eq!(bytes[..8], [1, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(Wide::read_from(&bytes), Ok(w));
}

#[test]
fn every_unknown_tag_is_rejected_at_its_offset() {
    let mut memory = [0u8; 64];
    for tag in 3..=255u8 {
        memory[40] = tag;
        let e = LayoutError::InvalidDiscriminant { type_name: "Shape", offset: 40, value: tag.into() };
        assert_eq!(Shape::read_at(&memory, 40), Err(e));
        assert_eq!(Shape::view_at(&memory, 40).unwrap().variant().err(), Some(e));
        assert_eq!(Shape::view_at(&memory, 40).unwrap().read(), Err(e));
    }
    let mut bytes = [0u8; 24];
    for tag in (0..=u16::MAX).filter(|t| ![3, 10, 11].contains(t)) {
        bytes[..2].copy_from_slice(&tag.to_le_bytes());
        let e = LayoutError::InvalidDiscriminant { type_name: "Msg", offset: 0, value: tag.into() };
        assert_eq!(Msg::read_from(&bytes), Err(e));
    }
    // A bad bool inside a case, at its absolute offset.
    Msg::Data { id: 1, ok: true }.write_at(&mut memory, 8).unwrap();
    memory[8 + 16] = 2;
    assert_eq!(Msg::read_at(&memory, 8), Err(LayoutError::InvalidBool { offset: 24, byte: 2 }));
    // A nested enum's unknown tag inside a struct and an array.
    let mut scene = [0u8; 64];
    Scene { id: 1, main: Shape::Empty, more: [Shape::Empty; 2] }.write_at(&mut scene, 0).unwrap();
    scene[24 + 20] = 9;
    let e = LayoutError::InvalidDiscriminant { type_name: "Shape", offset: 44, value: 9 };
    assert_eq!(Scene::read_from(&scene), Err(e));
    let v = Scene::view(&scene).unwrap();
    assert_eq!(v.more().get(1).unwrap().variant().err(), Some(e));
}

#[test]
fn every_short_slice_is_out_of_bounds_and_nothing_is_written() {
    for len in 0..Shape::SIZE {
        let mut bytes = vec![0x77u8; len];
        let e = Err(LayoutError::OutOfBounds { offset: 0, needed: 20, available: len });
        assert_eq!(Shape::read_from(&bytes), e);
        assert_eq!(Shape::view(&bytes).err(), e.err());
        assert_eq!(Shape::Empty.write_to(&mut bytes), e.map(|_| ()));
        assert!(bytes.iter().all(|&b| b == 0x77));
    }
}

#[test]
fn views_branch_on_the_case_without_copying() {
    let mut memory = [0u8; 64];
    Shape::Rect(Point { x: 1.0, y: 2.0 }, Point { x: 3.0, y: 4.0 }).write_at(&mut memory, 8).unwrap();
    let view = Shape::view_at(&memory, 8).unwrap();
    assert_eq!(view.tag(), 1);
    match view.variant().unwrap() {
        ShapeRef::Rect(r) => {
            assert_eq!(r._0().x(), 1.0);
            assert_eq!(r._1().y(), 4.0);
        }
        other => panic!("not a Rect: {:?}", matches!(other, ShapeRef::Empty)),
    }

    let mut m = Shape::view_mut_at(&mut memory, 8).unwrap();
    if let Ok(ShapeMut::Rect(mut r)) = m.variant_mut() {
        r._0_mut().set_x(10.0);
        r.set_1(Point { x: 5.0, y: 6.0 });
    }
    assert_eq!(m.read(), Ok(Shape::Rect(Point { x: 10.0, y: 2.0 }, Point { x: 5.0, y: 6.0 })));
    m.set(&Shape::Circle { radius: 9.0 }).unwrap();
    assert!(matches!(m.variant(), Ok(ShapeRef::Circle(c)) if c.radius() == 9.0));
    assert!(memory[16..28].iter().all(|&b| b == 0), "the old Rect's bytes are zeroed");

    let mut memory = [0u8; 24];
    Msg::Data { id: 5, ok: true }.write_to(&mut memory).unwrap();
    let mut m = Msg::view_mut(&mut memory).unwrap();
    let Ok(MsgMut::Data(mut d)) = m.variant_mut() else { panic!("Data") };
    d.set_ok(false);
    assert_eq!(d.id(), 5);
    assert_eq!(d.ok(), Ok(false));
    memory[16] = 7;
    let v = Msg::view(&memory).unwrap();
    let Ok(MsgRef::Data(d)) = v.variant() else { panic!("Data") };
    assert_eq!(d.ok(), Err(LayoutError::InvalidBool { offset: 16, byte: 7 }));
}

#[test]
fn nested_in_structs_and_arrays() {
    let scene = Scene {
        id: 7,
        main: Shape::Circle { radius: 1.5 },
        more: [Shape::Empty, Shape::Rect(Point { x: 1.0, y: 1.0 }, Point { x: 2.0, y: 2.0 })],
    };
    let mut bytes = vec![0xEEu8; Scene::SIZE];
    scene.write_to(&mut bytes).unwrap();
    assert_eq!(Scene::read_from(&bytes), Ok(scene));
    assert!(bytes[1..4].iter().all(|&b| b == 0), "struct padding zero");
    assert!(bytes[12..24].iter().all(|&b| b == 0), "the Circle's unused payload zero");
    let v = Scene::view(&bytes).unwrap();
    assert!(matches!(v.main().variant(), Ok(ShapeRef::Circle(c)) if c.radius() == 1.5));
    let arr = <[Shape; 3]>::read_from(&{
        let mut b = [0u8; 60];
        [Shape::Empty, Shape::Circle { radius: 1.0 }, Shape::Empty].write_to(&mut b).unwrap();
        b
    });
    assert_eq!(arr, Ok([Shape::Empty, Shape::Circle { radius: 1.0 }, Shape::Empty]));
}

mod fingerprints {
    use wasm_layout::WasmLayout;

    macro_rules! shape {
        ($m:ident, $($body:tt)*) => {
            pub mod $m {
                use wasm_layout::WasmLayout;
                #[derive(WasmLayout, Clone, Copy)]
                #[repr(C, u8)]
                pub enum Shape { $($body)* }
            }
        };
    }
    shape!(base, Circle { radius: f32 }, Empty);
    shape!(same, Circle { radius: f32 }, Empty);
    shape!(field_type, Circle { radius: u32 }, Empty);
    shape!(field_name, Circle { r: f32 }, Empty);
    shape!(order, Empty, Circle { radius: f32 });
    shape!(tag, Circle { radius: f32 } = 1, Empty);
    shape!(tuple, Circle(f32), Empty);
    shape!(more, Circle { radius: f32 }, Empty, Dot);

    #[test]
    fn a_changed_case_or_field_changes_the_fingerprint() {
        assert_eq!(base::Shape::FINGERPRINT, same::Shape::FINGERPRINT);
        let others = [
            field_type::Shape::FINGERPRINT,
            field_name::Shape::FINGERPRINT,
            order::Shape::FINGERPRINT,
            tag::Shape::FINGERPRINT,
            tuple::Shape::FINGERPRINT,
            more::Shape::FINGERPRINT,
        ];
        for (i, f) in others.iter().enumerate() {
            assert_ne!(*f, base::Shape::FINGERPRINT, "{i}");
        }
    }

    #[test]
    fn options_have_fingerprints_of_their_own() {
        use std::num::NonZeroU32;
        use wasm_layout::WasmPtr;
        let prints = [
            u32::FINGERPRINT,
            <Option<u32>>::FINGERPRINT,
            <Option<NonZeroU32>>::FINGERPRINT,
            <Option<i32>>::FINGERPRINT,
            <WasmPtr<u8>>::FINGERPRINT,
            <Option<WasmPtr<u8>>>::FINGERPRINT,
            <Option<WasmPtr<u16>>>::FINGERPRINT,
            <Option<base::Shape>>::FINGERPRINT,
            <Option<field_type::Shape>>::FINGERPRINT,
        ];
        for (i, a) in prints.iter().enumerate() {
            for b in &prints[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}

mod arbitrary_bytes {
    use proptest::prelude::*;
    use wasm_layout::{ViewRef, WasmLayout};

    use super::{Msg, Scene, Shape, Wide};

    /// Whatever the bytes, reads and views answer without panicking, agree
    /// with each other, and what reads back writes back to the same value.
    fn check<T: WasmLayout + PartialEq + std::fmt::Debug>(bytes: &[u8]) -> Result<(), TestCaseError>
    where
        for<'a> T::Ref<'a>: ViewRef<'a, Target = T>,
    {
        // Compared as text: a NaN is not equal to itself.
        let read = T::read_from(bytes);
        if let Ok(view) = T::view(bytes) {
            prop_assert_eq!(format!("{:?}", view.read()), format!("{read:?}"));
        }
        if let Ok(value) = read {
            let mut again = vec![0u8; T::SIZE];
            value.write_to(&mut again).unwrap();
            prop_assert_eq!(format!("{:?}", T::read_from(&again)), format!("{:?}", Ok::<_, ()>(value)));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn reads_never_panic_and_agree(bytes in proptest::collection::vec(any::<u8>(), 0..160), tags in any::<[u8; 4]>()) {
            // Mostly valid tags, so the cases' fields are reached too.
            let mut bytes = bytes;
            if let Some(b) = bytes.first_mut() { *b = tags[0] % 4; }
            check::<Shape>(&bytes)?;
            check::<Wide>(&bytes)?;
            check::<Scene>(&bytes)?;
            if bytes.len() >= 2 { bytes[0] = [3, 10, 11, tags[1]][usize::from(tags[2] % 4)]; bytes[1] = 0; }
            check::<Msg>(&bytes)?;
            if let Ok(v) = Shape::view(&bytes) {
                let _ = v.variant();
            }
        }
    }
}
