//! [`HostError`]: why the host stopped.

use std::fmt;

use wasm_layout::LayoutError;

/// Why the host stopped.
#[derive(Debug)]
pub enum HostError {
    /// The engine failed (compiling, instantiating, calling, growing).
    Wasm(wasmi::Error),
    /// An export the guest must have is missing or has another type.
    Export {
        /// Its name.
        name: &'static str,
        /// What wasmi said.
        error: wasmi::Error,
    },
    /// The guest was compiled against another layout.
    Fingerprint {
        /// The type.
        ty: &'static str,
        /// The guest's fingerprint.
        guest: u64,
        /// The host's (derived) fingerprint.
        host: u64,
    },
    /// A guest function returned a non-zero status.
    Status {
        /// The export.
        export: &'static str,
        /// The status (1 out of bounds, 2 misaligned, 3 overlapping buffers).
        status: u32,
    },
    /// Allocating or writing in the guest's memory failed.
    Memory(wasm_layout::memory::MemoryError),
    /// Reading a value from the guest's memory failed.
    Layout(LayoutError),
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::Wasm(e) => write!(f, "wasm: {e}"),
            HostError::Export { name, error } => write!(f, "guest export `{name}`: {error}"),
            HostError::Fingerprint { ty, guest, host } => write!(
                f,
                "`{ty}` has layout fingerprint {guest:#018x} in the guest but {host:#018x} in the host: \
                 rebuild the guest (cargo xtask guest)"
            ),
            HostError::Status { export, status } => write!(f, "guest `{export}` returned status {status}"),
            HostError::Memory(e) => write!(f, "guest memory: {e}"),
            HostError::Layout(e) => write!(f, "guest memory: {e}"),
        }
    }
}

impl std::error::Error for HostError {}

impl From<wasmi::Error> for HostError {
    fn from(e: wasmi::Error) -> Self {
        HostError::Wasm(e)
    }
}

impl From<wasm_layout::memory::MemoryError> for HostError {
    fn from(e: wasm_layout::memory::MemoryError) -> Self {
        HostError::Memory(e)
    }
}

impl From<LayoutError> for HostError {
    fn from(e: LayoutError) -> Self {
        HostError::Layout(e)
    }
}
