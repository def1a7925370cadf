//! The language-neutral description of a type's layout: what the derive
//! emits as data and what the code generators read.

use crate::rules::StructRepr;
pub use wasm_layout_rules::{RenameRule, Scalar};

mod union;
pub use union::{OpenLayout, UnionLayout};

/// The layout of one type: its name, size, alignment and what it is made of.
///
/// Every [`WasmLayout`](crate::WasmLayout) type has one, as the constant
/// `LAYOUT`.
///
/// ```
/// use wasm_layout_core::{WasmLayout, TypeKind, Scalar};
/// assert_eq!(u16::LAYOUT.size, 2);
/// assert!(matches!(u16::LAYOUT.kind, TypeKind::Scalar(Scalar::U16)));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TypeLayout {
    /// The Rust name (`"Point"`, `"u32"`; `"array"`, `"WasmPtr"`, `"WasmStr"`,
    /// `"WasmSlice"` and `"Option"` for those).
    pub name: &'static str,
    /// Size in bytes on wasm32.
    pub size: usize,
    /// Alignment in bytes on wasm32.
    pub align: usize,
    /// What the type is made of.
    pub kind: TypeKind,
}

/// What a [`TypeLayout`] describes.
#[derive(Debug, Clone, Copy)]
pub enum TypeKind {
    /// An integer, float or bool.
    Scalar(Scalar),
    /// A [`WasmPtr<T>`](crate::WasmPtr): a u32 offset into linear memory.
    Pointer(PointerLayout),
    /// A fixed-size array `[T; N]`.
    Array(ArrayLayout),
    /// A struct deriving `WasmLayout`.
    Struct(StructLayout),
    /// A fieldless enum with an integer repr deriving `WasmLayout`.
    Enum(EnumLayout),
    /// A [`WasmStr`](crate::WasmStr): `(ptr, len)` of UTF-8 bytes in linear
    /// memory, laid out as [`pair`](wasm_layout_rules::pair) says.
    Str,
    /// A [`WasmSlice<T>`](crate::WasmSlice): `(ptr, len)` of `T`s in linear
    /// memory, laid out as [`pair`](wasm_layout_rules::pair) says.
    Slice(SliceLayout),
    /// A `#[repr(C)] union` deriving `WasmLayout`.
    Union(UnionLayout),
    /// An [`Open<E>`](crate::Open): a fieldless enum read as its repr.
    Open(OpenLayout),
    /// An enum with fields, `#[repr(C, u8)]` (or `C, u16` / `C, u32`): a tag,
    /// then a union of the cases' field structs.
    Variant(VariantEnumLayout),
    /// An `Option<T>`: 0 for `None` where `T` is never 0 (`WasmPtr<T>`, the
    /// `NonZero` integers), else a `u8` tag (0 `None`, 1 `Some`) and `T`.
    Option(OptionLayout),
}

/// An enum with fields: a tag, then the payload, a union of one struct per
/// case, laid out as [`variant`](wasm_layout_rules::variant) says.
#[derive(Debug, Clone, Copy)]
pub struct VariantEnumLayout {
    /// The tag's integer type: `u8`, `u16` or `u32`.
    pub tag: Scalar,
    /// Offset of the payload union.
    pub payload: usize,
    /// The cases in declaration order.
    pub cases: &'static [CaseLayout],
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// The enum's doc comment (see [`StructLayout::doc`]).
    pub doc: &'static str,
}

/// One case of an enum with fields.
#[derive(Debug, Clone, Copy)]
pub struct CaseLayout {
    /// The Rust variant name.
    pub name: &'static str,
    /// The tag value that selects it.
    pub value: i64,
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// The variant's doc comment (see [`StructLayout::doc`]).
    pub doc: &'static str,
    /// Its fields' doc comments, by field index; empty when none has one
    /// (see [`StructLayout::field_docs`]).
    pub field_docs: &'static [&'static str],
    /// Its fields in declaration order, with offsets from the start of the
    /// enum (not of the payload). A tuple variant's fields are named `"0"`,
    /// `"1"`, …; a unit variant has none.
    pub fields: &'static [FieldLayout],
    /// Size of the case's own struct (its fields, laid out as a struct).
    pub size: usize,
    /// Alignment of the case's own struct.
    pub align: usize,
    /// Whether the variant is a tuple variant (`Rect(Point, Point)`).
    pub tuple: bool,
}

