//! What `cargo xtask ci` needs on a fresh clone, set up before the checks:
//! system packages (clang, lld, chromium for the browser tests, and libllvm19
//! for the Odin compiler), the
//! Rust wasm32 target and components, the npm packages of `tests/ts`, and
//! `ODIN` pointing at the Odin compiler.
//!
//! As root on Debian, missing system packages are installed
//! (`apt-get update` once, then `apt-get install -y --no-install-recommends`);
//! elsewhere the error is the one command that installs them.

use std::path::Path;
use std::time::SystemTime;

use wasm_layout_tools::{odin_path, runs, ODIN_INSTALL, ODIN_VAR};

use crate::run::{available, cmd, exec, root};

/// The Rust target the guests are built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything, in order; an error says what is missing and how to get it.
pub fn run() -> Result<(), String> {
    system_packages()?;
    rust()?;
    npm()?;
    odin()
}

/// clang, lld, chromium and libllvm19: installed here as root on Debian, else named
/// with the command that installs them.
fn system_packages() -> Result<(), String> {
    let mut missing = Vec::new();
    if !available("clang") {
        missing.push("clang");
    }
    if !available("wasm-ld") {
        missing.push("lld");
    }
    // The browser tests drive Debian's Chromium headless.
    if !available("chromium") {
        missing.push("chromium");
    }
    // The Odin compiler links against Debian's LLVM 19 at run time.
    if odin_path().is_some_and(|odin| !runs(&odin, "version")) {
        missing.push("libllvm19");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let install = format!("apt-get install -y --no-install-recommends {}", missing.join(" "));
    if !is_root() || !Path::new("/etc/debian_version").is_file() || !available("apt-get") {
        return Err(format!(
            "missing system packages: {}; install them with `sudo {install}` (Debian/Ubuntu names)",
            missing.join(", ")
        ));
    }
    eprintln!("installing {}", missing.join(", "));
    let mut update = cmd("apt-get", &["update", "-qq"]);
    update.env("DEBIAN_FRONTEND", "noninteractive");
    exec(update)?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(&missing);
    let mut apt = cmd("apt-get", &args);
    apt.env("DEBIAN_FRONTEND", "noninteractive");
    exec(apt)
}

/// Whether this process runs as root.
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// rustfmt, clippy and the wasm32 target, through rustup.
fn rust() -> Result<(), String> {
    let has_target = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the {WASM_TARGET} target: {e}"))?;
    if !String::from_utf8_lossy(&has_target.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        exec(cmd("rustup", &["target", "add", WASM_TARGET]))?;
    }
    for (component, check) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if !std::process::Command::new("cargo")
            .args([check, "--version"])
            .output()
            .is_ok_and(|o| o.status.success())
        {
            exec(cmd("rustup", &["component", "add", component]))?;
        }
    }
    Ok(())
}

/// `npm ci` in `tests/ts` when `node_modules` is absent or older than
/// `package-lock.json`.
fn npm() -> Result<(), String> {
    if !available("node") || !available("npm") {
        return Err("node and npm are needed (Node.js 20 or later: https://nodejs.org)".into());
    }
    let ts = root().join("tests/ts");
    let lock = modified(&ts.join("package-lock.json"));
    let installed = modified(&ts.join("node_modules/.package-lock.json"));
    let stale = match (lock, installed) {
        (_, None) => true,
        (Some(lock), Some(installed)) => lock > installed,
        (None, Some(_)) => false,
    };
    if !stale {
        return Ok(());
    }
    let mut npm = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
    npm.current_dir(&ts);
    exec(npm)
}

/// When `path` was last modified, if it exists.
fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Finds the Odin compiler (see `wasm_layout_tools::odin_path`) and exports
/// `ODIN` for the checks.
fn odin() -> Result<(), String> {
    let Some(odin) = odin_path() else {
        return Err(format!("the Odin compiler is needed: {ODIN_INSTALL}"));
    };
    if !runs(&odin, "version") {
        return Err(format!("{} does not run: {ODIN_INSTALL}", odin.display()));
    }
    let odin = odin.canonicalize().unwrap_or(odin);
    eprintln!("odin: {}", odin.display());
    std::env::set_var(ODIN_VAR, &odin);
    Ok(())
}
