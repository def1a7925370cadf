//! `Option<T>`: `Option<WasmPtr<T>>` and `Option<NonZero…>` (the inner's
//! layout, 0 is `None`; writing `Some(WasmPtr::null())` is `NullPointer` and
//! writes nothing) and the tagged form of every other supported `T`
//! (`#[repr(C, u8)] enum { None, Some(T) }`: tag 0/1, other tags rejected,
//! the payload zeroed for `None`), alone, in structs, arrays and enum cases.

use std::num::{
    NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8,
};

use wasm_layout::{LayoutError, OptionRepr, TypeKind, ViewRef, WasmLayout, WasmPtr, WasmSlice, WasmStr};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Node {
    pub value: u32,
    pub next: Option<WasmPtr<Node>>,
    pub weight: Option<f64>,
    pub name: Option<WasmStr>,
    pub ids: [Option<NonZeroU16>; 3],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub enum Kind {
    A = 1,
    B = 2,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u8)]
pub enum Link {
    To(Option<WasmPtr<Node>>),
    Maybe { kind: Option<Kind> },
}

/// Rust's own layout of `#[repr(C, u8)] enum { None, Some(T) }`, on the host.
#[allow(dead_code)]
#[repr(C, u8)]
enum Twin<T> {
    None,
    Some(T),
}

#[test]
fn layouts() {
    fn zero<T: WasmLayout>(size: usize) {
        assert_eq!((T::SIZE, T::ALIGN), (size, size));
        assert!(matches!(T::LAYOUT.kind, TypeKind::Option(o) if o.repr == OptionRepr::Zero));
    }
    // Rust gives `Option<WasmPtr<T>>` a tag on the host (a u32 has no
    // niche); on wasm32 it is the pointer, 0 being None.
    zero::<Option<WasmPtr<Node>>>(4);
    assert_eq!(size_of::<Option<WasmPtr<Node>>>(), 8);
    // The NonZero integers: Rust agrees, a niche and no tag.
    assert_eq!(size_of::<Option<NonZeroU64>>(), 8);
    zero::<Option<NonZeroU8>>(1);
    zero::<Option<NonZeroU16>>(2);
    zero::<Option<NonZeroU32>>(4);
    zero::<Option<NonZeroU64>>(8);
    zero::<Option<NonZeroI8>>(1);
    zero::<Option<NonZeroI16>>(2);
    zero::<Option<NonZeroI32>>(4);
    zero::<Option<NonZeroI64>>(8);

    fn tagged<T: wasm_layout::TaggedOption + Copy>() {
        let o = <Option<T>>::LAYOUT;
        assert!(matches!(o.kind, TypeKind::Option(l) if l.repr == OptionRepr::Tagged { payload: T::ALIGN }));
        assert_eq!((o.size, o.align), (size_of::<Twin<T>>(), align_of::<Twin<T>>()), "{}", T::NAME);
    }
    tagged::<u8>();
    tagged::<u16>();
    tagged::<u32>();
    tagged::<u64>();
    tagged::<i8>();
    tagged::<i64>();
    tagged::<f32>();
    tagged::<f64>();
    tagged::<bool>();
    tagged::<Kind>();
    // `Link` holds options, which have this crate's layout, not the host's.
    assert_eq!((<Option<Link>>::SIZE, <Option<Link>>::ALIGN), (12, 4));
    assert_eq!(<Option<WasmStr>>::SIZE, 12);
    assert_eq!(<Option<WasmSlice<u64>>>::SIZE, 12);
    assert_eq!((<Option<f64>>::SIZE, <Option<f64>>::ALIGN), (16, 8));

    assert_eq!(Node::LAYOUT.field("next").unwrap().offset, 4);
    assert_eq!(Node::LAYOUT.field("weight").unwrap().offset, 8);
    assert_eq!(Node::LAYOUT.field("name").unwrap().offset, 24);
    assert_eq!(Node::LAYOUT.field("ids").unwrap().offset, 36);
    assert_eq!(Node::SIZE, 48);
}

#[test]
fn zero_is_none() {
    let mut bytes = [0xFFu8; 4];
    None::<WasmPtr<Node>>.write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [0; 4]);
    assert_eq!(<Option<WasmPtr<Node>>>::read_from(&bytes), Ok(None));
    Some(WasmPtr::<Node>::new(0x1234)).write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [0x34, 0x12, 0, 0]);
    assert_eq!(<Option<WasmPtr<Node>>>::read_from(&bytes), Ok(Some(WasmPtr::new(0x1234))));

    let mut bytes = [0xFFu8; 8];
    for v in [None, NonZeroI64::new(-1), NonZeroI64::new(i64::MIN)] {
        v.write_to(&mut bytes).unwrap();
        assert_eq!(bytes, v.map_or(0, NonZeroI64::get).to_le_bytes());
        assert_eq!(<Option<NonZeroI64>>::read_from(&bytes), Ok(v));
    }
}

