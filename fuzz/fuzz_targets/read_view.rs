//! `read_from`, `read_at`, `write_at`, views and slice views of every corpus
//! type over arbitrary bytes, offsets and counts.
#![no_main]
#![forbid(unsafe_code)]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasm_layout::{WasmLayout, WasmPtr};
use wasm_layout_extern_types::{State, Tagged, Vec2};
use wasm_layout_fuzz::check;
use wasm_layout_fuzz::shapes::*;

#[derive(Arbitrary, Debug)]
struct Input {
    which: u8,
    offset: usize,
    count: usize,
    data: Vec<u8>,
}

macro_rules! dispatch {
    ($which:expr, $input:expr, [$($ty:ty),* $(,)?]) => {{
        let types: &[fn(&[u8], usize, usize)] = &[$(check::<$ty>),*];
        let f = types[usize::from($which) % types.len()];
        f(&$input.data, $input.offset, $input.count);
    }};
}

fuzz_target!(|input: Input| {
    dispatch!(input.which, input, [
        u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, bool,
        WasmPtr<Node>, [u8; 0], [bool; 3], [[u16; 2]; 3], [Point; 2],
        Point, Rect, Mixed, TailPad, AllWidths, Descending, Ascending, Inner, Mid, Outer,
        ArrayOfStructs, Matrix, ByteRun, Packed, PackedNested, Aligned16, AlignedLow,
        ContainsAligned, Empty, Unit, WithEmpty, EU8, EU16, EU32, EI8, EI16, EI32, WithEnums,
        Node, PtrMix, BoolArray, DeepArray, EnumArray, Vec2, Tagged, State, CrossCrate, Particle,
    ]);
    getters(&input.data);
});

/// The generated getters agree with `read_from` field by field.
fn getters(data: &[u8]) {
    if let Ok(v) = Outer::view(data) {
        let whole = Outer::read_from(data);
        assert_eq!(v.mid().inner().a(), data[6]);
        if let Ok(o) = whole {
            assert_eq!(v.flag(), Ok(o.flag));
            assert_eq!(v.mid().inner().b(), o.mid.inner.b);
            assert_eq!(v.z(), o.z);
        } else {
            assert!(v.flag().is_err());
        }
    }
    if let Ok(v) = WithEnums::view(data) {
        let all_ok = v.a().is_ok()
            && v.b().is_ok()
            && v.c().is_ok()
            && v.d().is_ok()
            && v.e().is_ok()
            && v.f().is_ok();
        assert_eq!(all_ok, WithEnums::read_from(data).is_ok());
    }
    if let Ok(v) = Particle::view(data) {
        let p = Particle::read_from(data);
        assert_eq!(v.alive().is_ok(), p.is_ok());
        if let Ok(p) = p {
            assert_eq!(v.pos().iter().map(f32::to_bits).collect::<Vec<_>>(), p.pos.map(f32::to_bits));
            assert_eq!(v.id(), p.id);
            assert_eq!(v.pos().get(3), None);
        }
    }
    if let Ok(v) = BoolArray::view(data) {
        let all_ok = v.flags().iter().all(|b| b.is_ok());
        assert_eq!(all_ok, BoolArray::read_from(data).is_ok());
        assert_eq!(v.flags().read().is_ok(), all_ok);
    }
    if let Ok(v) = ArrayOfStructs::view(data) {
        for (i, item) in v.items().iter().enumerate() {
            assert_eq!(item.b(), u16::from_le_bytes([data[2 + 4 * i + 2], data[2 + 4 * i + 3]]));
        }
    }
}
