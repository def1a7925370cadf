//! The corpus's C-like enums: one of every repr, values spread out, far
//! apart and at the ends of their range, and a renamed one.

use wasm_layout::WasmLayout;

/**
 * What a rectangle is for; the values are
 * spread out on purpose.
 */
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub enum Kind {
    /// The first kind.
    A = 1,
    B = 2,
    /// The last kind, far from the others.
    C = 200,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u16)]
pub enum Mode16 {
    Off = 0,
    On = 1000,
    Max = 65535,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u32)]
pub enum Mode32 {
    Low = 0,
    High = 4_294_967_295,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(i8)]
pub enum Delta8 {
    Down = -128,
    Still = 0,
    Up = 127,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(i16)]
pub enum Delta16 {
    Neg = -300,
    Zero = 0,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(i32)]
pub enum Signed32 {
    Min = -2_147_483_648,
    MinusOne = -1,
    Max = 2_147_483_647,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
#[layout(rename = "Color")]
pub enum ColorEnum {
    #[layout(rename = "Crimson")]
    Red = 1,
    Green = 2,
}
