#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use wasm_layout_core::*;

/// The TypeScript, C and Odin generators (needs the `std` feature).
#[cfg(feature = "std")]
pub use wasm_layout_codegen as codegen;
#[cfg(feature = "std")]
pub use wasm_layout_codegen::{Bindings, BindingsError, Export, ExportError};
/// Derives [`WasmLayout`](trait@WasmLayout) for a struct or a fieldless enum
/// with an integer `#[repr]`.
///
/// For a struct `Name` it also defines the views `NameRef` and `NameMut`
/// (with the struct's visibility), and inherent constants
/// `Name::OFFSET_<FIELD>`.
///
/// Attributes, all under `#[layout(...)]`:
///
/// | on | attribute | effect |
/// |---|---|---|
/// | struct | `packed` | no padding, alignment 1 |
/// | struct | `align = N` | alignment at least `N` (a power of two) |
/// | struct, enum | `rename = "Name"` | the name in generated TypeScript, C and Odin |
/// | struct | `rename_all = "camelCase"` | how generated code spells field names |
/// | field, variant | `rename = "name"` | the name in generated code |
/// | struct, enum | `crate = "path"` | where the runtime is, if not `::wasm_layout` |
pub use wasm_layout_derive::WasmLayout;
