//! Generic structs: the layout of each instantiation from its arguments'
//! (checked against Rust's own on the host and clang's wasm32 layout of a
//! hand-written C twin per instantiation), whole-value round trips and
//! errors, views, the names and fingerprints of instantiations, and
//! bindings that emit each instantiation once under its own name, compiled
//! by clang and Odin. (A type argument without a layout, and one that
//! leaves padding, are compile errors: see `tests/ui/generic-*.rs`.)

mod common;

use wasm_layout::{Bindings, BindingsError, LayoutError, TypeKind, ViewRef, WasmLayout, WasmPtr};

use common::{clang_wasm32_check, has_clang};

/// A 2D vector of any scalar.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Vec2<T> {
    pub x: T,
    pub y: T,
}

/// A fixed buffer of `N` bytes after its length.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Buf<const N: usize> {
    pub len: u32,
    pub data: [u8; N],
}

/// Two values of any types.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

/// A root using several instantiations.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Sprite {
    pub pos: Vec2<f32>,
    pub cell: Vec2<u16>,
    pub flags: u32,
    pub name: Buf<12>,
    pub link: Pair<u32, Vec2<i16>>,
    pub visible: bool,
    pub target: WasmPtr<Vec2<f32>>,
}

fn sprite() -> Sprite {
    Sprite {
        pos: Vec2 { x: 1.5, y: -2.0 },
        cell: Vec2 { x: 3, y: 4 },
        flags: 0xdead_beef,
        name: Buf { len: 5, data: *b"hello\0\0\0\0\0\0\0" },
        link: Pair { a: 7, b: Vec2 { x: -1, y: 2 } },
        visible: true,
        target: WasmPtr::new(64),
    }
}

#[test]
fn layouts_come_from_the_arguments() {
    assert_eq!((Vec2::<f32>::SIZE, Vec2::<f32>::ALIGN, Vec2::<f32>::OFFSET_Y), (8, 4, 4));
    assert_eq!((Vec2::<u16>::SIZE, Vec2::<u16>::ALIGN, Vec2::<u16>::OFFSET_Y), (4, 2, 2));
    assert_eq!((Vec2::<f64>::SIZE, Vec2::<f64>::ALIGN), (16, 8));
    assert_eq!((Buf::<12>::SIZE, Buf::<12>::ALIGN, Buf::<12>::OFFSET_DATA), (16, 4, 4));
    assert_eq!((Buf::<4>::SIZE, Buf::<4>::ALIGN), (8, 4));
    assert_eq!((Pair::<u32, Vec2<i16>>::SIZE, Pair::<u32, Vec2<i16>>::OFFSET_B), (8, 4));
    assert_eq!((Pair::<u8, u8>::SIZE, Pair::<u8, u8>::OFFSET_B), (2, 1));
    assert_eq!(Sprite::OFFSET_CELL, 8);
    assert_eq!(Sprite::OFFSET_FLAGS, 12);
    assert_eq!(Sprite::OFFSET_NAME, 16);
    assert_eq!(Sprite::OFFSET_LINK, 32);
    assert_eq!(Sprite::OFFSET_VISIBLE, 40);
    assert_eq!(Sprite::OFFSET_TARGET, 44);
    assert_eq!((Sprite::SIZE, Sprite::ALIGN), (48, 4));
    // The derive's host check: Rust lays each `#[repr(C)]` instantiation
    // out the same way on this host.
    assert_eq!(std::mem::size_of::<Vec2<f32>>(), Vec2::<f32>::SIZE);
    assert_eq!(std::mem::offset_of!(Buf<12>, data), Buf::<12>::OFFSET_DATA);
    assert_eq!(std::mem::size_of::<Sprite>(), Sprite::SIZE);
}

