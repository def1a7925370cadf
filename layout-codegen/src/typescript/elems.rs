//! The element kinds (`Elems`) of live arrays of scalars, one constant per
//! scalar type, and the names a view's scalar field reads through.

use wasm_layout_core::descriptor::Scalar;

use super::helpers::Helper;

/// `Elems` of one scalar type: its constant, value type, typed array and
/// `Mem` member, log2 of its size, size, DataView accessors and check.
macro_rules! elems {
    ($name:literal, $ty:literal, $typed:literal, $member:literal, $shift:literal, $size:literal, $get:literal, $set:literal, $check:literal, $calls:literal) => {
        Helper {
            name: $name,
            calls: &["Elems", $calls],
            text: concat!(
                "const ",
                $name,
                ": Elems<",
                $ty,
                ", ",
                $ty,
                ", ",
                $typed,
                "> = {\n",
                "  size: ",
                $size,
                ",\n",
                "  shift: ",
                $shift,
                ",\n",
                "  typed: (m) => m.",
                $member,
                ",\n",
                "  view: (m, at) => m.dv.",
                $get,
                ",\n",
                "  load: (view, at) => view.",
                $get,
                ",\n",
                "  check: (value, field) => ",
                $check,
                ",\n",
                "  store: (view, at, value) => view.",
                $set,
                ",\n",
                "};"
            ),
        }
    };
}

/// The scalar element kinds, in the order the file declares them.
#[rustfmt::skip]
pub(super) const HELPERS: &[Helper] = &[
    elems!("u8Elems", "number", "Uint8Array", "u8", "0", "1", "getUint8(at)", "setUint8(at, value)", "checkInt(value, 0, 255, \"u8\", field)", "checkInt"),
    elems!("i8Elems", "number", "Int8Array", "i8", "0", "1", "getInt8(at)", "setInt8(at, value)", "checkInt(value, -128, 127, \"i8\", field)", "checkInt"),
    elems!("u16Elems", "number", "Uint16Array", "u16", "1", "2", "getUint16(at, true)", "setUint16(at, value, true)", "checkInt(value, 0, 65535, \"u16\", field)", "checkInt"),
    elems!("i16Elems", "number", "Int16Array", "i16", "1", "2", "getInt16(at, true)", "setInt16(at, value, true)", "checkInt(value, -32768, 32767, \"i16\", field)", "checkInt"),
    elems!("u32Elems", "number", "Uint32Array", "u32", "2", "4", "getUint32(at, true)", "setUint32(at, value, true)", "checkInt(value, 0, 4294967295, \"u32\", field)", "checkInt"),
    elems!("i32Elems", "number", "Int32Array", "i32", "2", "4", "getInt32(at, true)", "setInt32(at, value, true)", "checkInt(value, -2147483648, 2147483647, \"i32\", field)", "checkInt"),
    elems!("f32Elems", "number", "Float32Array", "f32", "2", "4", "getFloat32(at, true)", "setFloat32(at, value, true)", "checkFloat(value, \"f32\", field)", "checkFloat"),
    elems!("f64Elems", "number", "Float64Array", "f64", "3", "8", "getFloat64(at, true)", "setFloat64(at, value, true)", "checkFloat(value, \"f64\", field)", "checkFloat"),
    elems!("u64Elems", "bigint", "BigUint64Array", "u64", "3", "8", "getBigUint64(at, true)", "setBigUint64(at, value, true)", "checkBig(value, false, \"u64\", field)", "checkBig"),
    elems!("i64Elems", "bigint", "BigInt64Array", "i64", "3", "8", "getBigInt64(at, true)", "setBigInt64(at, value, true)", "checkBig(value, true, \"i64\", field)", "checkBig"),
    Helper {
        name: "boolElems",
        calls: &["Elems", "readBoolAt", "checkBool"],
        text: r#"const boolElems: Elems<boolean> = {
  size: 1,
  shift: -1,
  typed: () => null,
  view: (m, at, field) => readBoolAt(m.dv, at, field),
  load: readBoolAt,
  check: checkBool,
  store: (view, at, value) => view.setUint8(at, value ? 1 : 0),
};"#,
    },
];

/// The `Elems` constant of a scalar, its typed array type and its `Mem`
/// member (the typed array), and log2 of its size.
pub(super) fn scalar(s: Scalar) -> (&'static str, &'static str, &'static str, i32) {
    match s {
        Scalar::U8 => ("u8Elems", "Uint8Array", "u8", 0),
        Scalar::I8 => ("i8Elems", "Int8Array", "i8", 0),
        Scalar::U16 => ("u16Elems", "Uint16Array", "u16", 1),
        Scalar::I16 => ("i16Elems", "Int16Array", "i16", 1),
        Scalar::U32 => ("u32Elems", "Uint32Array", "u32", 2),
        Scalar::I32 => ("i32Elems", "Int32Array", "i32", 2),
        Scalar::F32 => ("f32Elems", "Float32Array", "f32", 2),
        Scalar::F64 => ("f64Elems", "Float64Array", "f64", 3),
        Scalar::U64 => ("u64Elems", "BigUint64Array", "u64", 3),
        Scalar::I64 => ("i64Elems", "BigInt64Array", "i64", 3),
        Scalar::Bool => ("boolElems", "never", "u8", -1),
    }
}
