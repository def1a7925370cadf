//! `cargo xtask ci`: every check, in the order that fails fastest.

use crate::run::{available, cmd, exec, root};

/// Tests that need an external tool (clang, node) fail instead of skipping
/// when this is set; `ci` sets it.
const REQUIRE_TOOLS: &str = "WASM_LAYOUT_REQUIRE_TOOLS";

/// One named check.
type Step = (&'static str, fn() -> Result<(), String>);

pub fn run() -> Result<(), String> {
    preflight()?;
    let steps: &[Step] = &[
        ("format", fmt),
        ("clippy", clippy),
        ("guest.wasm is built from its sources", crate::guest::check),
        ("tests (unit, integration, trybuild, clang layout, conformance)", test),
        ("docs", doc),
        ("differential layout: 1,000 random shapes, derive vs C rules vs clang", difftest),
    ];
    for (name, step) in steps {
        eprintln!("\n==> {name}");
        step()?;
    }
    eprintln!("\nci: all checks passed");
    Ok(())
}

/// Every external tool the checks need, with how to install it.
fn preflight() -> Result<(), String> {
    let mut missing = Vec::new();
    if !available("clang") {
        missing.push("clang (apt-get install -y --no-install-recommends clang lld)");
    }
    if !available("node") {
        missing.push("node (Node.js 20 or later)");
    }
    if !root().join("tests/ts/node_modules").is_dir() {
        missing.push("the npm packages of tests/ts (cd tests/ts && npm ci)");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("missing: {}", missing.join("; ")))
    }
}

fn fmt() -> Result<(), String> {
    exec(cmd("cargo", &["fmt", "--all", "--", "--check"]))
}

fn clippy() -> Result<(), String> {
    exec(cmd("cargo", &["clippy", "--workspace", "--all-targets", "--all-features", "--", "-D", "warnings"]))
}

fn test() -> Result<(), String> {
    let mut c = cmd("cargo", &["test", "--workspace", "--all-features"]);
    c.env(REQUIRE_TOOLS, "1");
    exec(c)
}

fn difftest() -> Result<(), String> {
    crate::difftest::check(crate::difftest::Options::default())
}

fn doc() -> Result<(), String> {
    let mut c = cmd("cargo", &["doc", "--workspace", "--no-deps", "--all-features"]);
    c.env("RUSTDOCFLAGS", "-D warnings");
    exec(c)
}
