//! Items the derive's expansion calls. Not a public API: names and
//! signatures may change in any release.
//!
//! Each helper takes the containing value's bytes as `&[u8; N]` and a field
//! offset as a const parameter, and checks at compile time that the field
//! lies inside; the access itself then needs no runtime check.

pub use core;
// The views' `Clone` and `Copy` impls name them by one segment after the
// runtime's path: rustc resolves a path segment by segment, per use.
pub use core::{clone::Clone, marker::Copy};

pub use crate::__wasm_layout_struct as struct_layout;
pub use crate::descriptor::{
    CaseLayout, EnumLayout, FieldLayout, RenameRule, Scalar, StructLayout, TypeKind, TypeLayout, UnionLayout,
    VariantEnumLayout, VariantLayout,
};
pub use crate::error::LayoutError;
pub use crate::option::{AllWhole, NotAUnion, TaggedOption, Union};
pub use crate::pod::HostLayout;
pub use crate::rules::VariantShape;
pub use crate::rules::{union_shape, FieldShape, StructRepr, StructShape};
pub use crate::value::ValueMut;
pub use crate::variant::{VariantMut, VariantRef, WasmVariant};
pub use crate::view::{ViewMut, ViewRef};
pub use crate::{FieldlessEnum, WasmLayout, WholeValue};

mod generic;
mod template;

pub use generic::{
    bytes_of, bytes_of_mut, check_write_at, field_at, field_at_mut, get_at, get_mut_at, unpadded_size,
    validate_at, Cat, End, NameBuf,
};

/// The size and alignment of `T`, for [`StructShape::new`].
pub const fn shape<T: WasmLayout>() -> FieldShape {
    FieldShape { size: T::SIZE, align: T::ALIGN }
}

/// The size of `Option<T>` in its tagged form, for a derived
/// `TaggedOption::OptionBytes`.
pub const fn option_size<T: WasmLayout>() -> usize {
    option_size_of(T::SIZE, T::ALIGN)
}

/// The size of `Option<T>` in its tagged form for a `T` of this size and
/// alignment: a derived struct's `TaggedOption::OptionBytes` on the
/// general path, computed from its shape (not from `T`, whose `WasmLayout`
/// may be what fails to compile, which would report the failure twice).
pub const fn option_size_of(size: usize, align: usize) -> usize {
    crate::rules::tagged_option(FieldShape { size, align }).size
}

/// Holds when `Self` is `T`: the derive's check that a field type whose
/// layout it read off the type's name (`[u16; 4]`, `WasmPtr<T>`) is the
/// built-in type the name says, written as a bound on an item so that rustc
/// checks it without evaluating anything. A type whose name shadows a
/// built-in one fails here instead of getting a layout meant for another
/// type.
#[diagnostic::on_unimplemented(
    message = "wasm-layout: the field type `{Self}` is not the built-in type its name says (`{T}`), so the layout the derive read off the names would be wrong",
    label = "this names another type than `{T}` here",
    note = "does a name such as `u32`, `bool` or `WasmPtr` refer to another type in this scope?"
)]
pub trait Is<T: ?Sized> {}

impl<T: ?Sized> Is<T> for T {}

/// No field docs, for a descriptor's `field_docs`.
pub const NO_DOCS: &[&str] = &[];

/// `Option::None` for a descriptor's `rename`, by a path the user's scope
/// cannot shadow.
pub const NONE: Option<&'static str> = None;

/// `Option::None` for a descriptor's `rename_all`.
pub const NONE_RULE: Option<RenameRule> = None;

/// What a getter returns for a type some of whose bytes are invalid
/// (`bool`): the value, or why its bytes are not one.
pub type Checked<T> = Result<T, LayoutError>;

macro_rules! scalar_layouts {
    ($($name:ident = $ty:ty;)*) => {$(
        #[doc = concat!("`", stringify!($ty), "`'s descriptor, for a field the derive knows is one.")]
        pub const $name: &TypeLayout = <$ty as WasmLayout>::LAYOUT;
    )*};
}

scalar_layouts! {
    LAYOUT_U8 = u8; LAYOUT_U16 = u16; LAYOUT_U32 = u32; LAYOUT_U64 = u64;
    LAYOUT_I8 = i8; LAYOUT_I16 = i16; LAYOUT_I32 = i32; LAYOUT_I64 = i64;
    LAYOUT_F32 = f32; LAYOUT_F64 = f64; LAYOUT_BOOL = bool;
}

