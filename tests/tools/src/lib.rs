//! Where the external tools the tests drive are, and what happens when one
//! is missing: under `cargo xtask ci` (which sets [`REQUIRE_TOOLS`]) a
//! missing tool is a failure; elsewhere the test says it skips and passes.
//!
//! Used by the integration tests (through `tests/common`) and by `xtask`,
//! so that both find the same Odin compiler and hash the guest's sources
//! the same way.
#![forbid(unsafe_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Set by `cargo xtask ci`: a missing tool is then a failure, not a skip.
pub const REQUIRE_TOOLS: &str = "WASM_LAYOUT_REQUIRE_TOOLS";

/// The variable naming the Odin compiler to use.
pub const ODIN_VAR: &str = "ODIN";

/// Where the project keeps an Odin compiler beside its checkout, relative
/// to the workspace root.
pub const ODIN_BESIDE: &str = "../shared/tools/odin/odin";

/// How to get Odin, for messages.
pub const ODIN_INSTALL: &str = "set ODIN to the compiler, put `odin` on PATH, or keep it at \
     ../shared/tools/odin/odin (https://odin-lang.org/docs/install/; it needs libllvm19: \
     apt-get install -y --no-install-recommends libllvm19)";

/// A guest module of the end-to-end tests: built by `cargo xtask guest` into
/// `DIR/guest.wasm` and committed, with the hash of its sources inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuestModule {
    /// Its language, for messages: `C`, `Odin`, `Rust`.
    pub language: &'static str,
    /// Its directory, from the workspace root.
    pub dir: &'static str,
    /// Its sources, from the workspace root, in the order they are hashed;
    /// a directory stands for every file under it (see
    /// [`source_hash`](Self::source_hash)).
    pub sources: &'static [&'static str],
}

/// The C guest: `guest.c`, the generated `schema.h` and the shipped C
/// runtime, built by clang.
pub const C_GUEST: GuestModule = GuestModule {
    language: "C",
    dir: "tests/guest",
    sources: &["tests/guest/guest.c", "tests/guest/schema.h"],
};

/// The Odin guest: `guest.odin`, the generated package `schema` and the
/// shipped runtime package `wasm_layout`, built by Odin.
pub const ODIN_GUEST: GuestModule = GuestModule {
    language: "Odin",
    dir: "tests/guest-odin",
    sources: &[
        "tests/guest-odin/guest.odin",
        "tests/guest-odin/schema/schema.odin",
        "tests/guest-odin/wasm_layout/wasm_layout_runtime.odin",
    ],
};

/// The Rust guest: a `no_std` crate over the schema crate the hosts use,
/// built by cargo for wasm32-unknown-unknown.
///
/// Its sources are every crate it compiles: the guest (its lock file pins
/// the crates.io dependencies), the schema, and the wasm-layout crates with
/// the workspace manifest they inherit from. Left out are the texts the
/// library embeds only as documentation or as constants the guest never
/// reads (`README.md`, `layout-core/runtime`): they do not reach the module.
pub const RUST_GUEST: GuestModule = GuestModule {
    language: "Rust",
    dir: "tests/guest-rust",
    sources: &[
        "tests/guest-rust/guest.rs",
        "tests/guest-rust/events.rs",
        "tests/guest-rust/label.rs",
        "tests/guest-rust/shared.rs",
        "tests/guest-rust/Cargo.toml",
        "tests/guest-rust/Cargo.lock",
        "tests/e2e-schema/src",
        "tests/e2e-schema/Cargo.toml",
        "Cargo.toml",
        "src",
        "layout-core/Cargo.toml",
        "layout-core/src",
        "layout-derive/Cargo.toml",
        "layout-derive/src",
        "layout-rules/Cargo.toml",
        "layout-rules/src",
    ],
};

/// Every guest module, in the order the tests run them.
pub const GUESTS: [GuestModule; 3] = [C_GUEST, ODIN_GUEST, RUST_GUEST];

impl GuestModule {
    /// The committed module, from the workspace root.
    pub fn wasm(&self) -> String {
        format!("{}/guest.wasm", self.dir)
    }

