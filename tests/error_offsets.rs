//! One rule for error offsets: a `LayoutError` counts from the start of the
//! slice the caller passed, on every path. Each table below puts one bad
//! byte at one place in a memory and reaches it through every way there is
//! (whole reads, views, nested views, array views on both view kinds,
//! slices, pointers), expecting the same offset each time.

use wasm_layout::{LayoutError, ViewMut, ViewRef, WasmLayout, WasmPtr};

#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
enum Mode {
    Off = 0,
    On = 1,
}

#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]
struct Inner {
    tag: u16,
    mode: Mode,
    ok: bool,
}

/// `flags` at 8, `inner` at 12 (its `mode` at 14, `ok` at 15).
#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]
struct S {
    pad: u64,
    flags: [bool; 4],
    inner: Inner,
    modes: [Mode; 2],
}

/// The same shape on the general path (a field type the derive cannot
/// name), so both ways the derive writes a layout are covered.
const N: usize = 4;
#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]
struct G {
    pad: u64,
    flags: [bool; N],
    inner: Inner,
    modes: [Mode; 2],
}

/// Where `S` (or `G`) sits in the memory.
const BASE: usize = 100;

fn memory_with(byte_at: usize, byte: u8) -> Vec<u8> {
    let mut memory = vec![0u8; 256];
    memory[byte_at] = byte;
    memory
}

fn bool_at(offset: usize) -> LayoutError {
    LayoutError::InvalidBool { offset, byte: 7 }
}

fn mode_at(offset: usize) -> LayoutError {
    LayoutError::InvalidDiscriminant { type_name: "Mode", offset, value: 7 }
}

/// Every path to `flags[1]` of a value at `BASE`.
macro_rules! flag_paths {
    ($t:ty) => {{
        let at = BASE + 9;
        let want = Err(bool_at(at));
        let mut m = memory_with(at, 7);
        let ptr: WasmPtr<$t> = WasmPtr::new(BASE as u32);
        let got: Vec<(&str, Result<(), LayoutError>)> = vec![
            ("read_at", <$t>::read_at(&m, BASE).map(drop)),
            ("read_from of the tail", <$t>::read_from(&m[BASE..]).map(drop).map_err(|e| e.offset_by(BASE))),
            ("WasmPtr::read", ptr.read(&m).map(drop)),
            ("view_at().flags().get(1)", <$t>::view_at(&m, BASE).unwrap().flags().get(1).unwrap().map(drop)),
            ("view_at().read()", <$t>::view_at(&m, BASE).unwrap().read().map(drop)),
            ("view_at().flags().read()", <$t>::view_at(&m, BASE).unwrap().flags().read().map(drop)),
            ("WasmPtr::view().flags().get(1)", ptr.view(&m).unwrap().flags().get(1).unwrap().map(drop)),
            (
                "view_slice_at().get(0).flags().get(1)",
                ptr.view_slice(&m, 1).unwrap().get(0).unwrap().flags().get(1).unwrap().map(drop),
            ),
            ("view_slice().read(0)", ptr.view_slice(&m, 1).unwrap().read(0).map(drop)),
            (
                "view_slice().iter().flags().get(1)",
                ptr.view_slice(&m, 1).unwrap().iter().next().unwrap().flags().get(1).unwrap().map(drop),
            ),
            (
                "chunks_exact::<1>().flags().get(1)",
                ptr.view_slice(&m, 1).unwrap().chunks_exact::<1>().next().unwrap()[0]
                    .flags()
                    .get(1)
                    .unwrap()
                    .map(drop),
            ),
        ];
        let mut got = got;
        let mutable: Vec<(&str, Result<(), LayoutError>)> = vec![
            ("view_mut_at().flags_mut().get(1)", {
                let v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let mut v = v;
                v.flags_mut().get(1).unwrap().map(drop)
            }),
            ("view_mut_at().flags_mut().get_mut(1).get()", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let mut flags = v.flags_mut();
                let flag = flags.get_mut(1).unwrap();
                flag.get().map(drop)
            }),
            ("view_mut_at().flags_mut().iter_mut().read()", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let mut flags = v.flags_mut();
                let r = flags.iter_mut().nth(1).unwrap().read().map(drop);
                r
            }),
            ("view_mut_at().flags_mut().as_ref().get(1)", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let flags = v.flags_mut();
                let r = flags.as_ref().get(1).unwrap().map(drop);
                r
            }),
            ("view_mut_at().flags()", {
                let v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                v.flags().get(1).unwrap().map(drop)
            }),
            ("view_mut_at().read()", <$t>::view_mut_at(&mut m, BASE).unwrap().read().map(drop)),
            ("view_mut_at().as_view().flags()", {
                let v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let r = v.as_view().flags().get(1).unwrap().map(drop);
                r
            }),
            ("WasmPtr::view_mut().flags_mut().get(1)", {
                let mut v = ptr.view_mut(&mut m).unwrap();
                v.flags_mut().get(1).unwrap().map(drop)
            }),
            ("view_slice_mut().get_mut(0).flags_mut().get(1)", {
                let mut s = ptr.view_slice_mut(&mut m, 1).unwrap();
                let mut v = s.get_mut(0).unwrap();
                v.flags_mut().get(1).unwrap().map(drop)
            }),
            (
                "view_slice_mut().as_ref().read(0)",
                ptr.view_slice_mut(&mut m, 1).unwrap().as_ref().read(0).map(drop),
            ),
            ("bool::view_at", bool::view_at(&m, at).unwrap().map(drop)),
            ("bool::view_mut_at().get()", bool::view_mut_at(&mut m, at).unwrap().get().map(drop)),
            ("bool::view_mut_at().read()", bool::view_mut_at(&mut m, at).unwrap().read().map(drop)),
            ("bool::read_at", bool::read_at(&m, at).map(drop)),
            (
                "[bool; 4]::view_at().get(1)",
                <[bool; 4]>::view_at(&m, BASE + 8).unwrap().get(1).unwrap().map(drop),
            ),
            (
                "bool::view_slice via WasmPtr",
                WasmPtr::<bool>::new(BASE as u32 + 8).view_slice(&m, 4).unwrap().get(1).unwrap().map(drop),
            ),
        ];
        got.extend(mutable);
        for (path, result) in got {
            assert_eq!(result, want, "{}: {path}", stringify!($t));
        }
    }};
}

