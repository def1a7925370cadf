//! `WasmLayout` for `Option<T>`.
//!
//! - `Option<WasmPtr<T>>` and `Option<NonZeroU8>` … `Option<NonZeroI64>`:
//!   the layout of the inner type, 0 is `None`. Writing
//!   `Some(WasmPtr::null())` is `LayoutError::NullPointer` and writes nothing.
//! - `Option<T>` for every other `T` that implements [`TaggedOption`] (the
//!   scalars, `WasmStr`, `WasmSlice<T>`, and every enum deriving
//!   `WasmLayout`): `#[repr(C, u8)] enum { None, Some(T) }`, a `u8` tag (0
//!   `None`, 1 `Some`, anything else `InvalidDiscriminant`) and `T` at
//!   `T::ALIGN`; `None` writes zeros over the payload.

use core::num::{
    NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8,
};

use crate::descriptor::{OptionLayout, OptionRepr, TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::ptr::WasmPtr;
use crate::value::ValueMut;
use crate::WasmLayout;

impl<T: WasmLayout> WasmLayout for Option<WasmPtr<T>> {
    const SIZE: usize = 4;
    const ALIGN: usize = 4;
    const NAME: &'static str = "Option";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "Option",
        size: 4,
        align: 4,
        kind: TypeKind::Option(OptionLayout { some: <WasmPtr<T>>::LAYOUT, repr: OptionRepr::Zero }),
    };
    type Bytes = [u8; 4];
    type Ref<'a> = Option<WasmPtr<T>>;
    type Mut<'a> = ValueMut<'a, Self>;
    const __ANY_BYTES_VALID: bool = true;

    #[inline(always)]
    fn __check_write(&self) -> Result<(), LayoutError> {
        match self {
            Some(p) if p.is_null() => Err(LayoutError::NullPointer { type_name: T::NAME }),
            _ => Ok(()),
        }
    }
    #[inline(always)]
    fn __decode(bytes: &[u8; 4]) -> Self {
        Some(WasmPtr::new(u32::from_le_bytes(*bytes))).filter(|p| !p.is_null())
    }
    #[inline(always)]
    fn __encode(&self, bytes: &mut [u8; 4]) {
        *bytes = self.map_or(0, WasmPtr::offset).to_le_bytes();
    }
    #[inline(always)]
    fn __get(bytes: &[u8; 4], _: usize) -> Self {
        Self::__decode(bytes)
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut [u8; 4], at: usize) -> ValueMut<'_, Self> {
        ValueMut::__at(bytes, at)
    }
}

macro_rules! nonzero {
    ($($nz:ident($int:ident);)*) => {$(
        impl WasmLayout for Option<$nz> {
            const SIZE: usize = <$int>::SIZE;
            const ALIGN: usize = <$int>::ALIGN;
            const NAME: &'static str = "Option";
            const LAYOUT: &'static TypeLayout = &TypeLayout {
                name: "Option",
                size: Self::SIZE,
                align: Self::ALIGN,
                kind: TypeKind::Option(OptionLayout { some: <$int>::LAYOUT, repr: OptionRepr::Zero }),
            };
            type Bytes = <$int as WasmLayout>::Bytes;
            type Ref<'a> = Option<$nz>;
            type Mut<'a> = ValueMut<'a, Self>;
            const __ANY_BYTES_VALID: bool = true;

            #[inline(always)]
            fn __decode(bytes: &Self::Bytes) -> Self {
                $nz::new(<$int>::from_le_bytes(*bytes))
            }
            #[inline(always)]
            fn __encode(&self, bytes: &mut Self::Bytes) {
                *bytes = self.map_or(0, $nz::get).to_le_bytes();
            }
            #[inline(always)]
            fn __get(bytes: &Self::Bytes, _: usize) -> Self {
                Self::__decode(bytes)
            }
            #[inline(always)]
            fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> ValueMut<'_, Self> {
                ValueMut::__at(bytes, at)
            }
        }
    )*};
}

nonzero! {
    NonZeroU8(u8); NonZeroU16(u16); NonZeroU32(u32); NonZeroU64(u64);
    NonZeroI8(i8); NonZeroI16(i16); NonZeroI32(i32); NonZeroI64(i64);
}

/// A type whose `Option` is the tagged form: `#[repr(C, u8)] enum { None,
/// Some(T) }`, `T::ALIGN + T::SIZE` bytes.
///
/// Implemented for the scalars, [`WasmStr`](crate::WasmStr),
/// [`WasmSlice<T>`](crate::WasmSlice) and, by `#[derive(WasmLayout)]`, for
/// enums. (`WasmPtr<T>` and the `NonZero` integers have their own
/// `Option`, where 0 is `None`.)
#[diagnostic::on_unimplemented(
    message = "`Option<{Self}>` has no wasm32 layout",
    note = "`Option<T>` is supported for `WasmPtr<T>` and the `NonZero` integers (0 is None), and in its tagged form for the scalars, `WasmStr`, `WasmSlice<T>` and enums deriving `WasmLayout`"
)]
pub trait TaggedOption: WasmLayout {
    /// The bytes of an `Option<Self>`: exactly `Self::ALIGN + Self::SIZE`
    /// bytes, alignment 1.
    #[doc(hidden)]
    type OptionBytes: bytemuck::Pod;
}

