use wasm_layout::WasmLayout;

mod geometry {
    pub mod shapes {
        use wasm_layout::WasmLayout;

        #[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
        pub struct Point {
            pub x: f32,
            pub y: f32,
        }

        #[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
        #[repr(u8)]
        pub enum Kind {
            Open = 1,
            Closed = 2,
        }
    }
}

// Field types named by paths, from a module that is not in scope.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Path {
    kind: geometry::shapes::Kind,
    points: [crate::geometry::shapes::Point; 2],
    origin: self::geometry::shapes::Point,
}

fn main() {
    assert_eq!(Path::SIZE, 28);
    assert_eq!(Path::OFFSET_POINTS, 4);
    let mut bytes = [0u8; 28];
    let mut view = Path::view_mut(&mut bytes).unwrap();
    view.set_kind(geometry::shapes::Kind::Closed);
    view.origin_mut().set_x(1.5);
    let view = Path::view(&bytes).unwrap();
    assert_eq!(view.kind(), Ok(geometry::shapes::Kind::Closed));
    assert_eq!(view.origin().x(), 1.5);
}
