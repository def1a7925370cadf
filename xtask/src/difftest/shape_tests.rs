//! The generator's own tests: shapes depend only on the seed and index,
//! and every kind of type appears.

use super::*;
use crate::difftest::DEFAULT_SEED;

#[test]
fn shapes_depend_only_on_seed_and_index() {
    let a = Shape::generate(7, 42);
    let b = Shape::generate(7, 42);
    assert_eq!(a.rust(), b.rust());
    assert_eq!(a.c_decls(), b.c_decls());
    assert_ne!(a.rust(), Shape::generate(8, 42).rust());
}

#[test]
fn the_generator_covers_every_kind() {
    let shapes: Vec<Shape> = (0..500).map(|k| Shape::generate(DEFAULT_SEED, k)).collect();
    let all: String = shapes.iter().map(Shape::rust).collect();
    let needles = ["#[layout(packed)]", "#[layout(align = ", "WasmPtr<", "; 0]", "[[", "[[["];
    let pairs = [
        ": WasmStr,",
        "[WasmStr; ",
        "WasmSlice<WasmStr>",
        "WasmSlice<WasmSlice<",
        "WasmSlice<[",
        "WasmSlice<WasmPtr<",
    ];
    let options = [
        "Option<WasmPtr<",
        "Option<NonZeroI64>",
        "Option<WasmStr>",
        "Option<WasmSlice<u16>>",
        "Option<E",
        "Option<S",
        "Option<u",
    ];
    for needle in needles.into_iter().chain(pairs).chain(options) {
        assert!(all.contains(needle), "no shape has `{needle}`");
    }
    for repr in ENUM_REPRS {
        assert!(all.contains(&format!("#[repr({})]", repr.rust())), "no enum with repr {}", repr.rust());
    }
    for s in SCALARS {
        assert!(all.contains(&format!(": {},", s.rust())), "no field of type {}", s.rust());
    }
    let deepest = shapes.iter().map(|s| s.structs.len()).max().unwrap_or(0);
    assert!(deepest >= 4);
    assert!(all.contains("_4 {"), "no struct four deep");
    let own = shapes.iter().flat_map(|s| &s.structs).any(|d| {
        d.fields.iter().any(|f| matches!(f, Ty::Slice(e) if matches!(&**e, Ty::Own(n) if *n == d.name)))
    });
    assert!(own, "no struct holding a slice of itself");
    assert!(all.contains("<T, const N: usize> {"), "no const-generic struct");
    let twice = shapes
        .iter()
        .any(|s| (0..s.generics.len()).any(|g| s.instances.iter().filter(|i| i.generic == g).count() >= 2));
    assert!(twice, "no generic struct instantiated twice in one shape");
    for tag in ["#[repr(C, u8)]", "#[repr(C, u16)]", "#[repr(C, u32)]"] {
        assert!(all.contains(tag), "no enum with fields with {tag}");
    }
    let structs = || shapes.iter().flat_map(|s| &s.structs);
    let tuples = |n: fn(usize) -> bool| structs().any(|d| d.tuple == Form::Tuple && n(d.fields.len()));
    assert!(tuples(|n| n == 1) && tuples(|n| n > 1), "no newtype or no tuple struct of several fields");
    assert!(all.contains("#[repr(transparent)]\npub struct "), "no #[repr(transparent)] newtype");
    assert!(all.contains(" C1 {") && all.contains(" C1(") && all.contains(" C1,"), "not every kind of case");
    assert!(all.contains("#[repr(C)]\npub union U"), "no union");
    let nested =
        shapes.iter().flat_map(|s| &s.unions).any(|u| u.members.iter().any(|m| matches!(m, Ty::Union(_))));
    assert!(nested, "no union inside a union");
    let held =
        shapes.iter().flat_map(|s| &s.structs).any(|d| d.fields.iter().any(|f| matches!(f, Ty::Union(_))));
    assert!(held, "no struct holding a union");
}
