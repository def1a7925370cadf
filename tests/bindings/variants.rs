//! Enums with fields and options in every language: the `variants` golden
//! files (TypeScript, C, Odin), clang's and Odin's wasm32 layout of them
//! (with negative controls), and `variants.json`, values Rust wrote and the
//! errors Rust reports on bad bytes, for the generated TypeScript to agree
//! with in Node.

use std::num::{NonZeroI64, NonZeroU16, NonZeroU32};

use wasm_layout::{Bindings, WasmLayout, WasmPtr, WasmSlice, WasmStr};

use crate::common::{clang_wasm32_check, has_clang, odin, odin_check_source, scratch_dir, ODIN_TARGETS};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Vec2 {
    pub x: f32,
    pub y: f32,
}

/// DESIGN.md's example.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u8)]
pub enum Shape {
    /// A circle around the origin.
    Circle {
        /// In metres.
        radius: f32,
    },
    /// Two corners.
    Rect(Vec2, Vec2),
    Empty,
}

/// A u16 tag, explicit discriminants, 64-bit fields, a bool and a rename.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u16)]
#[layout(rename = "Message")]
pub enum Msg {
    Ping = 3,
    Data {
        id: u64,
        ok: bool,
    } = 10,
    #[layout(rename = "Duo")]
    Pair(u8, i16),
}

/// A u32 tag, an array case and a nested enum with fields.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u32)]
pub enum Wide {
    Bytes([u8; 3]),
    Inner(Shape),
}

/// A struct some of whose bytes are invalid, for an `Option` of a struct.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    pub pos: Vec2,
    pub on: bool,
}

/// Enums with fields in a struct and an array; every kind of option.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Scene {
    pub id: u8,
    pub main: Shape,
    pub more: [Shape; 2],
    pub next: Option<WasmPtr<Scene>>,
    pub count: Option<NonZeroU32>,
    pub small: Option<NonZeroU16>,
    pub big: Option<NonZeroI64>,
    pub maybe: Option<u16>,
    pub scale: Option<f64>,
    pub name: Option<WasmStr>,
    pub list: Option<WasmSlice<u32>>,
    pub shape: Option<Shape>,
    pub spot: Option<Spot>,
    pub wide: Wide,
    pub msg: Msg,
}

/// The types of the `variants` golden files.
pub fn bindings() -> Bindings {
    Bindings::new().add::<Scene>()
}

/// Values Rust writes for the TypeScript to read back.
pub fn scenes() -> Vec<Scene> {
    let base = Scene {
        id: 1,
        main: Shape::Circle { radius: 2.5 },
        more: [Shape::Empty, Shape::Rect(Vec2 { x: 1.0, y: -2.0 }, Vec2 { x: 3.5, y: 4.0 })],
        next: None,
        count: None,
        small: None,
        big: None,
        maybe: None,
        scale: None,
        name: None,
        list: None,
        shape: None,
        spot: None,
        wide: Wide::Bytes([1, 2, 3]),
        msg: Msg::Ping,
    };
    let full = Scene {
        id: 2,
        main: Shape::Empty,
        next: Some(WasmPtr::new(4096)),
        count: NonZeroU32::new(u32::MAX),
        small: NonZeroU16::new(7),
        big: NonZeroI64::new(i64::MIN),
        maybe: Some(0),
        scale: Some(-0.5),
        name: Some(WasmStr::new(100, 3)),
        list: Some(WasmSlice::new(200, 4)),
        shape: Some(Shape::Rect(Vec2 { x: 0.0, y: 1.0 }, Vec2 { x: 2.0, y: 3.0 })),
        spot: Some(Spot { pos: Vec2 { x: -1.0, y: 0.5 }, on: true }),
        wide: Wide::Inner(Shape::Circle { radius: 1.0 }),
        msg: Msg::Data { id: u64::MAX, ok: true },
        ..base
    };
    let pair = Scene { msg: Msg::Pair(200, -3), shape: Some(Shape::Empty), ..base };
    vec![base, full, pair]
}