#[test]
fn instantiations_have_names_of_their_own() {
    assert_eq!(Vec2::<f32>::NAME, "Vec2<f32>");
    assert_eq!(Buf::<12>::NAME, "Buf<12>");
    assert_eq!(Pair::<u32, Vec2<i16>>::NAME, "Pair<u32, Vec2<i16>>");
    assert_eq!(Vec2::<f32>::LAYOUT.export_name(), "Vec2_f32");
    assert_eq!(Buf::<12>::LAYOUT.export_name(), "Buf_12");
    assert_eq!(Pair::<u32, Vec2<i16>>::LAYOUT.export_name(), "Pair_u32_Vec2_i16");
    assert_eq!(Vec2::<[u8; 4]>::LAYOUT.export_name(), "Vec2_u8x4");
    assert_eq!(Vec2::<WasmPtr<Vec2<f32>>>::LAYOUT.export_name(), "Vec2_ptr_Vec2_f32");
    assert_ne!(Vec2::<u32>::FINGERPRINT, Vec2::<i32>::FINGERPRINT);
    assert_ne!(Vec2::<u32>::FINGERPRINT, Vec2::<f32>::FINGERPRINT);
    assert_ne!(Buf::<4>::FINGERPRINT, Buf::<12>::FINGERPRINT);
    let TypeKind::Struct(s) = Pair::<u16, Vec2<u8>>::LAYOUT.kind else { panic!("a struct") };
    let fields: Vec<_> = s.fields.iter().map(|f| (f.name, f.offset, f.ty.name)).collect();
    assert_eq!(fields, [("a", 0, "u16"), ("b", 2, "Vec2<u8>")]);
}

#[test]
fn whole_values_round_trip() {
    let s = sprite();
    let mut bytes = [0xaau8; 48];
    s.write_to(&mut bytes).unwrap();
    assert_eq!(&bytes[0..4], &1.5f32.to_le_bytes());
    assert_eq!(&bytes[8..12], &[3, 0, 4, 0]);
    assert_eq!(&bytes[16..25], &[5, 0, 0, 0, b'h', b'e', b'l', b'l', b'o']);
    assert_eq!(&bytes[41..44], &[0, 0, 0], "padding zeroed");
    assert_eq!(Sprite::read_from(&bytes).unwrap(), s);
    let v = Vec2 { x: 9u64, y: 10 };
    let mut b = [0u8; 16];
    v.write_to(&mut b).unwrap();
    assert_eq!(Vec2::<u64>::read_from(&b).unwrap(), v);
    assert_eq!(Vec2::<u64>::read_at(&[&[0u8; 3][..], &b].concat(), 3).unwrap(), v);
}

#[test]
fn errors_name_the_offset_and_write_nothing() {
    let mut bytes = [0u8; 48];
    sprite().write_to(&mut bytes).unwrap();
    bytes[40] = 2;
    let err = Sprite::read_from(&bytes).unwrap_err();
    assert!(matches!(err, LayoutError::InvalidBool { offset: 40, byte: 2 }), "{err:?}");
    let pair = Pair { a: true, b: false };
    let err = Pair::<bool, bool>::read_at(&[0, 0, 1, 7], 2).unwrap_err();
    assert!(matches!(err, LayoutError::InvalidBool { offset: 3, byte: 7 }), "{err:?}");
    let mut short = [0x55u8; 7];
    let err = Vec2 { x: 1u32, y: 2 }.write_to(&mut short).unwrap_err();
    assert!(matches!(err, LayoutError::OutOfBounds { .. }), "{err:?}");
    assert_eq!(short, [0x55; 7], "nothing written");
    assert!(matches!(Vec2::<u32>::read_from(&[0; 7]), Err(LayoutError::OutOfBounds { .. })));
    let mut two = [0u8; 2];
    pair.write_to(&mut two).unwrap();
    assert_eq!(two, [1, 0]);
}