    /// The hash `cargo xtask guest` stores in the module: FNV-1a 64 of
    /// [`sources`](Self::sources) one after the other, carriage returns
    /// skipped (so a checkout with CRLF line ends hashes the same), as 16
    /// lowercase hex digits. A directory is its files in the order of
    /// their paths, each as its path from the workspace root (`/`
    /// separated), a NUL, then its contents, so that moving a file counts
    /// as a change.
    pub fn source_hash(&self) -> Result<String, String> {
        let mut all = Vec::new();
        for name in self.sources {
            let path = root().join(name);
            if path.is_dir() {
                for file in files_under(&path)? {
                    let relative = file.strip_prefix(root()).unwrap_or(&file);
                    let parts: Vec<_> =
                        relative.components().map(|c| c.as_os_str().to_string_lossy()).collect();
                    all.extend(parts.join("/").into_bytes());
                    all.push(0);
                    push_text(&mut all, &file)?;
                }
            } else {
                push_text(&mut all, &path)?;
            }
        }
        Ok(format!("{:016x}", wasm_layout_rules::fnv1a(&all)))
    }
}

/// Appends the bytes of the file at `path` to `all`, carriage returns
/// skipped.
fn push_text(all: &mut Vec<u8>, path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    all.extend(bytes.into_iter().filter(|&b| b != b'\r'));
    Ok(())
}

/// Every file under `dir`, at any depth, in the order of their paths.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            // Hidden files (an editor's swap file) are not sources.
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            match path.is_dir() {
                true => dirs.push(path),
                false => files.push(path),
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Whether `cargo xtask ci` is running (tools are required).
pub fn required() -> bool {
    std::env::var_os(REQUIRE_TOOLS).is_some()
}

/// The workspace root: the parent of this crate's `tests/`.
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.ancestors().nth(2).map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
}

/// The Odin compiler: `$ODIN` if set, else `odin` on `PATH`, else
/// [`ODIN_BESIDE`] from the workspace root; `None` if none exists. Whether
/// it runs is [`runs`]'s question.
pub fn odin_path() -> Option<PathBuf> {
    if let Some(odin) = std::env::var_os(ODIN_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(odin));
    }
    if let Some(found) = on_path("odin") {
        return Some(found);
    }
    let beside = root().join(ODIN_BESIDE);
    beside.is_file().then_some(beside)
}

/// `program` in one of `PATH`'s directories.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}

/// Whether `program arg` starts and exits successfully.
pub fn runs(program: impl AsRef<OsStr>, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok_and(|o| o.status.success())
}

/// What to do about a tool that is not usable: under `cargo xtask ci`,
/// panic with `why`; otherwise print that the caller skips.
pub fn missing(program: &str, why: &str) {
    if required() {
        panic!("`{program}` is needed: {why}");
    }
    eprintln!("note: `{program}` is not usable, skipping ({why}); `cargo xtask ci` requires it");
}

/// Whether `program --version` runs; if not, see [`missing`].
pub fn tool(program: &str, install: &str) -> bool {
    let ok = runs(program, "--version");
    if !ok {
        missing(program, install);
    }
    ok
}

/// The Odin compiler, if it is found and `odin version` runs; if not, see
/// [`missing`].
pub fn odin() -> Option<PathBuf> {
    match odin_path() {
        Some(odin) if runs(&odin, "version") => Some(odin),
        Some(odin) => {
            missing("odin", &format!("{} does not run; {ODIN_INSTALL}", odin.display()));
            None
        }
        None => {
            missing("odin", ODIN_INSTALL);
            None
        }
    }
}

/// Runs the command `make` builds and collects its output, like
/// [`Command::output`], but kills a run that takes longer than `limit` and
/// starts it again, up to `tries` runs in all.
///
/// Odin's checker can hang, rarely, with no CPU used (seen on `odin check`
/// of a package it rejects, on a loaded machine): a hung run is a fault of
/// the tool, not of the file, and a second run gives the real answer.
pub fn output_within(
    mut make: impl FnMut() -> Command,
    limit: std::time::Duration,
    tries: u32,
) -> std::io::Result<std::process::Output> {
    use std::io::Read;
    use std::process::Stdio;
    for attempt in 1..=tries.max(1) {
        let mut child = make().stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
        let pipes = [
            child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
            child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
        ];
        let readers = pipes.map(|p| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut p) = p {
                    let _ = p.read_to_end(&mut buf);
                }
                buf
            })
        });
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break Some(status);
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let [stdout, stderr] = readers.map(|r| r.join().unwrap_or_default());
        match status {
            Some(status) => return Ok(std::process::Output { status, stdout, stderr }),
            None => eprintln!("{:?} took over {limit:?} (run {attempt} of {tries}); killed", make()),
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::TimedOut, format!("{:?} hung on every run", make())))
}
