//! `cargo xtask difftest`: differential layout testing.
//!
//! A seeded generator makes random struct shapes (every scalar, `bool`,
//! `WasmPtr`, `WasmStr`, `WasmSlice<T>` (of any of these, or of the struct
//! holding it), arrays nested up to three deep, structs nested up to four deep,
//! packed and aligned variants, enums of every repr, enums with fields of
//! every tag, options of every kind, `#[repr(C)]` unions) and lays each out three
//! ways:
//!
//! 1. by `#[derive(WasmLayout)]`: a scratch crate under `target/difftest/`
//!    prints every type's `SIZE`, `ALIGN` and `OFFSET_*` constants (and checks
//!    them against its `LAYOUT` descriptor);
//! 2. by [`reference::reference()`], a small independent implementation of
//!    the wasm32 C rules written here;
//! 3. by clang for wasm32, through `_Static_assert`s of the numbers Rust printed
//!    (a string or slice as the wasm32 guest sees it: a pointer and a
//!    `uint32_t` length).
//!
//! Shape `k` of seed `s` depends only on `(s, k)`, so any failure names the
//! command that regenerates just that shape.

mod c;
mod options;
mod reference;
mod report;
mod rust;
mod shape;
mod union;
mod variant;

use std::path::PathBuf;

pub use options::{parse, Options};

use c::{c_source, clang_check};
use reference::compare_reference;
use report::clang_failure;
use rust::rust_layouts;
use shape::Shape;

use crate::run::root;

/// The seed `cargo xtask ci` and a bare `cargo xtask difftest` use.
pub const DEFAULT_SEED: u64 = 0x5EED_1A70_u64;
/// Shapes checked by `cargo xtask ci`.
pub const CI_SHAPES: usize = 1_000;
/// Shapes checked by `--long`.
pub const LONG_SHAPES: usize = 100_000;
/// Shapes per scratch-crate build (and per C file).
const CHUNK: usize = 2_000;

/// `cargo xtask difftest [args]`.
pub fn run(args: &[String]) -> Result<(), String> {
    check(parse(args)?)
}

/// Generates, builds and compares; `Err` names the first disagreeing shape.
pub fn check(o: Options) -> Result<(), String> {
    let dir = scratch();
    let indices: Vec<usize> = match o.only {
        Some(k) => vec![k],
        None => (0..o.shapes).collect(),
    };
    let started = std::time::Instant::now();
    let mut types = 0usize;
    for (n, chunk) in indices.chunks(CHUNK).enumerate() {
        let shapes: Vec<Shape> = chunk.iter().map(|&k| Shape::generate(o.seed, k)).collect();
        if o.only.is_some() {
            for s in &shapes {
                eprintln!("--- Rust ---\n{}\n--- C ---\n{}", s.rust(), s.c_decls());
            }
        }
        let printed = rust_layouts(&dir, &shapes)?;
        compare_reference(&shapes, &printed, o.seed)?;
        let c = c_source(&shapes, &printed);
        clang_check(&dir.join(format!("chunk{n}.c")), &c)
            .map_err(|err| clang_failure(&err, &shapes, o.seed))?;
        types += printed.len();
        eprintln!(
            "difftest: shapes {}..={} agree ({} types, {:.0?} so far)",
            chunk.first().copied().unwrap_or(0),
            chunk.last().copied().unwrap_or(0),
            types,
            started.elapsed()
        );
    }
    eprintln!(
        "difftest: {} shapes ({types} types) of seed {:#x}: Rust, the reference rules and clang agree on every size, alignment and offset",
        indices.len(),
        o.seed
    );
    Ok(())
}

/// Where the difftest's scratch files live.
fn scratch() -> PathBuf {
    root().join("target/difftest")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::reference::reference;
    use super::*;

    fn clang() -> bool {
        let ok = crate::run::available("clang");
        if !ok && std::env::var_os("WASM_LAYOUT_REQUIRE_TOOLS").is_some() {
            panic!("`clang` is needed: apt-get install -y --no-install-recommends clang lld");
        }
        ok
    }

    /// The negative control: clang and the reference comparison each catch
    /// one deliberately wrong number, and the error says how to reproduce.
    #[test]
    fn a_wrong_number_fails() {
        let shapes: Vec<Shape> = (0..20).map(|k| Shape::generate(DEFAULT_SEED, k)).collect();
        let mut numbers = BTreeMap::new();
        for s in &shapes {
            numbers.extend(reference(s));
        }
        assert_eq!(compare_reference(&shapes, &numbers, DEFAULT_SEED), Ok(()));

        let victim = shapes.iter().flat_map(|s| &s.structs).find(|d| d.fields.len() >= 2).expect("a struct");
        let mut wrong = numbers.clone();
        wrong.get_mut(&victim.name).expect("numbers for every struct").offsets[1] += 1;
        let err = compare_reference(&shapes, &wrong, DEFAULT_SEED).expect_err("a wrong offset");
        assert!(err.contains(&victim.name) && err.contains("--only"), "{err}");

        if !clang() {
            return;
        }
        let dir = scratch().join("negative-control");
        clang_check(&dir.join("right.c"), &c_source(&shapes, &numbers))
            .expect("clang accepts the right numbers");
        let err = clang_check(&dir.join("wrong.c"), &c_source(&shapes, &wrong)).expect_err("a wrong offset");
        let report = clang_failure(&err, &shapes, DEFAULT_SEED);
        assert!(report.contains(&format!("{}.f1 offset", victim.name)), "{report}");
        assert!(report.contains("reproduce with: cargo xtask difftest --seed"), "{report}");
    }
}
