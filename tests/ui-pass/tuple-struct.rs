use wasm_layout::{WasmLayout, WasmPtr};

// Tuple structs and newtypes of every field kind, on the literal path (field
// types known by name) and the general one (a type alias).
type Alias = u16;

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(C)]
struct Pair(u32, f32);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct EntityId(pub u32);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(transparent)]
struct Meters(f64);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct General(Alias, bool, EntityId, [Pair; 2]);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(C, packed)]
#[layout(packed)]
struct PackedPair(u8, u32, Meters);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Link(u32, WasmPtr<Self>);

fn main() {
    assert_eq!((Pair::SIZE, Pair::OFFSET_1), (8, 4));
    assert_eq!((EntityId::SIZE, EntityId::ALIGN), (4, 4));
    assert_eq!((Meters::SIZE, Meters::ALIGN), (8, 8));
    assert_eq!((General::SIZE, General::OFFSET_3), (24, 8));
    assert_eq!((PackedPair::SIZE, PackedPair::OFFSET_2), (13, 5));
    assert_eq!(Link::SIZE, 8);
    let v = General(7, true, EntityId(3), [Pair(1, 2.0), Pair(3, 4.0)]);
    let mut bytes = [0u8; 24];
    v.write_to(&mut bytes).unwrap();
    assert_eq!(General::read_from(&bytes).unwrap(), v);
    let view = General::view(&bytes).unwrap();
    assert_eq!((view._0(), view._1(), view._2()._0()), (7, Ok(true), 3));
    let p = PackedPair(1, 2, Meters(3.0));
    let mut bytes = [0u8; 13];
    p.write_to(&mut bytes).unwrap();
    let mut m = PackedPair::view_mut(&mut bytes).unwrap();
    m._2_mut().set_0(4.0);
    m.set_1(5);
    assert_eq!(PackedPair::read_from(&bytes).unwrap(), PackedPair(1, 5, Meters(4.0)));
}
