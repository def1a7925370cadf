//! The generator: random struct shapes, seeded so that shape `k` of seed
//! `s` depends only on `(s, k)`.

use super::generic::{GenericDef, Instance};
use super::union::UnionDef;
use super::variant::VariantDef;

/// A splitmix64 stream: small, seedable, the same on every host.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64, index: usize) -> Self {
        let mut r = Rng(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(super) fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// A scalar field type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sc {
    U8,
    U16,
    U32,
    U64,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    Bool,
}

pub(super) const SCALARS: [Sc; 11] =
    [Sc::U8, Sc::U16, Sc::U32, Sc::U64, Sc::I8, Sc::I16, Sc::I32, Sc::I64, Sc::F32, Sc::F64, Sc::Bool];
pub(super) const ENUM_REPRS: [Sc; 6] = [Sc::U8, Sc::U16, Sc::U32, Sc::I8, Sc::I16, Sc::I32];
/// The integers that have a `NonZero` type.
pub(super) const NONZERO: [Sc; 8] = [Sc::U8, Sc::U16, Sc::U32, Sc::U64, Sc::I8, Sc::I16, Sc::I32, Sc::I64];

impl Sc {
    pub(super) fn rust(self) -> &'static str {
        match self {
            Sc::U8 => "u8",
            Sc::U16 => "u16",
            Sc::U32 => "u32",
            Sc::U64 => "u64",
            Sc::I8 => "i8",
            Sc::I16 => "i16",
            Sc::I32 => "i32",
            Sc::I64 => "i64",
            Sc::F32 => "f32",
            Sc::F64 => "f64",
            Sc::Bool => "bool",
        }
    }
    pub(super) fn c(self) -> &'static str {
        match self {
            Sc::U8 => "uint8_t",
            Sc::U16 => "uint16_t",
            Sc::U32 => "uint32_t",
            Sc::U64 => "uint64_t",
            Sc::I8 => "int8_t",
            Sc::I16 => "int16_t",
            Sc::I32 => "int32_t",
            Sc::I64 => "int64_t",
            Sc::F32 => "float",
            Sc::F64 => "double",
            Sc::Bool => "bool",
        }
    }
    pub(super) fn size(self) -> usize {
        match self {
            Sc::U8 | Sc::I8 | Sc::Bool => 1,
            Sc::U16 | Sc::I16 => 2,
            Sc::U32 | Sc::I32 | Sc::F32 => 4,
            Sc::U64 | Sc::I64 | Sc::F64 => 8,
        }
    }
    /// The discriminant range of an enum with this repr.
    pub(super) fn range(self) -> (i64, i64) {
        match self {
            Sc::U8 => (0, u8::MAX.into()),
            Sc::U16 => (0, u16::MAX.into()),
            Sc::U32 => (0, u32::MAX.into()),
            Sc::I8 => (i8::MIN.into(), i8::MAX.into()),
            Sc::I16 => (i16::MIN.into(), i16::MAX.into()),
            _ => (i32::MIN.into(), i32::MAX.into()),
        }
    }
}

/// What a `WasmPtr` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    Scalar(Sc),
    /// A struct or enum of the same shape (possibly the struct being defined).
    Named {
        name: String,
        is_enum: bool,
    },
}