/// How an `Option<T>` tells `None` from `Some`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionRepr {
    /// `T` is never all zero bytes (`WasmPtr<T>`, `NonZeroU32`, …): the
    /// layout of `T`, and 0 is `None`.
    Zero,
    /// A `u8` tag (0 `None`, 1 `Some`, anything else invalid), then `T` at
    /// `payload`, as `#[repr(C, u8)] enum { None, Some(T) }`.
    Tagged {
        /// Offset of the `T`.
        payload: usize,
    },
}

/// An `Option<T>`.
#[derive(Debug, Clone, Copy)]
pub struct OptionLayout {
    /// The layout of `T`.
    pub some: &'static TypeLayout,
    /// How `None` is told apart.
    pub repr: OptionRepr,
}

/// The element type of a [`WasmSlice<T>`](crate::WasmSlice).
///
/// Reached through a function, as a pointer's target is, so that a struct may
/// hold a slice of itself (`struct Tree { children: WasmSlice<Tree> }`).
#[derive(Debug, Clone, Copy)]
pub struct SliceLayout {
    /// The element's Rust name.
    pub elem_name: &'static str,
    /// The element's layout.
    pub elem: fn() -> &'static TypeLayout,
}

/// The target of a [`WasmPtr<T>`](crate::WasmPtr).
///
/// The target is reached through a function so that a struct may point to
/// itself (`struct Node { next: WasmPtr<Node> }`) without a cycle in its
/// constant.
#[derive(Debug, Clone, Copy)]
pub struct PointerLayout {
    /// The pointee's Rust name.
    pub target_name: &'static str,
    /// The pointee's layout.
    pub target: fn() -> &'static TypeLayout,
}

/// A fixed-size array.
#[derive(Debug, Clone, Copy)]
pub struct ArrayLayout {
    /// The element type.
    pub elem: &'static TypeLayout,
    /// The number of elements.
    pub len: usize,
}

/// A struct: its fields in declaration order and how they are packed.
#[derive(Debug, Clone, Copy)]
pub struct StructLayout {
    /// Fields in declaration order.
    pub fields: &'static [FieldLayout],
    /// Natural, packed or raised alignment.
    pub repr: StructRepr,
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// `#[layout(rename_all = "…")]`: how generated code spells field names.
    pub rename_all: Option<RenameRule>,
    /// The struct's doc comment (`///` lines), its lines joined by `\n`
    /// and their common indentation removed; empty when it has none.
    /// Generated code carries it as a comment.
    pub doc: &'static str,
    /// The fields' doc comments, by field index, as [`doc`](Self::doc);
    /// empty when no field has one (read them with
    /// [`field_doc`](Self::field_doc)).
    pub field_docs: &'static [&'static str],
}

/// One field of a struct.
#[derive(Debug, Clone, Copy)]
pub struct FieldLayout {
    /// The Rust field name.
    pub name: &'static str,
    /// Offset from the start of the struct, in bytes.
    pub offset: usize,
    /// The field's type.
    pub ty: &'static TypeLayout,
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
}

/// A fieldless enum stored as its integer repr.
#[derive(Debug, Clone, Copy)]
pub struct EnumLayout {
    /// The repr: one of the integer scalars.
    pub repr: Scalar,
    /// The variants in declaration order.
    pub variants: &'static [VariantLayout],
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// The enum's doc comment (see [`StructLayout::doc`]).
    pub doc: &'static str,
}

/// One enum variant and its discriminant.
#[derive(Debug, Clone, Copy)]
pub struct VariantLayout {
    /// The Rust variant name.
    pub name: &'static str,
    /// The discriminant, sign-extended.
    pub value: i64,
    /// `#[layout(rename = "…")]`: the name in generated code.
    pub rename: Option<&'static str>,
    /// The variant's doc comment (see [`StructLayout::doc`]).
    pub doc: &'static str,
}

