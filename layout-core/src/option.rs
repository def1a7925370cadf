//! `WasmLayout` for `Option<T>`.
//!
//! - `Option<WasmPtr<T>>` and `Option<NonZeroU8>` … `Option<NonZeroI64>`:
//!   the layout of the inner type, 0 is `None`. Writing
//!   `Some(WasmPtr::null())` is `LayoutError::NullPointer` and writes nothing.
//! - `Option<T>` for every other `T` that implements [`TaggedOption`] (the
//!   scalars, `WasmStr`, `WasmSlice<T>`, and every struct, enum and union
//!   deriving `WasmLayout`; an `Option` of a union, like the union, has
//!   views but no whole value): `#[repr(C, u8)] enum { None, Some(T) }`, a `u8` tag (0
//!   `None`, 1 `Some`, anything else `InvalidDiscriminant`) and `T` at
//!   its alignment; `None` writes zeros over the payload.

use core::num::{
    NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8,
};

use crate::descriptor::{OptionLayout, OptionRepr, TypeKind, TypeLayout};
use crate::error::LayoutError;
use crate::ptr::WasmPtr;
use crate::rules::{tagged_option, FieldShape, VariantShape};
use crate::value::ValueMut;
use crate::{WasmLayout, WholeValue};

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

impl<T: WasmLayout> WholeValue for Option<WasmPtr<T>> {}

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
        impl WholeValue for Option<$nz> {}
    )*};
}

nonzero! {
    NonZeroU8(u8); NonZeroU16(u16); NonZeroU32(u32); NonZeroU64(u64);
    NonZeroI8(i8); NonZeroI16(i16); NonZeroI32(i32); NonZeroI64(i64);
}

/// A type whose `Option` is the tagged form: `#[repr(C, u8)] enum { None,
/// Some(T) }`, laid out by the rules' `tagged_option`.
///
/// Implemented for the scalars, [`WasmStr`](crate::WasmStr),
/// [`WasmSlice<T>`](crate::WasmSlice) and, by `#[derive(WasmLayout)]`, for
/// structs, enums and unions. (`WasmPtr<T>` and the `NonZero` integers
/// have their own `Option`, where 0 is `None`.)
///
/// It also says whether the type is a [`WholeValue`]: every `TaggedOption`
/// type whose `__Whole` list holds only whole values is one. One impl per
/// derived type thus carries both facts (rustc's work per impl is what a
/// crate of many derived types pays for).
#[diagnostic::on_unimplemented(
    message = "`Option<{Self}>` has no wasm32 layout",
    note = "`Option<T>` is supported for `WasmPtr<T>` and the `NonZero` integers (0 is None), and in its tagged form for the scalars, `WasmStr`, `WasmSlice<T>` and structs, enums and unions deriving `WasmLayout`"
)]
pub trait TaggedOption: WasmLayout {
    /// The bytes of an `Option<Self>`: exactly its size (checked at compile
    /// time wherever it is a field), alignment 1.
    #[doc(hidden)]
    type OptionBytes: bytemuck::Pod;
    /// The types that must be whole values for `Self` to be one, as a list
    /// `(A, (B, ()))`: `()` for a type that is one by itself, the field
    /// types that may hold a union for a struct, `Union<Self>` for a union.
    #[doc(hidden)]
    type __Whole;
}

/// A type with a tagged option is a whole value when the types its
/// `__Whole` lists are.
impl<T: TaggedOption> WholeValue for T where T::__Whole: AllWhole {}

/// Holds for a list `(A, (B, ()))` of whole values (see
/// [`TaggedOption::__Whole`]).
#[doc(hidden)]
pub trait AllWhole {}

impl AllWhole for () {}

impl<A: WholeValue, B: AllWhole> AllWhole for (A, B) {}

/// The `__Whole` of a union `T`: a list that never holds, as [`NotAUnion`]
/// has no impl; the error names `T`.
#[doc(hidden)]
pub struct Union<T>(core::marker::PhantomData<T>);

impl<T: NotAUnion> AllWhole for Union<T> {}