#[test]
fn views_read_and_write_fields() {
    let mut bytes = [0u8; 48];
    sprite().write_to(&mut bytes).unwrap();
    let view = Sprite::view(&bytes).unwrap();
    assert_eq!(view.pos().x(), 1.5);
    assert_eq!(view.cell().y(), 4);
    assert_eq!(view.name().data().get(1), Some(b'e'));
    assert_eq!(view.link().b().x(), -1);
    assert_eq!(view.link().read().unwrap(), Pair { a: 7, b: Vec2 { x: -1, y: 2 } });
    let mut view = Sprite::view_mut(&mut bytes).unwrap();
    view.pos_mut().set_y(8.0);
    view.link_mut().b_mut().set_x(100);
    view.set_cell(Vec2 { x: 30, y: 40 });
    assert_eq!(view.pos().y(), 8.0);
    let read = Sprite::read_from(&bytes).unwrap();
    assert_eq!((read.pos.y, read.link.b.x, read.cell), (8.0, 100, Vec2 { x: 30, y: 40 }));
    // Errors through views count from the caller's slice.
    let mut pairs = [0u8; 6];
    pairs[5] = 9;
    let view = Pair::<u8, Pair<bool, bool>>::view_at(&pairs, 3).unwrap();
    let err = view.b().b().unwrap_err();
    assert!(matches!(err, LayoutError::InvalidBool { offset: 5, byte: 9 }), "{err:?}");
}

/// Hand-written C twins, one per instantiation.
const C_TWINS: &str = r#"
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
typedef struct { float x; float y; } twin_vec2_f32;
typedef struct { uint16_t x; uint16_t y; } twin_vec2_u16;
typedef struct { int16_t x; int16_t y; } twin_vec2_i16;
typedef struct { uint32_t len; uint8_t data[12]; } twin_buf_12;
typedef struct { uint32_t a; twin_vec2_i16 b; } twin_pair_u32_vec2_i16;
typedef struct {
    twin_vec2_f32 pos; twin_vec2_u16 cell; uint32_t flags; twin_buf_12 name;
    twin_pair_u32_vec2_i16 link; bool visible; uint32_t target;
} twin_sprite;
"#;

fn twin_asserts() -> String {
    let mut s = String::from(C_TWINS);
    let mut assert = |what: String, value: usize| {
        s.push_str(&format!("_Static_assert({what} == {value}, \"{what}\");\n"));
    };
    for (twin, size, align) in [
        ("twin_vec2_f32", Vec2::<f32>::SIZE, Vec2::<f32>::ALIGN),
        ("twin_vec2_u16", Vec2::<u16>::SIZE, Vec2::<u16>::ALIGN),
        ("twin_vec2_i16", Vec2::<i16>::SIZE, Vec2::<i16>::ALIGN),
        ("twin_buf_12", Buf::<12>::SIZE, Buf::<12>::ALIGN),
        ("twin_pair_u32_vec2_i16", Pair::<u32, Vec2<i16>>::SIZE, Pair::<u32, Vec2<i16>>::ALIGN),
        ("twin_sprite", Sprite::SIZE, Sprite::ALIGN),
    ] {
        assert(format!("sizeof({twin})"), size);
        assert(format!("_Alignof({twin})"), align);
    }
    assert("offsetof(twin_vec2_f32, y)".into(), Vec2::<f32>::OFFSET_Y);
    assert("offsetof(twin_vec2_u16, y)".into(), Vec2::<u16>::OFFSET_Y);
    assert("offsetof(twin_buf_12, data)".into(), Buf::<12>::OFFSET_DATA);
    assert("offsetof(twin_pair_u32_vec2_i16, b)".into(), Pair::<u32, Vec2<i16>>::OFFSET_B);
    for (field, offset) in [
        ("cell", Sprite::OFFSET_CELL),
        ("flags", Sprite::OFFSET_FLAGS),
        ("name", Sprite::OFFSET_NAME),
        ("link", Sprite::OFFSET_LINK),
        ("visible", Sprite::OFFSET_VISIBLE),
        ("target", Sprite::OFFSET_TARGET),
    ] {
        assert(format!("offsetof(twin_sprite, {field})"), offset);
    }
    s
}

#[test]
fn layout_matches_clang_on_hand_written_twins() {
    if !has_clang() {
        return;
    }
    if let Err(e) = clang_wasm32_check(&twin_asserts()) {
        panic!("clang lays the C twins out differently:\n{e}");
    }
}

fn bindings() -> Bindings {
    Bindings::new().add::<Sprite>()
}

#[test]
fn each_instantiation_is_emitted_once_under_its_name() {
    let ts = bindings().typescript();
    for name in ["Vec2_f32", "Vec2_u16", "Vec2_i16", "Buf_12", "Pair_u32_Vec2_i16"] {
        assert_eq!(ts.matches(&format!("export interface {name} {{")).count(), 1, "{name} in\n{ts}");
    }
    let header = bindings().c();
    assert_eq!(header.matches("typedef struct Vec2_f32 {").count(), 1, "{header}");
}

