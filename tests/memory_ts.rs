//! The TypeScript runtime (`wasm_layout::memory::TS_RUNTIME`): its shared
//! header layouts generated from the Rust types, type-checked with
//! `tsc --strict`, its node tests (a model test and a property test over
//! hostile numbers) run on a real `WebAssembly.Memory`, every error text
//! compared with Rust's, and Rust and Node taking turns on one shared pool
//! and arena in the same bytes.

mod common;
#[path = "memory_ts/error_texts.rs"]
mod error_texts;
#[path = "memory_ts/shared.rs"]
mod shared;

use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_layout::memory::shared::{ArenaHeader, PoolHeader, PoolSlot};
use wasm_layout::memory::TS_RUNTIME;
use wasm_layout::{Bindings, Export};

const RUNTIME: &str = "layout-core/runtime/wasm-layout-runtime.ts";

/// The line that starts the runtime's generated section, which runs to the
/// end of the file.
const GENERATED_MARK: &str = "// ---- generated: the shared header types ----";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ts_dir() -> PathBuf {
    root().join("tests/ts")
}

fn has_node() -> bool {
    common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`")
}

/// Runs `node` with tsx from tests/ts; returns stdout or panics with the output.
fn node(args: &[&str]) -> String {
    let out = Command::new("node")
        .arg("--import")
        .arg("tsx")
        .args(args)
        .current_dir(ts_dir())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn runtime_constant_is_the_shipped_file() {
    let file = std::fs::read_to_string(root().join(RUNTIME)).unwrap();
    assert_eq!(TS_RUNTIME, file);
    assert!(!TS_RUNTIME.contains("\nimport "), "the runtime must be self-contained");
}

/// The runtime's last section is the TypeScript the project's emitter
/// writes for the shared header types: it is checked here and rewritten
/// with `WASM_LAYOUT_BLESS=1`.
#[test]
fn runtime_header_layouts_are_generated() {
    let file = std::fs::read_to_string(root().join(RUNTIME)).unwrap();
    let mark =
        file.find(GENERATED_MARK).unwrap_or_else(|| panic!("{RUNTIME} has no line `{GENERATED_MARK}`"));
    let comment_end = file[mark..].find("\n\n").map_or(file.len(), |i| mark + i + 2);
    let generated = Bindings::new().add::<ArenaHeader>().add::<PoolHeader>().add::<PoolSlot>().typescript();
    let expected = format!("{}{generated}", &file[..comment_end]);
    if let Err(e) = Export::new(root()).file(RUNTIME, expected).sync() {
        panic!("{e}");
    }
}

#[test]
fn runtime_typechecks_and_its_node_tests_pass() {
    if !has_node() {
        return;
    }
    let tsc = Command::new("npx")
        .args(["tsc", "-p", "tsconfig.json"])
        .current_dir(ts_dir())
        .output()
        .expect("run tsc");
    assert!(tsc.status.success(), "tsc failed:\n{}", String::from_utf8_lossy(&tsc.stdout));
    node(&["--test", "runtime/memory.test.ts", "runtime/properties.test.ts"]);
}

#[test]
fn error_texts_match_rust() {
    if !has_node() {
        return;
    }
    let strings = error_texts::json_strings(&node(&["runtime/error-texts.ts"]));
    let ts: Vec<(&str, &str)> = strings.chunks_exact(2).map(|c| (c[0].as_str(), c[1].as_str())).collect();
    let rust = error_texts::rust_cases();
    let names = |v: &[(&str, &str)]| v.iter().map(|c| c.0.to_owned()).collect::<Vec<_>>();
    let rust_pairs: Vec<(&str, &str)> = rust.iter().map(|(n, m)| (*n, m.as_str())).collect();
    assert_eq!(names(&ts), names(&rust_pairs), "the two lists of cases differ");
    let differ: Vec<String> = ts
        .iter()
        .zip(&rust_pairs)
        .filter(|(t, r)| t.1 != r.1 || r.1 == "no error")
        .map(|(t, r)| format!("{}:\n  TypeScript: {}\n  Rust:       {}", t.0, t.1, r.1))
        .collect();
    assert!(differ.is_empty(), "{} of {} texts differ:\n{}", differ.len(), ts.len(), differ.join("\n"));
}

#[test]
fn rust_and_node_take_turns_on_one_shared_pool_and_arena() {
    if !has_node() {
        return;
    }
    shared::rust_and_node_take_turns(node);
}