/// Where the TypeScript test places a value in its memory.
const PTR: usize = 8;

/// Bad bytes: a mutation of a written scene, and Rust's error for it.
pub fn bad() -> Vec<(Vec<u8>, String)> {
    let mut out = Vec::new();
    let s = scenes()[1];
    let mut bytes = vec![0u8; Scene::SIZE];
    s.write_to(&mut bytes).unwrap();
    let at = |name: &str| Scene::LAYOUT.field(name).unwrap().offset;
    // Every unknown tag of the Shape at `main`, of the option `shape`, and
    // a few of the others.
    let mut cases: Vec<(usize, u8)> = (3..=255u8).map(|t| (at("main"), t)).collect();
    cases.extend((2..=255u8).map(|t| (at("shape"), t)));
    cases.extend((2..=255u8).map(|t| (at("spot"), t)));
    cases.push((at("spot") + Spot::ALIGN + Spot::OFFSET_ON, 2)); // Some(Spot { on: 2 })
    cases.extend([(at("maybe"), 2), (at("scale"), 9), (at("name"), 200), (at("wide"), 2), (at("msg"), 4)]);
    cases.push((at("msg") + 16, 3)); // Data.ok, a bool
    for (offset, byte) in cases {
        let mut b = bytes.clone();
        b[offset] = byte;
        // Read where the TypeScript reads it: at PTR, so every offset is absolute.
        let mut memory = vec![0xFFu8; PTR];
        memory.extend_from_slice(&b);
        let e = Scene::read_at(&memory, PTR).expect_err("bad bytes");
        out.push((b, e.to_string()));
    }
    out
}

/// `variants.json`: `{ "size", "values": [{ "hex", "value" }], "bad": [{ "hex", "error" }] }`;
/// the errors are Rust's for the bytes at offset 8 of a memory.
pub fn json() -> String {
    crate::json::fixtures(&scenes(), &bad())
}

#[test]
fn rust_reads_back_what_it_wrote() {
    for s in scenes() {
        let mut bytes = vec![0xA5u8; Scene::SIZE];
        s.write_to(&mut bytes).unwrap();
        assert_eq!(Scene::read_from(&bytes), Ok(s));
    }
    assert!(bad().len() > 500);
}

#[test]
fn clang_lays_out_the_header_as_rust_does() {
    if !has_clang() {
        return;
    }
    let header = bindings().c();
    if let Err(e) = crate::c::clang_strict(&header, false) {
        panic!("clang -std=c11 -pedantic rejected the header:\n{e}\n{header}");
    }
    // Hand-written C twins, as C programmers write tagged unions.
    let twin = format!(
        "{header}\n\
         struct ShapeTwin {{ uint8_t tag; union {{ struct {{ float radius; }} circle; struct {{ struct {{ float x, y; }} a, b; }} rect; }} u; }};\n\
         _Static_assert(sizeof(struct ShapeTwin) == {}, \"size\");\n\
         _Static_assert(_Alignof(struct ShapeTwin) == {}, \"align\");\n\
         _Static_assert(offsetof(struct ShapeTwin, u.rect.b) == {}, \"Rect.1\");\n\
         struct MsgTwin {{ uint16_t tag; union {{ struct {{ uint64_t id; _Bool ok; }} data; struct {{ uint8_t a; int16_t b; }} pair; }} u; }};\n\
         _Static_assert(sizeof(struct MsgTwin) == {}, \"Msg size\");\n\
         _Static_assert(_Alignof(struct MsgTwin) == {}, \"Msg align\");\n\
         _Static_assert(offsetof(struct MsgTwin, u.data.ok) == {}, \"Data.ok\");\n\
         _Static_assert(offsetof(struct MsgTwin, u.pair.b) == {}, \"Pair.1\");\n\
         struct WideTwin {{ uint32_t tag; union {{ uint8_t bytes[3]; struct ShapeTwin inner; }} u; }};\n\
         _Static_assert(sizeof(struct WideTwin) == {}, \"Wide size\");\n\
         _Static_assert(offsetof(struct WideTwin, u.inner) == {}, \"Wide.Inner.0\");\n\
         _Static_assert(sizeof(Scene) == {}, \"Scene\");\n",
        Shape::SIZE,
        Shape::ALIGN,
        Shape::LAYOUT.kind_case_field("Rect", "1"),
        Msg::SIZE,
        Msg::ALIGN,
        Msg::LAYOUT.kind_case_field("Data", "ok"),
        Msg::LAYOUT.kind_case_field("Pair", "1"),
        Wide::SIZE,
        Wide::LAYOUT.kind_case_field("Inner", "0"),
        Scene::SIZE,
    );
    if let Err(e) = clang_wasm32_check(&twin) {
        panic!("clang disagrees:\n{e}");
    }
    let wrong = header.replacen("offsetof(Shape, payload) == 4", "offsetof(Shape, payload) == 8", 1);
    assert_ne!(wrong, header);
    assert!(clang_wasm32_check(&wrong).is_err(), "clang accepted a wrong payload offset");
}