/// Implemented by no type: what a union lacks to be a [`WholeValue`].
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no whole-value read or write: it is a union, holds one, or lacks a `WholeValue` impl",
    label = "the active member of a union is not recorded in its bytes",
    note = "read and write through its view instead (`view`, `view_mut`, a getter or setter per member)"
)]
pub trait NotAUnion {}

/// The tagged form of `Option<T>`, by the rules.
const fn shape<T: WasmLayout>() -> VariantShape {
    tagged_option(FieldShape { size: T::SIZE, align: T::ALIGN })
}

/// Where the `T` of an `Option<T>` starts.
const fn at<T: WasmLayout>() -> usize {
    shape::<T>().payload
}

/// The `T` in the bytes of an `Option<T>`.
#[inline(always)]
fn payload<T: TaggedOption>(bytes: &T::OptionBytes) -> Option<&T::Bytes> {
    let bytes = bytemuck::bytes_of(bytes);
    bytes.get(at::<T>()..at::<T>().wrapping_add(T::SIZE)).and_then(|b| bytemuck::try_from_bytes(b).ok())
}

fn payload_mut<T: TaggedOption>(bytes: &mut T::OptionBytes) -> Option<&mut T::Bytes> {
    let bytes = bytemuck::bytes_of_mut(bytes);
    bytes
        .get_mut(at::<T>()..at::<T>().wrapping_add(T::SIZE))
        .and_then(|b| bytemuck::try_from_bytes_mut(b).ok())
}

#[inline(always)]
fn tag<T: TaggedOption>(bytes: &T::OptionBytes) -> u8 {
    bytemuck::bytes_of(bytes).first().copied().unwrap_or(0)
}

impl<T: TaggedOption> WasmLayout for Option<T> {
    const SIZE: usize = shape::<T>().size;
    const ALIGN: usize = shape::<T>().align;
    const NAME: &'static str = "Option";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "Option",
        size: Self::SIZE,
        align: Self::ALIGN,
        kind: TypeKind::Option(OptionLayout {
            some: T::LAYOUT,
            repr: OptionRepr::Tagged { payload: at::<T>() },
        }),
    };
    type Bytes = T::OptionBytes;
    type Ref<'a> = Result<Option<T::Ref<'a>>, LayoutError>;
    type Mut<'a> = ValueMut<'a, Self>;

    #[inline]
    fn __validate(bytes: &Self::Bytes) -> Result<(), LayoutError> {
        match (tag::<T>(bytes), payload::<T>(bytes)) {
            (0, _) => Ok(()),
            (1, Some(b)) => T::__validate(b).map_err(|e| e.offset_by(at::<T>())),
            (value, _) => {
                Err(LayoutError::InvalidDiscriminant { type_name: "Option", offset: 0, value: value.into() })
            }
        }
    }
    #[inline]
    fn __check_write(&self) -> Result<(), LayoutError> {
        match self {
            Some(value) => value.__check_write().map_err(|e| e.offset_by(at::<T>())),
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
            (1, Some(b)) => Ok(Some(T::__get(b, at.wrapping_add(self::at::<T>())))),
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

/// A tagged `Option<T>` holds a whole value exactly when `T` does.
impl<T: TaggedOption + WholeValue> WholeValue for Option<T> {}

macro_rules! tagged {
    ($($ty:ty),*) => {$(
        impl TaggedOption for $ty {
            type OptionBytes = [u8; crate::__private::option_size::<$ty>()];
            type __Whole = ();
        }
    )*};
}

tagged!(u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, bool, crate::WasmStr);

/// A slice is the same `(ptr, len)` pair as a string, whatever `T`.
impl<T: WasmLayout> TaggedOption for crate::WasmSlice<T> {
    type OptionBytes = <crate::WasmStr as TaggedOption>::OptionBytes;
    type __Whole = ();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `OptionBytes` sizes written above are the rule's.
    #[test]
    fn tagged_sizes() {
        fn check<T: TaggedOption>() {
            assert_eq!(core::mem::size_of::<T::OptionBytes>(), <Option<T>>::SIZE, "{}", T::NAME);
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