/// A field type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ty {
    Scalar(Sc),
    Ptr(Target),
    Array(Box<Ty>, usize),
    /// Index into [`Shape::structs`].
    Struct(usize),
    /// Index into [`Shape::enums`].
    Enum(usize),
    /// Index into [`Shape::variants`]: an enum with fields.
    Variant(usize),
    /// Index into [`Shape::unions`]: a `#[repr(C)]` union.
    Union(usize),
    /// `WasmStr`: `(ptr, len)` of UTF-8 bytes.
    Str,
    /// `WasmSlice<T>`: `(ptr, len)` of elements.
    Slice(Box<Ty>),
    /// `Option<WasmPtr<T>>`: 0 is `None`.
    OptPtr(Target),
    /// `Option<NonZero…>` of an integer scalar: 0 is `None`.
    OptNonZero(Sc),
    /// `Option<T>` of a scalar, string, slice or enum: a `u8` tag (0, 1),
    /// then `T` at its alignment.
    OptTagged(Box<Ty>),
    /// The struct being defined, by name: only as a slice's element
    /// (`struct Tree { children: WasmSlice<Tree> }`).
    Own(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Repr {
    Natural,
    Packed,
    Aligned(usize),
}

#[derive(Debug, Clone)]
pub(super) struct StructDef {
    pub(super) name: String,
    pub(super) fields: Vec<Ty>,
    pub(super) repr: Repr,
    /// A tuple struct (`struct S(pub u8, pub u32);`, a newtype with one
    /// field): fields `0`, `1`, …, laid out as a struct's.
    pub(super) tuple: Form,
}

/// Whether a struct is a tuple struct, and a newtype's repr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Named fields `f0`, `f1`, ….
    Named,
    /// Fields `0`, `1`, ….
    Tuple,
    /// A one-field tuple struct with `#[repr(transparent)]`.
    Transparent,
}

#[derive(Debug, Clone)]
pub(super) struct EnumDef {
    pub(super) name: String,
    pub(super) repr: Sc,
    pub(super) values: Vec<i64>,
}

/// One generated shape: a top-level struct and every type it uses,
/// dependencies first (the top-level struct is the last).
#[derive(Debug, Clone)]
pub(super) struct Shape {
    pub(super) index: usize,
    pub(super) structs: Vec<StructDef>,
    pub(super) enums: Vec<EnumDef>,
    pub(super) variants: Vec<VariantDef>,
    pub(super) unions: Vec<UnionDef>,
    /// The structs and enums with fields, each after every type it holds.
    pub(super) order: Vec<Decl>,
    /// Generic struct definitions (see `generic`).
    pub(super) generics: Vec<GenericDef>,
    /// Their instantiations, each also a struct in `structs`.
    pub(super) instances: Vec<Instance>,
}

/// A struct, an enum with fields or a union, by index.
#[derive(Debug, Clone, Copy)]
pub(super) enum Decl {
    Struct(usize),
    Variant(usize),
    Union(usize),
}

pub(super) struct Gen {
    pub(super) rng: Rng,
    pub(super) shape: Shape,
    pub(super) names: usize,
}

impl Shape {
    pub(super) fn generate(seed: u64, index: usize) -> Shape {
        let mut g = Gen {
            rng: Rng::new(seed, index),
            shape: Shape {
                index,
                structs: vec![],
                enums: vec![],
                variants: vec![],
                unions: vec![],
                order: vec![],
                generics: vec![],
                instances: vec![],
            },
            names: 0,
        };
        g.structure(1);
        g.shape
    }
}

impl Gen {
    pub(super) fn name(&mut self, prefix: char) -> String {
        self.names += 1;
        format!("{prefix}{}_{}", self.shape.index, self.names)
    }

    /// A struct at nesting `depth` (1 is the top); returns its index.
    pub(super) fn structure(&mut self, depth: usize) -> usize {
        let name = self.name('S');
        let n = match self.rng.below(20) {
            0 => 0,
            1..=14 => 1 + self.rng.below(5),
            _ => 1 + self.rng.below(10),
        };
        let fields = (0..n).map(|_| self.field(depth, &name)).collect();
        let repr = match self.rng.below(10) {
            0 | 1 => Repr::Packed,
            2 | 3 => Repr::Aligned(1 << self.rng.below(8)),
            _ => Repr::Natural,
        };
        // One struct in four is a tuple struct; a natural one with one
        // field (a newtype) is `#[repr(transparent)]` half the time.
        let tuple = match (self.rng.percent(25), n, repr) {
            (false, _, _) => Form::Named,
            (true, 1, Repr::Natural) if self.rng.percent(50) => Form::Transparent,
            (true, _, _) => Form::Tuple,
        };
        self.shape.structs.push(StructDef { name, fields, repr, tuple });
        self.shape.order.push(Decl::Struct(self.shape.structs.len() - 1));
        self.shape.structs.len() - 1
    }

