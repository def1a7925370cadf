//! The layout fingerprint: a stable 64-bit hash of a [`TypeLayout`].
//!
//! A host and a guest built from the same Rust types get the same number; the
//! generated TypeScript, C and Odin carry it as a constant, so each side can
//! check at start-up that it agrees with the other.
//!
//! # Definition
//!
//! The fingerprint is FNV-1a 64 (offset basis `0xcbf29ce484222325`, prime
//! `0x100000001b3`, one byte at a time: `h ^= byte; h = h * prime mod 2^64`)
//! over the canonical encoding `enc(T)` of the layout, defined as follows.
//! `u64(n)` is `n` as 8 bytes little-endian; `str(s)` is `u64(len) ++ UTF-8
//! bytes of s`; `opt(None)` is the byte `0x00` and `opt(Some(s))` the byte
//! `0x01 ++ str(s)`.
//!
//! ```text
//! enc(T) = tag ++ str(T.name) ++ u64(T.size) ++ u64(T.align) ++ body
//!
//! kind      tag   body
//! Scalar    0x01  (nothing: the name says which: "u8" … "f64", "bool")
//! Pointer   0x02  str(target_name)           (the target's Rust name only)
//! Array     0x03  u64(len) ++ enc(elem)
//! Struct    0x04  repr ++ opt(rename) ++ rule ++ u64(field count)
//!                 ++ for each field in order:
//!                    str(name) ++ opt(rename) ++ u64(offset) ++ enc(field type)
//! Enum      0x05  byte(repr scalar code) ++ opt(rename) ++ u64(variant count)
//!                 ++ for each variant in order:
//!                    str(name) ++ opt(rename) ++ u64(value as two's complement)
//! Str       0x06  (nothing: a WasmStr is always the same pair)
//! Slice     0x07  str(elem_name)             (the element's Rust name only)
//! Variant   0x08  byte(tag scalar code) ++ opt(rename) ++ u64(payload offset)
//!                 ++ u64(case count) ++ for each case in order:
//!                    str(name) ++ opt(rename) ++ u64(value as two's complement)
//!                    ++ byte(0x01 tuple, 0x00 otherwise) ++ u64(size) ++ u64(align)
//!                    ++ u64(field count) ++ for each field in order:
//!                       str(name) ++ opt(rename) ++ u64(offset) ++ enc(field type)
//! Option    0x09  0x00 (0 is None) or 0x01 ++ u64(payload offset) (tagged)
//!                 ++ enc(T)
//! Union     0x10  opt(rename) ++ u64(member count)
//!                 ++ for each member in order:
//!                    str(name) ++ opt(rename) ++ enc(member type)
//! Open      0x11  enc(inner enum)
//!
//! repr:  0x00 natural, 0x01 packed, 0x02 ++ u64(N) for align = N
//! rule:  0x00 none, then 0x01 … 0x06 for lowercase, UPPERCASE, PascalCase,
//!        camelCase, snake_case, SCREAMING_SNAKE_CASE
//! scalar codes: u8 0x01, u16 0x02, u32 0x03, u64 0x04, i8 0x05, i16 0x06,
//!               i32 0x07, i64 0x08, f32 0x09, f64 0x0a, bool 0x0b
//! ```
//!
//! A tuple struct, a newtype included, is a `Struct` whose fields are
//! named `"0"`, `"1"`, …: its own name and the struct tag tell a newtype
//! from its field's type, and a change to its field changes its
//! fingerprint.
//!
//! Names are the Rust names; renames are hashed where they are given, so a
//! rename changes the fingerprint just as the generated code changes. A
//! pointer contributes only its target's name, not the target's layout, which
//! keeps self-referential types finite (and is all a `const fn` can see); a
//! slice likewise contributes its element's name.

use crate::descriptor::{FieldLayout, OptionRepr, RenameRule, Scalar, TypeKind, TypeLayout};
use crate::rules::StructRepr;

use wasm_layout_rules::fnv::{byte, bytes, OFFSET_BASIS};

/// The layout fingerprint of `layout`; see the [module documentation](self)
/// for the exact definition. Every [`WasmLayout`](crate::WasmLayout) type has
/// it as `FINGERPRINT`.
///
/// ```
/// use wasm_layout_core::{fingerprint, WasmLayout};
/// assert_eq!(u32::FINGERPRINT, fingerprint(u32::LAYOUT));
/// assert_ne!(u32::FINGERPRINT, i32::FINGERPRINT);
/// assert_ne!(<[u8; 2]>::FINGERPRINT, <[u8; 3]>::FINGERPRINT);
/// ```
pub const fn fingerprint(layout: &TypeLayout) -> u64 {
    hash_layout(OFFSET_BASIS, layout)
}

