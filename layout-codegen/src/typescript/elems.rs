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

/// The `LiveArray` class of one scalar type, whose `get`, `reduce` and
/// `forEach` read the memory's typed array: one `get` for every element
/// type would have V8 see every type's typed array at one access and check
/// which it holds (a column's scan half as fast again once a program has
/// used columns of several types; code of its own per type keeps each
/// access to one class).
macro_rules! live {
    ($name:literal, $ty:literal, $typed:literal, $elems:literal) => {
        Helper {
            name: $name,
            calls: &["LiveArray", $elems, "badIndex"],
            text: concat!(
                "/** A `LiveArray` of the elements a `", $typed, "` holds, with its own `get` and scans. */\n",
                "class ", $name, " extends LiveArray<", $ty, ", ", $ty, ", ", $typed, r#"> {
  constructor(m: Mem, ptr: number, length: number, stride: number, field: string) {
    super(m, ptr, length, stride, "#, $elems, r#", field);
  }
  override get(i: number): "#, $ty, r#" {
    if (!(i >= 0 && i < this.length && i % 1 === 0)) badIndex(i, this.length, this.field);
    // Where the typed array may not serve, it is empty: `undefined`. The
    // index is computed in 32 bits, with no overflow check: the true index
    // is below 2^32 (the constructor's bounds), so the wrapped one is either
    // it or negative (`undefined` too, then the DataView's path).
    const x = this.typed[(Math.imul(i, this.step) + this.first) | 0];
    if (x !== undefined) return x;
    return this.slow(i);
  }
  /** `LiveArray`'s `reduce`, reading the typed array directly where `get` may, its position kept in locals. */
  override reduce<U>(fn: (acc: U, value: "#, $ty, r#", index: number) => U, initial: U): U {
    let acc = initial;
    let i = 0;
    const n = this.length;
    const step = this.step;
    if (step !== 0) {
      const typed = this.typed;
      for (let k = this.first; i < n; i++, k += step) {
        const x = typed[k];
        if (x === undefined) break;
        acc = fn(acc, x, i);
      }
    }
    for (; i < n; i++) acc = fn(acc, this.get(i), i);
    return acc;
  }
  /** `LiveArray`'s `forEach`, reading like `reduce`. */
  override forEach(fn: (value: "#, $ty, r#", index: number) => void): void {
    let i = 0;
    const n = this.length;
    const step = this.step;
    if (step !== 0) {
      const typed = this.typed;
      for (let k = this.first; i < n; i++, k += step) {
        const x = typed[k];
        if (x === undefined) break;
        fn(x, i);
      }
    }
    for (; i < n; i++) fn(this.get(i), i);
  }
}"#
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
    live!("LiveArrayU8", "number", "Uint8Array", "u8Elems"),
    live!("LiveArrayI8", "number", "Int8Array", "i8Elems"),
    live!("LiveArrayU16", "number", "Uint16Array", "u16Elems"),
    live!("LiveArrayI16", "number", "Int16Array", "i16Elems"),
    live!("LiveArrayU32", "number", "Uint32Array", "u32Elems"),
    live!("LiveArrayI32", "number", "Int32Array", "i32Elems"),
    live!("LiveArrayF32", "number", "Float32Array", "f32Elems"),
    live!("LiveArrayF64", "number", "Float64Array", "f64Elems"),
    live!("LiveArrayU64", "bigint", "BigUint64Array", "u64Elems"),
    live!("LiveArrayI64", "bigint", "BigInt64Array", "i64Elems"),
    Helper {
        name: "LiveArrayBool",
        calls: &["LiveArray", "boolElems"],
        text: r#"/** The `LiveArray` of `bool`s (no typed array holds them: `LiveArray`'s `get`). */
class LiveArrayBool extends LiveArray<boolean> {
  constructor(m: Mem, ptr: number, length: number, stride: number, field: string) {
    super(m, ptr, length, stride, boolElems, field);
  }
}"#,
    },
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

/// What the generated code names for one scalar type.
pub(super) struct ScalarNames {
    /// Its `Elems` constant.
    pub(super) elems: &'static str,
    /// The memory's typed array of it (`never` for `bool`, which has none).
    pub(super) typed: &'static str,
    /// The `Mem` member holding that typed array.
    pub(super) member: &'static str,
    /// log2 of its size where a typed array holds it, else -1.
    pub(super) shift: i32,
    /// Its `LiveArray` class.
    pub(super) live: &'static str,
}

/// The names of scalar `s`'s element kind.
pub(super) fn scalar(s: Scalar) -> ScalarNames {
    let (elems, typed, member, shift, live) = match s {
        Scalar::U8 => ("u8Elems", "Uint8Array", "u8", 0, "LiveArrayU8"),
        Scalar::I8 => ("i8Elems", "Int8Array", "i8", 0, "LiveArrayI8"),
        Scalar::U16 => ("u16Elems", "Uint16Array", "u16", 1, "LiveArrayU16"),
        Scalar::I16 => ("i16Elems", "Int16Array", "i16", 1, "LiveArrayI16"),
        Scalar::U32 => ("u32Elems", "Uint32Array", "u32", 2, "LiveArrayU32"),
        Scalar::I32 => ("i32Elems", "Int32Array", "i32", 2, "LiveArrayI32"),
        Scalar::F32 => ("f32Elems", "Float32Array", "f32", 2, "LiveArrayF32"),
        Scalar::F64 => ("f64Elems", "Float64Array", "f64", 3, "LiveArrayF64"),
        Scalar::U64 => ("u64Elems", "BigUint64Array", "u64", 3, "LiveArrayU64"),
        Scalar::I64 => ("i64Elems", "BigInt64Array", "i64", 3, "LiveArrayI64"),
        Scalar::Bool => ("boolElems", "never", "u8", -1, "LiveArrayBool"),
    };
    ScalarNames { elems, typed, member, shift, live }
}