    pub(super) fn field(&mut self, depth: usize, own: &str) -> Ty {
        match self.rng.below(100) {
            0..=41 => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
            42..=49 => Ty::Ptr(self.target(own)),
            50..=53 => Ty::Str,
            54..=57 => self.slice(depth, own),
            58..=61 => self.option(depth, own),
            62..=69 => self.array(depth, 1),
            70..=76 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            77..=79 if depth < 4 => self.generic(depth + 1),
            80..=84 if depth < 4 => Ty::Variant(self.variant(depth + 1)),
            85..=87 if depth < 4 => Ty::Union(self.union(depth + 1)),
            70..=87 => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
            _ => Ty::Enum(self.enumeration()),
        }
    }

    pub(super) fn target(&mut self, own: &str) -> Target {
        let structs = self.shape.structs.len();
        let enums = self.shape.enums.len();
        match self.rng.below(4) {
            0 => Target::Named { name: own.to_string(), is_enum: false },
            1 if structs > 0 => Target::Named {
                name: self.shape.structs[self.rng.below(structs)].name.clone(),
                is_enum: false,
            },
            2 if enums > 0 => {
                Target::Named { name: self.shape.enums[self.rng.below(enums)].name.clone(), is_enum: true }
            }
            _ => Target::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        }
    }

    /// An array whose element may itself be an array (`level` counts them).
    pub(super) fn array(&mut self, depth: usize, level: usize) -> Ty {
        let len = if self.rng.percent(5) { 0 } else { 1 + self.rng.below(5) };
        let elem = match self.rng.below(10) {
            0..=2 if level < 3 => self.array(depth, level + 1),
            3 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            4 => Ty::Enum(self.enumeration()),
            5 => Ty::Ptr(Target::Scalar(SCALARS[self.rng.below(SCALARS.len())])),
            6 if self.rng.percent(50) => Ty::Str,
            6 => Ty::Slice(Box::new(Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]))),
            _ => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        };
        Ty::Array(Box::new(elem), len)
    }

    /// An `Option`: of a pointer or a `NonZero` integer (0 is `None`), or
    /// tagged, of a scalar, a string, a slice, a fieldless enum or a struct.
    pub(super) fn option(&mut self, depth: usize, own: &str) -> Ty {
        match self.rng.below(9) {
            7 if depth < 4 => Ty::OptTagged(Box::new(Ty::Struct(self.structure(depth + 1)))),
            0 | 1 => Ty::OptPtr(self.target(own)),
            2 | 3 => Ty::OptNonZero(NONZERO[self.rng.below(NONZERO.len())]),
            4 => Ty::OptTagged(Box::new(Ty::Str)),
            5 => Ty::OptTagged(Box::new(Ty::Slice(Box::new(Ty::Scalar(Sc::U16))))),
            6 => Ty::OptTagged(Box::new(Ty::Enum(self.enumeration()))),
            _ => Ty::OptTagged(Box::new(Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]))),
        }
    }

    /// A `WasmSlice<T>`: of a scalar, a pointer, a string, an array, an enum,
    /// a new struct, the struct being defined, or another slice.
    pub(super) fn slice(&mut self, depth: usize, own: &str) -> Ty {
        let elem = match self.rng.below(10) {
            0 => Ty::Ptr(self.target(own)),
            1 => Ty::Str,
            2 => self.array(depth, 2),
            3 => Ty::Enum(self.enumeration()),
            4 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            5 => Ty::Slice(Box::new(Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]))),
            6 => Ty::Own(own.to_string()),
            _ => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        };
        Ty::Slice(Box::new(elem))
    }

    pub(super) fn enumeration(&mut self) -> usize {
        let name = self.name('E');
        let repr = ENUM_REPRS[self.rng.below(ENUM_REPRS.len())];
        let (lo, hi) = repr.range();
        let span = (hi - lo) as u64 + 1;
        let mut values = Vec::new();
        for _ in 0..1 + self.rng.below(4) {
            let v = lo + (self.rng.next() % span) as i64;
            if !values.contains(&v) {
                values.push(v);
            }
        }
        self.shape.enums.push(EnumDef { name, repr, values });
        self.shape.enums.len() - 1
    }
}

#[cfg(test)]
#[path = "shape_tests.rs"]
mod tests;
