//! Keeping generated files on disk: write only what changed, or check that
//! committed files are current and show a diff when they are not.

use std::fmt;
use std::format;
use std::io;
use std::path::{Path, PathBuf};
use std::string::String;
use std::vec::Vec;

use crate::diff::unified;
use crate::{Bindings, BindingsError};

/// The environment variable that makes [`Export::sync`] rewrite stale files
/// instead of failing: `WASM_LAYOUT_BLESS=1`.
pub const BLESS_VAR: &str = "WASM_LAYOUT_BLESS";

/// A set of named files destined for one directory.
///
/// ```no_run
/// use wasm_layout_codegen::{Bindings, Export};
/// use wasm_layout_core::WasmLayout;
/// let bindings = Bindings::new().add::<u32>();
/// Export::new("bindings")
///     .bindings("layout", &bindings)?      // layout.ts, layout.h, layout.odin
///     .file("README.txt", "generated\n")   // any extra file, e.g. a runtime
///     .sync()?;                            // check, or rewrite with WASM_LAYOUT_BLESS=1
/// # Ok::<(), wasm_layout_codegen::ExportError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Export {
    dir: PathBuf,
    files: Vec<(String, String)>,
}

/// One file [`Export::write`] considered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where it is.
    pub path: PathBuf,
    /// Whether its content changed (false: it was already current and was not
    /// touched).
    pub changed: bool,
}

/// A file whose content on disk is not what would be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleFile {
    /// Where it is.
    pub path: PathBuf,
    /// A line diff from the file on disk to the generated content; for a
    /// missing file, a note saying so.
    pub diff: String,
}

/// Why exporting or checking failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportError {
    /// The bindings could not be generated.
    Bindings(BindingsError),
    /// Reading or writing a file failed.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// Check mode found files that differ from what would be generated.
    Stale {
        /// Each stale file with its diff.
        files: Vec<StaleFile>,
        /// Whether the check ran in [`sync`](Export::sync), where setting
        /// [`BLESS_VAR`] rewrites the files: only then does the message
        /// name it.
        blessable: bool,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Bindings(e) => write!(f, "{e}"),
            ExportError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ExportError::Stale { files, blessable } => {
                write!(f, "{} generated file(s) are not current", files.len())?;
                if *blessable {
                    writeln!(f, "; run again with {BLESS_VAR}=1 to rewrite them")?;
                } else {
                    writeln!(f, "; Export::write rewrites them")?;
                }
                for s in files {
                    writeln!(f, "\n--- {} (- on disk, + generated)", s.path.display())?;
                    f.write_str(&s.diff)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Bindings(e) => Some(e),
            ExportError::Io { source, .. } => Some(source),
            ExportError::Stale { .. } => None,
        }
    }
}

impl From<BindingsError> for ExportError {
    fn from(e: BindingsError) -> Self {
        ExportError::Bindings(e)
    }
}

impl Export {
    /// No files yet, destined for `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Export { dir: dir.into(), files: Vec::new() }
    }

    /// Adds a file called `name` (relative to the directory) with `contents`;
    /// a later file of the same name replaces it.
    #[must_use]
    pub fn file(mut self, name: impl Into<String>, contents: impl Into<String>) -> Self {
        let (name, contents) = (name.into(), contents.into());
        self.files.retain(|(n, _)| *n != name);
        self.files.push((name, contents));
        self
    }

    /// Adds `<stem>.ts`, `<stem>.h` and `<stem>.odin` generated from
    /// `bindings`. (Odin skips files whose name ends in `_<os>` or `_<arch>`,
    /// so choose a stem like `layout`, not `layout_wasm32`.)
    pub fn bindings(self, stem: &str, bindings: &Bindings) -> Result<Self, BindingsError> {
        let ts = bindings.try_typescript()?;
        let c = bindings.try_c()?;
        let odin = bindings.try_odin()?;
        Ok(self
            .file(format!("{stem}.ts"), ts)
            .file(format!("{stem}.h"), c)
            .file(format!("{stem}.odin"), odin))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes every file whose content on disk differs (creating the
    /// directory if needed) and leaves the others untouched.
    pub fn write(&self) -> Result<Vec<Written>, ExportError> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|source| ExportError::Io { path: self.dir.clone(), source })?;
        let mut out = Vec::new();
        for (name, contents) in &self.files {
            let path = self.dir.join(name);
            let changed = read(&path)?.as_deref() != Some(contents.as_str());
            if changed {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|source| ExportError::Io { path: parent.to_path_buf(), source })?;
                }
                std::fs::write(&path, contents)
                    .map_err(|source| ExportError::Io { path: path.clone(), source })?;
            }
            out.push(Written { path, changed });
        }
        Ok(out)
    }

    /// Checks that every file on disk has exactly the generated content;
    /// [`ExportError::Stale`] lists the others with a diff each.
    pub fn check(&self) -> Result<(), ExportError> {
        let mut stale = Vec::new();
        for (name, contents) in &self.files {
            let path = self.dir.join(name);
            match read(&path)? {
                Some(on_disk) if on_disk == *contents => {}
                Some(on_disk) => stale.push(StaleFile { diff: unified(&on_disk, contents), path }),
                None => {
                    stale.push(StaleFile { diff: String::from("(missing: it would be created)\n"), path })
                }
            }
        }
        if stale.is_empty() {
            Ok(())
        } else {
            Err(ExportError::Stale { files: stale, blessable: false })
        }
    }

    /// [`write`](Self::write) when [`BLESS_VAR`] is set to anything but `""`
    /// or `"0"`, else [`check`](Self::check) (returning every file as
    /// unchanged): what a test keeping committed bindings current calls.
    pub fn sync(&self) -> Result<Vec<Written>, ExportError> {
        let bless = std::env::var_os(BLESS_VAR).is_some_and(|v| !v.is_empty() && v != "0");
        if bless {
            return self.write();
        }
        self.check().map_err(|e| match e {
            ExportError::Stale { files, .. } => ExportError::Stale { files, blessable: true },
            other => other,
        })?;
        Ok(self.files.iter().map(|(name, _)| Written { path: self.dir.join(name), changed: false }).collect())
    }
}

fn read(path: &Path) -> Result<Option<String>, ExportError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ExportError::Io { path: path.to_path_buf(), source }),
    }
}
