//! [`Open<E>`]: a field type for C enums whose values may grow.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::descriptor::{OpenLayout, TypeKind, TypeLayout};
use crate::value::ValueMut;
use crate::{WasmLayout, WholeValue};

/// A fieldless enum with an integer `#[repr]`, as `#[derive(WasmLayout)]`
/// implements it: the repr and the conversions both ways. It is what
/// [`Open<E>`] needs of `E`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a fieldless enum with an integer repr, so `Open<{Self}>` has no layout",
    label = "not a fieldless enum deriving `WasmLayout`",
    note = "`Open<E>` takes an enum whose variants have no fields, with #[repr(u8)] (or u16, u32, i8, i16, i32) and #[derive(WasmLayout)]"
)]
pub trait FieldlessEnum: WholeValue {
    /// The integer repr (`u8` … `i32`), stored in the same bytes.
    type Repr: WholeValue<Bytes = Self::Bytes> + Copy + Eq + Hash + fmt::Debug + Into<i64>;

    /// The variant whose discriminant is `raw`, if there is one.
    fn from_repr(raw: Self::Repr) -> Option<Self>;

    /// This variant's discriminant.
    fn to_repr(&self) -> Self::Repr;
}

/// A fieldless enum `E` as a C enum is: any value of its repr, named or not.
///
/// The layout is the repr's; reads never fail. [`known`](Open::known) gives
/// the variant when the value names one, [`raw`](Open::raw) the integer,
/// whatever it is. A plain `E` field stays strict (an unknown value is
/// [`LayoutError::InvalidDiscriminant`](crate::LayoutError)); `Open<E>` is
/// for enums a newer other side may extend, or that zeroed memory leaves at
/// a value nobody listed.
///
/// ```
/// use wasm_layout_core::{Open, WasmLayout};
/// #[derive(wasm_layout_derive::WasmLayout, Debug, Clone, Copy, PartialEq)]
/// # #[layout(crate = "wasm_layout_core")]
/// #[repr(u8)]
/// enum Format { Gray = 1, Rgba = 7 }
///
/// let f = Open::<Format>::read_from(&[7])?;
/// assert_eq!(f.known(), Some(Format::Rgba));
/// let zeroed = Open::<Format>::read_from(&[0])?;
/// assert_eq!((zeroed.known(), zeroed.raw()), (None, 0));
/// assert_eq!(Open::from(Format::Gray).raw(), 1);
/// # Ok::<(), wasm_layout_core::LayoutError>(())
/// ```
pub struct Open<E: FieldlessEnum> {
    raw: E::Repr,
    enum_: PhantomData<fn() -> E>,
}

impl<E: FieldlessEnum> Open<E> {
    /// The value `raw`, named by a variant or not.
    #[inline(always)]
    pub fn from_raw(raw: E::Repr) -> Self {
        Open { raw, enum_: PhantomData }
    }

    /// The integer, whatever it is.
    #[inline(always)]
    pub fn raw(self) -> E::Repr {
        self.raw
    }

    /// The variant this value names, or `None` for a value `E` does not list.
    #[inline]
    pub fn known(self) -> Option<E> {
        E::from_repr(self.raw)
    }
}

impl<E: FieldlessEnum> From<E> for Open<E> {
    #[inline(always)]
    fn from(e: E) -> Self {
        Open::from_raw(e.to_repr())
    }
}

impl<E: FieldlessEnum> Clone for Open<E> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<E: FieldlessEnum> Copy for Open<E> {}
impl<E: FieldlessEnum> PartialEq for Open<E> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}
impl<E: FieldlessEnum> Eq for Open<E> {}
impl<E: FieldlessEnum> Hash for Open<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

/// `Open(Rgba)` for a value a variant names (its name in the descriptor),
/// `Open(9)` for any other.
impl<E: FieldlessEnum> fmt::Debug for Open<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value: i64 = self.raw.into();
        let TypeKind::Enum(e) = E::LAYOUT.kind else {
            return f.debug_tuple("Open").field(&self.raw).finish();
        };
        match e.variants.iter().find(|v| v.value == value) {
            Some(v) => write!(f, "Open({})", v.name),
            None => f.debug_tuple("Open").field(&self.raw).finish(),
        }
    }
}

impl<E: FieldlessEnum> WasmLayout for Open<E> {
    const SIZE: usize = E::SIZE;
    const ALIGN: usize = E::ALIGN;
    const NAME: &'static str = "Open";
    const LAYOUT: &'static TypeLayout = &TypeLayout {
        name: "Open",
        size: E::SIZE,
        align: E::ALIGN,
        kind: TypeKind::Open(OpenLayout { inner: E::LAYOUT }),
    };
    type Bytes = E::Bytes;
    type Ref<'a> = Open<E>;
    type Mut<'a> = ValueMut<'a, Open<E>>;
    const __ANY_BYTES_VALID: bool = true;

    #[inline(always)]
    fn __decode(bytes: &E::Bytes) -> Self {
        Open::from_raw(E::Repr::__decode(bytes))
    }
    #[inline(always)]
    fn __encode(&self, bytes: &mut E::Bytes) {
        self.raw.__encode(bytes);
    }
    #[inline(always)]
    fn __get(bytes: &E::Bytes, _: usize) -> Self {
        Self::__decode(bytes)
    }
    #[inline(always)]
    fn __get_mut(bytes: &mut E::Bytes, at: usize) -> ValueMut<'_, Self> {
        ValueMut::__at(bytes, at)
    }
}

impl<E: FieldlessEnum> WholeValue for Open<E> {}
