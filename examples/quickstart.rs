use wasm_layout::WasmLayout;

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum Kind {
    A = 1,
    B = 2,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Rect {
    min: Point,
    max: Point,
    kind: Kind,
    alive: bool,
    tags: [u16; 3],
    next: wasm_layout::WasmPtr<Rect>,
}

fn main() {
    let r = Rect {
        min: Point { x: 1.0, y: 2.0 },
        max: Point { x: 3.0, y: 4.0 },
        kind: Kind::B,
        alive: true,
        tags: [1, 2, 3],
        next: wasm_layout::WasmPtr::null(),
    };
    let mut buf = vec![0xffu8; Rect::SIZE];
    r.write_to(&mut buf).unwrap();
    println!("{:?} {} {}", buf, Rect::SIZE, Rect::ALIGN);
    let back = Rect::read_from(&buf).unwrap();
    assert_eq!(back, r);
    let v = Rect::view(&buf).unwrap();
    println!("{} {:?} {:?}", v.min().x(), v.kind(), v.tags().get(2));
    let mut m = Rect::view_mut(&mut buf).unwrap();
    m.min_mut().set_y(9.0);
    m.set_alive(false);
    println!("{:?}", Rect::read_from(&buf).unwrap());
    println!("{}", Rect::OFFSET_KIND);
}
