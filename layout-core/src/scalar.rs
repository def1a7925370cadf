//! `WasmLayout` for the integer and float types and `bool`.

use crate::descriptor::{Scalar, TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::value::ValueMut;
use crate::WasmLayout;

macro_rules! numeric {
    ($($ty:ident => $scalar:ident),* $(,)?) => {$(
        impl WasmLayout for $ty {
            const SIZE: usize = Scalar::$scalar.size();
            const ALIGN: usize = Scalar::$scalar.size();
            const NAME: &'static str = stringify!($ty);
            const LAYOUT: &'static TypeLayout = &TypeLayout {
                name: stringify!($ty),
                size: Self::SIZE,
                align: Self::ALIGN,
                kind: TypeKind::Scalar(Scalar::$scalar),
            };
            type Bytes = [u8; core::mem::size_of::<$ty>()];
            type Ref<'a> = $ty;
            type Mut<'a> = ValueMut<'a, $ty>;
            const __ANY_BYTES_VALID: bool = true;

            #[inline(always)]
            fn __decode(bytes: &Self::Bytes) -> Self {
                <$ty>::from_le_bytes(*bytes)
            }
            #[inline(always)]
            fn __encode(&self, bytes: &mut Self::Bytes) {
                *bytes = self.to_le_bytes();
            }
            #[inline(always)]
            fn __get(bytes: &Self::Bytes, _: usize) -> $ty {
                <$ty>::from_le_bytes(*bytes)
            }
            #[inline(always)]
            fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> ValueMut<'_, $ty> {
                ValueMut::__at(bytes, at)
            }
        }
    )*};
}

numeric! {
    u8 => U8, u16 => U16, u32 => U32, u64 => U64,
    i8 => I8, i16 => I16, i32 => I32, i64 => I64,
    f32 => F32, f64 => F64,
}

impl WasmLayout for bool {
    const SIZE: usize = Scalar::Bool.size();
    const ALIGN: usize = Scalar::Bool.size();
    const NAME: &'static str = "bool";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "bool",
        size: Self::SIZE,
        align: Self::ALIGN,
        kind: TypeKind::Scalar(Scalar::Bool),
    };
    type Bytes = [u8; 1];
    type Ref<'a> = Result<bool, LayoutError>;
    type Mut<'a> = ValueMut<'a, bool>;

    #[inline(always)]
    fn __validate(&[byte]: &[u8; 1]) -> Result<(), LayoutError> {
        if byte <= 1 {
            Ok(())
        } else {
            Err(LayoutError::InvalidBool { offset: 0, byte })
        }
    }
    #[inline(always)]
    fn __decode(&[byte]: &[u8; 1]) -> bool {
        byte != 0
    }
    #[inline(always)]
    fn __encode(&self, bytes: &mut [u8; 1]) {
        *bytes = [u8::from(*self)];
    }
    #[inline(always)]
    fn __get(bytes: &[u8; 1], at: usize) -> Result<bool, LayoutError> {
        match Self::__validate(bytes) {
            Ok(()) => Ok(Self::__decode(bytes)),
            Err(e) => Err(e.offset_by(at)),
        }
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut [u8; 1], at: usize) -> ValueMut<'_, bool> {
        ValueMut::__at(bytes, at)
    }
}
