//! `cargo xtask guest`: builds the end-to-end guest module
//! `tests/guest/guest.wasm` from `guest.c` and the generated `schema.h`;
//! `cargo xtask ci` checks that the committed module is current.
//!
//! The build appends a custom section, `wasm_layout_source`, holding the
//! FNV-1a 64 hash of `guest.c` followed by `schema.h` (carriage returns
//! skipped) as 16 hex digits. So `cargo test` can tell a stale module without
//! clang, and the check stays meaningful when this machine's clang is not the
//! one that built the committed module:
//!
//! - rebuilt bytes equal to the committed ones: current;
//! - a different source hash: stale, rebuild with `cargo xtask guest`;
//! - the same hash, but another clang (the `producers` section names it):
//!   current, with a note that the code was not compared;
//! - the same hash and the same clang, yet other bytes: an error.

use std::path::{Path, PathBuf};

use wasm_layout_tools::guest_source_hash;

use crate::run::{cmd, exec, root};

/// Where the guest lives, from the workspace root.
const DIR: &str = "tests/guest";
/// The custom section carrying the source hash.
const SOURCE_SECTION: &str = "wasm_layout_source";

/// `cargo xtask guest`: regenerates `schema.h` (through the test that keeps
/// it current, in bless mode), then builds `guest.wasm`. With `--check`, only
/// [`check`]s the committed module.
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
    let out = Path::new(DIR).join("guest.wasm");
    let bytes = build(&scratch()?)?;
    std::fs::write(root().join(&out), &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes, source hash {})", out.display(), bytes.len(), guest_source_hash()?);
    Ok(())
}

/// The ci step: rebuilds into a temporary file and compares (see the module
/// documentation).
pub fn check() -> Result<(), String> {
    let path = Path::new(DIR).join("guest.wasm");
    let committed = std::fs::read(root().join(&path)).map_err(|e| format!("{}: {e}", path.display()))?;
    let fresh = build(&scratch()?)?;
    if committed == fresh {
        eprintln!("{} is current", path.display());
        return Ok(());
    }
    let stale = || format!("{} is stale: run `cargo xtask guest` and commit it", path.display());
    let committed_sections = custom_sections(&committed).map_err(|e| format!("{}: {e}", path.display()))?;
    let fresh_sections = custom_sections(&fresh)?;
    let section =
        |s: &[(String, Vec<u8>)], name: &str| s.iter().find(|(n, _)| n == name).map(|(_, d)| d.clone());
    if section(&committed_sections, SOURCE_SECTION) != section(&fresh_sections, SOURCE_SECTION) {
        return Err(stale());
    }
    let (theirs, ours) = (section(&committed_sections, "producers"), section(&fresh_sections, "producers"));
    if theirs != ours {
        eprintln!(
            "note: {} was built from the current sources by another clang ({}; here {}): its code was not compared",
            path.display(),
            printable(theirs.as_deref()),
            printable(ours.as_deref())
        );
        return Ok(());
    }
    Err(format!("{}; the same clang built different bytes from the same sources", stale()))
}

/// A fresh temporary directory.
fn scratch() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("wasm-layout-guest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// Compiles the guest in `scratch` and returns the module with its source
/// section appended.
fn build(scratch: &Path) -> Result<Vec<u8>, String> {
    let raw = scratch.join("guest.wasm");
    let raw_arg = raw.to_str().ok_or("temporary path is not UTF-8")?;
    let mut clang = cmd(
        "clang",
        &[
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
            "-o",
            raw_arg,
            "guest.c",
        ],
    );
    clang.current_dir(root().join(DIR));
    exec(clang)?;
    let mut wasm = std::fs::read(&raw).map_err(|e| format!("{}: {e}", raw.display()))?;
    let _ = std::fs::remove_dir_all(scratch);
    append_custom_section(&mut wasm, SOURCE_SECTION, guest_source_hash()?.as_bytes());
    Ok(wasm)
}

fn leb128(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn append_custom_section(wasm: &mut Vec<u8>, name: &str, data: &[u8]) {
    let mut payload = Vec::new();
    leb128(name.len(), &mut payload);
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(data);
    wasm.push(0);
    leb128(payload.len(), wasm);
    wasm.extend_from_slice(&payload);
}

/// The custom sections of a module: (name, data).
fn custom_sections(wasm: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn read_leb(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = *bytes.get(*at).ok_or("truncated module")?;
            *at += 1;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("bad LEB128 number".into())
    }
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)?;
        let section = wasm.get(at..at + size).ok_or("truncated section")?;
        at += size;
        if id == 0 {
            let mut p = 0;
            let len = read_leb(section, &mut p)?;
            let name = section.get(p..p + len).ok_or("truncated section name")?;
            out.push((String::from_utf8_lossy(name).into_owned(), section[p + len..].to_vec()));
        }
    }
    Ok(out)
}

/// The printable runs of a producers section, for the note.
fn printable(data: Option<&[u8]>) -> String {
    let Some(data) = data else { return "unknown".into() };
    let text: String =
        data.iter().map(|&b| if b.is_ascii_graphic() || b == b' ' { b as char } else { ' ' }).collect();
    text.split_whitespace().filter(|w| *w != "processed-by").collect::<Vec<_>>().join(" ")
}
