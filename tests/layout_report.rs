//! Layout reports: `Display` for `TypeLayout`, holes, padding, cache-line
//! crossings, the suggested field order, and the pahole-style
//! `LayoutReport`, against hand counts of the corpus types.

#[allow(dead_code)]
#[path = "bindings/corpus.rs"]
mod corpus;

use corpus::{AlignedOuter, AllScalars, Mixed16, Outer, Packed, Polygon, Rect, TailPad};
use wasm_layout::{
    Export, FieldLayout, Hole, LayoutReport, LayoutSvg, StructLayout, StructRepr, TypeKind, TypeLayout,
    WasmLayout,
};

fn holes(t: &TypeLayout) -> Vec<(&'static str, usize, usize)> {
    t.holes().map(|Hole { after, offset, size }| (after, offset, size)).collect()
}

#[test]
fn holes_and_padding_match_a_hand_count() {
    // a_u8 (1) then a_u16 at 2; a_i8 (16) then a_i16 at 18; a_f32 (32) then a_f64 at 40; a_bool at 48 of 56.
    assert_eq!(holes(AllScalars::LAYOUT), [("a_u8", 1, 1), ("a_i8", 17, 1), ("a_f32", 36, 4)]);
    assert_eq!((AllScalars::LAYOUT.tail_padding(), AllScalars::LAYOUT.padding()), (7, 13));
    // 16 + 16 + 1 + 1 + 6 + 4 = 44 of 48.
    assert_eq!((holes(Rect::LAYOUT), Rect::LAYOUT.tail_padding()), (vec![], 4));
    assert_eq!((holes(AlignedOuter::LAYOUT), AlignedOuter::LAYOUT.tail_padding()), (vec![("a", 1, 15)], 15));
    assert_eq!((holes(Outer::LAYOUT), Outer::LAYOUT.tail_padding()), (vec![("x", 1, 1), ("inner", 6, 2)], 3));
    assert_eq!((holes(Mixed16::LAYOUT), Mixed16::LAYOUT.tail_padding()), (vec![("a", 1, 1)], 1));
    assert_eq!((holes(TailPad::LAYOUT), TailPad::LAYOUT.tail_padding()), (vec![], 7));
    assert_eq!((holes(Polygon::LAYOUT), Polygon::LAYOUT.tail_padding()), (vec![("count", 1, 7)], 0));
    assert_eq!((holes(Packed::LAYOUT), Packed::LAYOUT.tail_padding()), (vec![], 0));
    assert_eq!(holes(u64::LAYOUT), []);
    for t in [AllScalars::LAYOUT, Rect::LAYOUT, AlignedOuter::LAYOUT, Outer::LAYOUT, Polygon::LAYOUT] {
        let sum: usize = t.holes().map(|h| h.size).sum();
        assert_eq!(sum + t.tail_padding(), t.padding(), "{}", t.name);
    }
}

#[test]
fn suggested_orders_are_never_larger() {
    let expected = [
        (AllScalars::LAYOUT, 48),
        (Rect::LAYOUT, 48),
        (AlignedOuter::LAYOUT, 32),
        (Outer::LAYOUT, 12),
        (Mixed16::LAYOUT, 4),
        (TailPad::LAYOUT, 16),
        (Polygon::LAYOUT, 56),
        (Packed::LAYOUT, 15),
    ];
    for (t, size) in expected {
        let declared: Vec<usize> = (0..t.fields().len()).collect();
        assert_eq!(t.size_in_order(&declared), Some(t.size), "{}", t.name);
        assert_eq!(t.size_in_order(&t.suggested_order()), Some(size), "{}", t.name);
        assert!(size <= t.size);
    }
    assert_eq!(u32::LAYOUT.size_in_order(&[]), None);
    assert_eq!(Rect::LAYOUT.size_in_order(&[9]), None);
}

/// Every permutation of `0..n`, by Heap's algorithm.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn go(k: usize, a: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k <= 1 {
            out.push(a.clone());
            return;
        }
        for i in 0..k {
            go(k - 1, a, out);
            a.swap(if k.is_multiple_of(2) { i } else { 0 }, k - 1);
        }
    }
    let mut out = Vec::new();
    go(n, &mut (0..n).collect(), &mut out);
    out
}

#[test]
fn the_suggested_order_is_minimal_for_small_shapes() {
    let kinds: [&'static TypeLayout; 8] = [
        u8::LAYOUT,
        u16::LAYOUT,
        u32::LAYOUT,
        u64::LAYOUT,
        <[u8; 3]>::LAYOUT,
        <[u16; 3]>::LAYOUT,
        corpus::Point::LAYOUT,
        corpus::Aligned16::LAYOUT,
    ];
    let reprs = [StructRepr::Natural, StructRepr::Packed, StructRepr::Aligned(16)];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for case in 0..300 {
        let n = 1 + next(6);
        let fields: Vec<FieldLayout> = (0..n)
            .map(|i| FieldLayout {
                name: ["a", "b", "c", "d", "e", "f"][i],
                offset: 0,
                ty: kinds[next(8)],
                rename: None,
            })
            .collect();
        let fields: &'static [FieldLayout] = Box::leak(fields.into_boxed_slice());
        let repr = reprs[case % 3];
        let t = TypeLayout {
            name: "Shape",
            size: 0,
            align: 1,
            kind: TypeKind::Struct(StructLayout {
                fields,
                repr,
                rename: None,
                rename_all: None,
                doc: "",
                field_docs: &[],
            }),
        };
        let all = permutations(n);
        let best = all.iter().filter_map(|p| t.size_in_order(p)).min().unwrap();
        let declared = t.size_in_order(&all[0]).unwrap();
        let suggested = t.size_in_order(&t.suggested_order()).unwrap();
        assert_eq!(
            suggested,
            best,
            "case {case}: {:?} {repr:?}",
            fields.iter().map(|f| f.ty.name).collect::<Vec<_>>()
        );
        assert!(suggested <= declared);
    }
}