/// `OFF + F::SIZE`, the end of a field of type `F` at `OFF` in `N` bytes,
/// checked at compile time: the field lies inside, and `F::Bytes` is exactly
/// `F::SIZE` bytes with alignment 1 (what `WasmLayout::Bytes` promises, so a
/// wrong hand-written impl fails to build instead of reaching the
/// `unreachable!` below).
macro_rules! field_end {
    ($f:ty, $off:expr, $n:expr) => {
        const {
            assert!($off + <$f>::SIZE <= $n, "wasm-layout: a field lies outside its struct");
            assert!(
                core::mem::size_of::<<$f as WasmLayout>::Bytes>() == <$f>::SIZE
                    && core::mem::align_of::<<$f as WasmLayout>::Bytes>() == 1,
                "wasm-layout: `WasmLayout::Bytes` must be exactly `SIZE` bytes with alignment 1"
            );
            $off + <$f>::SIZE
        }
    };
}

/// The bytes of a field of type `F` at `OFF` in `bytes`.
#[inline(always)]
#[allow(
    clippy::unreachable,
    reason = "the range and the cast were checked at compile time by `field_end!`; the branch compiles away"
)]
pub fn field<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> &F::Bytes {
    let end = field_end!(F, OFF, N);
    match bytes.get(OFF..end).map(bytemuck::try_from_bytes) {
        Some(Ok(b)) => b,
        _ => unreachable!(),
    }
}

/// The bytes of a field of type `F` at `OFF` in `bytes`, mutable.
#[inline(always)]
#[allow(clippy::unreachable, reason = "as in `field`")]
pub fn field_mut<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &mut [u8; N]) -> &mut F::Bytes {
    let end = field_end!(F, OFF, N);
    match bytes.get_mut(OFF..end).map(bytemuck::try_from_bytes_mut) {
        Some(Ok(b)) => b,
        _ => unreachable!(),
    }
}

/// Validates the field of type `F` at `OFF`; errors report offsets in `bytes`.
#[inline(always)]
pub fn validate<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> Result<(), LayoutError> {
    F::__validate(field::<F, OFF, N>(bytes)).map_err(|e| e.offset_by(OFF))
}

/// Checks that the field value at `OFF` can be written (see
/// `WasmLayout::__check_write`); errors report offsets in the struct.
#[inline(always)]
pub fn check_write<F: WasmLayout>(value: &F, at: usize) -> Result<(), LayoutError> {
    value.__check_write().map_err(|e| e.offset_by(at))
}

/// [`check_write`], taking the value by copy: a field of a packed struct
/// may be unaligned, so it is never borrowed.
#[inline(always)]
pub fn check_write_value<F: WasmLayout>(value: F, at: usize) -> Result<(), LayoutError> {
    check_write(&value, at)
}

/// Decodes the (validated) field of type `F` at `OFF`. `F` must be `B`: the
/// built-in type the derive read `F`'s layout off (see [`Is`]), or `F`
/// itself where the derive read nothing off its name.
#[inline(always)]
pub fn decode<F: WasmLayout + Is<B>, B: ?Sized, const OFF: usize, const N: usize>(bytes: &[u8; N]) -> F {
    F::__decode(field::<F, OFF, N>(bytes))
}

/// Encodes `value` into the field at `OFF`.
#[inline(always)]
pub fn encode<F: WasmLayout, const OFF: usize, const N: usize>(value: &F, bytes: &mut [u8; N]) {
    value.__encode(field_mut::<F, OFF, N>(bytes));
}

/// Encodes `value` into the field at `OFF`, taking it by value: a field of a
/// packed struct may be unaligned, so it is copied out, never borrowed.
#[inline(always)]
pub fn encode_value<F: WasmLayout, const OFF: usize, const N: usize>(value: F, bytes: &mut [u8; N]) {
    value.__encode(field_mut::<F, OFF, N>(bytes));
}

/// The getter result for the field of type `F` at `OFF` in `bytes`, which
/// start at `at` in the slice the caller passed.
#[inline(always)]
pub fn get<F: WasmLayout, const OFF: usize, const N: usize>(bytes: &[u8; N], at: usize) -> F::Ref<'_> {
    F::__get(field::<F, OFF, N>(bytes), at.wrapping_add(OFF))
}

/// A mutable view of the field of type `F` at `OFF`; `at` as for [`get`].
#[inline(always)]
pub fn get_mut<F: WasmLayout, const OFF: usize, const N: usize>(
    bytes: &mut [u8; N],
    at: usize,
) -> F::Mut<'_> {
    F::__get_mut(field_mut::<F, OFF, N>(bytes), at.wrapping_add(OFF))
}

/// The field of type `F` at `OFF` of a struct, for its accessors: the
/// same helpers as [`get`], [`get_mut`], [`encode`] and [`encode_value`],
/// with the length of the struct's bytes inferred from the argument. The
/// template names this type once per field: each const argument written
/// out is a body of its own for rustc to check and evaluate, in every
/// accessor of every field.
pub struct At<F, const OFF: usize>(core::marker::PhantomData<F>);

