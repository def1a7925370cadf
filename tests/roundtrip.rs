//! Round trips: for random values, `write_to` produces exactly the
//! hand-written little-endian encoding (padding 0 even over a buffer full of
//! 0xFF, nothing written past SIZE), and `read_from` gives the value back.

mod shapes;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use wasm_layout::{ViewMut, ViewRef, WasmLayout, WasmPtr, WholeValue};
use wasm_layout_extern_types::{State, Tagged, Vec2};

use shapes::*;

/// A buffer of `size` zero bytes that encoders put fields into by offset.
struct Enc(Vec<u8>);

impl Enc {
    fn new(size: usize) -> Self {
        Enc(vec![0; size])
    }
    fn put(&mut self, offset: usize, bytes: &[u8]) -> &mut Self {
        self.0[offset..offset + bytes.len()].copy_from_slice(bytes);
        self
    }
    fn done(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

fn point(p: &Point) -> Vec<u8> {
    Enc::new(16).put(0, &p.x.to_le_bytes()).put(8, &p.y.to_le_bytes()).done()
}
fn mixed(v: &Mixed) -> Vec<u8> {
    Enc::new(12).put(0, &[v.a]).put(4, &v.b.to_le_bytes()).put(8, &v.c.to_le_bytes()).done()
}
fn all_widths(v: &AllWidths) -> Vec<u8> {
    Enc::new(56)
        .put(0, &[v.a])
        .put(2, &v.b.to_le_bytes())
        .put(4, &v.c.to_le_bytes())
        .put(8, &v.d.to_le_bytes())
        .put(16, &v.e.to_le_bytes())
        .put(18, &v.f.to_le_bytes())
        .put(20, &v.g.to_le_bytes())
        .put(24, &v.h.to_le_bytes())
        .put(32, &v.i.to_le_bytes())
        .put(40, &v.j.to_le_bytes())
        .put(48, &[v.k as u8])
        .done()
}
fn outer(v: &Outer) -> Vec<u8> {
    Enc::new(24)
        .put(0, &[v.flag as u8])
        .put(4, &[v.mid.x])
        .put(6, &[v.mid.inner.a])
        .put(8, &v.mid.inner.b.to_le_bytes())
        .put(12, &v.mid.y.to_le_bytes())
        .put(16, &v.z.to_le_bytes())
        .done()
}
fn array_of_structs(v: &ArrayOfStructs) -> Vec<u8> {
    let mut e = Enc::new(14);
    e.put(0, &v.count.to_le_bytes());
    for (i, it) in v.items.iter().enumerate() {
        e.put(2 + 4 * i, &[it.a]).put(4 + 4 * i, &it.b.to_le_bytes());
    }
    e.done()
}
fn packed(v: &Packed) -> Vec<u8> {
    Enc::new(7).put(0, &[v.a]).put(1, &v.b.to_le_bytes()).put(5, &v.c.to_le_bytes()).done()
}
fn packed_nested(v: &PackedNested) -> Vec<u8> {
    Enc::new(17).put(0, &[v.a]).put(1, &point(&v.p)).done()
}
fn contains_aligned(v: &ContainsAligned) -> Vec<u8> {
    Enc::new(32).put(0, &[v.a]).put(16, &[v.b.a]).done()
}
fn with_enums(v: &WithEnums) -> Vec<u8> {
    Enc::new(16)
        .put(0, &(v.a as u8).to_le_bytes())
        .put(2, &(v.b as u16).to_le_bytes())
        .put(4, &(v.c as u32).to_le_bytes())
        .put(8, &(v.d as i8).to_le_bytes())
        .put(10, &(v.e as i16).to_le_bytes())
        .put(12, &(v.f as i32).to_le_bytes())
        .done()
}
fn node(v: &Node) -> Vec<u8> {
    Enc::new(8).put(0, &v.value.to_le_bytes()).put(4, &v.next.offset().to_le_bytes()).done()
}
fn ptr_mix(v: &PtrMix) -> Vec<u8> {
    Enc::new(16).put(0, &[v.a]).put(4, &v.p.offset().to_le_bytes()).put(8, &v.b.to_le_bytes()).done()
}
fn bool_array(v: &BoolArray) -> Vec<u8> {
    let flags: Vec<u8> = v.flags.iter().map(|&b| b as u8).collect();
    Enc::new(8).put(0, &flags).put(6, &v.x.to_le_bytes()).done()
}
fn deep_array(v: &DeepArray) -> Vec<u8> {
    let flat: Vec<u8> = v.a.iter().flatten().flatten().copied().collect();
    Enc::new(28).put(0, &flat).put(24, &v.b.to_le_bytes()).done()
}
fn enum_array(v: &EnumArray) -> Vec<u8> {
    let mut e = Enc::new(8);
    for (i, k) in v.kinds.iter().enumerate() {
        e.put(2 * i, &(*k as u16).to_le_bytes());
    }
    e.put(6, &[v.tail]).done()
}
fn cross_crate(v: &CrossCrate) -> Vec<u8> {
    Enc::new(20)
        .put(0, &[v.flag])
        .put(4, &v.pos.x.to_le_bytes())
        .put(8, &v.pos.y.to_le_bytes())
        .put(12, &v.tag.rgba)
        .put(16, &v.tag.tag.to_le_bytes())
        .put(18, &(v.state as i16).to_le_bytes())
        .done()
}
fn particle(v: &Particle) -> Vec<u8> {
    let mut e = Enc::new(36);
    for i in 0..3 {
        e.put(4 * i, &v.pos[i].to_le_bytes()).put(12 + 4 * i, &v.vel[i].to_le_bytes());
    }
    e.put(24, &v.mass.to_le_bytes()).put(28, &v.id.to_le_bytes()).put(32, &[v.alive as u8, v.kind]).done()
}

/// The whole specification for one value.
fn check<T: WholeValue>(value: &T, hand: fn(&T) -> Vec<u8>) -> Result<(), TestCaseError> {
    let expected = hand(value);
    prop_assert_eq!(expected.len(), T::SIZE);

    let mut buf = vec![0xFF; T::SIZE + 3];
    value.write_to(&mut buf)?;
    prop_assert_eq!(&buf[..T::SIZE], &expected[..], "write_to is the hand encoding, padding 0");
    prop_assert_eq!(&buf[T::SIZE..], &[0xFF; 3][..], "nothing written past SIZE");
    let back = T::read_from(&buf)?;
    prop_assert_eq!(hand(&back), expected.clone(), "read_from gives the value back (bit for bit)");

    // The same at an odd offset inside a larger memory.
    let mut memory = vec![0xFF; T::SIZE + 9];
    value.write_at(&mut memory, 5)?;
    prop_assert_eq!(&memory[5..5 + T::SIZE], &expected[..]);
    prop_assert_eq!(&memory[..5], &[0xFF; 5][..]);
    prop_assert_eq!(hand(&T::read_at(&memory, 5)?), expected);
    Ok(())
}

fn f32_bits() -> impl Strategy<Value = f32> {
    any::<u32>().prop_map(f32::from_bits)
}
fn f64_bits() -> impl Strategy<Value = f64> {
    any::<u64>().prop_map(f64::from_bits)
}
fn point_s() -> impl Strategy<Value = Point> {
    (f64_bits(), f64_bits()).prop_map(|(x, y)| Point { x, y })
}
fn inner_s() -> impl Strategy<Value = Inner> {
    (any::<u8>(), any::<u16>()).prop_map(|(a, b)| Inner { a, b })
}
fn eu8() -> impl Strategy<Value = EU8> {
    prop_oneof![Just(EU8::A), Just(EU8::B), Just(EU8::C), Just(EU8::D)]
}
fn eu16() -> impl Strategy<Value = EU16> {
    prop_oneof![Just(EU16::A), Just(EU16::B)]
}
fn with_enums_s() -> impl Strategy<Value = WithEnums> {
    (
        eu8(),
        eu16(),
        prop_oneof![Just(EU32::Low), Just(EU32::High)],
        prop_oneof![Just(EI8::Neg), Just(EI8::Zero), Just(EI8::Pos)],
        prop_oneof![Just(EI16::M), Just(EI16::P)],
        prop_oneof![Just(EI32::Min), Just(EI32::One), Just(EI32::Two)],
    )
        .prop_map(|(a, b, c, d, e, f)| WithEnums { a, b, c, d, e, f })
}

proptest! {
    #[test]
    fn point_roundtrip(v in point_s()) { check(&v, point)?; }

    #[test]
    fn mixed_roundtrip(a: u8, b: u32, c: u16) { check(&Mixed { a, b, c }, mixed)?; }

    #[test]
    fn all_widths_roundtrip(
        (a, b, c, d) in any::<(u8, u16, u32, u64)>(),
        (e, f, g, h) in any::<(i8, i16, i32, i64)>(),
        i in f32_bits(), j in f64_bits(), k: bool,
    ) {
        check(&AllWidths { a, b, c, d, e, f, g, h, i, j, k }, all_widths)?;
    }

    #[test]
    fn outer_roundtrip(flag: bool, x: u8, inner in inner_s(), y: u32, z: u64) {
        check(&Outer { flag, mid: Mid { x, inner, y }, z }, outer)?;
    }

    #[test]
    fn array_of_structs_roundtrip(count: u16, items in [inner_s(), inner_s(), inner_s()]) {
        check(&ArrayOfStructs { count, items }, array_of_structs)?;
    }

    #[test]
    fn packed_roundtrip(a: u8, b: u32, c: u16) { check(&Packed { a, b, c }, packed)?; }

    #[test]
    fn packed_nested_roundtrip(a: u8, p in point_s()) { check(&PackedNested { a, p }, packed_nested)?; }

    #[test]
    fn contains_aligned_roundtrip(a: u8, b: u8) {
        check(&ContainsAligned { a, b: Aligned16 { a: b } }, contains_aligned)?;
    }

    #[test]
    fn with_enums_roundtrip(v in with_enums_s()) { check(&v, with_enums)?; }

    #[test]
    fn node_roundtrip(value: u32, next: u32) { check(&Node { value, next: WasmPtr::new(next) }, node)?; }

    #[test]
    fn ptr_mix_roundtrip(a: u8, p: u32, b: u64) { check(&PtrMix { a, p: WasmPtr::new(p), b }, ptr_mix)?; }

    #[test]
    fn bool_array_roundtrip(flags: [bool; 5], x: u16) { check(&BoolArray { flags, x }, bool_array)?; }

    #[test]
    fn deep_array_roundtrip(a: [[[u8; 2]; 3]; 4], b: u32) { check(&DeepArray { a, b }, deep_array)?; }

    #[test]
    fn enum_array_roundtrip(kinds in [eu16(), eu16(), eu16()], tail: u8) {
        check(&EnumArray { kinds, tail }, enum_array)?;
    }

    #[test]
    fn cross_crate_roundtrip(
        flag: u8, x in f32_bits(), y in f32_bits(), rgba: [u8; 4], tag: u16,
        state in prop_oneof![Just(State::Negative), Just(State::Zero), Just(State::Far)],
    ) {
        check(&CrossCrate { flag, pos: Vec2 { x, y }, tag: Tagged { rgba, tag }, state }, cross_crate)?;
    }

    #[test]
    fn particle_roundtrip(
        pos in [f32_bits(), f32_bits(), f32_bits()], vel in [f32_bits(), f32_bits(), f32_bits()],
        mass in f32_bits(), id: u32, alive: bool, kind: u8,
    ) {
        check(&Particle { pos, vel, mass, id, alive, kind }, particle)?;
    }

    /// Views read what `write_to` wrote, and setters write what `write_to`
    /// would.
    #[test]
    fn views_agree_with_whole_values(flag: bool, x: u8, inner in inner_s(), y: u32, z: u64) {
        let v = Outer { flag, mid: Mid { x, inner, y }, z };
        let mut bytes = vec![0xFF; Outer::SIZE];
        v.write_to(&mut bytes)?;
        let view = Outer::view(&bytes)?;
        prop_assert_eq!(view.flag()?, flag);
        prop_assert_eq!(view.mid().inner().b(), inner.b);
        prop_assert_eq!(view.z(), z);
        prop_assert_eq!(view.read()?, v);

        let mut by_setters = vec![0u8; Outer::SIZE];
        let mut m = Outer::view_mut(&mut by_setters)?;
        m.set_flag(flag);
        m.mid_mut().set_x(x);
        m.mid_mut().inner_mut().set_a(inner.a);
        m.mid_mut().inner_mut().set_b(inner.b);
        m.mid_mut().set_y(y);
        m.set_z(z);
        prop_assert_eq!(&by_setters, &bytes);

        let mut by_write = vec![0xFFu8; Outer::SIZE];
        Outer::view_mut(&mut by_write)?.write(&v);
        prop_assert_eq!(&by_write, &bytes, "ViewMut::write zeroes padding too");
    }
}

#[test]
fn empty_structs_write_nothing() {
    let mut buf = [0xFFu8; 2];
    Empty {}.write_to(&mut buf).unwrap();
    Unit.write_to(&mut []).unwrap();
    assert_eq!(buf, [0xFF; 2]);
    assert_eq!(Empty::read_from(&[]).unwrap(), Empty {});
    assert_eq!(WithEmpty::read_from(&[1, 2]).unwrap(), WithEmpty { a: 1, e: Empty {}, b: 2 });
}

#[test]
fn array_and_slice_views() {
    let items = [Inner { a: 1, b: 10 }, Inner { a: 2, b: 20 }, Inner { a: 3, b: 30 }];
    let v = ArrayOfStructs { count: 3, items };
    let mut bytes = vec![0u8; ArrayOfStructs::SIZE];
    v.write_to(&mut bytes).unwrap();
    let view = ArrayOfStructs::view(&bytes).unwrap();
    assert_eq!(view.items().len(), 3);
    assert_eq!(view.items().get(1).unwrap().b(), 20);
    assert!(view.items().get(3).is_none());
    assert_eq!(view.items().iter().map(|i| i.b()).sum::<u16>(), 60);
    assert_eq!(view.items().read().unwrap(), items);

    let mut m = ArrayOfStructs::view_mut(&mut bytes).unwrap();
    m.items_mut().get_mut(2).unwrap().set_b(33);
    m.items_mut().set(0, Inner { a: 9, b: 99 }).unwrap();
    assert!(m.items_mut().set(3, Inner { a: 0, b: 0 }).is_err());
    let back = ArrayOfStructs::read_from(&bytes).unwrap();
    assert_eq!(back.items, [Inner { a: 9, b: 99 }, Inner { a: 2, b: 20 }, Inner { a: 3, b: 33 }]);

    // N consecutive structs in one slice.
    let mut memory = vec![0u8; 4 * Particle::SIZE + 5];
    let mut all = Particle::view_slice_mut(&mut memory, 4).unwrap();
    for (i, mut p) in all.iter_mut().enumerate() {
        p.set_mass(i as f32 + 0.5);
        p.set_id(i as u32);
        p.pos_mut().set(2, -1.0).unwrap();
    }
    let all = Particle::view_slice(&memory, 4).unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all.iter().map(|p| p.mass()).sum::<f32>(), 8.0);
    assert_eq!(all.get(3).unwrap().id(), 3);
    assert_eq!(all.read(1).unwrap().pos, [0.0, 0.0, -1.0]);
    assert!(Particle::view_slice(&memory, 5).is_err());
    assert_eq!(wasm_layout::SliceRef::<Particle>::fit(&memory).len(), 4);

    // Zero-sized elements.
    assert_eq!(Empty::view_slice(&[], 1000).unwrap().len(), 1000);
}
