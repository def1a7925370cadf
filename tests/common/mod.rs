//! Helpers shared by the integration tests that drive external tools.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// Set by `cargo xtask ci`: a missing tool is then a failure, not a skip.
pub const REQUIRE_TOOLS: &str = "WASM_LAYOUT_REQUIRE_TOOLS";

/// Whether `program --version` runs. When it does not and `cargo xtask ci`
/// is running, this panics with how to install it; otherwise the caller
/// skips, printing why.
pub fn tool(program: &str, install: &str) -> bool {
    let ok = Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var_os(REQUIRE_TOOLS).is_some() {
            panic!("`{program}` is needed: {install}");
        }
        eprintln!("note: `{program}` not found, skipping ({install}); `cargo xtask ci` requires it");
    }
    ok
}

/// Whether clang is available (see [`tool`]).
pub fn has_clang() -> bool {
    tool("clang", "apt-get install -y --no-install-recommends clang lld")
}

/// Checks C source with clang for wasm32; `Err` carries clang's output.
pub fn clang_wasm32_check(source: &str) -> Result<(), String> {
    let dir = scratch_dir("clang");
    let path = dir.join("check.c");
    std::fs::write(&path, source).map_err(|e| e.to_string())?;
    let out = Command::new("clang")
        .args([
            "--target=wasm32",
            "-ffreestanding",
            "-nostdlib",
            "-std=c11",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-fsyntax-only",
        ])
        .arg(&path)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// A fresh directory under `target/` for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = base.join(format!("{name}-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}
