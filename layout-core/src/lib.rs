//! The engine behind [wasm-layout](https://docs.rs/wasm-layout): wasm32 layout
//! rules, layout descriptors, safe little-endian accessors and views.
//!
//! Most users depend on the `wasm-layout` facade, which re-exports all of
//! this together with `#[derive(WasmLayout)]`.
//!
//! ```
//! use wasm_layout_core::{align_up, WasmLayout};
//! assert_eq!(<[u64; 3]>::SIZE, 24);
//! assert_eq!(<[u64; 3]>::ALIGN, 8);
//! assert_eq!(align_up(13, 8), Some(16));
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The no-panic guarantee, enforced: accessor and allocator code may not index,
// unwrap, panic or overflow (tests may). `fingerprint` reads descriptors the
// derive produced, not guest bytes, and is allowed below.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::arithmetic_side_effects
    )
)]

// Without the `alloc` feature nothing here links `alloc`, so a `no_std`
// guest needs no global allocator.
#[cfg(any(feature = "alloc", test))]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod array;
mod bytes;
pub mod descriptor;
mod error;
#[cfg_attr(not(test), allow(clippy::indexing_slicing, clippy::arithmetic_side_effects))]
pub mod fingerprint;
mod layout;
pub mod memory;
mod option;
mod pair;
mod pod;
mod ptr;
mod report;
pub mod rules;
mod scalar;
mod slice;
#[cfg(feature = "alloc")]
mod svg;
mod text;
mod value;
mod variant;
mod view;
mod wasm_slice;

#[doc(hidden)]
pub mod __private;

pub use array::{ArrayMut, ArrayRef};
pub use descriptor::{
    ArrayLayout, CaseLayout, EnumLayout, FieldLayout, OptionLayout, OptionRepr, PointerLayout, RenameRule,
    Scalar, SliceLayout, StructLayout, TypeKind, TypeLayout, VariantEnumLayout, VariantLayout,
};
pub use error::LayoutError;
pub use fingerprint::fingerprint;
pub use layout::WasmLayout;
pub use option::TaggedOption;
pub use pod::HostLayout;
#[cfg(all(feature = "bytemuck-pod", target_endian = "little"))]
pub use pod::{cast_slice, cast_slice_mut};
pub use ptr::WasmPtr;
#[cfg(feature = "alloc")]
pub use report::LayoutReport;
pub use report::{Hole, CACHE_LINE};
pub use rules::{align_up, StructRepr};
pub use slice::{ChunksExact, SliceMut, SliceRef};
#[cfg(feature = "alloc")]
pub use svg::LayoutSvg;
pub use text::WasmStr;
pub use value::ValueMut;
pub use variant::{VariantMut, VariantRef, WasmVariant};
pub use view::{ViewMut, ViewRef};
pub use wasm_slice::WasmSlice;
