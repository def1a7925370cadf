//! Helpers shared by the fuzz targets: the corpus of test types, the byte
//! footprint of a layout, and the properties every accessor must keep.
#![forbid(unsafe_code)]

#[path = "../../tests/shapes/mod.rs"]
pub mod shapes;

use wasm_layout::{LayoutError, OptionRepr, TypeKind, TypeLayout, WasmLayout};

/// For each of the `layout.size` bytes of a value, whether it belongs to some
/// field (`true`) or is padding (`false`).
pub fn footprint(layout: &TypeLayout) -> Vec<bool> {
    let mut out = vec![false; layout.size];
    mark(layout, 0, &mut out);
    out
}

fn mark(layout: &TypeLayout, at: usize, out: &mut [bool]) {
    match layout.kind {
        TypeKind::Struct(s) => {
            for f in s.fields {
                mark(f.ty, at + f.offset, out);
            }
        }
        TypeKind::Array(a) => {
            for i in 0..a.len {
                mark(a.elem, at + i * a.elem.size, out);
            }
        }
        // The tag, and the fields of every case (a byte some case uses).
        TypeKind::Variant(v) => {
            out[at..at + v.tag.size()].fill(true);
            for f in v.cases.iter().flat_map(|c| c.fields) {
                mark(f.ty, at + f.offset, out);
            }
        }
        TypeKind::Option(o) => match o.repr {
            OptionRepr::Zero => mark(o.some, at, out),
            OptionRepr::Tagged { payload } => {
                out[at] = true;
                mark(o.some, at + payload, out);
            }
        },
        TypeKind::Scalar(_) | TypeKind::Pointer(_) | TypeKind::Enum(_) | TypeKind::Str | TypeKind::Slice(_) => {
            out[at..at + layout.size].fill(true);
        }
    }
}

/// Checks every whole-value and view entry point of `T` on `data`, at
/// `offset`, and `count` values from `offset`, against what they must do.
pub fn check<T: WasmLayout>(data: &[u8], offset: usize, count: usize) {
    let size = T::SIZE;
    let fits = |at: usize| at.checked_add(size).is_some_and(|end| end <= data.len());

    // read_from: out of bounds exactly when short; a value re-encodes to the
    // same bytes, with every padding byte zero.
    let read = T::read_from(data);
    if !fits(0) {
        assert_eq!(
            read.as_ref().err(),
            Some(&LayoutError::OutOfBounds { offset: 0, needed: size, available: data.len() })
        );
    }
    if let Ok(v) = &read {
        let fp = footprint(T::LAYOUT);
        let mut buf = vec![0xA5u8; size + 3];
        v.write_to(&mut buf).expect("write_to a buffer of SIZE + 3 bytes");
        for (i, &in_field) in fp.iter().enumerate() {
            let want = if in_field { data[i] } else { 0 };
            assert_eq!(buf[i], want, "byte {i} of {} after a round trip", T::NAME);
        }
        assert_eq!(buf[size..], [0xA5; 3], "write_to wrote past SIZE");
        let again = T::read_from(&buf).expect("a written value reads back");
        let mut buf2 = vec![0u8; size];
        again.write_to(&mut buf2).expect("write_to SIZE bytes");
        assert_eq!(buf[..size], buf2[..]);
    }
    assert_eq!(T::view(data).is_ok(), fits(0));

    // read_at / view_at agree with read_from on the tail, errors moved by offset.
    let at = T::read_at(data, offset);
    if fits(offset) {
        let want = T::read_from(&data[offset..]).map_err(|e| e.offset_by(offset));
        assert_eq!(at.as_ref().err(), want.as_ref().err());
    } else {
        assert_eq!(at.err(), Some(LayoutError::OutOfBounds { offset, needed: size, available: data.len() }));
    }
    assert_eq!(T::view_at(data, offset).is_ok(), fits(offset));

    // write_at: in bounds it touches only its footprint, else nothing at all.
    let mut copy = data.to_vec();
    if let Ok(v) = T::read_at(data, offset) {
        v.write_at(&mut copy, offset).expect("write_at where read_at worked");
        let fp = footprint(T::LAYOUT);
        for (i, (&a, &b)) in data.iter().zip(&copy).enumerate() {
            let inside = i >= offset && i - offset < size;
            if !inside {
                assert_eq!(a, b, "write_at changed byte {i} outside the value");
            } else if !fp[i - offset] {
                assert_eq!(b, 0, "write_at left padding byte {i} non-zero");
            }
        }
    } else if let Ok(v) = T::read_from(data) {
        let r = v.write_at(&mut copy, offset);
        assert_eq!(r.is_ok(), fits(offset));
        if r.is_err() {
            assert_eq!(copy, data, "a failed write_at wrote");
        }
    }
    assert_eq!(T::view_mut_at(&mut copy, offset).is_ok(), fits(offset));

    // view_slice: exactly when count values fit; each element is read_at.
    let tail = data.get(offset..).unwrap_or(&[]);
    let slice = T::view_slice(tail, count);
    let need = count.checked_mul(size);
    assert_eq!(slice.is_ok(), need.is_some_and(|n| n <= tail.len()), "view_slice({count}) of {}", T::NAME);
    if let Ok(s) = slice {
        assert_eq!(s.len(), count);
        for i in 0..count.min(64) {
            let want = T::read_at(tail, i * size).map(|_| ());
            assert_eq!(s.read(i).map(|_| ()), want);
        }
        assert!(s.read(count).is_err());
    }
    let mut tail_mut = tail.to_vec();
    assert_eq!(T::view_slice_mut(&mut tail_mut, count).is_ok(), need.is_some_and(|n| n <= tail.len()));
}
