//! Values written by Rust's `write_to`, with the values they hold as JSON,
//! for the Node tests: `fixtures.json` (golden) or a fresh copy in a scratch
//! directory.
//!
//! The JSON is produced from the bytes by walking the descriptor
//! (`json.rs`), so it shows what the bytes mean independently of the
//! generated TypeScript.

use std::fmt::Write;

use wasm_layout::{LayoutError, TypeLayout, WasmLayout, WasmPtr, WasmSlice, WasmStr, WholeValue};

use crate::corpus::*;

/// `T::read_at` with the value dropped.
type ReadAt = fn(&[u8], usize) -> Result<(), LayoutError>;

/// One value: its type's generated name, its bytes, what they hold.
struct Fixture {
    ty: &'static TypeLayout,
    fingerprint: u64,
    bytes: Vec<u8>,
    /// Rust's `read_at` for this type.
    read_at: ReadAt,
}

fn fixture<T: WholeValue>(value: T) -> Fixture {
    let mut bytes = vec![0xAB; T::SIZE];
    value.write_to(&mut bytes).expect("write_to");
    // Compared as bytes, so a NaN field round-trips too.
    let mut again = vec![0xCD; T::SIZE];
    T::read_from(&bytes).expect("read_from").write_to(&mut again).expect("write_to");
    assert_eq!(again, bytes, "Rust round trip of {}", T::NAME);
    Fixture {
        ty: T::LAYOUT,
        fingerprint: T::FINGERPRINT,
        bytes,
        read_at: |m, at| T::read_at(m, at).map(|_| ()),
    }
}

const RECT: Rect = Rect {
    min: Point { x: -1.5, y: 2.25 },
    max: Point { x: 1e300, y: -0.0 },
    kind: Kind::C,
    alive: true,
    tags: [1, 65535, 300],
    next: WasmPtr::new(4096),
};

const INNER: Inner = Inner { a: 7, b: 0xBEEF };
const OUTER: Outer = Outer { x: 1, inner: INNER, y: 0xDEAD_BEEF, empty: Empty {}, z: 255 };

fn values() -> Vec<Fixture> {
    vec![
        fixture(AllScalars {
            a_u8: 255,
            a_u16: 65534,
            a_u32: 4_000_000_000,
            a_u64: u64::MAX - 1,
            a_i8: -128,
            a_i16: -32768,
            a_i32: -2_000_000_000,
            a_i64: i64::MIN + 1,
            a_f32: 0.1,
            a_f64: std::f64::consts::PI,
            a_bool: true,
        }),
        fixture(RECT),
        fixture(Node { value: -42, next: WasmPtr::new(16), prev: WasmPtr::null() }),
        fixture(Packed { a: 0x11, b: 0x2233_4455, c: 0x6677, d: 0x8899_AABB_CCDD_EEFF }),
        fixture(PackedNested { tag: 9, point: Point { x: 0.5, y: -0.5 }, kind: Kind::A, flag: false }),
        fixture(Aligned16 { x: 77 }),
        fixture(AlignedOuter { a: 1, inner: Aligned16 { x: 2 }, b: 3 }),
        fixture(TailPad { a: 1 << 40, b: 3 }),
        fixture(Mixed16 { a: 1, b: 2, c: 3 }),
        fixture(Empty {}),
        fixture(OUTER),
        fixture(Matrix {
            m: [
                [1.0, 2.0, 3.0, 4.0],
                [0.5, -0.5, 0.25, -0.25],
                [f32::MAX, f32::MIN_POSITIVE, 0.0, -0.0],
                [1e-3, 1e3, 7.0, 8.0],
            ],
        }),
        fixture(Polygon {
            count: 3,
            points: [Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 0.0 }, Point { x: 0.0, y: 1.0 }],
        }),
        fixture(Flags { bits: [true, false, true, true, false], mode: Mode16::Max }),
        fixture(Modes {
            kinds: [Kind::A, Kind::B, Kind::C],
            d8: Delta8::Down,
            d16: Delta16::Neg,
            m32: Mode32::High,
            s32: Signed32::Min,
            color: ColorEnum::Red,
        }),
        fixture(RenamedStruct { original: 123_456, other: 9 }),
        fixture(Camel { frame_count: 60, max_hp_value: 999, is_alive: true, overridden_name: 4 }),
        fixture(Pointers {
            to_u8: WasmPtr::new(1),
            to_point: WasmPtr::new(8),
            to_array: WasmPtr::null(),
            to_leaf: WasmPtr::new(65536),
        }),
        fixture(Bytes { data: *b"hello, wasm!\0", len: 12 }),
        fixture(ZeroLen { before: 5, nothing: [], after: 6 }),
        fixture(Empties { before: 1, units: [Empty {}; 3], after: 2 }),
        fixture(Wide { a: u64::MAX, b: i64::MIN, c: [0, 1 << 63], d: [-1, i64::MAX] }),
        fixture(Floats { f: f32::INFINITY, d: f64::NEG_INFINITY, fs: [1.5, f32::NAN, -2.0] }),
        fixture(deep()),
        fixture(Named {
            id: 9,
            name: WasmStr::new(1024, 3),
            scores: WasmSlice::new(2048, 4),
            points: WasmSlice::empty(),
            aliases: [WasmStr::new(u32::MAX, 0), WasmStr::new(8, u32::MAX)],
            kinds: WasmSlice::new(16, 1),
            tags: WasmSlice::new(24, 2),
            children: WasmSlice::new(0xFFFF_FFF8, 1),
            grid: WasmSlice::new(40, 7),
        }),
        fixture(PackedNamed { tag: 0xEE, name: WasmStr::new(0x0102_0304, 5), wide: WasmSlice::new(64, 2) }),
        // Open enums: values the enum lists and values it does not.
        fixture(Image {
            width: 640,
            format: wasm_layout::Open::from_raw(0),
            levels: [wasm_layout::Open::from(Signed32::Min), wasm_layout::Open::from_raw(12345)],
            strict: ColorEnum::Green,
        }),
        fixture(placed()),
    ]
}