#[test]
fn display_is_the_layout_table() {
    assert_eq!(
        Mixed16::LAYOUT.to_string(),
        "Mixed16 (struct): size 6, align 2\n\
         \x20 field      offset  size  align  padding\n\
         \x20 a               0     1      1        1\n\
         \x20 b               2     2      2        0\n\
         \x20 c               4     1      1        1"
    );
    assert_eq!(corpus::Kind::LAYOUT.to_string(), "Kind (enum, repr u8): size 1, align 1");
    assert_eq!(<wasm_layout::WasmPtr<Rect>>::LAYOUT.to_string(), "WasmPtr<Rect> (pointer): size 4, align 4");
}

#[test]
fn the_report_reads_like_pahole() {
    let report = LayoutReport::new(&[Outer::LAYOUT, u8::LAYOUT, Mixed16::LAYOUT]).to_string();
    assert_eq!(
        report,
        "struct Outer {\n\
         \x20   u8    x;     /*     0     1 */\n\
         \x20   /* XXX 1 byte hole after x */\n\
         \x20   Inner inner; /*     2     4 */\n\
         \x20   /* XXX 2 bytes hole after inner */\n\
         \x20   u32   y;     /*     8     4 */\n\
         \x20   Empty empty; /*    12     0 */\n\
         \x20   u8    z;     /*    12     1 */\n\
         \x20   /* size: 16, align: 4, cachelines: 1, members: 5 */\n\
         \x20   /* sum members: 10, holes: 2, sum holes: 3, padding: 3, crossings: 0 */\n\
         \x20   /* suggested order: y, inner, x, empty, z (size 12, saves 4) */\n\
         };\n\n\
         struct Mixed16 {\n\
         \x20   u8  a; /*     0     1 */\n\
         \x20   /* XXX 1 byte hole after a */\n\
         \x20   u16 b; /*     2     2 */\n\
         \x20   u8  c; /*     4     1 */\n\
         \x20   /* size: 6, align: 2, cachelines: 1, members: 3 */\n\
         \x20   /* sum members: 4, holes: 1, sum holes: 1, padding: 1, crossings: 0 */\n\
         \x20   /* suggested order: b, a, c (size 4, saves 2) */\n\
         };"
    );
}

#[test]
fn cache_line_boundaries_and_crossings_are_marked() {
    assert_eq!(corpus::Matrix::LAYOUT.cache_line_crossings().count(), 0, "64 bytes from a line's start");
    static FIELDS: [FieldLayout; 3] = [
        FieldLayout { name: "head", offset: 0, ty: <[u8; 60]>::LAYOUT, rename: None },
        FieldLayout { name: "tags", offset: 60, ty: <[u16; 3]>::LAYOUT, rename: None },
        FieldLayout { name: "tail", offset: 68, ty: u32::LAYOUT, rename: None },
    ];
    static WIDE: TypeLayout = TypeLayout {
        name: "Wide",
        size: 72,
        align: 4,
        kind: TypeKind::Struct(StructLayout {
            fields: &FIELDS,
            repr: StructRepr::Natural,
            rename: None,
            rename_all: None,
            doc: "",
            field_docs: &[],
        }),
    };
    let crossing: Vec<&str> = WIDE.cache_line_crossings().map(|f| f.name).collect();
    assert_eq!(crossing, ["tags"]);
    let report = LayoutReport::new(&[&WIDE]).to_string();
    assert!(report.contains("[u16; 3] tags; /*    60     6 */ /* crosses a cache line */\n"), "{report}");
    assert!(report.contains("tags; /*    60     6 */ /* crosses a cache line */\n    /* XXX 2 bytes hole after tags */\n    /* --- cacheline 1 boundary (64 bytes) --- */\n    u32      tail;"), "{report}");
    assert!(report.contains("cachelines: 2, members: 3"), "{report}");
}

/// The pictures the README shows: kept current with `Export::sync`
/// (`WASM_LAYOUT_BLESS=1` rewrites it).
#[test]
fn the_readme_picture_is_current() {
    use wasm_layout_e2e::schema::{Particle, StepResponse};
    let export = Export::new(env!("CARGO_MANIFEST_DIR"))
        .file("docs/particle-layout.svg", LayoutSvg::new(Particle::LAYOUT).to_string())
        .file("docs/step-response-layout.svg", LayoutSvg::new(StepResponse::LAYOUT).to_string());
    if let Err(e) = export.sync() {
        panic!("{e}");
    }
}

#[test]
fn the_svg_draws_every_field_and_hatches_padding() {
    let svg = LayoutSvg::new(AllScalars::LAYOUT).to_string();
    for f in AllScalars::LAYOUT.fields() {
        assert!(svg.contains(&format!("<title>{}: ", f.name)), "{} in\n{svg}", f.name);
    }
    // Three holes and the tail, one box each (a_f32's hole and the tail do not cross a row).
    assert_eq!(svg.matches("fill=\"url(#hatch)\"").count(), 4, "{svg}");
    let nested = LayoutSvg::new(Rect::LAYOUT).to_string();
    assert!(nested.contains(">x</text>") && nested.contains(">y</text>"), "Point's fields under min and max");
    assert!(nested.contains("Rect: size 48, align 8, padding 4"), "{nested}");
    assert!(LayoutSvg::new(<wasm_layout::WasmPtr<Rect>>::LAYOUT).to_string().contains("WasmPtr&lt;Rect&gt;"));
}
