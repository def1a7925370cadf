//! Padding never leaks: a memory full of a secret byte, values written into
//! it through every writing API, and not one secret byte left inside any
//! value's footprint (its `SIZE` bytes, padding included).

mod shapes;

use wasm_layout::memory::{Arena, Bump, LinearMemory, Memory, Pool, SharedArena, SharedPool};
use wasm_layout::{ViewMut, WasmLayout, WasmPtr, WholeValue};
use wasm_layout_extern_types::{State, Tagged, Vec2};

use shapes::*;

/// The secret: no sample value below has this byte anywhere in its encoding.
const SECRET: u8 = 0xA5;
const MEMORY: usize = 64 * 1024;

fn secret_memory() -> Vec<u8> {
    vec![SECRET; MEMORY]
}

/// Fails if any of the `T::SIZE` bytes at `offset` is the secret.
#[track_caller]
fn assert_clean<T: WholeValue>(memory: &[u8], offset: usize, api: &str) {
    let bytes = &memory[offset..offset + T::SIZE];
    if let Some(i) = bytes.iter().position(|&b| b == SECRET) {
        panic!("{api}: byte {i} of a {} at offset {offset} still holds the secret: {bytes:02x?}", T::NAME);
    }
}

/// Writes `value` through every whole-value API, each into fresh secret
/// memory, and checks its footprint.
fn every_whole_value_api<T: WholeValue>(value: &T) {
    // A misaligned offset as well as an aligned one: the accessors must not care.
    for offset in [1024, 1031] {
        let mut m = secret_memory();
        value.write_to(&mut m[offset..]).unwrap();
        assert_clean::<T>(&m, offset, "write_to");

        let mut m = secret_memory();
        value.write_at(&mut m, offset).unwrap();
        assert_clean::<T>(&m, offset, "write_at");

        let mut m = secret_memory();
        WasmPtr::<T>::new(offset as u32).write(&mut m, value).unwrap();
        assert_clean::<T>(&m, offset, "WasmPtr::write");

        let mut m = secret_memory();
        let mut s = T::view_slice_mut(&mut m[offset..], 3).unwrap();
        for i in 0..3 {
            s.set(i, value).unwrap();
        }
        for i in 0..3 {
            assert_clean::<T>(&m, offset + i * T::SIZE, "SliceMut::set");
        }

        let mut m = secret_memory();
        let mut s = WasmPtr::<T>::new(offset as u32).view_slice_mut(&mut m, 2).unwrap();
        s.set(1, value).unwrap();
        assert_clean::<T>(&m, offset + T::SIZE, "WasmPtr::view_slice_mut + SliceMut::set");

        let mut m = secret_memory();
        let mut a = <[T; 2]>::view_mut_at(&mut m, offset).unwrap();
        a.set(0, copy(value)).unwrap();
        a.set(1, copy(value)).unwrap();
        assert_clean::<[T; 2]>(&m, offset, "ArrayMut::set");

        let mut m = secret_memory();
        [copy(value), copy(value)].write_at(&mut m, offset).unwrap();
        assert_clean::<[T; 2]>(&m, offset, "write_at of an array");
    }

    let mut m = LinearMemory::new(1, 1).unwrap();
    m.bytes_mut().fill(SECRET);
    let mut arena = Arena::new(1024, 8192).unwrap();
    let p = arena.place(&mut m, value).unwrap();
    assert_clean::<T>(m.bytes(), p.offset() as usize, "Arena::place");
    let p = arena.place_slice(&mut m, &[copy(value), copy(value)]).unwrap();
    assert_clean::<[T; 2]>(m.bytes(), p.offset() as usize, "Arena::place_slice");

    let mut bump = Bump::new(2048).unwrap();
    let p = bump.place(&mut m, value).unwrap();
    assert_clean::<T>(m.bytes(), p.offset() as usize, "Bump::place");
    let p = bump.place_slice(&mut m, &[copy(value), copy(value)]).unwrap();
    assert_clean::<[T; 2]>(m.bytes(), p.offset() as usize, "Bump::place_slice");

    let mut pool = Pool::for_type::<T>(16 * 1024, 4).unwrap();
    let h = pool.place(&mut m, value).unwrap();
    assert_clean::<T>(m.bytes(), pool.offset(h).unwrap() as usize, "Pool::place");

    let mut m = secret_memory();
    let shared = SharedArena::init(&mut m, 64, 4096, 8192).unwrap();
    let p = shared.place(&mut m, value).unwrap();
    assert_clean::<T>(&m, p.offset() as usize, "SharedArena::place");

    let mut m = secret_memory();
    let shared = SharedPool::init(&mut m, 64, T::SIZE, T::ALIGN, 4).unwrap();
    let h = shared.place(&mut m, value).unwrap();
    let at = shared.offset(&m, h).unwrap();
    assert_clean::<T>(&m, at as usize, "SharedPool::place");
}

/// Writes `value` through a struct's mutable view (`ViewMut::write`).
fn view_write<T>(value: &T)
where
    T: WholeValue,
    for<'a> T::Mut<'a>: ViewMut<'a, Target = T>,
{
    let mut m = secret_memory();
    T::view_mut_at(&mut m, 1024).unwrap().write(value);
    assert_clean::<T>(&m, 1024, "ViewMut::write");
    let mut m = secret_memory();
    WasmPtr::<T>::new(1030).view_mut(&mut m).unwrap().write(value);
    assert_clean::<T>(&m, 1030, "WasmPtr::view_mut + ViewMut::write");
}

/// The sample values go through `write_to` into a fresh buffer to copy them
/// (the corpus types are not all `Clone` in a generic context).
fn copy<T: WholeValue>(value: &T) -> T {
    let mut buf = vec![0; T::SIZE];
    value.write_to(&mut buf).unwrap();
    T::read_from(&buf).unwrap()
}

