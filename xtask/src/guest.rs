//! `cargo xtask guest`: builds the end-to-end guest modules, each
//! `DIR/guest.wasm` from its sources and the generated schema (see
//! `wasm_layout_tools::GUESTS`): the C guest with clang, the Odin guest with
//! Odin, the Rust guest with cargo for wasm32-unknown-unknown. `cargo xtask
//! ci` checks that the committed modules are current.
//!
//! The build appends a custom section, `wasm_layout_source`, holding the
//! FNV-1a 64 hash of the guest's sources (carriage returns skipped) as 16 hex
//! digits; for the Rust guest they include the wasm-layout crates it
//! compiles. So `cargo test` can tell a stale module without the compiler,
//! and the check stays meaningful when this machine's compiler is not the
//! one that built the committed module. The compiler is named by the
//! module's `producers` section (clang writes one); when there is none, the
//! build appends `wasm_layout_compiler` with the compiler's version (Odin,
//! and Rust, whose module keeps no names).
//!
//! Every build is independent of where the checkout is: file names only
//! for Odin, and paths remapped for Rust (see [`rust_flags`]).
//!
//! - rebuilt bytes equal to the committed ones: current;
//! - a different source hash: stale, rebuild with `cargo xtask guest`;
//! - the same hash, but another compiler: current, with a note that the
//!   code was not compared;
//! - the same hash and the same compiler, yet other bytes: an error.

use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_layout_tools::{GuestModule, C_GUEST, GUESTS, ODIN_GUEST, RUST_GUEST};

use crate::run::{cmd, exec, root};
use crate::setup::WASM_TARGET;
use crate::wasm_sections::{append_custom_section, custom_sections, printable};

/// The custom section carrying the source hash.
const SOURCE_SECTION: &str = "wasm_layout_source";
/// The custom section naming the compiler when the module has no
/// `producers` section.
const COMPILER_SECTION: &str = "wasm_layout_compiler";

/// `cargo xtask guest`: regenerates the schemas (through the test that keeps
/// them current, in bless mode), then builds every guest. With `--check`,
/// only [`check`]s the committed modules.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        None => {}
        Some("--check") => return check(),
        Some(other) => {
            return Err(format!("guest: unknown argument `{other}` (expected nothing or --check)"))
        }
    }
    let mut bless = cmd("cargo", &["test", "--quiet", "--test", "e2e_host", "--", "bindings_are_current"]);
    bless.env("WASM_LAYOUT_BLESS", "1");
    exec(bless)?;
    for guest in GUESTS {
        let out = guest.wasm();
        let bytes = build(&guest)?;
        std::fs::write(root().join(&out), &bytes).map_err(|e| format!("{out}: {e}"))?;
        eprintln!("wrote {out} ({} bytes, source hash {})", bytes.len(), guest.source_hash()?);
    }
    Ok(())
}

/// The ci step: rebuilds every guest into a temporary file and compares (see
/// the module documentation).
pub fn check() -> Result<(), String> {
    GUESTS.iter().try_for_each(check_one)
}

fn check_one(guest: &GuestModule) -> Result<(), String> {
    let path = guest.wasm();
    let committed = std::fs::read(root().join(&path)).map_err(|e| format!("{path}: {e}"))?;
    let fresh = build(guest)?;
    if committed == fresh {
        eprintln!("{path} is current");
        return Ok(());
    }
    let stale = || format!("{path} is stale: run `cargo xtask guest` and commit it");
    let committed_sections = custom_sections(&committed).map_err(|e| format!("{path}: {e}"))?;
    let fresh_sections = custom_sections(&fresh)?;
    let section =
        |s: &[(String, Vec<u8>)], name: &str| s.iter().find(|(n, _)| n == name).map(|(_, d)| d.clone());
    if section(&committed_sections, SOURCE_SECTION) != section(&fresh_sections, SOURCE_SECTION) {
        return Err(stale());
    }
    let compiler = |s: &[(String, Vec<u8>)]| section(s, "producers").or_else(|| section(s, COMPILER_SECTION));
    let (theirs, ours) = (compiler(&committed_sections), compiler(&fresh_sections));
    if theirs != ours {
        eprintln!(
            "note: {path} was built from the current sources by another compiler ({}; here {}): its code was not compared",
            printable(theirs.as_deref()),
            printable(ours.as_deref())
        );
        return Ok(());
    }
    Err(format!("{}; the same compiler built different bytes from the same sources", stale()))
}

