//! The layout rules as a table: DESIGN.md's rules for every field type and
//! a corpus of structs held to their expected sizes, alignments and
//! offsets, and to clang's own wasm32 layout of the same C declarations.

mod common;
mod shapes;

use std::fmt::Write as _;

use wasm_layout::{Scalar, TypeKind, WasmLayout, WasmPtr, WasmSlice, WasmStr};

use shapes::*;

/// DESIGN.md's table, row by row: (type, size, align).
#[test]
fn rules_table() {
    let rows: &[(&str, usize, usize, usize, usize)] = &[
        ("u8", u8::SIZE, u8::ALIGN, 1, 1),
        ("i8", i8::SIZE, i8::ALIGN, 1, 1),
        ("bool", bool::SIZE, bool::ALIGN, 1, 1),
        ("u16", u16::SIZE, u16::ALIGN, 2, 2),
        ("i16", i16::SIZE, i16::ALIGN, 2, 2),
        ("u32", u32::SIZE, u32::ALIGN, 4, 4),
        ("i32", i32::SIZE, i32::ALIGN, 4, 4),
        ("f32", f32::SIZE, f32::ALIGN, 4, 4),
        ("u64", u64::SIZE, u64::ALIGN, 8, 8),
        ("i64", i64::SIZE, i64::ALIGN, 8, 8),
        ("f64", f64::SIZE, f64::ALIGN, 8, 8),
        ("WasmPtr<u8>", WasmPtr::<u8>::SIZE, WasmPtr::<u8>::ALIGN, 4, 4),
        ("WasmPtr<f64>", WasmPtr::<f64>::SIZE, WasmPtr::<f64>::ALIGN, 4, 4),
        ("WasmStr", WasmStr::SIZE, WasmStr::ALIGN, 8, 4),
        ("WasmSlice<u8>", WasmSlice::<u8>::SIZE, WasmSlice::<u8>::ALIGN, 8, 4),
        ("WasmSlice<f64>", WasmSlice::<f64>::SIZE, WasmSlice::<f64>::ALIGN, 8, 4),
        ("[u8; 5]", <[u8; 5]>::SIZE, <[u8; 5]>::ALIGN, 5, 1),
        ("[u64; 3]", <[u64; 3]>::SIZE, <[u64; 3]>::ALIGN, 24, 8),
        ("[[u16; 3]; 2]", <[[u16; 3]; 2]>::SIZE, <[[u16; 3]; 2]>::ALIGN, 12, 2),
        ("[Point; 0]", <[Point; 0]>::SIZE, <[Point; 0]>::ALIGN, 0, 8),
        ("[Inner; 3]", <[Inner; 3]>::SIZE, <[Inner; 3]>::ALIGN, 12, 2),
        ("repr(u8) enum", EU8::SIZE, EU8::ALIGN, 1, 1),
        ("repr(u16) enum", EU16::SIZE, EU16::ALIGN, 2, 2),
        ("repr(u32) enum", EU32::SIZE, EU32::ALIGN, 4, 4),
        ("repr(i8) enum", EI8::SIZE, EI8::ALIGN, 1, 1),
        ("repr(i16) enum", EI16::SIZE, EI16::ALIGN, 2, 2),
        ("repr(i32) enum", EI32::SIZE, EI32::ALIGN, 4, 4),
        ("empty struct", Empty::SIZE, Empty::ALIGN, 0, 1),
    ];
    for &(name, size, align, want_size, want_align) in rows {
        assert_eq!((size, align), (want_size, want_align), "{name}: (size, align)");
    }
}

/// The descriptors say the same as the constants, and the constants say
/// what the corpus expects.
#[test]
fn corpus_matches_expected_layouts() {
    let cases = cases();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    for case in &cases {
        let l = case.layout;
        assert_eq!((l.size, l.align), (case.size, case.align), "{}: (size, align)", l.name);
        let got: Vec<(&str, usize)> = l.fields().iter().map(|f| (f.name, f.offset)).collect();
        assert_eq!(got, case.offsets, "{}: field offsets", l.name);
        for f in l.fields() {
            assert_eq!(l.field(f.name).map(|g| g.offset), Some(f.offset));
            assert!(f.offset + f.ty.size <= l.size, "{}.{} ends inside the struct", l.name, f.name);
            assert_eq!(f.offset % f.ty.align.min(l.align), 0, "{}.{} is aligned", l.name, f.name);
        }
    }
}

