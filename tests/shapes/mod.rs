//! The test corpus: structs and enums covering every layout rule, each with
//! its expected wasm32 layout and an equivalent C declaration for clang.
#![allow(dead_code)]

use wasm_layout::{WasmLayout, WasmPtr, WasmSlice, WasmStr};
use wasm_layout_extern_types::{State, Tagged, Vec2};

mod cases;
// Not every test that includes the shapes reads the cases.
#[allow(unused_imports)]
pub use cases::{cases, Case};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

/// Mixed widths: padding after `a` and at the tail.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mixed {
    pub a: u8,
    pub b: u32,
    pub c: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct TailPad {
    pub a: u32,
    pub b: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct AllWidths {
    pub a: u8,
    pub b: u16,
    pub c: u32,
    pub d: u64,
    pub e: i8,
    pub f: i16,
    pub g: i32,
    pub h: i64,
    pub i: f32,
    pub j: f64,
    pub k: bool,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Descending {
    pub a: u64,
    pub b: u32,
    pub c: u16,
    pub d: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ascending {
    pub a: u8,
    pub b: u16,
    pub c: u32,
    pub d: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inner {
    pub a: u8,
    pub b: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mid {
    pub x: u8,
    pub inner: Inner,
    pub y: u32,
}

/// Nesting three deep: Outer → Mid → Inner.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outer {
    pub flag: bool,
    pub mid: Mid,
    pub z: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArrayOfStructs {
    pub count: u16,
    pub items: [Inner; 3],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub m: [[f32; 4]; 4],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRun {
    pub tag: u8,
    pub data: [u8; 7],
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[layout(packed)]
pub struct Packed {
    pub a: u8,
    pub b: u32,
    pub c: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct PackedNested {
    pub a: u8,
    pub p: Point,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[layout(align = 16)]
pub struct Aligned16 {
    pub a: u8,
}

/// `align = 4` below the natural 8 changes nothing.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[layout(align = 4)]
pub struct AlignedLow {
    pub a: u64,
    pub b: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContainsAligned {
    pub a: u8,
    pub b: Aligned16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Empty {}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit;

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithEmpty {
    pub a: u8,
    pub e: Empty,
    pub b: u8,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum EU8 {
    A,
    B,
    C = 7,
    D,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EU16 {
    A = 1,
    B = 0x1234,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum EU32 {
    Low = 0,
    High = 0xFFFF_FFFF,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum EI8 {
    Neg = -128,
    Zero = 0,
    Pos = 127,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
pub enum EI16 {
    M = -300,
    P = 300,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum EI32 {
    Min = i32::MIN,
    One = 1,
    Two,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithEnums {
    pub a: EU8,
    pub b: EU16,
    pub c: EU32,
    pub d: EI8,
    pub e: EI16,
    pub f: EI32,
}

/// A self-referential list node.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub value: u32,
    pub next: WasmPtr<Node>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct PtrMix {
    pub a: u8,
    pub p: WasmPtr<u64>,
    pub b: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoolArray {
    pub flags: [bool; 5],
    pub x: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeepArray {
    pub a: [[[u8; 2]; 3]; 4],
    pub b: u32,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumArray {
    pub kinds: [EU16; 3],
    pub tail: u8,
}

/// Fields whose types come from another crate.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct CrossCrate {
    pub flag: u8,
    pub pos: Vec2,
    pub tag: Tagged,
    pub state: State,
}

/// The particle of the benchmarks: 36 bytes, 2 of them tail padding.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    pub pos: [f32; 3],
    pub vel: [f32; 3],
    pub mass: f32,
    pub id: u32,
    pub alive: bool,
    pub kind: u8,
}

/// A string and a slice between smaller fields.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Person {
    pub age: u8,
    pub name: WasmStr,
    pub scores: WasmSlice<f32>,
    pub tail: u16,
}

/// Pairs nested, in an array, as a slice of structs, before a u64.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct People {
    pub flag: u8,
    pub lead: Person,
    pub names: [WasmStr; 3],
    pub all: WasmSlice<Person>,
    pub wide: u64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct PackedPerson {
    pub a: u8,
    pub name: WasmStr,
    pub list: WasmSlice<u64>,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(align = 16)]
pub struct AlignedPerson {
    pub name: WasmStr,
}

/// A tuple struct: fields `0`, `1`, laid out as a struct's.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Pair(pub u32, pub f32);

/// A newtype: a one-field tuple struct.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct EntityId(pub u32);

/// A `#[repr(transparent)]` newtype: its field's layout.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(transparent)]
pub struct Meters(pub f64);

/// A tuple struct of every field kind: padding, a bool, a struct, an array,
/// a newtype.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct TupleMix(pub u8, pub bool, pub Inner, pub [u16; 3], pub EntityId, pub Meters);

/// Newtypes and a tuple struct as fields of a named struct.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct WithIds {
    pub flag: u8,
    pub id: EntityId,
    pub pair: Pair,
    pub ids: [EntityId; 2],
    pub len: Meters,
}
