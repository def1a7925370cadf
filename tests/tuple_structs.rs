//! Tuple structs and newtypes: laid out as structs with fields `0`, `1`, …
//! (Rust's own `repr(C)` layout), with the getters `_0()`, setters
//! `set_0()`, mutable views `_0_mut()` and constants `OFFSET_0`.

mod shapes;

use proptest::prelude::*;
use wasm_layout::{LayoutError, ViewMut, ViewRef, WasmLayout, WholeValue};

use shapes::*;

fn tuple_mix(v: &TupleMix) -> Vec<u8> {
    let mut out = vec![0u8; 24];
    out[0] = v.0;
    out[1] = v.1 as u8;
    out[2] = v.2.a;
    out[4..6].copy_from_slice(&v.2.b.to_le_bytes());
    for (i, x) in v.3.iter().enumerate() {
        out[6 + 2 * i..8 + 2 * i].copy_from_slice(&x.to_le_bytes());
    }
    out[12..16].copy_from_slice(&v.4 .0.to_le_bytes());
    out[16..24].copy_from_slice(&v.5 .0.to_le_bytes());
    out
}

fn with_ids(v: &WithIds) -> Vec<u8> {
    let mut out = vec![0u8; 32];
    out[0] = v.flag;
    out[4..8].copy_from_slice(&v.id.0.to_le_bytes());
    out[8..12].copy_from_slice(&v.pair.0.to_le_bytes());
    out[12..16].copy_from_slice(&v.pair.1.to_le_bytes());
    out[16..20].copy_from_slice(&v.ids[0].0.to_le_bytes());
    out[20..24].copy_from_slice(&v.ids[1].0.to_le_bytes());
    out[24..32].copy_from_slice(&v.len.0.to_le_bytes());
    out
}

/// `write_to` over 0xFF is the hand encoding (padding zeroed, nothing past
/// SIZE), and `read_from` gives the value back.
fn round_trip<T: WholeValue + PartialEq + std::fmt::Debug>(v: &T, hand: fn(&T) -> Vec<u8>) {
    let mut buf = vec![0xFF; T::SIZE + 3];
    v.write_to(&mut buf).unwrap();
    assert_eq!(&buf[..T::SIZE], &hand(v)[..], "{}: the hand encoding", T::NAME);
    assert_eq!(&buf[T::SIZE..], &[0xFF; 3], "{}: nothing past SIZE", T::NAME);
    assert_eq!(&T::read_from(&buf).unwrap(), v, "{}: read back", T::NAME);
}

proptest! {
    #[test]
    fn tuple_structs_round_trip(a: u8, b: bool, c: u8, d: u16, e: [u16; 3], id: u32, m: f64) {
        let m = if m.is_nan() { 0.0 } else { m };
        round_trip(&TupleMix(a, b, Inner { a: c, b: d }, e, EntityId(id), Meters(m)), tuple_mix);
        let v = WithIds { flag: a, id: EntityId(id), pair: Pair(id ^ 1, m as f32), ids: [EntityId(id), EntityId(!id)], len: Meters(m) };
        round_trip(&v, with_ids);
        round_trip(&EntityId(id), |v| v.0.to_le_bytes().to_vec());
        round_trip(&Meters(m), |v| v.0.to_le_bytes().to_vec());
    }
}

#[test]
fn offsets_and_names() {
    assert_eq!((Pair::OFFSET_0, Pair::OFFSET_1), (0, 4));
    assert_eq!((TupleMix::OFFSET_3, TupleMix::OFFSET_5), (6, 16));
    assert_eq!(WithIds::OFFSET_LEN, 24);
    let names: Vec<&str> = Pair::LAYOUT.fields().iter().map(|f| f.name).collect();
    assert_eq!(names, ["0", "1"], "the descriptor names tuple fields by index");
    assert_eq!(
        (EntityId::SIZE, EntityId::ALIGN),
        (u32::SIZE, u32::ALIGN),
        "a newtype has its field's layout"
    );
    assert_eq!((Meters::SIZE, Meters::ALIGN), (8, 8));
}

/// `#[repr(C)]` and `#[repr(transparent)]` tuple structs have the host
/// layout the derive gives wasm32 (where the host's field layouts agree).
#[test]
fn host_layout_is_the_wasm32_layout() {
    assert_eq!((std::mem::size_of::<Pair>(), std::mem::offset_of!(Pair, 1)), (Pair::SIZE, Pair::OFFSET_1));
    assert_eq!(std::mem::size_of::<EntityId>(), EntityId::SIZE);
    assert_eq!(std::mem::size_of::<Meters>(), Meters::SIZE);
    assert_eq!(std::mem::offset_of!(WithIds, len), WithIds::OFFSET_LEN);
}

#[test]
fn views_getters_and_setters() {
    let v = TupleMix(1, true, Inner { a: 2, b: 3 }, [4, 5, 6], EntityId(7), Meters(8.0));
    let mut bytes = vec![0u8; TupleMix::SIZE];
    v.write_to(&mut bytes).unwrap();
    let view = TupleMix::view(&bytes).unwrap();
    assert_eq!((view._0(), view._1(), view._2().b()), (1, Ok(true), 3));
    assert_eq!(view._3().get(2), Some(6));
    assert_eq!((view._4()._0(), view._5()._0()), (7, 8.0));
    assert_eq!(view.read().unwrap(), v);

    let mut by_setters = vec![0xEEu8; TupleMix::SIZE];
    let mut m = TupleMix::view_mut(&mut by_setters).unwrap();
    m.write(&TupleMix(0, false, Inner { a: 0, b: 0 }, [0; 3], EntityId(0), Meters(0.0)));
    m.set_0(1);
    m.set_1(true);
    m._2_mut().set_a(2);
    m.set_2(Inner { a: 2, b: 3 });
    m._3_mut().set(0, 4).unwrap();
    m.set_3([4, 5, 6]);
    m._4_mut().set_0(7);
    m.set_5(Meters(8.0));
    assert_eq!(m._4()._0(), 7);
    assert_eq!(by_setters, bytes, "the setters write what write_to writes");

    let mut m = Pair::view_mut(&mut bytes[..8]).unwrap();
    m.set_1(2.5);
    assert_eq!((m._0(), m._1()), (u32::from_le_bytes([1, 1, 2, 0]), 2.5));
}

#[test]
fn an_invalid_bool_in_a_tuple_struct_is_reported_at_its_offset() {
    let mut bytes = vec![0u8; 4 + TupleMix::SIZE];
    TupleMix(1, true, Inner { a: 2, b: 3 }, [4, 5, 6], EntityId(7), Meters(8.0))
        .write_at(&mut bytes, 4)
        .unwrap();
    bytes[5] = 2;
    let want = LayoutError::InvalidBool { offset: 5, byte: 2 };
    assert_eq!(TupleMix::read_at(&bytes, 4).err(), Some(want));
    assert_eq!(TupleMix::view_at(&bytes, 4).unwrap()._1(), Err(want));
}
