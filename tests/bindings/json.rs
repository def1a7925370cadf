//! The JSON of a value held by some bytes, found by walking its
//! descriptor, so that it shows what the bytes mean independently of the
//! generated TypeScript. A 64-bit integer is a string ending in `n`
//! (`"-5n"`), a NaN or infinity a string (`"NaN"`, `"Infinity"`,
//! `"-Infinity"`).

use std::fmt::Write;

use wasm_layout::codegen::{field_name, typescript_tuple};
use wasm_layout::{OptionRepr, Scalar, TypeKind, TypeLayout, WholeValue};

/// Appends the JSON for the `ty` held by `b` (exactly `ty.size` bytes).
pub fn decode_json(ty: &TypeLayout, b: &[u8], out: &mut String) {
    decode(ty, b, out);
}

/// Appends the JSON for the `ty` held by `b` (exactly `ty.size` bytes).
fn decode(ty: &TypeLayout, b: &[u8], out: &mut String) {
    let le = |n: usize| -> u64 { b[..n].iter().rev().fold(0u64, |acc, &x| acc << 8 | u64::from(x)) };
    match ty.kind {
        TypeKind::Scalar(s) => {
            let _ = match s {
                Scalar::Bool => write!(out, "{}", b[0] == 1),
                Scalar::U8 | Scalar::U16 | Scalar::U32 => write!(out, "{}", le(s.size())),
                Scalar::I8 => write!(out, "{}", b[0] as i8),
                Scalar::I16 => write!(out, "{}", le(2) as u16 as i16),
                Scalar::I32 => write!(out, "{}", le(4) as u32 as i32),
                Scalar::U64 => write!(out, "\"{}n\"", le(8)),
                Scalar::I64 => write!(out, "\"{}n\"", le(8) as i64),
                Scalar::F32 => float(out, f64::from(f32::from_bits(le(4) as u32))),
                Scalar::F64 => float(out, f64::from_bits(le(8))),
            };
        }
        TypeKind::Pointer(_) => {
            let _ = write!(out, "{}", le(4));
        }
        TypeKind::Str | TypeKind::Slice(_) => {
            let len = b[4..8].iter().rev().fold(0u32, |acc, &x| acc << 8 | u32::from(x));
            let _ = write!(out, "{{\"ptr\": {}, \"len\": {len}}}", le(4));
        }
        TypeKind::Enum(_) | TypeKind::Open(_) => {
            let repr = match ty.kind {
                TypeKind::Open(o) => o.repr(),
                TypeKind::Enum(e) => e.repr,
                _ => unreachable!(),
            };
            let raw = le(repr.size());
            let value = match repr.size() {
                1 if repr.is_signed() => i64::from(raw as u8 as i8),
                2 if repr.is_signed() => i64::from(raw as u16 as i16),
                4 if repr.is_signed() => i64::from(raw as u32 as i32),
                _ => raw as i64,
            };
            let _ = write!(out, "{value}");
        }
        TypeKind::Array(a) => {
            out.push('[');
            for i in 0..a.len {
                if i > 0 {
                    out.push_str(", ");
                }
                decode(a.elem, &b[i * a.elem.size..][..a.elem.size], out);
            }
            out.push(']');
        }
        TypeKind::Option(o) => {
            let (some, at) = match o.repr {
                OptionRepr::Zero => (b.iter().any(|&x| x != 0), 0),
                OptionRepr::Tagged { payload } => (b[0] == 1, payload),
            };
            if some {
                decode(o.some, &b[at..][..o.some.size], out);
            } else {
                out.push_str("null");
            }
        }
        TypeKind::Variant(v) => {
            let tag = b[..v.tag.size()].iter().rev().fold(0u64, |acc, &x| acc << 8 | u64::from(x)) as i64;
            let c = v.cases.iter().find(|c| c.value == tag).expect("a Rust-written tag names a case");
            let _ = write!(out, "{{\"tag\": \"{}\"", c.rename.unwrap_or(c.name));
            for f in c.fields {
                let _ = write!(out, ", \"{}\": ", f.rename.unwrap_or(f.name));
                decode(f.ty, &b[f.offset..][..f.ty.size], out);
            }
            out.push('}');
        }
        // A newtype's value is its field's.
        TypeKind::Struct(s) if s.newtype().is_some() => {
            let f = s.newtype().expect("a newtype");
            decode(f.ty, &b[f.offset..][..f.ty.size], out);
        }
        // A tuple struct's value is a TypeScript tuple.
        TypeKind::Struct(s) if typescript_tuple(&s) => {
            out.push('[');
            for (i, f) in s.fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                decode(f.ty, &b[f.offset..][..f.ty.size], out);
            }
            out.push(']');
        }
        TypeKind::Struct(s) => {
            out.push('{');
            for (i, f) in s.fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "\"{}\": ", field_name(&s, f));
                decode(f.ty, &b[f.offset..][..f.ty.size], out);
            }
            out.push('}');
        }
        // A fixture is a whole value, which a union is not.
        TypeKind::Union(_) => unreachable!("a union has no whole value"),
    }
}

fn float(out: &mut String, v: f64) -> std::fmt::Result {
    if v.is_nan() {
        write!(out, "\"NaN\"")
    } else if v.is_infinite() {
        write!(out, "\"{}Infinity\"", if v < 0.0 { "-" } else { "" })
    } else {
        // `{:?}` prints the shortest text that reads back as the same f64.
        write!(out, "{v:?}")
    }
}

/// Lowercase hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A golden fixture file, `{ "size", "values": [{ "hex", "value" }], "bad":
/// [{ "hex", "error" }] }`: each of `values` as `write_to` writes it (over
/// 0xA5 bytes) and as its bytes decode, and each bad input with Rust's error.
pub fn fixtures<T: WholeValue>(values: &[T], bad: &[(Vec<u8>, String)]) -> String {
    let mut out = format!("{{\n  \"size\": {},\n  \"values\": [\n", T::SIZE);
    for (i, v) in values.iter().enumerate() {
        let mut bytes = vec![0xA5u8; T::SIZE];
        v.write_to(&mut bytes).unwrap();
        let mut value = String::new();
        decode_json(T::LAYOUT, &bytes, &mut value);
        let comma = if i + 1 < values.len() { "," } else { "" };
        let _ = writeln!(out, "    {{ \"hex\": \"{}\", \"value\": {value} }}{comma}", hex(&bytes));
    }
    out.push_str("  ],\n  \"bad\": [\n");
    for (i, (bytes, error)) in bad.iter().enumerate() {
        let comma = if i + 1 < bad.len() { "," } else { "" };
        let _ = writeln!(out, "    {{ \"hex\": \"{}\", \"error\": \"{error}\" }}{comma}", hex(bytes));
    }
    out.push_str("  ]\n}\n");
    out
}
