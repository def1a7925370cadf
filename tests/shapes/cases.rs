//! Each shape's expected wasm32 layout and the same type in C, for clang.

use wasm_layout::TypeLayout;

use super::*;

/// One corpus entry: the type's descriptor, its expected layout, and the
/// same type in C (`c_name` is how C spells it; `c_decl` declares it).
pub struct Case {
    pub layout: &'static TypeLayout,
    pub size: usize,
    pub align: usize,
    pub offsets: &'static [(&'static str, usize)],
    pub c_name: &'static str,
    pub c_decl: &'static str,
}

macro_rules! case {
    ($ty:ty, $size:expr, $align:expr, [$($f:tt: $o:expr),* $(,)?], $c_name:expr, $c_decl:expr) => {
        Case {
            layout: <$ty as WasmLayout>::LAYOUT,
            size: $size,
            align: $align,
            offsets: &[$((stringify!($f), $o)),*],
            c_name: $c_name,
            c_decl: $c_decl,
        }
    };
}

/// Every case, dependencies before the types that use them (C needs that).
pub fn cases() -> Vec<Case> {
    vec![
        case!(Point, 16, 8, [x: 0, y: 8], "struct Point", "struct Point { double x; double y; };"),
        case!(Rect, 32, 8, [min: 0, max: 16], "struct Rect", "struct Rect { struct Point min; struct Point max; };"),
        case!(Mixed, 12, 4, [a: 0, b: 4, c: 8], "struct Mixed", "struct Mixed { uint8_t a; uint32_t b; uint16_t c; };"),
        case!(TailPad, 8, 4, [a: 0, b: 4], "struct TailPad", "struct TailPad { uint32_t a; uint8_t b; };"),
        case!(AllWidths, 56, 8,
            [a: 0, b: 2, c: 4, d: 8, e: 16, f: 18, g: 20, h: 24, i: 32, j: 40, k: 48],
            "struct AllWidths",
            "struct AllWidths { uint8_t a; uint16_t b; uint32_t c; uint64_t d; int8_t e; int16_t f; int32_t g; int64_t h; float i; double j; bool k; };"),
        case!(Descending, 16, 8, [a: 0, b: 8, c: 12, d: 14], "struct Descending",
            "struct Descending { uint64_t a; uint32_t b; uint16_t c; uint8_t d; };"),
        case!(Ascending, 16, 8, [a: 0, b: 2, c: 4, d: 8], "struct Ascending",
            "struct Ascending { uint8_t a; uint16_t b; uint32_t c; uint64_t d; };"),
        case!(Inner, 4, 2, [a: 0, b: 2], "struct Inner", "struct Inner { uint8_t a; uint16_t b; };"),
        case!(Mid, 12, 4, [x: 0, inner: 2, y: 8], "struct Mid", "struct Mid { uint8_t x; struct Inner inner; uint32_t y; };"),
        case!(Outer, 24, 8, [flag: 0, mid: 4, z: 16], "struct Outer", "struct Outer { bool flag; struct Mid mid; uint64_t z; };"),
        case!(ArrayOfStructs, 14, 2, [count: 0, items: 2], "struct ArrayOfStructs",
            "struct ArrayOfStructs { uint16_t count; struct Inner items[3]; };"),
        case!(Matrix, 64, 4, [m: 0], "struct Matrix", "struct Matrix { float m[4][4]; };"),
        case!(ByteRun, 8, 1, [tag: 0, data: 1], "struct ByteRun", "struct ByteRun { uint8_t tag; uint8_t data[7]; };"),
        case!(Packed, 7, 1, [a: 0, b: 1, c: 5], "struct Packed",
            "struct __attribute__((packed)) Packed { uint8_t a; uint32_t b; uint16_t c; };"),
        case!(PackedNested, 17, 1, [a: 0, p: 1], "struct PackedNested",
            "struct __attribute__((packed)) PackedNested { uint8_t a; struct Point p; };"),
        case!(Aligned16, 16, 16, [a: 0], "struct Aligned16", "struct __attribute__((aligned(16))) Aligned16 { uint8_t a; };"),
        case!(AlignedLow, 16, 8, [a: 0, b: 8], "struct AlignedLow",
            "struct __attribute__((aligned(4))) AlignedLow { uint64_t a; uint8_t b; };"),
        case!(ContainsAligned, 32, 16, [a: 0, b: 16], "struct ContainsAligned",
            "struct ContainsAligned { uint8_t a; struct Aligned16 b; };"),
        case!(Empty, 0, 1, [], "struct Empty", "struct Empty { };"),
        case!(Unit, 0, 1, [], "struct Unit", "struct Unit { };"),
        case!(WithEmpty, 2, 1, [a: 0, e: 1, b: 1], "struct WithEmpty", "struct WithEmpty { uint8_t a; struct Empty e; uint8_t b; };"),
        case!(EU8, 1, 1, [], "EU8", "typedef uint8_t EU8;"),
        case!(EU16, 2, 2, [], "EU16", "typedef uint16_t EU16;"),
        case!(EU32, 4, 4, [], "EU32", "typedef uint32_t EU32;"),
        case!(EI8, 1, 1, [], "EI8", "typedef int8_t EI8;"),
        case!(EI16, 2, 2, [], "EI16", "typedef int16_t EI16;"),
        case!(EI32, 4, 4, [], "EI32", "typedef int32_t EI32;"),
        case!(WithEnums, 16, 4, [a: 0, b: 2, c: 4, d: 8, e: 10, f: 12], "struct WithEnums",
            "struct WithEnums { EU8 a; EU16 b; EU32 c; EI8 d; EI16 e; EI32 f; };"),
        case!(Node, 8, 4, [value: 0, next: 4], "struct Node", "struct Node { uint32_t value; struct Node *next; };"),
        case!(PtrMix, 16, 8, [a: 0, p: 4, b: 8], "struct PtrMix", "struct PtrMix { uint8_t a; uint64_t *p; uint64_t b; };"),
        case!(BoolArray, 8, 2, [flags: 0, x: 6], "struct BoolArray", "struct BoolArray { bool flags[5]; uint16_t x; };"),
        case!(DeepArray, 28, 4, [a: 0, b: 24], "struct DeepArray", "struct DeepArray { uint8_t a[4][3][2]; uint32_t b; };"),
        case!(EnumArray, 8, 2, [kinds: 0, tail: 6], "struct EnumArray", "struct EnumArray { EU16 kinds[3]; uint8_t tail; };"),
        case!(Vec2, 8, 4, [x: 0, y: 4], "struct Vec2", "struct Vec2 { float x; float y; };"),
        case!(Tagged, 6, 2, [rgba: 0, tag: 4], "struct Tagged", "struct Tagged { uint8_t rgba[4]; uint16_t tag; };"),
        case!(State, 2, 2, [], "State", "typedef int16_t State;"),
        case!(CrossCrate, 20, 4, [flag: 0, pos: 4, tag: 12, state: 18], "struct CrossCrate",
            "struct CrossCrate { uint8_t flag; struct Vec2 pos; struct Tagged tag; State state; };"),
        case!(Particle, 36, 4, [pos: 0, vel: 12, mass: 24, id: 28, alive: 32, kind: 33], "struct Particle",
            "struct Particle { float pos[3]; float vel[3]; float mass; uint32_t id; bool alive; uint8_t kind; };"),
        case!(WasmStr, 8, 4, [], "struct WasmStr", "struct WasmStr { const char *ptr; uint32_t len; };"),
        case!(WasmSlice<f32>, 8, 4, [], "struct SliceF32", "struct SliceF32 { float *ptr; uint32_t len; };"),
        case!(Person, 24, 4, [age: 0, name: 4, scores: 12, tail: 20], "struct Person",
            "struct Person { uint8_t age; struct WasmStr name; struct SliceF32 scores; uint16_t tail; };"),
        case!(People, 72, 8, [flag: 0, lead: 4, names: 28, all: 52, wide: 64], "struct People",
            "struct People { uint8_t flag; struct Person lead; struct WasmStr names[3]; struct { struct Person *ptr; uint32_t len; } all; uint64_t wide; };"),
        case!(PackedPerson, 17, 1, [a: 0, name: 1, list: 9], "struct PackedPerson",
            "struct __attribute__((packed)) PackedPerson { uint8_t a; struct WasmStr name; struct { uint64_t *ptr; uint32_t len; } list; };"),
        case!(AlignedPerson, 16, 16, [name: 0], "struct AlignedPerson",
            "struct __attribute__((aligned(16))) AlignedPerson { struct WasmStr name; };"),
        // Tuple fields `0`, `1` are `_0`, `_1` in C.
        case!(Pair, 8, 4, [0: 0, 1: 4], "struct Pair", "struct Pair { uint32_t _0; float _1; };"),
        case!(EntityId, 4, 4, [0: 0], "struct EntityId", "struct EntityId { uint32_t _0; };"),
        case!(Meters, 8, 8, [0: 0], "struct Meters", "struct Meters { double _0; };"),
        case!(TupleMix, 24, 8, [0: 0, 1: 1, 2: 2, 3: 6, 4: 12, 5: 16], "struct TupleMix",
            "struct TupleMix { uint8_t _0; bool _1; struct Inner _2; uint16_t _3[3]; struct EntityId _4; struct Meters _5; };"),
        case!(WithIds, 32, 8, [flag: 0, id: 4, pair: 8, ids: 16, len: 24], "struct WithIds",
            "struct WithIds { uint8_t flag; struct EntityId id; struct Pair pair; struct EntityId ids[2]; struct Meters len; };"),
    ]
}
