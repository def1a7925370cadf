//! The no-panic guarantee: every safe API, fed its worst inputs (empty
//! slices, `u32::MAX` and `usize::MAX` offsets, counts whose byte length
//! overflows), returns an error or a sensible value and never panics.

mod shapes;

use wasm_layout::memory::{hex_dump, Arena, Bump, HexDump, LinearMemory, Pool, PoolHandle};
use wasm_layout::{align_up, LayoutError, SliceRef, ViewRef, WasmLayout, WasmPtr, WholeValue};

use shapes::*;

/// Offsets no real memory reaches, or that overflow when a size is added.
const OFFSETS: [usize; 6] = [usize::MAX, usize::MAX - 1, usize::MAX - 7, u32::MAX as usize, 1 << 32, 4097];
/// Counts whose byte length is past any memory or overflows `usize`.
const COUNTS: [usize; 5] = [usize::MAX, usize::MAX / 2 + 1, usize::MAX / 8 + 1, u32::MAX as usize, 4097];

fn oob(e: LayoutError) -> bool {
    matches!(e, LayoutError::OutOfBounds { .. })
}

/// Every whole-value, view and slice entry point of `T` on the worst inputs.
fn worst_inputs<T: WholeValue>() {
    let mut memory = vec![0u8; 4096];
    if T::SIZE > 0 {
        assert!(oob(T::read_from(&[]).err().unwrap()), "{}", T::NAME);
        assert!(T::view(&[]).is_err());
        assert!(T::view_mut(&mut []).is_err());
        let v = T::read_from(&memory).ok();
        if let Some(v) = v {
            assert!(oob(v.write_to(&mut []).unwrap_err()));
        }
    }
    for offset in OFFSETS {
        assert!(oob(T::read_at(&memory, offset).err().unwrap()), "{} at {offset}", T::NAME);
        assert!(oob(T::read_at(&[], offset).err().unwrap()));
        assert!(T::view_at(&memory, offset).is_err());
        assert!(T::view_mut_at(&mut memory, offset).is_err());
        if let Ok(v) = T::read_from(&memory) {
            assert!(oob(v.write_at(&mut memory, offset).unwrap_err()));
            assert!(memory.iter().all(|&b| b == 0), "a failed write_at wrote");
        }
    }
    for count in COUNTS {
        if T::SIZE > 0 {
            assert!(oob(T::view_slice(&memory, count).err().unwrap()), "{} x {count}", T::NAME);
            assert!(oob(T::view_slice(&[], count).err().unwrap()));
            assert!(oob(T::view_slice_mut(&mut memory, count).err().unwrap()));
        }
        let s = T::view_slice(&memory, 2).unwrap();
        assert!(s.get(count).is_none());
        assert!(oob(s.read(count).err().unwrap()));
        let mut s = T::view_slice_mut(&mut memory, 2).unwrap();
        assert!(s.get_mut(count).is_none());
        if let Ok(v) = T::read_from(&[0; 64]) {
            assert!(oob(s.set(count, &v).unwrap_err()));
        }
    }
    assert_eq!(SliceRef::<T>::fit(&[]).len(), 0);
    assert_eq!(T::view_slice(&[], 0).map(|s| s.len()), Ok(0));

    for offset in [u32::MAX, u32::MAX - 1, u32::MAX - 3, 4093, 4096] {
        let p = WasmPtr::<T>::new(offset);
        let fits = (offset as usize).checked_add(T::SIZE).is_some_and(|end| end <= memory.len());
        // In bounds, a read can still fail validation (an all-zero enum).
        assert_eq!(!p.read(&memory).err().is_some_and(oob), fits, "{} at {offset}", T::NAME);
        assert_eq!(p.view(&memory).is_ok(), fits);
        assert_eq!(p.view_mut(&mut memory).is_ok(), fits);
        assert!(p.read(&[]).is_err());
        for count in COUNTS {
            assert!(p.view_slice(&memory, count).is_err() || T::SIZE == 0);
            assert!(p.view_slice_mut(&mut memory, count).is_err() || T::SIZE == 0);
        }
        assert!(p.checked_add(u32::MAX).is_none() || T::SIZE == 0);
        if let Ok(v) = T::read_from(&[0; 64]) {
            assert_eq!(p.write(&mut memory, &v).is_ok(), fits);
        }
    }
    let null = WasmPtr::<T>::null();
    assert_eq!(null.read(&memory).err(), Some(LayoutError::NullPointer { type_name: T::NAME }));
    assert!(null.view(&memory).is_err());
    assert!(null.view_slice(&memory, 0).is_err());
    assert!(null.view_slice_mut(&mut memory, usize::MAX).is_err());
}