#[test]
fn odin_lays_out_the_file_as_rust_does() {
    let Some(odin) = odin() else { return };
    let source = bindings().odin();
    let dir = scratch_dir("variants-odin-ok");
    for target in ODIN_TARGETS {
        if let Err(e) = odin_check_source(&odin, &dir, &source, target) {
            panic!("odin check -target:{target} rejected the generated file:\n{e}\n{source}");
        }
    }
    let wrong = source.replacen(
        "#assert(offset_of(Shape, payload) == 4)",
        "#assert(offset_of(Shape, payload) == 8)",
        1,
    );
    assert_ne!(wrong, source);
    let dir = scratch_dir("variants-odin-wrong");
    assert!(odin_check_source(&odin, &dir, &wrong, ODIN_TARGETS[0]).is_err(), "odin accepted a wrong offset");
}

/// The offset of field `field` of case `case`, from the descriptor.
trait CaseField {
    fn kind_case_field(&self, case: &str, field: &str) -> usize;
}

impl CaseField for wasm_layout::TypeLayout {
    fn kind_case_field(&self, case: &str, field: &str) -> usize {
        let wasm_layout::TypeKind::Variant(v) = self.kind else { panic!("not a variant") };
        let c = v.cases.iter().find(|c| c.name == case).expect("case");
        c.fields.iter().find(|f| f.name == field).expect("field").offset
    }
}

mod clash {
    use wasm_layout::WasmLayout;

    /// A case field named `tag` would be the case object's discriminant.
    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C, u8)]
    pub enum Labelled {
        Named { tag: u32 },
    }

    /// `Pair_Left`, the C struct of case `Left`, is also this type's name.
    #[derive(WasmLayout, Clone, Copy)]
    #[layout(rename = "Pair_Left")]
    pub struct Side {
        pub x: u8,
    }

    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C, u8)]
    pub enum Pair {
        Left(Side),
    }

    /// A case named `read` would be the view's getter for it, beside the
    /// view's own `read()`.
    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C, u8)]
    pub enum Getter {
        #[layout(rename = "read")]
        Read { x: u8 },
    }

    /// A case field named `ptr` would be an accessor of the case's view,
    /// beside the view's own `ptr`.
    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C, u8)]
    pub enum Pointer {
        At { ptr: u32 },
    }

    /// `ShapeCircleView`, the view class of case `Circle` of `Shape`, is
    /// also the view class of this struct.
    #[derive(WasmLayout, Clone, Copy)]
    #[layout(rename = "ShapeCircle")]
    pub struct Disc {
        pub r: f32,
    }

    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C, u8)]
    pub enum Shape {
        Circle { r: f32 },
    }
}

#[test]
fn doc_comments_reach_every_language() {
    let b = bindings();
    let (ts, c, odin) = (b.typescript(), b.c(), b.odin());
    for text in [&ts, &c] {
        assert!(
            text.contains("DESIGN.md's example.") && text.contains("A circle around the origin."),
            "{text}"
        );
    }
    assert!(c.contains("In metres."));
    assert!(odin.contains("// DESIGN.md's example.") && odin.contains("// In metres."));
}

