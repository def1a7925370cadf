//! The zero-copy fast path: `#[repr(C)]` + `bytemuck::Pod` structs cast in
//! place on little-endian hosts, after the derive proved at compile time
//! that the host layout is the wasm32 layout.
#![cfg(target_endian = "little")]

use bytemuck::{Pod, Zeroable};
use wasm_layout::{cast_slice, cast_slice_mut, LayoutError, WasmLayout};

#[derive(WasmLayout, Pod, Zeroable, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(WasmLayout, Pod, Zeroable, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Body {
    pos: [f32; 3],
    vel: [f32; 3],
    mass: f32,
    id: u32,
}

/// 8-aligned bytes, as a guest memory would be.
fn memory(words: usize) -> Vec<u64> {
    vec![0u64; words]
}

#[test]
fn cast_sees_what_the_accessors_wrote() {
    let mut backing = memory(32);
    let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut backing);
    for i in 0..4 {
        let b = Body { pos: [i as f32; 3], vel: [1.0, 2.0, 3.0], mass: 0.5 * i as f32, id: i };
        b.write_at(bytes, i as usize * Body::SIZE).unwrap();
    }
    let bodies = cast_slice::<Body>(bytes, 4).unwrap();
    assert_eq!(bodies.len(), 4);
    assert_eq!(bodies[3].id, 3);
    assert_eq!(bodies.iter().map(|b| b.mass).sum::<f32>(), 3.0);
    for (i, b) in bodies.iter().enumerate() {
        assert_eq!(*b, Body::read_at(bytes, i * Body::SIZE).unwrap());
    }

    let points = cast_slice_mut::<Point>(bytes, 2).unwrap();
    points[1].y = 42.0;
    let x = points[1].x;
    assert_eq!(Point::read_at(bytes, 16).unwrap(), Point { x, y: 42.0 });
}

#[test]
fn cast_errors() {
    let mut backing = memory(8);
    let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut backing);
    assert_eq!(
        cast_slice::<Point>(bytes, 5),
        Err(LayoutError::OutOfBounds { offset: 0, needed: 80, available: 64 })
    );
    assert_eq!(cast_slice::<Point>(&bytes[1..], 1), Err(LayoutError::Misaligned { align: 8 }));
    assert_eq!(cast_slice_mut::<Body>(&mut bytes[2..], 1), Err(LayoutError::Misaligned { align: 4 }));
    assert_eq!(cast_slice::<Point>(bytes, usize::MAX).err().map(|_| ()), Some(()));
    assert_eq!(cast_slice::<Point>(bytes, 0).map(<[Point]>::len), Ok(0));
}