/// A fresh temporary directory for `guest`.
fn scratch(guest: &GuestModule) -> Result<PathBuf, String> {
    let name = format!("wasm-layout-guest-{}-{}", guest.language.to_lowercase(), std::process::id());
    let dir = std::env::temp_dir().join(name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Compiles `guest` in a scratch directory and returns the module with its
/// source section (and, lacking a `producers` section, its compiler
/// section) appended.
fn build(guest: &GuestModule) -> Result<Vec<u8>, String> {
    let scratch = scratch(guest)?;
    let raw = scratch.join("guest.wasm");
    let raw_arg = raw.to_str().ok_or("temporary path is not UTF-8")?;
    let compiler = if *guest == C_GUEST {
        let mut clang = cmd("clang", &C_FLAGS);
        clang.args(["-o", raw_arg, "guest.c"]).current_dir(root().join(guest.dir));
        exec(clang)?;
        None
    } else if *guest == ODIN_GUEST {
        let odin = wasm_layout_tools::odin_path()
            .ok_or_else(|| format!("the Odin compiler is needed: {}", wasm_layout_tools::ODIN_INSTALL))?;
        let mut c = Command::new(&odin);
        c.args([
            "build",
            ".",
            "-target:freestanding_wasm32",
            "-no-entry-point",
            "-o:speed",
            "-vet",
            "-strict-style",
            // File names only, not their paths: the module's bytes must not
            // depend on where the checkout is.
            "-source-code-locations:filename",
        ])
        .arg(format!("-out:{raw_arg}"))
        .current_dir(root().join(guest.dir));
        exec(c)?;
        Some(version(&odin)?)
    } else if *guest == RUST_GUEST {
        let manifest = format!("{}/Cargo.toml", guest.dir);
        let mut c =
            cmd("cargo", &["build", "--release", "--manifest-path", &manifest, "--target", WASM_TARGET]);
        c.env("CARGO_TARGET_DIR", root().join("target/guest-rust"))
            .env_remove("RUSTFLAGS")
            .env("CARGO_ENCODED_RUSTFLAGS", rust_flags()?.join("\u{1f}"));
        exec(c)?;
        let built =
            root().join("target/guest-rust").join(WASM_TARGET).join("release/wasm_layout_guest_rust.wasm");
        std::fs::copy(&built, &raw).map_err(|e| format!("{}: {e}", built.display()))?;
        Some(rustc(&["--version"])?)
    } else {
        return Err(format!("no build for the {} guest", guest.language));
    };
    let mut wasm = std::fs::read(&raw).map_err(|e| format!("{}: {e}", raw.display()))?;
    let _ = std::fs::remove_dir_all(&scratch);
    append_custom_section(&mut wasm, SOURCE_SECTION, guest.source_hash()?.as_bytes());
    let has_producers = custom_sections(&wasm)?.iter().any(|(n, _)| n == "producers");
    if let (Some(compiler), false) = (compiler, has_producers) {
        append_custom_section(&mut wasm, COMPILER_SECTION, compiler.as_bytes());
    }
    Ok(wasm)
}

/// clang's flags for the C guest (wasm32, no libc, warnings are errors).
const C_FLAGS: [&str; 10] = [
    "--target=wasm32",
    "-nostdlib",
    "-ffreestanding",
    "-O2",
    "-std=c11",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wl,--no-entry",
    "-Wl,--export-dynamic",
];

/// The Rust guest's compiler flags: warnings are errors, and the paths
/// that differ between checkouts and machines (the workspace root, cargo's
/// home with the crates.io sources, the toolchain's sysroot) are remapped to
/// fixed names, so that no path the module could carry (a panic location)
/// depends on them. The symbol names that depend on them are stripped (see
/// the guest's `Cargo.toml`).
fn rust_flags() -> Result<Vec<String>, String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let sysroot = PathBuf::from(rustc(&["--print", "sysroot"])?);
    let mut flags = vec![String::from("-Dwarnings")];
    for (from, to) in [(Some(root()), "."), (home, "cargo-home"), (Some(sysroot), "rust-sysroot")] {
        if let Some(from) = from {
            let from = from.to_str().ok_or("a path to remap is not UTF-8")?.to_owned();
            flags.push(format!("--remap-path-prefix={from}={to}"));
        }
    }
    Ok(flags)
}

/// What `rustc ARGS` prints on its one line (the rustc cargo runs for the
/// guest: the same toolchain).
fn rustc(args: &[&str]) -> Result<String, String> {
    let out = cmd("rustc", args).output().map_err(|e| format!("rustc: {e}"))?;
    if !out.status.success() {
        return Err(format!("`rustc {}` failed with {}", args.join(" "), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `odin version`'s output without the path it starts with:
/// `odin version dev-…`.
fn version(odin: &Path) -> Result<String, String> {
    let out = Command::new(odin).arg("version").output().map_err(|e| format!("{}: {e}", odin.display()))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let words: Vec<&str> = text.split_whitespace().skip(1).collect();
    Ok(format!("odin {}", words.join(" ")))
}