fn inner() -> Inner {
    Inner { a: 1, b: 0x0203 }
}
fn mid() -> Mid {
    Mid { x: 4, inner: inner(), y: 0x0506_0708 }
}
fn point() -> Point {
    Point { x: 1.5, y: -2.25 }
}

macro_rules! all_apis {
    ($($value:expr),* $(,)?) => {$(
        every_whole_value_api(&$value);
    )*};
}

#[test]
fn no_api_leaves_a_secret_byte_in_a_value() {
    all_apis![
        Mixed { a: 1, b: 2, c: 3 },
        TailPad { a: 7, b: 8 },
        AllWidths { a: 1, b: 2, c: 3, d: 4, e: -1, f: -2, g: -3, h: -4, i: 1.0, j: 2.0, k: true },
        Inner { a: 1, b: 2 },
        mid(),
        Outer { flag: true, mid: mid(), z: 9 },
        ArrayOfStructs { count: 3, items: [inner(), inner(), inner()] },
        Packed { a: 1, b: 2, c: 3 },
        PackedNested { a: 1, p: point() },
        Aligned16 { a: 1 },
        AlignedLow { a: 1, b: 2 },
        ContainsAligned { a: 1, b: Aligned16 { a: 2 } },
        WithEmpty { a: 1, e: Empty {}, b: 2 },
        WithEnums { a: EU8::C, b: EU16::B, c: EU32::High, d: EI8::Neg, e: EI16::M, f: EI32::Two },
        Node { value: 1, next: WasmPtr::new(8) },
        PtrMix { a: 1, p: WasmPtr::new(16), b: 2 },
        BoolArray { flags: [true, false, true, false, true], x: 3 },
        DeepArray { a: [[[1; 2]; 3]; 4], b: 2 },
        EnumArray { kinds: [EU16::A, EU16::B, EU16::A], tail: 1 },
        CrossCrate {
            flag: 1,
            pos: Vec2 { x: 1.0, y: 2.0 },
            tag: Tagged { rgba: [1, 2, 3, 4], tag: 5 },
            state: State::Far
        },
        Particle { pos: [1.0; 3], vel: [2.0; 3], mass: 3.0, id: 4, alive: true, kind: 5 },
        true,
        0x0102u16,
        -1.5f64,
    ];
}

#[test]
fn struct_views_write_padding_as_zero() {
    view_write(&Mixed { a: 1, b: 2, c: 3 });
    view_write(&Outer { flag: false, mid: mid(), z: 9 });
    view_write(&ContainsAligned { a: 1, b: Aligned16 { a: 2 } });
    view_write(&Particle { pos: [1.0; 3], vel: [2.0; 3], mass: 3.0, id: 4, alive: true, kind: 5 });
    view_write(&ArrayOfStructs { count: 3, items: [inner(), inner(), inner()] });
}

/// A setter owns its field's bytes, padding inside a nested struct
/// included; the same for an array element set through `ArrayMut::set`.
#[test]
fn setters_write_a_fields_whole_footprint() {
    let mut m = secret_memory();
    let mut v = Outer::view_mut_at(&mut m, 1024).unwrap();
    v.set_mid(mid());
    assert_clean::<Mid>(&m, 1024 + Outer::OFFSET_MID, "OuterMut::set_mid");

    let mut m = secret_memory();
    let mut v = Outer::view_mut_at(&mut m, 1024).unwrap();
    v.set_flag(true);
    v.set_mid(mid());
    v.set_z(1);
    let mut mid_view = v.mid_mut();
    mid_view.set_inner(inner());
    assert_clean::<Mid>(&m, 1024 + Outer::OFFSET_MID, "MidMut::set_inner");

    let mut m = secret_memory();
    let mut v = ArrayOfStructs::view_mut_at(&mut m, 1024).unwrap();
    let mut items = v.items_mut();
    for i in 0..3 {
        items.set(i, inner()).unwrap();
    }
    assert_clean::<[Inner; 3]>(&m, 1024 + ArrayOfStructs::OFFSET_ITEMS, "ArrayMut::set of structs");

    let mut m = secret_memory();
    let mut v = ContainsAligned::view_mut_at(&mut m, 1024).unwrap();
    v.set_b(Aligned16 { a: 2 });
    assert_clean::<Aligned16>(&m, 1024 + ContainsAligned::OFFSET_B, "ContainsAlignedMut::set_b");

    let mut m = secret_memory();
    let mut v = Particle::view_mut_at(&mut m, 1024).unwrap();
    v.set_pos([1.0; 3]);
    v.pos_mut().set(2, 0.5).unwrap();
    v.set_alive(true);
    assert_clean::<[f32; 3]>(&m, 1024, "ParticleMut::set_pos");
    assert_clean::<bool>(&m, 1024 + Particle::OFFSET_ALIVE, "ParticleMut::set_alive");

    let mut m = secret_memory();
    bool::view_mut_at(&mut m, 1024 + Particle::OFFSET_ALIVE).unwrap().set(true);
    assert_clean::<bool>(&m, 1024 + Particle::OFFSET_ALIVE, "ValueMut::set");
}

/// The negative control: a writer that skips the padding is caught.
#[test]
#[should_panic(expected = "still holds the secret")]
fn a_skipped_padding_byte_is_caught() {
    let mut m = secret_memory();
    let mut v = Mixed::view_mut_at(&mut m, 1024).unwrap();
    v.set_a(1);
    v.set_b(2);
    v.set_c(3);
    assert_clean::<Mixed>(&m, 1024, "setters alone");
}
