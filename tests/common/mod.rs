//! Helpers shared by the integration tests that drive external tools.
#![allow(dead_code, unused_imports)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub use wasm_layout_tools::{odin, tool, REQUIRE_TOOLS};

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

/// The Odin targets every generated Odin file is checked on.
pub const ODIN_TARGETS: [&str; 2] = ["js_wasm32", "freestanding_wasm32"];

/// `odin check` of the package directory `package` on `target`, with
/// `-vet -strict-style`; `Err` carries Odin's output. Odin's output is
/// printed either way, so that a test log shows the check ran.
pub fn odin_check(odin: &Path, package: &Path, target: &str) -> Result<(), String> {
    let check = || {
        let mut c = Command::new(odin);
        c.arg("check").arg(package).args([
            &format!("-target:{target}"),
            "-no-entry-point",
            "-vet",
            "-strict-style",
        ]);
        c
    };
    let out = wasm_layout_tools::output_within(check, std::time::Duration::from_secs(120), 3)
        .map_err(|e| e.to_string())?;
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!(
        "odin check {} -target:{target} -vet -strict-style: {}{text}",
        package.display(),
        if out.status.success() { "ok" } else { "rejected\n" }
    );
    if out.status.success() {
        Ok(())
    } else {
        Err(text)
    }
}

/// Writes `source` as the only file of an Odin package `layout` under
/// `dir/target` and [`odin_check`]s it.
pub fn odin_check_source(odin: &Path, dir: &Path, source: &str, target: &str) -> Result<(), String> {
    let package = dir.join(target).join("layout");
    std::fs::create_dir_all(&package).map_err(|e| e.to_string())?;
    std::fs::write(package.join("layout.odin"), source).map_err(|e| e.to_string())?;
    odin_check(odin, &package, target)
}

/// A fresh directory under `target/` for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = base.join(format!("{name}-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}
