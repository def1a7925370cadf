//! The TypeScript bindings, type-checked by tsc (TypeScript 7) and run by
//! Node against bytes Rust wrote, with negative controls.
//!
//! Each run builds a scratch copy of the layout the test file expects
//! (`golden/corpus.ts`, `golden/fixtures.json`, `golden/strings.json`, `golden/unions.json`,
//! `golden/variants.*`, `golden/tuples.*`,
//! `ts/bindings/*.test.ts`)
//! from freshly generated files, so what is checked is what this build
//! generates, and a deliberately broken copy can be checked the same way.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wasm_layout::WasmLayout;

use crate::common::{scratch_dir, tool, REQUIRE_TOOLS};
use crate::corpus::{self, AllScalars};

pub(crate) fn ts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ts")
}

/// Whether node and the npm packages of tests/ts are there (see `tool`).
pub(crate) fn has_node() -> bool {
    if !tool("node", "install Node.js 20 or later") {
        return false;
    }
    if ts_dir().join("node_modules/.bin/tsc").is_file() {
        return true;
    }
    let hint = "the npm packages of tests/ts are missing: cd tests/ts && npm ci";
    if std::env::var_os(REQUIRE_TOOLS).is_some() {
        panic!("{hint}");
    }
    eprintln!("note: {hint}; skipping");
    false
}

fn run(mut cmd: Command) -> Output {
    cmd.current_dir(ts_dir());
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

pub(crate) fn report(what: &str, out: &Output) -> String {
    format!(
        "{what} exited with {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A scratch tree holding `bindings` as golden/corpus.ts, the fixtures, the
/// committed test file and a tsconfig extending the project's.
fn scratch_tree(name: &str, bindings: &str) -> PathBuf {
    let root = scratch_dir(name);
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("golden/corpus.ts", bindings);
    // The test files import npm packages (fast-check): resolve them from
    // tests/ts, for tsc and for Node.
    #[cfg(unix)]
    std::os::unix::fs::symlink(ts_dir().join("node_modules"), root.join("node_modules")).expect("symlink");
    write("golden/fixtures.json", &crate::fixtures::json());
    write("golden/strings.json", &crate::strings::json());
    write("golden/unions.json", &crate::unions::json());
    write("golden/variants.ts", &crate::variants::bindings().typescript());
    write("golden/variants.json", &crate::variants::json());
    write("golden/tuples.ts", &crate::tuples::bindings().typescript());
    write("golden/tuples.json", &crate::tuples::json());
    for name in test_files() {
        let test = std::fs::read_to_string(ts_dir().join("bindings").join(&name)).expect("read a test file");
        write(&format!("ts/bindings/{name}"), &test);
    }
    let ts = ts_dir();
    let tsconfig = format!(
        "{{\n  \"extends\": {:?},\n  \"compilerOptions\": {{ \"typeRoots\": [{:?}] }},\n  \"include\": [\"bindings/*.ts\"]\n}}\n",
        ts.join("tsconfig.json"),
        ts.join("node_modules/@types")
    );
    write("ts/tsconfig.json", &tsconfig);
    root
}

pub(crate) fn tsc(project: &Path) -> Output {
    let mut cmd = Command::new("npx");
    cmd.args(["--no-install", "tsc", "-p"]).arg(project);
    run(cmd)
}

/// The committed test files of the generated TypeScript (`*.test.ts`).
fn test_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(ts_dir().join("bindings"))
        .expect("read tests/ts/bindings")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".test.ts"))
        .collect();
    names.sort();
    names
}

/// Runs every test file in `dir`.
fn node_test(dir: &Path) -> Output {
    let mut cmd = Command::new("node");
    cmd.args(["--import", "tsx", "--test"]);
    for name in test_files() {
        cmd.arg(dir.join(name));
    }
    run(cmd)
}

#[test]
fn tsc_and_node_accept_the_generated_typescript() {
    if !has_node() {
        return;
    }
    let root = scratch_tree("bindings-node-ok", &corpus::bindings().typescript());
    let out = tsc(&root.join("ts/tsconfig.json"));
    assert!(out.status.success(), "{}", report("tsc", &out));
    let out = node_test(&root.join("ts/bindings"));
    assert!(out.status.success(), "{}", report("node --test", &out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("# fail 0") && !stdout.contains("# pass 0"), "{stdout}");

    // The committed copy, as `npm run typecheck` in tests/ts sees it.
    let out = tsc(&ts_dir().join("bindings/tsconfig.json"));
    assert!(out.status.success(), "{}", report("tsc -p bindings", &out));
}

#[test]
fn node_fails_on_a_wrong_offset() {
    if !has_node() {
        return;
    }
    let ts = corpus::bindings().typescript();
    let offset = AllScalars::LAYOUT.field("a_u32").expect("a_u32").offset;
    let right = format!("a_u32: view.getUint32(ptr + {offset}, true),");
    assert!(ts.contains(&right), "readAllScalars reads {right}");
    let wrong = ts.replacen(&right, &format!("a_u32: view.getUint32(ptr + {}, true),", offset + 1), 1);
    let root = scratch_tree("bindings-node-wrong-offset", &wrong);
    let out = tsc(&root.join("ts/tsconfig.json"));
    assert!(out.status.success(), "a wrong offset still type-checks: {}", report("tsc", &out));
    let out = node_test(&root.join("ts/bindings"));
    assert!(!out.status.success(), "node passed with a wrong offset: the check proves nothing");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("not ok") && stdout.contains("readAllScalars reads what Rust wrote"), "{stdout}");
}

#[test]
fn tsc_fails_on_a_wrong_type() {
    if !has_node() {
        return;
    }
    let ts = corpus::bindings().typescript();
    let right = "export interface Point {\n  x: number;";
    assert!(ts.contains(right));
    let root = scratch_tree(
        "bindings-node-wrong-type",
        &ts.replacen(right, "export interface Point {\n  x: string;", 1),
    );
    let out = tsc(&root.join("ts/tsconfig.json"));
    assert!(!out.status.success(), "tsc accepted a wrong field type: the check proves nothing");
    assert!(String::from_utf8_lossy(&out.stdout).contains("corpus.ts"), "{}", report("tsc", &out));
}