/// The `T` in the bytes of an `Option<T>`, at `T::ALIGN`.
#[inline(always)]
fn payload<T: TaggedOption>(bytes: &T::OptionBytes) -> Option<&T::Bytes> {
    let bytes = bytemuck::bytes_of(bytes);
    bytes.get(T::ALIGN..T::ALIGN.wrapping_add(T::SIZE)).and_then(|b| bytemuck::try_from_bytes(b).ok())
}

fn payload_mut<T: TaggedOption>(bytes: &mut T::OptionBytes) -> Option<&mut T::Bytes> {
    let bytes = bytemuck::bytes_of_mut(bytes);
    bytes.get_mut(T::ALIGN..T::ALIGN.wrapping_add(T::SIZE)).and_then(|b| bytemuck::try_from_bytes_mut(b).ok())
}

#[inline(always)]
fn tag<T: TaggedOption>(bytes: &T::OptionBytes) -> u8 {
    bytemuck::bytes_of(bytes).first().copied().unwrap_or(0)
}

impl<T: TaggedOption> WasmLayout for Option<T> {
    const SIZE: usize = T::ALIGN + T::SIZE;
    const ALIGN: usize = T::ALIGN;
    const NAME: &'static str = "Option";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "Option",
        size: Self::SIZE,
        align: Self::ALIGN,
        kind: TypeKind::Option(OptionLayout {
            some: T::LAYOUT,
            repr: OptionRepr::Tagged { payload: T::ALIGN },
        }),
    };
    type Bytes = T::OptionBytes;
    type Ref<'a> = Result<Option<T::Ref<'a>>, LayoutError>;
    type Mut<'a> = ValueMut<'a, Self>;

    #[inline]
    fn __validate(bytes: &Self::Bytes) -> Result<(), LayoutError> {
        match (tag::<T>(bytes), payload::<T>(bytes)) {
            (0, _) => Ok(()),
            (1, Some(b)) => T::__validate(b).map_err(|e| e.offset_by(T::ALIGN)),
            (value, _) => {
                Err(LayoutError::InvalidDiscriminant { type_name: "Option", offset: 0, value: value.into() })
            }
        }
    }
    #[inline]
    fn __check_write(&self) -> Result<(), LayoutError> {
        match self {
            Some(value) => value.__check_write().map_err(|e| e.offset_by(T::ALIGN)),
            None => Ok(()),
        }
    }
    #[inline]
    fn __decode(bytes: &Self::Bytes) -> Self {
        match (tag::<T>(bytes), payload::<T>(bytes)) {
            (1, Some(b)) => Some(T::__decode(b)),
            _ => None,
        }
    }
    #[inline]
    fn __encode(&self, bytes: &mut Self::Bytes) {
        let all = bytemuck::bytes_of_mut(bytes);
        all.fill(0);
        if let Some(value) = self {
            if let Some(first) = all.first_mut() {
                *first = 1;
            }
            if let Some(b) = payload_mut::<T>(bytes) {
                value.__encode(b);
            }
        }
    }
    #[inline]
    fn __get(bytes: &Self::Bytes, at: usize) -> Self::Ref<'_> {
        match (tag::<T>(bytes), payload::<T>(bytes)) {
            (0, _) => Ok(None),
            (1, Some(b)) => Ok(Some(T::__get(b, at.wrapping_add(T::ALIGN)))),
            (value, _) => {
                Err(LayoutError::InvalidDiscriminant { type_name: "Option", offset: at, value: value.into() })
            }
        }
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> ValueMut<'_, Self> {
        ValueMut::__at(bytes, at)
    }
}

macro_rules! tagged {
    ($($ty:ty => $n:literal;)*) => {$(
        impl TaggedOption for $ty {
            type OptionBytes = [u8; $n];
        }
    )*};
}

tagged! {
    u8 => 2; u16 => 4; u32 => 8; u64 => 16;
    i8 => 2; i16 => 4; i32 => 8; i64 => 16;
    f32 => 8; f64 => 16; bool => 2;
    crate::WasmStr => 12;
}

impl<T: WasmLayout> TaggedOption for crate::WasmSlice<T> {
    type OptionBytes = [u8; 12];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `OptionBytes` sizes written above are `ALIGN + SIZE`.
    #[test]
    fn tagged_sizes() {
        fn check<T: TaggedOption>() {
            assert_eq!(core::mem::size_of::<T::OptionBytes>(), T::ALIGN + T::SIZE, "{}", T::NAME);
            let shape = wasm_layout_rules::variant::VariantShape::new(
                wasm_layout_rules::FieldShape { size: 1, align: 1 },
                &[wasm_layout_rules::FieldShape { size: T::SIZE, align: T::ALIGN }],
            );
            assert_eq!(
                (shape.payload, shape.size, shape.align),
                (T::ALIGN, <Option<T>>::SIZE, <Option<T>>::ALIGN)
            );
        }
        check::<u8>();
        check::<u16>();
        check::<u32>();
        check::<u64>();
        check::<i8>();
        check::<i16>();
        check::<i32>();
        check::<i64>();
        check::<f32>();
        check::<f64>();
        check::<bool>();
        check::<crate::WasmStr>();
        check::<crate::WasmSlice<u8>>();
    }
}
