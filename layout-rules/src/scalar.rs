//! The scalar types: their Rust spellings, wasm32 sizes and which of them an
//! enum may use as its repr.

/// The scalar types, each with its wasm32 size and alignment (equal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `bool`: one byte, 0 or 1.
    Bool,
}

impl Scalar {
    /// Every scalar, in the order above.
    pub const ALL: [Scalar; 11] = [
        Scalar::U8,
        Scalar::U16,
        Scalar::U32,
        Scalar::U64,
        Scalar::I8,
        Scalar::I16,
        Scalar::I32,
        Scalar::I64,
        Scalar::F32,
        Scalar::F64,
        Scalar::Bool,
    ];

    /// The integer types a fieldless enum may name in `#[repr(...)]`.
    pub const ENUM_REPRS: [Scalar; 6] =
        [Scalar::U8, Scalar::U16, Scalar::U32, Scalar::I8, Scalar::I16, Scalar::I32];

    /// Size (and alignment) in bytes.
    pub const fn size(self) -> usize {
        match self {
            Scalar::U8 | Scalar::I8 | Scalar::Bool => 1,
            Scalar::U16 | Scalar::I16 => 2,
            Scalar::U32 | Scalar::I32 | Scalar::F32 => 4,
            Scalar::U64 | Scalar::I64 | Scalar::F64 => 8,
        }
    }

    /// The Rust spelling: `"u8"`, `"f64"`, `"bool"`, …
    pub const fn rust_name(self) -> &'static str {
        match self {
            Scalar::U8 => "u8",
            Scalar::U16 => "u16",
            Scalar::U32 => "u32",
            Scalar::U64 => "u64",
            Scalar::I8 => "i8",
            Scalar::I16 => "i16",
            Scalar::I32 => "i32",
            Scalar::I64 => "i64",
            Scalar::F32 => "f32",
            Scalar::F64 => "f64",
            Scalar::Bool => "bool",
        }
    }

    /// The variant's own name (`"U8"`, `"Bool"`), as generated code names
    /// `Scalar::U8`.
    pub const fn variant_name(self) -> &'static str {
        match self {
            Scalar::U8 => "U8",
            Scalar::U16 => "U16",
            Scalar::U32 => "U32",
            Scalar::U64 => "U64",
            Scalar::I8 => "I8",
            Scalar::I16 => "I16",
            Scalar::I32 => "I32",
            Scalar::I64 => "I64",
            Scalar::F32 => "F32",
            Scalar::F64 => "F64",
            Scalar::Bool => "Bool",
        }
    }

    /// The scalar a Rust type name spells, if any.
    ///
    /// ```
    /// use wasm_layout_rules::Scalar;
    /// assert_eq!(Scalar::from_rust_name("f32"), Some(Scalar::F32));
    /// assert_eq!(Scalar::from_rust_name("usize"), None);
    /// ```
    pub fn from_rust_name(name: &str) -> Option<Scalar> {
        Scalar::ALL.into_iter().find(|s| s.rust_name() == name)
    }

    /// Whether the type is a signed integer.
    pub const fn is_signed(self) -> bool {
        matches!(self, Scalar::I8 | Scalar::I16 | Scalar::I32 | Scalar::I64)
    }

    /// Whether the type is `f32` or `f64`.
    pub const fn is_float(self) -> bool {
        matches!(self, Scalar::F32 | Scalar::F64)
    }

    /// Whether every bit pattern of its bytes is a valid value (all but `bool`).
    pub const fn any_bytes_valid(self) -> bool {
        !matches!(self, Scalar::Bool)
    }

    /// Whether an enum may use it as its repr.
    pub const fn is_enum_repr(self) -> bool {
        matches!(self, Scalar::U8 | Scalar::U16 | Scalar::U32 | Scalar::I8 | Scalar::I16 | Scalar::I32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Scalar::ALL {
            assert_eq!(Scalar::from_rust_name(s.rust_name()), Some(s));
        }
        for s in Scalar::ENUM_REPRS {
            assert!(s.is_enum_repr());
        }
        assert_eq!(Scalar::ALL.iter().filter(|s| s.is_enum_repr()).count(), Scalar::ENUM_REPRS.len());
    }
}