fn placed() -> Placed {
    Placed {
        pos: Vec2 { x: 1.5, y: -0.25 },
        cell: Vec2 { x: 7, y: 65535 },
        label: Buf { len: 3, data: *b"abc\0\0\0\0\x01" },
        flag: true,
    }
}

/// Byte images that no reader may accept: a bool byte of 2, an unknown
/// discriminant, at the field's offset.
struct Invalid {
    base: Fixture,
    offset: usize,
    byte: u8,
    field: &'static str,
}

fn invalid() -> Vec<Invalid> {
    let all = fixture(AllScalars {
        a_u8: 0,
        a_u16: 0,
        a_u32: 0,
        a_u64: 0,
        a_i8: 0,
        a_i16: 0,
        a_i32: 0,
        a_i64: 0,
        a_f32: 0.0,
        a_f64: 0.0,
        a_bool: false,
    });
    let modes = fixture(Modes {
        kinds: [Kind::A; 3],
        d8: Delta8::Still,
        d16: Delta16::Zero,
        m32: Mode32::Low,
        s32: Signed32::MinusOne,
        color: ColorEnum::Green,
    });
    let at = |l: &TypeLayout, f: &str| l.field(f).expect("field").offset;
    vec![
        Invalid { offset: at(AllScalars::LAYOUT, "a_bool"), byte: 2, field: "AllScalars.a_bool", base: all },
        Invalid { offset: at(Rect::LAYOUT, "kind"), byte: 3, field: "Rect.kind", base: fixture(RECT) },
        Invalid { offset: at(Rect::LAYOUT, "alive"), byte: 0xFF, field: "Rect.alive", base: fixture(RECT) },
        Invalid {
            offset: at(Modes::LAYOUT, "kinds") + 2,
            byte: 0,
            field: "Modes.kinds",
            base: fixture(modes_value()),
        },
        Invalid { offset: at(Modes::LAYOUT, "color"), byte: 9, field: "Modes.color", base: modes },
        Invalid {
            offset: at(Placed::LAYOUT, "flag"),
            byte: 2,
            field: "Placed.flag",
            base: fixture(placed()),
        },
        // Nested: in an array of structs inside a struct.
        Invalid {
            offset: at(Deep::LAYOUT, "rects") + Rect::SIZE + at(Rect::LAYOUT, "alive"),
            byte: 2,
            field: "Rect.alive",
            base: fixture(deep()),
        },
        Invalid {
            offset: at(Deep::LAYOUT, "rects") + at(Rect::LAYOUT, "kind"),
            byte: 0,
            field: "Rect.kind",
            base: fixture(deep()),
        },
        Invalid {
            offset: at(Flags::LAYOUT, "bits") + 4,
            byte: 7,
            field: "Flags.bits",
            base: fixture(Flags { bits: [false; 5], mode: Mode16::On }),
        },
    ]
}

