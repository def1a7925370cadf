//! The wasm32 layout rules, from `wasm-layout-rules` (their one home, shared
//! with the derive and the code generators).
//!
//! Every size, alignment and offset the derive produces is computed by these
//! rules, from the field types' own [`WasmLayout`](crate::WasmLayout)
//! constants, so the numbers are the same whatever the host compiling them.

pub use wasm_layout_rules::shape::{
    align_up, FieldShape, Placed, Placer, ShapeError, StructRepr, StructShape, WASM32_ADDRESS_SPACE,
};
pub use wasm_layout_rules::variant::VariantShape;

/// Size of `[T; len]` given `size(T)`; panics at compile time past 4 GiB.
#[allow(clippy::panic, reason = "evaluated in `<[T; N]>::SIZE`: a panic here is a compile error")]
pub const fn array_size(elem_size: usize, len: usize) -> usize {
    match wasm_layout_rules::shape::array_size(elem_size, len) {
        Some(s) => s,
        None => panic!("wasm-layout: array does not fit in the wasm32 address space"),
    }
}