macro_rules! each_type {
    ($($ty:ty),* $(,)?) => {$( worst_inputs::<$ty>(); )*};
}

#[test]
fn accessors_return_errors_on_the_worst_inputs() {
    each_type![
        u8,
        u16,
        u32,
        u64,
        i8,
        i16,
        i32,
        i64,
        f32,
        f64,
        bool,
        WasmPtr<Node>,
        [u8; 0],
        [u64; 3],
        [[bool; 2]; 3],
        [Point; 2],
        Point,
        Rect,
        Mixed,
        AllWidths,
        Outer,
        ArrayOfStructs,
        Matrix,
        Packed,
        PackedNested,
        Aligned16,
        ContainsAligned,
        Empty,
        Unit,
        WithEmpty,
        EU8,
        EU16,
        EU32,
        EI8,
        EI16,
        EI32,
        WithEnums,
        Node,
        PtrMix,
        BoolArray,
        DeepArray,
        EnumArray,
        Particle,
    ];
}

/// Zero-sized values fit any number of times, even `usize::MAX`, and making
/// such a view is immediate.
#[test]
fn zero_sized_slices_of_any_length() {
    let started = std::time::Instant::now();
    for count in COUNTS {
        let s = Empty::view_slice(&[], count).unwrap();
        assert_eq!(s.len(), count);
        assert!(s.get(count).is_none());
        assert!(s.read(count - 1).is_ok());
        let s = <[u32; 0]>::view_slice_mut(&mut [], count).unwrap();
        assert_eq!(s.len(), count);
        assert!(WasmPtr::<Unit>::new(1).view_slice(&[0; 4], count).is_ok());
    }
    assert!(started.elapsed().as_secs() < 5, "zero-sized slice views took {:?}", started.elapsed());
}

#[test]
fn array_views_reject_every_index_past_the_end() {
    let mut bytes = [0u8; 64];
    let v = ArrayOfStructs::view(&bytes).unwrap();
    for i in [3, usize::MAX, u32::MAX as usize] {
        assert!(v.items().get(i).is_none());
    }
    let mut m = ArrayOfStructs::view_mut(&mut bytes).unwrap();
    let mut items = m.items_mut();
    for i in [3, usize::MAX, u32::MAX as usize] {
        assert!(items.get(i).is_none());
        assert!(items.get_mut(i).is_none());
        assert!(oob(items.set(i, Inner { a: 1, b: 2 }).unwrap_err()));
    }
    assert!(bytes.iter().all(|&b| b == 0), "a failed set wrote");
    let deep = <[[[u8; 2]; 3]; 4]>::view(&[0; 24]).unwrap();
    assert!(deep.get(usize::MAX).is_none());
    assert!(deep.get(3).unwrap().get(usize::MAX).is_none());
}

#[test]
fn views_over_invalid_bytes_give_errors_not_panics() {
    let bytes = [0xFFu8; 64];
    let v = WithEnums::view(&bytes).unwrap();
    assert!(v.a().is_err() && v.b().is_err() && v.f().is_err());
    assert!(v.read().is_err());
    let b = BoolArray::view(&bytes).unwrap();
    assert!(b.flags().iter().all(|f| f.is_err()));
    assert!(b.flags().read().is_err());
    assert!(Outer::view(&bytes).unwrap().flag().is_err());
    assert!(EnumArray::view_slice(&bytes, 8).unwrap().iter().all(|e| e.read().is_err()));
}

#[test]
fn errors_saturate_instead_of_overflowing() {
    let e = LayoutError::InvalidBool { offset: usize::MAX - 1, byte: 2 }.offset_by(usize::MAX);
    assert_eq!(e, LayoutError::InvalidBool { offset: usize::MAX, byte: 2 });
    let e = LayoutError::OutOfBounds { offset: 5, needed: 1, available: 0 }.offset_by(usize::MAX);
    assert!(matches!(e, LayoutError::OutOfBounds { offset: usize::MAX, .. }));
    let _ = e.to_string();
}