fn deep() -> Deep {
    Deep { outer: OUTER, rects: [RECT, Rect { alive: false, kind: Kind::B, ..RECT }], grid: [[INNER; 2]; 2] }
}

/// Where the bad byte of `inv` is reported when its value is read at
/// [`AT`] of a memory: Rust's `read_at` says, as an absolute offset.
fn rust_offset(inv: &Invalid, bytes: &[u8]) -> usize {
    let mut memory = vec![0xEE; AT];
    memory.extend_from_slice(bytes);
    match (inv.base.read_at)(&memory, AT) {
        Err(LayoutError::InvalidBool { offset, .. } | LayoutError::InvalidDiscriminant { offset, .. }) => {
            offset
        }
        other => panic!("{}: Rust read the bad byte as {other:?}", inv.field),
    }
}

/// Where the offset table places values in a memory.
const AT: usize = 100;

/// Types read near the end of a 64 KiB memory, with what Rust's `read_at`
/// says: `(type, offset, needed, available, view)`. `view`: some field is
/// past the end, so a view's getter meets it (a view checks the bytes it
/// reads; `TailPad` read 10 bytes before the end has only padding past it).
fn bounds() -> Vec<(&'static str, usize, usize, usize, bool)> {
    let memory = vec![0u8; 65536];
    let end = memory.len();
    let cases: [(&str, usize, bool, ReadAt); 5] = [
        ("Rect", end - 4, true, |m, at| Rect::read_at(m, at).map(|_| ())),
        ("Deep", end - 4, true, |m, at| Deep::read_at(m, at).map(|_| ())),
        ("AllScalars", end - 4, true, |m, at| AllScalars::read_at(m, at).map(|_| ())),
        ("Polygon", end - 4, true, |m, at| Polygon::read_at(m, at).map(|_| ())),
        ("TailPad", end - 10, false, |m, at| TailPad::read_at(m, at).map(|_| ())),
    ];
    cases
        .iter()
        .map(|(name, at, view, read_at)| match read_at(&memory, *at) {
            Err(LayoutError::OutOfBounds { offset, needed, available }) => {
                (*name, offset, needed, available, *view)
            }
            other => panic!("{name} read past the end: {other:?}"),
        })
        .collect()
}

fn modes_value() -> Modes {
    Modes {
        kinds: [Kind::A; 3],
        d8: Delta8::Up,
        d16: Delta16::Zero,
        m32: Mode32::Low,
        s32: Signed32::Max,
        color: ColorEnum::Red,
    }
}

/// The fixtures file: `{ "values": [...], "invalid": [...], "bounds": [...] }`.
/// An invalid image also says where Rust reports its bad byte when the
/// value is read at offset `at` of a memory (`rust`); a bounds case, what
/// Rust's `read_at` reports past the end of a 64 KiB memory.
pub fn json() -> String {
    let mut out = String::from("{\n  \"values\": [\n");
    let values = values();
    for (i, f) in values.iter().enumerate() {
        let mut value = String::new();
        crate::json::decode_json(f.ty, &f.bytes, &mut value);
        let comma = if i + 1 < values.len() { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"type\": \"{}\", \"fingerprint\": \"{}n\", \"hex\": \"{}\", \"value\": {value} }}{comma}",
            f.ty.export_name(),
            f.fingerprint,
            crate::json::hex(&f.bytes)
        );
    }
    out.push_str("  ],\n  \"invalid\": [\n");
    let invalid = invalid();
    for (i, inv) in invalid.iter().enumerate() {
        let mut bytes = inv.base.bytes.clone();
        bytes[inv.offset] = inv.byte;
        let comma = if i + 1 < invalid.len() { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"type\": \"{}\", \"hex\": \"{}\", \"field\": \"{}\", \"offset\": {}, \"at\": {AT}, \"rust\": {} }}{comma}",
            inv.base.ty.export_name(),
            crate::json::hex(&bytes),
            inv.field,
            inv.offset,
            rust_offset(inv, &bytes)
        );
    }
    out.push_str("  ],\n  \"bounds\": [\n");
    let bounds = bounds();
    for (i, (name, offset, needed, available, view)) in bounds.iter().enumerate() {
        let comma = if i + 1 < bounds.len() { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"type\": \"{name}\", \"offset\": {offset}, \"needed\": {needed}, \"available\": {available}, \"view\": {view} }}{comma}"
        );
    }
    out.push_str("  ]\n}\n");
    out
}
