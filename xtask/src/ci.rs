//! `cargo xtask ci`: every check, in the order that fails fastest.

use wasm_layout_tools::{ODIN_VAR, REQUIRE_TOOLS};

use crate::run::{cmd, exec};
use crate::setup::WASM_TARGET;

/// One named check.
type Step = (&'static str, fn() -> Result<(), String>);

pub fn run() -> Result<(), String> {
    eprintln!("==> setup: system packages, Rust target, npm packages, Odin");
    crate::setup::run()?;
    let steps: &[Step] = &[
        ("format", fmt),
        ("clippy", clippy),
        ("the guests (C, Odin, Rust) are built from their sources", crate::guest::check),
        ("tests (unit, integration, trybuild, clang layout, conformance)", test),
        ("Odin: every generated Odin file, js_wasm32 and freestanding_wasm32, -vet -strict-style", odin),
        ("a no_std guest without an allocator, for wasm32", no_std_guest),
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

fn fmt() -> Result<(), String> {
    exec(cmd("cargo", &["fmt", "--all", "--", "--check"]))?;
    exec(cmd("cargo", &["fmt", "--manifest-path", RUST_GUEST, "--", "--check"]))
}

/// The Rust end-to-end guest's manifest: a workspace of its own, for wasm32.
const RUST_GUEST: &str = "tests/guest-rust/Cargo.toml";

fn clippy() -> Result<(), String> {
    exec(cmd(
        "cargo",
        &["clippy", "--workspace", "--all-targets", "--all-features", "--", "-D", "warnings"],
    ))?;
    let mut c = cmd(
        "cargo",
        &["clippy", "--manifest-path", RUST_GUEST, "--target", WASM_TARGET, "--", "-D", "warnings"],
    );
    c.env("CARGO_TARGET_DIR", crate::run::root().join("target/guest-rust"));
    exec(c)
}

fn test() -> Result<(), String> {
    let mut c = cmd("cargo", &["test", "--workspace", "--all-features"]);
    c.env(REQUIRE_TOOLS, "1");
    exec(c)
}

/// The Odin checks again, with their output shown: the log proves they ran.
fn odin() -> Result<(), String> {
    let odin = std::env::var(ODIN_VAR).map_err(|_| "ODIN is not set".to_string())?;
    exec(cmd(&odin, &["version"]))?;
    let mut c = cmd(
        "cargo",
        &["test", "--workspace", "--all-features", "--test", "bindings", "odin", "--", "--nocapture"],
    );
    c.env(REQUIRE_TOOLS, "1");
    exec(c)
}

/// `tests/no-std-guest`: `wasm-layout` with `default-features = false` in a
/// `no_std` cdylib with no global allocator, built for wasm32 with warnings
/// denied (in its own target directory), and formatted.
fn no_std_guest() -> Result<(), String> {
    let manifest = "tests/no-std-guest/Cargo.toml";
    exec(cmd("cargo", &["fmt", "--manifest-path", manifest, "--", "--check"]))?;
    let mut c = cmd("cargo", &["build", "--release", "--manifest-path", manifest, "--target", WASM_TARGET]);
    c.env("CARGO_TARGET_DIR", crate::run::root().join("target/no-std-guest")).env("RUSTFLAGS", "-D warnings");
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