#[test]
fn offset_constants_match_descriptor() {
    assert_eq!((AllWidths::OFFSET_D, AllWidths::OFFSET_K), (8, 48));
    assert_eq!((Outer::OFFSET_MID, Outer::OFFSET_Z), (4, 16));
    assert_eq!(Packed::OFFSET_C, 5);
    assert_eq!(Particle::OFFSET_KIND, 33);
    assert_eq!(Point::LAYOUT.field("y").unwrap().offset, 8);
    assert!(Point::LAYOUT.field("z").is_none());
    assert_eq!(Particle::LAYOUT.padding(), 2);
    assert_eq!(Mixed::LAYOUT.padding_after(0), 3);
}

#[test]
fn descriptor_kinds() {
    let f = |name| AllWidths::LAYOUT.field(name).unwrap().ty;
    assert!(matches!(f("k").kind, TypeKind::Scalar(Scalar::Bool)));
    assert!(matches!(f("h").kind, TypeKind::Scalar(Scalar::I64)));
    let TypeKind::Pointer(p) = Node::LAYOUT.field("next").unwrap().ty.kind else { panic!("a pointer") };
    assert_eq!(p.target_name, "Node");
    assert_eq!((p.target)().size, 8, "a self-pointer reaches its own layout");
    let TypeKind::Array(a) = DeepArray::LAYOUT.field("a").unwrap().ty.kind else { panic!("an array") };
    assert_eq!((a.len, a.elem.size), (4, 6));
    let TypeKind::Enum(e) = EI32::LAYOUT.kind else { panic!("an enum") };
    assert_eq!(e.repr, Scalar::I32);
    let values: Vec<(&str, i64)> = e.variants.iter().map(|v| (v.name, v.value)).collect();
    assert_eq!(values, [("Min", i32::MIN as i64), ("One", 1), ("Two", 2)]);
    let TypeKind::Enum(e) = EU8::LAYOUT.kind else { panic!("an enum") };
    let values: Vec<i64> = e.variants.iter().map(|v| v.value).collect();
    assert_eq!(values, [0, 1, 7, 8], "implicit discriminants follow the explicit ones");
    let TypeKind::Struct(s) = Packed::LAYOUT.kind else { panic!("a struct") };
    assert_eq!(s.repr, wasm_layout::StructRepr::Packed);
}

/// Every expected number, asserted by clang for wasm32 on the equivalent C.
#[test]
fn clang_agrees_on_every_layout() {
    if !common::has_clang() {
        return;
    }
    let source = c_source(&cases());
    common::clang_wasm32_check(&source)
        .unwrap_or_else(|e| panic!("clang disagrees:\n{e}\n--- source ---\n{source}"));
}

/// The negative control: one wrong number makes clang fail, so the check
/// above cannot pass vacuously.
#[test]
fn clang_rejects_a_wrong_offset() {
    if !common::has_clang() {
        return;
    }
    let mut cases = cases();
    let mixed = cases.iter_mut().find(|c| c.layout.name == "Mixed").unwrap();
    mixed.offsets = &[("a", 0), ("b", 2), ("c", 8)];
    let source = c_source(&cases);
    let err = common::clang_wasm32_check(&source).expect_err("a wrong offset must fail");
    assert!(err.contains("static assertion failed") || err.contains("static_assert"), "{err}");
}

fn c_source(cases: &[Case]) -> String {
    let mut s = String::from("#include <stdint.h>\n#include <stdbool.h>\n#include <stddef.h>\n\n");
    for case in cases {
        writeln!(s, "{}", case.c_decl).unwrap();
        let t = case.c_name;
        writeln!(s, "_Static_assert(sizeof({t}) == {}, \"size of {t}\");", case.size).unwrap();
        writeln!(s, "_Static_assert(_Alignof({t}) == {}, \"align of {t}\");", case.align).unwrap();
        for (field, offset) in case.offsets {
            // C spells a tuple field `0` as `_0`.
            let field = match field.starts_with(|c: char| c.is_ascii_digit()) {
                true => format!("_{field}"),
                false => field.to_string(),
            };
            writeln!(s, "_Static_assert(offsetof({t}, {field}) == {offset}, \"offset of {t}.{field}\");")
                .unwrap();
        }
    }
    s
}