impl StructLayout {
    /// The doc comment of field `index`; empty if it has none.
    pub fn field_doc(&self, index: usize) -> &'static str {
        self.field_docs.get(index).copied().unwrap_or("")
    }

    /// Whether this is a tuple struct (`struct Pair(u32, f32)`): its fields
    /// are named `"0"`, `"1"`, … (C and Odin name them `_0`, `_1`, …, see
    /// [`tuple`](mod@wasm_layout_rules::tuple); TypeScript keys a tuple by
    /// index).
    ///
    /// ```
    /// # use wasm_layout_core::{StructLayout, StructRepr};
    /// let s = StructLayout { fields: &[], repr: StructRepr::Natural, rename: None, rename_all: None, doc: "", field_docs: &[] };
    /// assert!(!s.is_tuple(), "a struct without fields is not a tuple struct");
    /// ```
    pub fn is_tuple(&self) -> bool {
        !self.fields.is_empty()
            && self.fields.iter().all(|f| wasm_layout_rules::tuple::is_tuple_field(f.name))
    }

    /// The one field of a newtype (`struct EntityId(u32)`): a tuple struct
    /// with one field and neither `packed` nor `align`, whose layout is
    /// therefore its field's. Generated code emits it as a named alias of
    /// the field's type (a TypeScript type alias, a C `typedef`, an Odin
    /// `distinct` type).
    pub fn newtype(&self) -> Option<&'static FieldLayout> {
        match (self.fields, self.repr) {
            ([field], StructRepr::Natural) if self.is_tuple() => Some(field),
            _ => None,
        }
    }
}

impl CaseLayout {
    /// The doc comment of field `index`; empty if it has none.
    pub fn field_doc(&self, index: usize) -> &'static str {
        self.field_docs.get(index).copied().unwrap_or("")
    }
}

impl TypeLayout {
    /// The field called `name` (its Rust name), if this is a struct that has one.
    ///
    /// ```
    /// # use wasm_layout_core::WasmLayout;
    /// assert!(u32::LAYOUT.field("x").is_none());
    /// ```
    pub fn field(&self, name: &str) -> Option<&'static FieldLayout> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The fields of a struct in declaration order; empty for anything else.
    pub const fn fields(&self) -> &'static [FieldLayout] {
        match self.kind {
            TypeKind::Struct(s) => s.fields,
            _ => &[],
        }
    }

    /// The name generated code uses: the `rename` if one is set, else `name`.
    pub const fn export_name(&self) -> &'static str {
        match self.kind {
            TypeKind::Struct(StructLayout { rename: Some(r), .. })
            | TypeKind::Enum(EnumLayout { rename: Some(r), .. })
            | TypeKind::Union(UnionLayout { rename: Some(r), .. })
            | TypeKind::Variant(VariantEnumLayout { rename: Some(r), .. }) => r,
            _ => self.name,
        }
    }

    /// The doc comment of a struct, enum or union (see [`StructLayout::doc`]);
    /// empty for anything else.
    ///
    /// ```
    /// # use wasm_layout_core::WasmLayout;
    /// assert_eq!(u32::LAYOUT.doc(), "");
    /// ```
    pub const fn doc(&self) -> &'static str {
        match self.kind {
            TypeKind::Struct(StructLayout { doc, .. })
            | TypeKind::Enum(EnumLayout { doc, .. })
            | TypeKind::Variant(VariantEnumLayout { doc, .. })
            | TypeKind::Union(UnionLayout { doc, .. }) => doc,
            _ => "",
        }
    }

    /// The doc comment of the field called `name` (its Rust name); empty
    /// if it has none or there is no such field.
    pub fn field_doc(&self, name: &str) -> &'static str {
        match self.kind {
            TypeKind::Struct(s) => {
                s.fields.iter().position(|f| f.name == name).map_or("", |i| s.field_doc(i))
            }
            TypeKind::Union(u) => {
                u.members.iter().position(|f| f.name == name).map_or("", |i| u.member_doc(i))
            }
            _ => "",
        }
    }

    /// Bytes of padding after field `index` (before the next field, or before
    /// the end of the struct for the last one); 0 for anything but a struct.
    pub fn padding_after(&self, index: usize) -> usize {
        let fields = self.fields();
        let Some(f) = fields.get(index) else { return 0 };
        let next = fields.get(index.saturating_add(1)).map_or(self.size, |n| n.offset);
        next.saturating_sub(f.offset.saturating_add(f.ty.size))
    }

    /// Total padding bytes of a struct (not counting padding inside its
    /// fields); 0 for anything but a struct.
    pub fn padding(&self) -> usize {
        if !matches!(self.kind, TypeKind::Struct(_)) {
            return 0;
        }
        let first = self.fields().first().map_or(self.size, |f| f.offset);
        (0..self.fields().len()).fold(first, |sum, i| sum.saturating_add(self.padding_after(i)))
    }
}