#[test]
fn generated_names_are_checked_for_clashes() {
    let b = Bindings::new().add::<clash::Labelled>();
    let e = b.try_typescript().expect_err("`tag` is taken in TypeScript").to_string();
    assert!(e.contains("`tag`") && e.contains("field `tag` of case `Named`"), "{e}");
    assert!(b.try_c().is_ok() && b.try_odin().is_ok(), "C and Odin keep the tag apart");
    let b = Bindings::new().add::<clash::Pair>();
    for e in [b.try_c().expect_err("C"), b.try_odin().expect_err("Odin")] {
        assert!(e.to_string().contains("Pair_Left"), "{e}");
    }
    // The views of cases: their getters and classes are names too.
    let e = Bindings::new().add::<clash::Getter>().try_typescript().expect_err("read").to_string();
    assert!(e.contains("`read`") && e.contains("the view getter for case `Read`"), "{e}");
    let e = Bindings::new().add::<clash::Pointer>().try_typescript().expect_err("ptr").to_string();
    assert!(e.contains("`ptr`") && e.contains("field `ptr` of case `At`"), "{e}");
    let b = Bindings::new().add::<clash::Disc>().add::<clash::Shape>();
    let e = b.try_typescript().expect_err("ShapeCircleView").to_string();
    assert!(e.contains("`ShapeCircleView`") && e.contains("case `Circle` of `Shape`"), "{e}");
    assert!(b.try_c().is_ok() && b.try_odin().is_ok(), "C and Odin have no case views");
}

/// A native C program that includes the header, copies in the bytes Rust
/// wrote for `scenes()[1]` and checks every tag and field it reaches
/// through the generated types: C reads Rust's bytes as Rust wrote them.
#[test]
fn c_reads_the_bytes_rust_wrote() {
    if !has_clang() {
        return;
    }
    let mut bytes = vec![0u8; Scene::SIZE];
    scenes()[1].write_to(&mut bytes).unwrap();
    assert_eq!(run_c_reader(&bytes, "right"), Some(0), "the number of the first check that failed");
    // The negative control: one byte off (the Message's bool) and C notices.
    bytes[Scene::LAYOUT.field("msg").unwrap().offset + 16] = 0;
    assert_eq!(run_c_reader(&bytes, "wrong"), Some(9));
}

/// Compiles and runs the C reader over `bytes`; its exit code.
fn run_c_reader(bytes: &[u8], name: &str) -> Option<i32> {
    let checks = r#"
    bad |= (s.id != 2) << 0;
    bad |= (s.main.tag != Shape_Empty_TAG) << 1;
    bad |= (s.more[1].tag != Shape_Rect_TAG || s.more[1].payload.Rect._1.x != 3.5f) << 2;
    bad |= (s.next != 4096 || s.count != UINT32_MAX || s.small != 7 || s.big != INT64_MIN) << 3;
    bad |= (s.maybe.tag != 1 || s.maybe.some != 0 || s.scale.tag != 1 || s.scale.some != -0.5) << 4;
    bad |= (s.name.tag != 1 || s.name.some.ptr != 100 || s.name.some.len != 3 || s.list.some.len != 4) << 5;
    bad |= (s.shape.tag != 1 || s.shape.some.tag != Shape_Rect_TAG || s.shape.some.payload.Rect._1.y != 3.0f) << 6;
    bad |= (s.wide.tag != Wide_Inner_TAG || s.wide.payload.Inner._0.payload.Circle.radius != 1.0f) << 7;
    bad |= (s.msg.tag != Message_Data_TAG || s.msg.payload.Data.id != UINT64_MAX || !s.msg.payload.Data.ok) << 8;
"#;
    crate::c::run_reader(&bindings().c(), bytes, "Scene s", checks, &format!("variants-c-run-{name}"))
}
