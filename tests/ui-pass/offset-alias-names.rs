#![allow(non_camel_case_types, non_upper_case_globals)]
// The expansion names each field that is not a scalar by an alias in its own
// scope, `OFFSET_<F>` (the field's offset constant's name). Field types and
// structs named like those aliases keep meaning the user's types: the aliases
// then take names the input does not use.
use wasm_layout::{WasmLayout, WasmPtr};

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct OFFSET_POS {
    x: f32,
    y: f32,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct _OFFSET_POS {
    tag: u16,
}

// `pos`'s alias would be `OFFSET_POS`, and `_OFFSET_POS` is taken as well.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Body {
    flag: u8,
    pos: OFFSET_POS,
    tail: _OFFSET_POS,
    ptr: WasmPtr<OFFSET_PTR>,
}

// Named like a generic argument's alias, on the literal path.
type OFFSET_PTR = u64;

// The struct's own name is its field's alias.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(C)]
struct OFFSET_INNER {
    inner: OFFSET_POS,
}

// A tuple struct's field `0`, on the general path (the field type is not
// known by name).
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Wrapper(OFFSET_0, u8);

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct OFFSET_0 {
    data: [u8; OFFSET_DATA],
}

// A constant named like an alias, in an array length.
const OFFSET_DATA: usize = 3;

fn main() {
    assert_eq!((Body::SIZE, Body::OFFSET_POS, Body::OFFSET_TAIL, Body::OFFSET_PTR), (20, 4, 12, 16));
    let body = Body {
        flag: 1,
        pos: OFFSET_POS { x: 1.5, y: -2.0 },
        tail: _OFFSET_POS { tag: 7 },
        ptr: WasmPtr::new(64),
    };
    let mut bytes = [0u8; 20];
    body.write_to(&mut bytes).unwrap();
    assert_eq!(Body::read_from(&bytes).unwrap(), body);
    let view = Body::view(&bytes).unwrap();
    assert_eq!((view.pos().y(), view.tail().tag(), view.ptr().offset()), (-2.0, 7, 64));

    let outer = OFFSET_INNER { inner: body.pos };
    let mut bytes = [0u8; 8];
    outer.write_to(&mut bytes).unwrap();
    assert_eq!(OFFSET_INNER::view(&bytes).unwrap().inner().x(), 1.5);

    let w = Wrapper(OFFSET_0 { data: [1, 2, 3] }, 4);
    let mut bytes = [0u8; 4];
    w.write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [1, 2, 3, 4]);
    assert_eq!(Wrapper::view(&bytes).unwrap()._0().data().get(2).unwrap(), 3);
}
