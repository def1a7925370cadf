//! The facts of [wasm-layout](https://docs.rs/wasm-layout) that more than one
//! part of it needs, each in one place: the derive (at expansion time), the
//! core crate (in `const fn`s) and the code generators all ask this crate.
//!
//! - [`shape`]: the wasm32 C placement rule for struct fields.
//! - [`scalar`]: the scalar types, their Rust spellings and sizes.
//! - [`pair`]: the `(ptr, len)` layout of strings and slices.
//! - [`variant`]: the tag-and-union layout of enums with fields and of
//!   `Option<T>`.
//! - [`rename`]: `rename_all` rules.
//! - [`names`]: reserved words per output language and the registry that
//!   refuses two generated items with one name (needs the `alloc` feature).
//! - [`tuple`](mod@tuple): tuple fields (`0`, `1`) and the name outputs give them (`_0`).
//! - [`fnv`]: FNV-1a 64, the hash behind layout fingerprints and
//!   freshness checks.
//!
//! It has no dependencies and no `unsafe`, and builds without `std`.
//!
//! ```
//! use wasm_layout_rules::shape::{FieldShape, StructRepr, StructShape};
//! let s = StructShape::new([FieldShape { size: 1, align: 1 }, FieldShape { size: 8, align: 8 }], StructRepr::Natural);
//! assert_eq!((s.offsets, s.size, s.align), ([0, 8], 16, 8));
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod fnv;
#[cfg(feature = "alloc")]
pub mod names;
pub mod pair;
// Respells names the user wrote, never bytes from a memory.
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
pub mod rename;
pub mod scalar;
pub mod shape;
pub mod tuple;
pub mod union;
pub mod variant;

pub use fnv::fnv1a;
pub use rename::RenameRule;
pub use scalar::Scalar;
pub use shape::{align_up, FieldShape, StructRepr, StructShape};