/// Every path to `inner.mode` (at 14 in the struct) and `inner.ok` (15).
macro_rules! nested_paths {
    ($t:ty) => {{
        let at = BASE + 14;
        let mut m = memory_with(at, 7);
        let ptr: WasmPtr<$t> = WasmPtr::new(BASE as u32);
        let results = [
            ("read_at", <$t>::read_at(&m, BASE).map(drop)),
            ("view_at().inner().mode()", <$t>::view_at(&m, BASE).unwrap().inner().mode().map(drop)),
            ("view_at().inner().read()", <$t>::view_at(&m, BASE).unwrap().inner().read().map(drop)),
            ("WasmPtr::view().inner().mode()", ptr.view(&m).unwrap().inner().mode().map(drop)),
            ("Inner::read_at", Inner::read_at(&m, BASE + 12).map(drop)),
            ("Mode::view_at", Mode::view_at(&m, at).unwrap().map(drop)),
            ("view_mut_at().inner_mut().mode()", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let r = v.inner_mut().mode().map(drop);
                r
            }),
            ("view_mut_at().inner_mut().mode_mut().get()", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let mut inner = v.inner_mut();
                let r = inner.mode_mut().get().map(drop);
                r
            }),
            ("view_mut_at().inner_mut().read()", {
                let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
                let r = v.inner_mut().read().map(drop);
                r
            }),
        ];
        for (path, result) in results {
            assert_eq!(result, Err(mode_at(at)), "{}: {path}", stringify!($t));
        }
        let at = BASE + 15;
        let m = memory_with(at, 7);
        assert_eq!(<$t>::view_at(&m, BASE).unwrap().inner().ok(), Err(bool_at(at)));
        assert_eq!(<$t>::read_at(&m, BASE), Err(bool_at(at)));
        // An array of enums: `modes[1]` at 17.
        let at = BASE + 17;
        let mut m = memory_with(at, 7);
        assert_eq!(<$t>::view_at(&m, BASE).unwrap().modes().get(1), Some(Err(mode_at(at))));
        assert_eq!(<$t>::read_at(&m, BASE), Err(mode_at(at)));
        let mut v = <$t>::view_mut_at(&mut m, BASE).unwrap();
        assert_eq!(v.modes_mut().get(1), Some(Err(mode_at(at))));
    }};
}

#[test]
fn a_bad_bool_reports_the_same_offset_on_every_path() {
    flag_paths!(S);
    flag_paths!(G);
}

#[test]
fn a_bad_nested_value_reports_the_same_offset_on_every_path() {
    nested_paths!(S);
    nested_paths!(G);
}

/// Offsets count from the slice passed, so a view made at the start of a
/// slice reports offsets in that slice: the same bytes seen from two slices
/// give two offsets, each right for its slice.
#[test]
fn offsets_count_from_the_slice_the_caller_passed() {
    let m = memory_with(BASE + 9, 7);
    assert_eq!(S::view(&m[BASE..]).unwrap().flags().get(1), Some(Err(bool_at(9))));
    assert_eq!(S::view_at(&m, BASE).unwrap().flags().get(1), Some(Err(bool_at(BASE + 9))));
    assert_eq!(S::read_from(&m[BASE..]), Err(bool_at(9)));
    let mut m = m;
    let mut v = S::view_mut(&mut m[BASE..]).unwrap();
    assert_eq!(v.flags_mut().get(1), Some(Err(bool_at(9))));
}

/// Out-of-range indices of mutable array and slice views report where the
/// element would be, counted the same way.
#[test]
fn out_of_bounds_indices_count_from_the_slice_passed() {
    let mut m = vec![0u8; 256];
    let mut v = S::view_mut_at(&mut m, BASE).unwrap();
    let err = v.flags_mut().set(5, true).unwrap_err();
    assert_eq!(err, LayoutError::OutOfBounds { offset: BASE + 8 + 5, needed: 1, available: BASE + 12 });
    let mut s = WasmPtr::<u32>::new(BASE as u32).view_slice_mut(&mut m, 2).unwrap();
    let err = s.set(3, &1).unwrap_err();
    assert_eq!(err, LayoutError::OutOfBounds { offset: BASE + 12, needed: 4, available: BASE + 8 });
}
