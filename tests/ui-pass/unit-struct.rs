use wasm_layout::WasmLayout;

// A unit struct and an empty braced struct: size 0, alignment 1.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Unit;

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Empty {}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Holder {
    a: u8,
    unit: Unit,
    empty: [Empty; 3],
    b: u8,
}

fn main() {
    assert_eq!((Unit::SIZE, Unit::ALIGN), (0, 1));
    assert_eq!((Empty::SIZE, Empty::ALIGN), (0, 1));
    assert_eq!(Holder::SIZE, 2);
    assert_eq!(Unit::read_from(&[]).unwrap(), Unit);
    let _view = Unit::view(&[]).unwrap();
}