const fn num(h: u64, n: u64) -> u64 {
    bytes(h, &n.to_le_bytes())
}

const fn string(h: u64, s: &str) -> u64 {
    bytes(num(h, s.len() as u64), s.as_bytes())
}

const fn opt(h: u64, s: Option<&str>) -> u64 {
    match s {
        None => byte(h, 0),
        Some(s) => string(byte(h, 1), s),
    }
}

const fn scalar_code(s: Scalar) -> u8 {
    match s {
        Scalar::U8 => 1,
        Scalar::U16 => 2,
        Scalar::U32 => 3,
        Scalar::U64 => 4,
        Scalar::I8 => 5,
        Scalar::I16 => 6,
        Scalar::I32 => 7,
        Scalar::I64 => 8,
        Scalar::F32 => 9,
        Scalar::F64 => 10,
        Scalar::Bool => 11,
    }
}

const fn rule_code(r: Option<RenameRule>) -> u8 {
    match r {
        None => 0,
        Some(RenameRule::Lower) => 1,
        Some(RenameRule::Upper) => 2,
        Some(RenameRule::Pascal) => 3,
        Some(RenameRule::Camel) => 4,
        Some(RenameRule::Snake) => 5,
        Some(RenameRule::ScreamingSnake) => 6,
    }
}

/// `u64(count)` and each field's name, rename, offset and type.
const fn hash_fields(mut h: u64, fields: &[FieldLayout]) -> u64 {
    h = num(h, fields.len() as u64);
    let mut i = 0;
    while i < fields.len() {
        let f = &fields[i];
        h = num(opt(string(h, f.name), f.rename), f.offset as u64);
        h = hash_layout(h, f.ty);
        i += 1;
    }
    h
}