impl<F: WasmLayout, const OFF: usize> At<F, OFF> {
    /// See [`get`].
    #[inline(always)]
    pub fn get<const N: usize>(bytes: &[u8; N], at: usize) -> F::Ref<'_> {
        F::__get(field::<F, OFF, N>(bytes), at.wrapping_add(OFF))
    }

    /// See [`get_mut`].
    #[inline(always)]
    pub fn get_mut<const N: usize>(bytes: &mut [u8; N], at: usize) -> F::Mut<'_> {
        F::__get_mut(field_mut::<F, OFF, N>(bytes), at.wrapping_add(OFF))
    }

    /// See [`encode`].
    #[inline(always)]
    pub fn encode<const N: usize>(value: &F, bytes: &mut [u8; N]) {
        value.__encode(field_mut::<F, OFF, N>(bytes));
    }

    /// See [`encode_value`].
    #[inline(always)]
    pub fn encode_value<const N: usize>(value: F, bytes: &mut [u8; N]) {
        value.__encode(field_mut::<F, OFF, N>(bytes));
    }
}

/// The error for an enum discriminant that names no variant.
#[cold]
pub const fn invalid_discriminant(type_name: &'static str, value: i64) -> LayoutError {
    LayoutError::InvalidDiscriminant { type_name, offset: 0, value }
}

// Scalar fields. The derive recognises scalar field types by name and calls
// these non-generic helpers instead of the generic ones above: rustc
// type-checks a plain call much faster than a generic one with const
// arguments, which matters in crates with hundreds of structs. The offset is
// a runtime argument, but the helpers are inlined into code where it and the
// array length are constants, so the range check folds away; the
// out-of-range arm (never taken: offsets come from `StructShape`) returns 0
// rather than panic.

macro_rules! scalar_helpers {
    ($($ty:ty => $read:ident, $write:ident;)*) => {$(
        #[doc = concat!("Reads the `", stringify!($ty), "` at `at`.")]
        #[inline(always)]
        pub fn $read(bytes: &[u8], at: usize) -> $ty {
            match bytes.get(at..).and_then(<[u8]>::first_chunk) {
                Some(b) => <$ty>::from_le_bytes(*b),
                None => 0 as $ty,
            }
        }

        #[doc = concat!("Writes the `", stringify!($ty), "` at `at`.")]
        #[inline(always)]
        pub fn $write(bytes: &mut [u8], at: usize, value: $ty) {
            if let Some(b) = bytes.get_mut(at..).and_then(<[u8]>::first_chunk_mut) {
                *b = value.to_le_bytes();
            }
        }
    )*};
}

scalar_helpers! {
    u8 => read_u8, write_u8;
    u16 => read_u16, write_u16;
    u32 => read_u32, write_u32;
    u64 => read_u64, write_u64;
    i8 => read_i8, write_i8;
    i16 => read_i16, write_i16;
    i32 => read_i32, write_i32;
    i64 => read_i64, write_i64;
    f32 => read_f32, write_f32;
    f64 => read_f64, write_f64;
}

/// Checks the bool at `at` (0 or 1); the error names `at`.
#[inline(always)]
pub fn validate_bool(bytes: &[u8], at: usize) -> Result<(), LayoutError> {
    match read_u8(bytes, at) {
        0 | 1 => Ok(()),
        byte => Err(LayoutError::InvalidBool { offset: at, byte }),
    }
}

/// Reads the (validated) bool at `at`.
#[inline(always)]
pub fn read_bool(bytes: &[u8], at: usize) -> bool {
    read_u8(bytes, at) != 0
}

/// The getter of a bool field at `at` in `bytes`, which start at `view` in
/// the slice the caller passed: the value, or why the byte is not a bool.
#[inline(always)]
pub fn get_bool(bytes: &[u8], at: usize, view: usize) -> Result<bool, LayoutError> {
    match validate_bool(bytes, at) {
        Ok(()) => Ok(read_bool(bytes, at)),
        Err(e) => Err(e.offset_by(view)),
    }
}

/// Writes the bool at `at`.
#[inline(always)]
pub fn write_bool(bytes: &mut [u8], at: usize, value: bool) {
    write_u8(bytes, at, u8::from(value));
}

/// Zeroes the padding bytes `[start, end)`.
#[inline(always)]
pub fn zero_range(bytes: &mut [u8], start: usize, end: usize) {
    if let Some(pad) = bytes.get_mut(start..end) {
        pad.fill(0);
    }
}

/// Whether `T`'s size and alignment on this host are its wasm32 ones: an
/// enum with fields is checked against Rust's own layout only when each of
/// its fields' is.
#[inline]
pub const fn host_same<T: WasmLayout>() -> bool {
    core::mem::size_of::<T>() == T::SIZE && core::mem::align_of::<T>() == T::ALIGN
}
