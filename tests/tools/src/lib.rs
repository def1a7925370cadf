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
    /// Its sources, from the workspace root, in the order they are hashed.
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
pub const RUST_GUEST: GuestModule = GuestModule {
    language: "Rust",
    dir: "tests/guest-rust",
    sources: &[
        "tests/guest-rust/guest.rs",
        "tests/guest-rust/events.rs",
        "tests/guest-rust/label.rs",
        "tests/guest-rust/shared.rs",
        "tests/guest-rust/Cargo.toml",
        "tests/e2e-schema/src/lib.rs",
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
    /// lowercase hex digits.
    pub fn source_hash(&self) -> Result<String, String> {
        let mut all = Vec::new();
        for name in self.sources {
            let path = root().join(name);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            all.extend(bytes.into_iter().filter(|&b| b != b'\r'));
        }
        Ok(format!("{:016x}", wasm_layout_rules::fnv1a(&all)))
    }
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
