//! Types deriving `WasmLayout` in a crate of their own, so tests can nest
//! them in structs of another crate.
#![forbid(unsafe_code)]

use wasm_layout::WasmLayout;

/// A 2-D vector of `f32`: 8 bytes, alignment 4.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Vec2 {
    /// Horizontal component.
    pub x: f32,
    /// Vertical component.
    pub y: f32,
}

/// A colour with a u16 tag: 6 bytes, alignment 2.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged {
    /// Red, green, blue, alpha.
    pub rgba: [u8; 4],
    /// A tag.
    pub tag: u16,
}

/// A state enum stored as `i16`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
pub enum State {
    /// Below zero.
    Negative = -1,
    /// Zero.
    Zero = 0,
    /// Far away.
    Far = 1000,
}