#[test]
fn c_header_is_clangs_layout_beside_the_twins() {
    if !has_clang() {
        return;
    }
    let header = bindings().c();
    let mut source = format!("{header}\n{}", twin_asserts());
    for (ours, twin) in [
        ("Vec2_f32", "twin_vec2_f32"),
        ("Vec2_u16", "twin_vec2_u16"),
        ("Buf_12", "twin_buf_12"),
        ("Pair_u32_Vec2_i16", "twin_pair_u32_vec2_i16"),
        ("Sprite", "twin_sprite"),
    ] {
        source.push_str(&format!(
            "_Static_assert(sizeof({ours}) == sizeof({twin}) && _Alignof({ours}) == _Alignof({twin}), \"{ours}\");\n"
        ));
    }
    if let Err(e) = clang_wasm32_check(&source) {
        panic!("clang rejected the header:\n{e}\n{header}");
    }
}

#[test]
fn odin_checks_on_the_wasm32_targets() {
    let Some(odin) = common::odin() else { return };
    let source = bindings().odin();
    assert!(source.contains("Vec2_f32 :: struct"), "{source}");
    let dir = common::scratch_dir("odin-generics");
    for target in common::ODIN_TARGETS {
        if let Err(e) = common::odin_check_source(&odin, &dir, &source, target) {
            panic!("odin rejected the instantiations on {target}:\n{e}\n{source}");
        }
    }
}

/// A user type whose name is an instantiation's name in the bindings.
mod clash {
    #![allow(non_camel_case_types)]
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy)]
    pub struct Vec2_f32 {
        pub a: u8,
    }

    /// Named like the layout constant the TypeScript of `Vec2<f32>` declares.
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Vec2_f32Layout {
        pub a: u8,
    }
}
use clash::{Vec2_f32, Vec2_f32Layout};

#[derive(WasmLayout, Clone, Copy)]
pub struct ItemClash {
    pub v: Vec2<f32>,
    pub w: Vec2_f32Layout,
}

#[derive(WasmLayout, Clone, Copy)]
pub struct Clash {
    pub v: Vec2<f32>,
    pub w: Vec2_f32,
}

/// A generic struct renamed in the bindings, and one of its
/// instantiations renamed by the name it would have.
#[derive(WasmLayout, Clone, Copy)]
#[layout(rename = "V2", rename_instances(V2_u8 = "Bytes2"))]
pub struct Renamed<T> {
    pub x: T,
}

#[derive(WasmLayout, Clone, Copy)]
pub struct Resolved {
    pub w: Vec2_f32,
    pub b: Renamed<u8>,
    pub r: Renamed<f32>,
}

#[test]
fn a_clash_with_a_user_type_is_an_error_and_a_rename_resolves_it() {
    let err = Bindings::new().add::<Clash>().try_typescript().unwrap_err();
    assert!(matches!(err, BindingsError::NameConflict { name: "Vec2_f32", .. }), "{err:?}");
    assert!(err.to_string().contains("Vec2<f32>"), "{err}");
    // The names an instantiation brings go through the name registry too.
    let err = Bindings::new().add::<ItemClash>().try_typescript().unwrap_err();
    assert!(matches!(err, BindingsError::Name(_)), "{err:?}");
    assert!(err.to_string().contains("Vec2_f32Layout"), "{err}");
    assert_eq!(Renamed::<f32>::LAYOUT.export_name(), "V2_f32");
    assert_eq!(Renamed::<u8>::LAYOUT.export_name(), "Bytes2");
    assert_eq!(Renamed::<u8>::NAME, "Renamed<u8>");
    assert_ne!(Renamed::<u8>::FINGERPRINT, Renamed::<i8>::FINGERPRINT);
    let ts = Bindings::new().add::<Resolved>().typescript();
    assert!(ts.contains("export interface V2_f32 {"), "{ts}");
    assert!(ts.contains("export interface Bytes2 {") && !ts.contains("V2_u8"), "{ts}");
}
