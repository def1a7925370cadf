//! The corpus: every field kind, nesting, arrays of structs, enums of every
//! repr, packed, aligned, tail padding, renames, pointers (one to itself),
//! a union (alone and in a struct) and open enums.

use wasm_layout::{Bindings, Open, WasmLayout, WasmPtr, WasmSlice, WasmStr};

#[path = "corpus_enums.rs"]
mod enums;
pub use enums::*;

/// A point in the plane.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    /// Vertical, growing downwards.
    pub y: f64,
}

/// One field of every scalar kind, in an order that pads.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct AllScalars {
    pub a_u8: u8,
    pub a_u16: u16,
    pub a_u32: u32,
    pub a_u64: u64,
    pub a_i8: i8,
    pub a_i16: i16,
    pub a_i32: i32,
    pub a_i64: i64,
    pub a_f32: f32,
    pub a_f64: f64,
    pub a_bool: bool,
}

/// An axis-aligned rectangle.
///
/// `min` and `max` are opposite corners:
///   every point inside has `min.x <= x <= max.x`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// The corner with the smallest coordinates.
    pub min: Point,
    /// The corner with the largest coordinates.
    pub max: Point,
    pub kind: Kind,
    /// Whether the rectangle is still in use; a byte, 0 or 1.
    pub alive: bool,
    pub tags: [u16; 3],
    pub next: WasmPtr<Rect>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Node {
    pub value: i32,
    pub next: WasmPtr<Node>,
    pub prev: WasmPtr<Node>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct Packed {
    pub a: u8,
    pub b: u32,
    pub c: u16,
    pub d: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct PackedNested {
    pub tag: u8,
    pub point: Point,
    pub kind: Kind,
    pub flag: bool,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(align = 16)]
pub struct Aligned16 {
    pub x: u32,
}

/// `align = 2` never lowers the natural alignment of 8.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(align = 2)]
pub struct AlignedLow {
    pub x: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct AlignedOuter {
    pub a: u8,
    pub inner: Aligned16,
    pub b: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct TailPad {
    pub a: u64,
    pub b: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Mixed16 {
    pub a: u8,
    pub b: u16,
    pub c: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Empty {}

/// An array of zero-size structs between two bytes.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Empties {
    pub before: u8,
    pub units: [Empty; 3],
    pub after: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Inner {
    pub a: u8,
    pub b: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Outer {
    pub x: u8,
    pub inner: Inner,
    pub y: u32,
    pub empty: Empty,
    pub z: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub m: [[f32; 4]; 4],
}

/// An array of structs.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Polygon {
    pub count: u8,
    pub points: [Point; 3],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Flags {
    pub bits: [bool; 5],
    pub mode: Mode16,
}

/// Enums of every repr, and an array of enums.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Modes {
    pub kinds: [Kind; 3],
    pub d8: Delta8,
    pub d16: Delta16,
    pub m32: Mode32,
    pub s32: Signed32,
    pub color: ColorEnum,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(rename = "Renamed")]
pub struct RenamedStruct {
    #[layout(rename = "renamedField")]
    pub original: u32,
    pub other: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(rename_all = "camelCase")]
pub struct Camel {
    pub frame_count: u32,
    pub max_hp_value: u16,
    pub is_alive: bool,
    #[layout(rename = "chosen")]
    pub overridden_name: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Leaf {
    pub id: u64,
}

/// Pointers to scalars, structs, arrays, and a type reached only through one.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Pointers {
    pub to_u8: WasmPtr<u8>,
    pub to_point: WasmPtr<Point>,
    pub to_array: WasmPtr<[u32; 4]>,
    pub to_leaf: WasmPtr<Leaf>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Bytes {
    pub data: [u8; 13],
    pub len: u32,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct ZeroLen {
    pub before: u32,
    pub nothing: [u64; 0],
    pub after: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Wide {
    pub a: u64,
    pub b: i64,
    pub c: [u64; 2],
    pub d: [i64; 2],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Floats {
    pub f: f32,
    pub d: f64,
    pub fs: [f32; 3],
}

/// Nesting several levels deep, with an array of structs that hold arrays.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Deep {
    pub outer: Outer,
    pub rects: [Rect; 2],
    pub grid: [[Inner; 2]; 2],
}

/// Strings and slices: alone, in an array, of scalars, structs, enums,
/// arrays, strings and of itself.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Named {
    pub id: u8,
    pub name: WasmStr,
    pub scores: WasmSlice<f32>,
    pub points: WasmSlice<Point>,
    pub aliases: [WasmStr; 2],
    pub kinds: WasmSlice<Kind>,
    pub tags: WasmSlice<WasmStr>,
    pub children: WasmSlice<Named>,
    pub grid: WasmSlice<[u16; 3]>,
}

/// A pair at an odd offset.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct PackedNamed {
    pub tag: u8,
    pub name: WasmStr,
    pub wide: WasmSlice<u64>,
}

/// A union with a member of every kind a view reads differently.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub union Payload {
    pub at: Point,
    pub fd: u32,
    pub flag: bool,
    pub bytes: [u8; 3],
    pub kind: Kind,
    pub color: Open<ColorEnum>,
}

/// A struct holding the union, alone and in an array.
#[derive(WasmLayout, Clone, Copy)]
pub struct Event {
    pub tag: u8,
    pub payload: Payload,
    pub history: [Payload; 2],
    pub after: u16,
}

/// Open enums beside a strict one (raylib's `Image.format` is read as 0 from
/// zeroed memory, a value its enum does not list).
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Image {
    pub width: u16,
    pub format: Open<ColorEnum>,
    pub levels: [Open<Signed32>; 2],
    pub strict: ColorEnum,
}

/// A generic struct: each instantiation a root uses is a type of its own in
/// the bindings (`Vec2_f32`, `Vec2_u16`).
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Vec2<T> {
    pub x: T,
    pub y: T,
}

/// A const-generic length: `Buf<8>` is `Buf_8` in the bindings.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Buf<const N: usize> {
    pub len: u32,
    pub data: [u8; N],
}

/// Two instantiations of one generic struct and a const-generic one.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub pos: Vec2<f32>,
    pub cell: Vec2<u16>,
    pub label: Buf<8>,
    pub flag: bool,
}

/// The bindings for the whole corpus. `Leaf` is only reached through a
/// pointer; the walk must still declare it.
pub fn bindings() -> Bindings {
    Bindings::new()
        .add::<AllScalars>()
        .add::<Rect>()
        .add::<Node>()
        .add::<Packed>()
        .add::<PackedNested>()
        .add::<Aligned16>()
        .add::<AlignedLow>()
        .add::<AlignedOuter>()
        .add::<TailPad>()
        .add::<Mixed16>()
        .add::<Empty>()
        .add::<Empties>()
        .add::<Outer>()
        .add::<Matrix>()
        .add::<Polygon>()
        .add::<Flags>()
        .add::<Modes>()
        .add::<RenamedStruct>()
        .add::<Camel>()
        .add::<Pointers>()
        .add::<Bytes>()
        .add::<ZeroLen>()
        .add::<Wide>()
        .add::<Floats>()
        .add::<Deep>()
        .add::<Mode16>()
        .add::<Named>()
        .add::<PackedNamed>()
        .add::<Event>()
        .add::<Image>()
        .add::<Placed>()
}

/// The corpus without the types C++ cannot lay out (`Empty` and the
/// structs holding it).
pub fn bindings_without_zero_size() -> Bindings {
    Bindings::new()
        .add::<AllScalars>()
        .add::<Rect>()
        .add::<Node>()
        .add::<Packed>()
        .add::<PackedNested>()
        .add::<AlignedOuter>()
        .add::<AlignedLow>()
        .add::<TailPad>()
        .add::<Mixed16>()
        .add::<Matrix>()
        .add::<Polygon>()
        .add::<Flags>()
        .add::<Modes>()
        .add::<RenamedStruct>()
        .add::<Camel>()
        .add::<Pointers>()
        .add::<Bytes>()
        .add::<ZeroLen>()
        .add::<Wide>()
        .add::<Floats>()
        .add::<Named>()
        .add::<PackedNamed>()
        .add::<Event>()
        .add::<Image>()
        .add::<Placed>()
}

/// How many named types the corpus declares.
pub const TYPE_COUNT: usize = 44;