const fn hash_layout(h: u64, t: &TypeLayout) -> u64 {
    let tag = match t.kind {
        TypeKind::Scalar(_) => 1,
        TypeKind::Pointer(_) => 2,
        TypeKind::Array(_) => 3,
        TypeKind::Struct(_) => 4,
        TypeKind::Enum(_) => 5,
        TypeKind::Str => 6,
        TypeKind::Slice(_) => 7,
        TypeKind::Variant(_) => 8,
        TypeKind::Option(_) => 9,
        TypeKind::Union(_) => 0x10,
        TypeKind::Open(_) => 0x11,
    };
    let mut h = num(num(string(byte(h, tag), t.name), t.size as u64), t.align as u64);
    match t.kind {
        TypeKind::Scalar(_) | TypeKind::Str => h,
        TypeKind::Pointer(p) => string(h, p.target_name),
        TypeKind::Slice(s) => string(h, s.elem_name),
        TypeKind::Array(a) => hash_layout(num(h, a.len as u64), a.elem),
        TypeKind::Struct(s) => {
            h = match s.repr {
                StructRepr::Natural => byte(h, 0),
                StructRepr::Packed => byte(h, 1),
                StructRepr::Aligned(n) => num(byte(h, 2), n as u64),
            };
            h = byte(opt(h, s.rename), rule_code(s.rename_all));
            hash_fields(h, s.fields)
        }
        TypeKind::Variant(v) => {
            h = num(opt(byte(h, scalar_code(v.tag)), v.rename), v.payload as u64);
            h = num(h, v.cases.len() as u64);
            let mut i = 0;
            while i < v.cases.len() {
                let c = &v.cases[i];
                h = num(opt(string(h, c.name), c.rename), c.value as u64);
                h = num(num(byte(h, c.tuple as u8), c.size as u64), c.align as u64);
                h = hash_fields(h, c.fields);
                i += 1;
            }
            h
        }
        TypeKind::Option(o) => {
            h = match o.repr {
                OptionRepr::Zero => byte(h, 0),
                OptionRepr::Tagged { payload } => num(byte(h, 1), payload as u64),
            };
            hash_layout(h, o.some)
        }
        TypeKind::Union(u) => {
            h = num(opt(h, u.rename), u.members.len() as u64);
            let mut i = 0;
            while i < u.members.len() {
                let m = &u.members[i];
                h = hash_layout(opt(string(h, m.name), m.rename), m.ty);
                i += 1;
            }
            h
        }
        TypeKind::Open(o) => hash_layout(h, o.inner),
        TypeKind::Enum(e) => {
            h = opt(byte(h, scalar_code(e.repr)), e.rename);
            h = num(h, e.variants.len() as u64);
            let mut i = 0;
            while i < e.variants.len() {
                let v = &e.variants[i];
                h = num(opt(string(h, v.name), v.rename), v.value as u64);
                i += 1;
            }
            h
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WasmLayout;

    #[test]
    fn fnv1a_reference_values() {
        // The published FNV-1a 64 test vectors: "" and "a".
        assert_eq!(bytes(OFFSET_BASIS, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(bytes(OFFSET_BASIS, b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn scalar_encoding_is_as_documented() {
        let mut enc = alloc::vec![1u8];
        enc.extend_from_slice(&3u64.to_le_bytes());
        enc.extend_from_slice(b"u32");
        enc.extend_from_slice(&4u64.to_le_bytes());
        enc.extend_from_slice(&4u64.to_le_bytes());
        assert_eq!(u32::FINGERPRINT, bytes(OFFSET_BASIS, &enc));
    }

    #[test]
    fn pointers_hash_the_target_name_only() {
        type P = crate::WasmPtr<u8>;
        let mut enc = alloc::vec![2u8];
        enc.extend_from_slice(&7u64.to_le_bytes());
        enc.extend_from_slice(b"WasmPtr");
        enc.extend_from_slice(&4u64.to_le_bytes());
        enc.extend_from_slice(&4u64.to_le_bytes());
        enc.extend_from_slice(&2u64.to_le_bytes());
        enc.extend_from_slice(b"u8");
        assert_eq!(P::FINGERPRINT, bytes(OFFSET_BASIS, &enc));
        assert_ne!(P::FINGERPRINT, crate::WasmPtr::<u16>::FINGERPRINT);
    }

    #[test]
    fn strings_and_slices_are_as_documented() {
        let head = |tag: u8, name: &str| {
            let mut enc = alloc::vec![tag];
            enc.extend_from_slice(&(name.len() as u64).to_le_bytes());
            enc.extend_from_slice(name.as_bytes());
            enc.extend_from_slice(&8u64.to_le_bytes());
            enc.extend_from_slice(&4u64.to_le_bytes());
            enc
        };
        assert_eq!(crate::WasmStr::FINGERPRINT, bytes(OFFSET_BASIS, &head(6, "WasmStr")));
        let mut enc = head(7, "WasmSlice");
        enc.extend_from_slice(&3u64.to_le_bytes());
        enc.extend_from_slice(b"f32");
        type S = crate::WasmSlice<f32>;
        assert_eq!(S::FINGERPRINT, bytes(OFFSET_BASIS, &enc));
        assert_ne!(S::FINGERPRINT, crate::WasmSlice::<u32>::FINGERPRINT);
        assert_ne!(S::FINGERPRINT, crate::WasmStr::FINGERPRINT);
    }

    #[test]
    fn unions_and_open_enums_are_as_documented() {
        use crate::descriptor::{FieldLayout, OpenLayout, UnionLayout};
        let head = |tag: u8, name: &str, size: u64| {
            let mut enc = alloc::vec![tag];
            enc.extend_from_slice(&(name.len() as u64).to_le_bytes());
            enc.extend_from_slice(name.as_bytes());
            enc.extend_from_slice(&size.to_le_bytes());
            enc.extend_from_slice(&size.to_le_bytes());
            enc
        };
        const MEMBERS: [FieldLayout; 1] =
            [FieldLayout { name: "a", offset: 0, ty: u32::LAYOUT, rename: Some("b") }];
        let u = TypeLayout {
            name: "U",
            size: 4,
            align: 4,
            kind: TypeKind::Union(UnionLayout { members: &MEMBERS, rename: None, doc: "", member_docs: &[] }),
        };
        let mut enc = head(0x10, "U", 4);
        enc.push(0);
        enc.extend_from_slice(&1u64.to_le_bytes());
        enc.extend_from_slice(&1u64.to_le_bytes());
        enc.push(b'a');
        enc.push(1);
        enc.extend_from_slice(&1u64.to_le_bytes());
        enc.push(b'b');
        enc.extend_from_slice(&head(1, "u32", 4));
        assert_eq!(fingerprint(&u), bytes(OFFSET_BASIS, &enc));

        let o = TypeLayout {
            name: "Open",
            size: 4,
            align: 4,
            kind: TypeKind::Open(OpenLayout { inner: u32::LAYOUT }),
        };
        let mut enc = head(0x11, "Open", 4);
        enc.extend_from_slice(&head(1, "u32", 4));
        assert_eq!(fingerprint(&o), bytes(OFFSET_BASIS, &enc));
    }
}
