//! The file-scope helpers generated TypeScript calls, each emitted only when
//! used (so the file passes `noUnusedLocals`), with the helpers it calls.

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use crate::writer::Writer;

/// One helper: its name, the helpers it calls, its text (indented by two
/// spaces, as the file is).
struct Helper {
    name: &'static str,
    calls: &'static [&'static str],
    text: &'static str,
}

/// Every helper, in the order the file declares them.
const HELPERS: &[Helper] = &[
    Helper {
        name: "checkSpan",
        calls: &["badSpan"],
        text: r#"/** Throws unless `ptr` is an integer in [0, 2^32) and `size` bytes from it are in `view`. */
function checkSpan(view: DataView, ptr: number, size: number, type: string): void {
  if (!(typeof ptr === "number" && ptr % 1 === 0 && ptr >= 0 && ptr + size <= view.byteLength)) {
    badSpan(ptr, size, view.byteLength, type);
  }
}"#,
    },
    Helper {
        name: "badSpan",
        calls: &["badPtr", "outOfBounds"],
        text: r#"function badSpan(ptr: unknown, size: number, length: number, type: string): never {
  if (typeof ptr !== "number" || ptr % 1 !== 0 || ptr < 0 || ptr > 4294967295) badPtr(ptr, type);
  outOfBounds(ptr, size, length);
}"#,
    },
    Helper {
        name: "readFailed",
        calls: &["outOfBounds"],
        text: r#"/** After a read threw `error`: out of bounds, or `error` again. */
function readFailed(error: unknown, view: DataView, ptr: number, size: number): never {
  if (ptr + size > view.byteLength) outOfBounds(ptr, size, view.byteLength);
  throw error;
}"#,
    },
    Helper {
        name: "badPtr",
        calls: &["show"],
        text: r#"function badPtr(ptr: unknown, type: string): never {
  throw new RangeError(`${type}: the pointer ${show(ptr)} is not an integer in [0, 2^32)`);
}"#,
    },
    Helper {
        name: "outOfBounds",
        calls: &[],
        text: r#"function outOfBounds(ptr: number, size: number, length: number): never {
  throw new RangeError(`out of bounds: bytes ${ptr}..${ptr + size} needed, the memory is ${length} bytes long`);
}"#,
    },
    Helper {
        name: "readBoolAt",
        calls: &["invalidBool"],
        // The check stays small so V8 inlines it; the throw lives apart.
        text: r#"function readBoolAt(view: DataView, at: number, field: string): boolean {
  const byte = view.getUint8(at);
  return byte === 1 || (byte !== 0 && invalidBool(byte, at, field));
}"#,
    },
    Helper {
        name: "invalidBool",
        calls: &[],
        text: r#"function invalidBool(byte: number, at: number, field: string): never {
  const hex = byte.toString(16).padStart(2, "0");
  throw new RangeError(`invalid bool at offset ${at}: byte 0x${hex} is neither 0 nor 1 (${field})`);
}"#,
    },
    Helper {
        name: "invalidDiscriminant",
        calls: &[],
        text: r#"function invalidDiscriminant(type: string, at: number, value: number, field: string): never {
  throw new RangeError(`invalid discriminant for ${type} at offset ${at}: ${value} names no variant (${field})`);
}"#,
    },
    Helper {
        name: "checkInt",
        calls: &["badValue"],
        text: r#"/** Throws unless `value` is an integer in [min, max]. */
function checkInt(value: number, min: number, max: number, type: string, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    badValue(value, `a ${type} (an integer in ${min}..=${max})`, field);
  }
}"#,
    },
    Helper {
        name: "checkBig",
        calls: &["badValue"],
        text: r#"/** Throws unless `value` is a bigint a 64-bit integer holds. */
function checkBig(value: bigint, signed: boolean, type: string, field: string): void {
  if (typeof value !== "bigint" || (signed ? BigInt.asIntN(64, value) : BigInt.asUintN(64, value)) !== value) {
    const range = signed ? "-9223372036854775808n..=9223372036854775807n" : "0n..=18446744073709551615n";
    badValue(value, `a ${type} (a bigint in ${range})`, field);
  }
}"#,
    },
    Helper {
        name: "checkFloat",
        calls: &["badValue"],
        text: r#"function checkFloat(value: number, type: string, field: string): void {
  if (typeof value !== "number") badValue(value, `a ${type} (a number)`, field);
}"#,
    },
    Helper {
        name: "checkBool",
        calls: &["badValue"],
        text: r#"function checkBool(value: boolean, field: string): void {
  if (typeof value !== "boolean") badValue(value, "a bool (true or false)", field);
}"#,
    },
    Helper {
        name: "checkLength",
        calls: &["show"],
        text: r#"function checkLength(value: readonly unknown[], length: number, field: string): void {
  if (!Array.isArray(value) || value.length !== length) {
    const got = Array.isArray(value) ? `an array of ${value.length}` : show(value);
    throw new RangeError(`${field} must be an array of ${length} elements, not ${got}`);
  }
}"#,
    },
    Helper {
        name: "badValue",
        calls: &["show"],
        text: r#"function badValue(value: unknown, expected: string, field: string): never {
  throw new RangeError(`${field} must be ${expected}, not ${show(value)}`);
}"#,
    },
    Helper {
        name: "show",
        calls: &[],
        text: r#"/** A value as an error message shows it: `NaN`, `-1`, `18446744073709551616n`, `"text"`. */
function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}"#,
    },
    Helper {
        name: "zeroBytes",
        calls: &[],
        text: r#"function zeroBytes(view: DataView, at: number, length: number): void {
  for (let i = 0; i < length; i++) {
    view.setUint8(at + i, 0);
  }
}"#,
    },
    Helper {
        name: "dataViewOf",
        calls: &["emptyView", "cachedBuffer", "cachedView"],
        text: r#"/** One DataView per buffer, shared by every view of it. */
function dataViewOf(memory: WebAssembly.Memory): DataView {
  const buffer = memory.buffer;
  if (cachedBuffer !== buffer) {
    cachedBuffer = buffer;
    cachedView = new DataView(buffer);
  }
  return cachedView;
}"#,
    },
    Helper {
        name: "emptyView",
        calls: &[],
        text: r#"/** Every view's DataView before its first: the field never holds anything but a DataView. */
const emptyView: DataView = new DataView(new ArrayBuffer(0));"#,
    },
    Helper { name: "cachedBuffer", calls: &[], text: "let cachedBuffer: ArrayBufferLike | undefined;" },
    Helper { name: "cachedView", calls: &["emptyView"], text: "let cachedView: DataView = emptyView;" },
];

/// The names of every helper: taken in every file, so whether a type may be
/// declared does not depend on which helpers other types need.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    HELPERS.iter().map(|h| h.name)
}

/// Emits the helpers in `used` and those they call.
pub(crate) fn emit(w: &mut Writer, used: &BTreeSet<&'static str>) {
    let mut all = used.clone();
    // The call graph has no cycles and few levels: close it by fixpoint.
    loop {
        let before = all.len();
        let calls: Vec<&'static str> =
            HELPERS.iter().filter(|h| all.contains(h.name)).flat_map(|h| h.calls.iter().copied()).collect();
        all.extend(calls);
        if all.len() == before {
            break;
        }
    }
    let mut first = true;
    for h in HELPERS.iter().filter(|h| all.contains(h.name)) {
        if first {
            w.blank();
            first = false;
        }
        for line in h.text.lines() {
            w.line(format_args!("{line}"));
        }
    }
}