#[test]
fn some_null_is_an_error_and_writes_nothing() {
    let e = Err(LayoutError::NullPointer { type_name: "Node" });
    let mut bytes = [0xABu8; 4];
    assert_eq!(Some(WasmPtr::<Node>::null()).write_to(&mut bytes), e);
    assert_eq!(bytes, [0xAB; 4]);
    let mut memory = [0xABu8; 64];
    assert_eq!(Some(WasmPtr::<Node>::null()).write_at(&mut memory, 8), e);
    // In an array, an enum case and an Option of it: nothing written either.
    assert_eq!([None, Some(WasmPtr::<Node>::null())].write_to(&mut memory), e);
    assert_eq!(Link::To(Some(WasmPtr::null())).write_to(&mut memory), e);
    assert!(memory.iter().all(|&b| b == 0xAB));
    let mut view = Link::view_mut(&mut memory).unwrap();
    assert_eq!(view.set(&Link::To(Some(WasmPtr::null()))), e);
    assert!(memory.iter().all(|&b| b == 0xAB));

    // In a struct's field, and in an `Option` and an array of that struct.
    let node = Node { value: 7, next: Some(WasmPtr::null()), weight: Some(1.0), name: None, ids: [None; 3] };
    assert_eq!(node.write_to(&mut memory), e);
    assert_eq!(node.write_at(&mut memory, 8), e);
    assert_eq!(Some(node).write_to(&mut memory), e);
    assert_eq!([Node { next: None, ..node }, node].write_to(&mut memory), e);
    // A tuple struct's field likewise.
    assert_eq!(Hop(1, Some(WasmPtr::null())).write_to(&mut memory), e);
    assert!(memory.iter().all(|&b| b == 0xAB));
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Hop(pub u8, pub Option<WasmPtr<Node>>);

#[test]
fn tagged_round_trips_zero_the_payload_and_reject_other_tags() {
    let mut bytes = [0xFFu8; 16];
    Some(-0.25f64).write_to(&mut bytes).unwrap();
    let mut expected = [0u8; 16];
    expected[0] = 1;
    expected[8..].copy_from_slice(&(-0.25f64).to_le_bytes());
    assert_eq!(bytes, expected, "tag 1, padding zero");
    assert_eq!(<Option<f64>>::read_from(&bytes), Ok(Some(-0.25)));
    None::<f64>.write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [0u8; 16], "None zeroes the payload");

    let mut memory = [0u8; 32];
    for tag in 2..=255u8 {
        memory[20] = tag;
        let e = LayoutError::InvalidDiscriminant { type_name: "Option", offset: 20, value: tag.into() };
        assert_eq!(<Option<u32>>::read_at(&memory, 20), Err(e));
        assert_eq!(<Option<u32>>::view_at(&memory, 20).unwrap().err(), Some(e));
    }
    // `Some` of an invalid value: the inner error, at its absolute offset.
    memory[16..18].copy_from_slice(&[1, 7]);
    assert_eq!(<Option<bool>>::read_at(&memory, 16), Err(LayoutError::InvalidBool { offset: 17, byte: 7 }));
    memory[8..10].copy_from_slice(&[1, 9]);
    let e = LayoutError::InvalidDiscriminant { type_name: "Kind", offset: 9, value: 9 };
    assert_eq!(<Option<Kind>>::read_at(&memory, 8), Err(e));
    assert_eq!(<Option<Kind>>::view_at(&memory, 8).unwrap().map(|k| k.map(|r| r.err())), Ok(Some(Some(e))));
}

#[test]
fn every_short_slice_is_out_of_bounds() {
    fn check<T: wasm_layout::WholeValue + Default>() {
        // `Default` is `None` for every option.
        for len in 0..T::SIZE {
            let mut bytes = vec![0x5Au8; len];
            let e = LayoutError::OutOfBounds { offset: 0, needed: T::SIZE, available: len };
            assert_eq!(T::read_from(&bytes).err(), Some(e));
            assert_eq!(T::default().write_to(&mut bytes), Err(e));
            assert!(bytes.iter().all(|&b| b == 0x5A));
        }
    }
    check::<Option<WasmPtr<Node>>>();
    check::<Option<NonZeroU64>>();
    check::<Option<f64>>();
    check::<Option<WasmStr>>();
    check::<Option<Kind>>();
}

#[test]
fn in_structs_arrays_and_cases() {
    let node = Node {
        value: 7,
        next: Some(WasmPtr::new(64)),
        weight: None,
        name: Some(WasmStr::new(100, 5)),
        ids: [NonZeroU16::new(1), None, NonZeroU16::new(65535)],
    };
    let mut bytes = vec![0xEEu8; Node::SIZE];
    node.write_to(&mut bytes).unwrap();
    assert_eq!(Node::read_from(&bytes), Ok(node));
    assert!(bytes[8..24].iter().all(|&b| b == 0), "None zeroes the weight's payload");
    let v = Node::view(&bytes).unwrap();
    assert_eq!(v.next(), Some(WasmPtr::new(64)));
    assert_eq!(v.weight(), Ok(None));
    assert_eq!(v.name(), Ok(Some(WasmStr::new(100, 5))));
    assert_eq!(v.ids().get(1), Some(None));
    assert_eq!(v.read(), Ok(node));

    for link in [
        Link::To(None),
        Link::To(Some(WasmPtr::new(8))),
        Link::Maybe { kind: Some(Kind::B) },
        Link::Maybe { kind: None },
    ] {
        let mut bytes = [0x33u8; 8];
        link.write_to(&mut bytes).unwrap();
        assert_eq!(Link::read_from(&bytes), Ok(link));
    }
}
