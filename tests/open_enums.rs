//! `Open<E>`: a fieldless enum as a C enum is, any value of its repr. Reads
//! never fail; `known()` names the variant when there is one, `raw()` is the
//! integer; the layout is the repr's; a plain `E` field stays strict. The
//! bindings are checked by clang, Odin and (through the corpus) Node.

mod common;

use std::collections::HashSet;

use wasm_layout::{Bindings, FieldlessEnum, LayoutError, Open, TypeKind, WasmLayout, WasmPtr};

/// raylib's `PixelFormat`: its first value is 1, so zeroed memory holds a
/// value it does not list.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum PixelFormat {
    UncompressedGrayscale = 1,
    UncompressedGrayAlpha = 2,
    UncompressedR8g8b8a8 = 7,
}

/// raylib's `Image`, with the format open.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Image {
    pub data: WasmPtr<u8>,
    pub width: i32,
    pub height: i32,
    pub mipmaps: i32,
    pub format: Open<PixelFormat>,
}

/// The same `Image` with the strict enum.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct StrictImage {
    pub data: WasmPtr<u8>,
    pub width: i32,
    pub height: i32,
    pub mipmaps: i32,
    pub format: PixelFormat,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i8)]
pub enum Signed {
    Down = -1,
    Up = 1,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Small {
    pub tag: u8,
    pub dirs: [Open<Signed>; 3],
    pub last: Open<Signed>,
}

#[test]
fn the_layout_is_the_reprs() {
    assert_eq!((Open::<PixelFormat>::SIZE, Open::<PixelFormat>::ALIGN), (4, 4));
    assert_eq!((Open::<Signed>::SIZE, Open::<Signed>::ALIGN), (1, 1));
    assert_eq!((Image::SIZE, Image::OFFSET_FORMAT), (StrictImage::SIZE, StrictImage::OFFSET_FORMAT));
    assert_eq!((Image::SIZE, Image::OFFSET_FORMAT), (20, 16));
    assert_eq!((Small::SIZE, Small::OFFSET_DIRS, Small::OFFSET_LAST), (5, 1, 4));
    let TypeKind::Open(o) = Image::LAYOUT.field("format").unwrap().ty.kind else { panic!("open") };
    assert_eq!((o.inner.name, o.repr()), ("PixelFormat", wasm_layout::Scalar::I32));
    // The host check of `#[repr(C)]` compiled: an `Open<E>` is its repr on
    // the host too.
    assert_eq!(std::mem::size_of::<Open<PixelFormat>>(), 4);
}

#[test]
fn a_zeroed_image_reads_where_the_strict_one_does_not() {
    let zeroed = [0u8; 20];
    let image = Image::read_from(&zeroed).unwrap();
    assert_eq!((image.format.known(), image.format.raw()), (None, 0));
    assert_eq!(
        StrictImage::read_from(&zeroed),
        Err(LayoutError::InvalidDiscriminant { type_name: "PixelFormat", offset: 16, value: 0 })
    );
    assert_eq!(Image::view(&zeroed).unwrap().format().raw(), 0);
}

#[test]
fn every_value_round_trips() {
    for raw in [i32::MIN, -1, 0, 1, 2, 3, 7, i32::MAX] {
        let image =
            Image { data: WasmPtr::new(64), width: 2, height: 3, mipmaps: 1, format: Open::from_raw(raw) };
        let mut bytes = [0xAAu8; 20];
        image.write_to(&mut bytes).unwrap();
        assert_eq!(bytes[16..], raw.to_le_bytes());
        let back = Image::read_from(&bytes).unwrap();
        assert_eq!(back, image);
        assert_eq!(back.format.known(), PixelFormat::from_repr(raw));
    }
    let known = Open::from(PixelFormat::UncompressedR8g8b8a8);
    assert_eq!((known.raw(), known.known()), (7, Some(PixelFormat::UncompressedR8g8b8a8)));
    assert_eq!(PixelFormat::UncompressedGrayAlpha.to_repr(), 2);
}

#[test]
fn views_read_and_set_any_value() {
    let mut bytes = [0u8; 5];
    let mut m = Small::view_mut(&mut bytes).unwrap();
    m.set_last(Open::from_raw(-128));
    m.dirs_mut().set(1, Open::from(Signed::Down)).unwrap();
    m.dirs_mut().get_mut(2).unwrap().set(Open::from_raw(42));
    assert_eq!(bytes, [0, 0, 0xFF, 42, 0x80]);
    let v = Small::view(&bytes).unwrap();
    assert_eq!(v.last().raw(), -128);
    assert_eq!(v.dirs().get(1).unwrap().known(), Some(Signed::Down));
    assert_eq!(v.dirs().get(2).unwrap().known(), None);
    // No byte makes a read fail.
    for b in 0..=255u8 {
        assert_eq!(Open::<Signed>::read_from(&[b]).unwrap().raw(), b as i8);
    }
}

#[test]
fn copy_debug_eq_hash() {
    let a = Open::from(Signed::Up);
    let b = a;
    assert_eq!(a, b);
    assert_ne!(a, Open::from_raw(2));
    assert_eq!(format!("{a:?}"), "Open(Up)");
    assert_eq!(format!("{:?}", Open::<Signed>::from_raw(9)), "Open(9)");
    let set: HashSet<Open<Signed>> = [a, b, Open::from_raw(9)].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn the_fingerprint_tells_open_from_strict() {
    assert_ne!(Image::FINGERPRINT, StrictImage::FINGERPRINT);
    assert_ne!(Open::<PixelFormat>::FINGERPRINT, PixelFormat::FINGERPRINT);
    assert_ne!(Open::<PixelFormat>::FINGERPRINT, i32::FINGERPRINT);
}

fn bindings() -> Bindings {
    Bindings::new().add::<Image>().add::<Small>()
}

#[test]
fn bindings_spell_the_repr_in_c_and_the_enum_in_odin_and_typescript() {
    let b = bindings();
    let (ts, c, odin) = (b.typescript(), b.c(), b.odin());
    assert!(ts.contains("export const PixelFormat = {") && ts.contains("  format: number;"), "{ts}");
    assert!(c.contains("    int32_t format; /* Open<PixelFormat> */"), "{c}");
    assert!(c.contains("#define PixelFormat_UncompressedR8g8b8a8 ((PixelFormat)7)"), "{c}");
    assert!(odin.contains("\tformat: PixelFormat, // Open(PixelFormat)"), "{odin}");
    assert!(odin.contains("\tdirs: [3]Signed,"), "{odin}");
}

/// Hand-written C, as raylib's header spells `Image`, next to the header.
const C_TWIN: &str = r#"
typedef struct { uint32_t data; int width; int height; int mipmaps; int format; } twin_image;
_Static_assert(sizeof(twin_image) == sizeof(Image), "Image size");
_Static_assert(offsetof(twin_image, format) == offsetof(Image, format), "Image.format");
_Static_assert(Image_FINGERPRINT != 0, "fingerprint");
"#;

#[test]
fn clang_accepts_the_header_beside_a_c_twin() {
    if !common::has_clang() {
        return;
    }
    let source = format!("{}\n{C_TWIN}", bindings().c());
    if let Err(e) = common::clang_wasm32_check(&source) {
        panic!("clang rejected the header:\n{e}");
    }
}

#[test]
fn odin_accepts_any_value_in_the_enum_type() {
    let Some(odin) = common::odin() else { return };
    // An Odin enum holds values it does not list: write one and assert it.
    let source = format!(
        "{}\n#assert(int(PixelFormat(0)) == 0)\nunknown :: PixelFormat(12345)\n#assert(int(unknown) == 12345)\n",
        bindings().odin()
    );
    let dir = common::scratch_dir("odin-open");
    for target in common::ODIN_TARGETS {
        if let Err(e) = common::odin_check_source(&odin, &dir, &source, target) {
            panic!("odin rejected the open enums on {target}:\n{e}\n{source}");
        }
    }
}
