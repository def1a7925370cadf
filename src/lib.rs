//! placeholder
pub use wasm_layout_core::*;
pub use wasm_layout_derive::WasmLayout;