#[test]
fn layout_rules_and_descriptors_on_extreme_inputs() {
    assert_eq!(align_up(usize::MAX, 2), None);
    assert_eq!(align_up(usize::MAX, 1), Some(usize::MAX));
    assert_eq!(align_up(1, 0), None);
    assert_eq!(align_up(1, usize::MAX), None);
    assert_eq!(align_up(1, 1 << (usize::BITS - 1)), Some(1 << (usize::BITS - 1)));
    assert_eq!(Mixed::LAYOUT.padding_after(usize::MAX), 0);
    assert!(Mixed::LAYOUT.field("").is_none());
    // Regression: `padding()` counted a scalar's or array's whole size as padding.
    assert_eq!(u32::LAYOUT.padding(), 0);
    assert_eq!(<[u8; 7]>::LAYOUT.padding(), 0);
    assert_eq!(EU16::LAYOUT.padding(), 0);
    assert_eq!(Particle::LAYOUT.padding(), 2);
    assert_eq!(Aligned16::LAYOUT.padding(), 15);
    assert_eq!(Empty::LAYOUT.padding(), 0);
}

#[cfg(feature = "bytemuck")]
#[test]
fn zero_copy_casts_on_the_worst_inputs() {
    let mut words = [0u32; 4];
    for count in COUNTS {
        assert!(wasm_layout::cast_slice::<u32>(bytemuck::cast_slice(&words), count).is_err());
        assert!(wasm_layout::cast_slice_mut::<u32>(bytemuck::cast_slice_mut(&mut words), count).is_err());
    }
    assert!(wasm_layout::cast_slice::<u32>(&[], 1).is_err());
    let bytes: &[u8] = bytemuck::cast_slice(&words);
    assert_eq!(
        wasm_layout::cast_slice::<u32>(&bytes[1..], 1).err(),
        Some(LayoutError::Misaligned { align: 4 })
    );
}

#[test]
fn memory_toolkit_on_the_worst_inputs() {
    let memory = vec![0u8; 4096];
    for (start, len) in [(usize::MAX, 1), (1, usize::MAX), (4096, 1), (0, 4097), (usize::MAX, usize::MAX)] {
        assert!(hex_dump(&memory, start, len).is_err());
        assert!(HexDump::new(&memory, start, len).is_err());
    }
    assert_eq!(hex_dump(&[], 0, 0).map(|s| s.len()), Ok(0));

    assert!(Arena::new(u32::MAX, usize::MAX).is_err());
    assert!(Arena::new(0, 0).is_err());
    let mut arena = Arena::new(u32::MAX - 16, 16).unwrap();
    for (size, align) in [(usize::MAX, 1), (1, usize::MAX), (1, 0), (1, 3), (0, 1), (17, 1), (1, 1 << 40)] {
        assert!(arena.alloc(size, align).is_err(), "arena.alloc({size}, {align})");
    }
    assert!(arena.alloc_array::<u64>(usize::MAX).is_err());
    let mut small = LinearMemory::new(1, 1).unwrap();
    assert!(arena.place(&mut small, &1u64).is_err());
    assert!(arena.place_slice(&mut small, &[1u8; 8]).is_err());

    let mut bump = Bump::new(u32::MAX - 4).unwrap();
    assert!(bump.alloc(usize::MAX, 8).is_err());
    assert!(bump.alloc(8, 8).is_err());
    assert!(bump.place(&mut small, &1u64).is_err());
    assert!(Bump::with_capacity(u32::MAX, usize::MAX).is_err());

    assert!(Pool::new(u32::MAX, usize::MAX, 8, u32::MAX).is_err());
    assert!(Pool::new(0, 8, 3, 4).is_err());
    assert!(Pool::new(0, 0, 8, 4).is_err());
    let mut pool = Pool::new(1024, 8, 8, 2).unwrap();
    for h in [
        PoolHandle { pool: 0, index: u32::MAX, generation: 1 },
        PoolHandle { pool: 0, index: 0, generation: u32::MAX },
        PoolHandle { pool: 0, index: 1, generation: 0 },
    ] {
        assert!(pool.free(h).is_err());
        assert!(pool.offset(h).is_err());
        assert!(!pool.is_live(h));
    }
    for offset in [0, u32::MAX, 1025, 1024 + 16] {
        assert!(pool.handle_at(offset).is_err());
        assert!(pool.free_ptr(offset).is_err());
    }
    assert!(pool.place(&mut small, &[0u64; 2]).is_err(), "a value wider than a slot");

    let mut lm = LinearMemory::new(0, 2).unwrap();
    assert!(lm.grow(u32::MAX).is_err());
    assert!(lm.ensure_capacity(u64::MAX).is_err());
    assert!(LinearMemory::new(u32::MAX, u32::MAX).is_err());
}
