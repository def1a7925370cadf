use wasm_layout::{ViewMut, ViewRef, WasmLayout, WasmPtr, WholeValue};

// Type parameters, with and without bounds of their own, a default, a
// where clause; const parameters; a generic struct inside another.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(C)]
pub struct Vec2<T: Copy> {
    pub x: T,
    pub y: T,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
pub struct Tagged<T = u32, const N: usize = 2>
where
    T: Copy,
{
    pub tags: [T; N],
    pub value: Vec2<T>,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[layout(packed)]
struct Packed<A, B> {
    a: A,
    b: B,
}

// A pointer to itself: `Self` is the instantiation.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
pub struct Node<T> {
    pub value: T,
    pub next: WasmPtr<Self>,
}

// No fields: only a const parameter.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
pub struct Marker<const N: usize> {}

mod inner {
    use wasm_layout::WasmLayout;

    /// Docs, renames and a private field in another module.
    #[derive(WasmLayout, Clone, Copy)]
    #[layout(rename = "Cell", rename_all = "camelCase")]
    pub(crate) struct Cell<T> {
        /// The cell's value.
        pub(crate) cell_value: T,
        #[layout(rename = "other")]
        hidden: T,
    }
}

// Generic code over any instantiation.
fn round_trip<T: WasmLayout + WholeValue + Copy + PartialEq + core::fmt::Debug>(value: Vec2<T>) {
    let mut bytes = vec![0u8; Vec2::<T>::SIZE];
    value.write_to(&mut bytes).unwrap();
    assert_eq!(Vec2::<T>::read_from(&bytes).unwrap(), value);
    let view = Vec2::<T>::view(&bytes).unwrap();
    assert_eq!(view.read().unwrap(), value);
}

fn main() {
    round_trip(Vec2 { x: 1u8, y: 2 });
    round_trip(Vec2 { x: 1.0f64, y: 2.0 });
    assert_eq!(<Tagged>::SIZE, 16);
    assert_eq!(<Tagged<u16, 3>>::OFFSET_VALUE, 6);
    assert_eq!((Packed::<u8, u32>::SIZE, Packed::<u8, u32>::OFFSET_B), (5, 1));
    let mut bytes = [0u8; 5];
    Packed { a: 1u8, b: 2u32 }.write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [1, 2, 0, 0, 0]);
    let mut view = Packed::<u8, u32>::view_mut(&mut bytes).unwrap();
    view.set_b(7);
    assert_eq!(view.as_view().b(), 7);
    assert_eq!((Node::<u32>::SIZE, Node::<f32>::OFFSET_NEXT), (8, 4));
    assert_eq!(Node::<u32>::LAYOUT.export_name(), "Node_u32");
    assert_eq!((Marker::<3>::SIZE, Marker::<3>::NAME), (0, "Marker<3>"));
    assert_eq!(Marker::<3>::read_from(&[]).unwrap(), Marker {});
    let cell = inner::Cell::<u16>::LAYOUT;
    assert_eq!((cell.export_name(), cell.field_doc("cell_value")), ("Cell_u16", "The cell's value."));
    assert_eq!(inner::Cell::<u16>::OFFSET_CELL_VALUE, 0);
}
