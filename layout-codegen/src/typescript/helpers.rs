//! The file-scope helpers generated TypeScript calls, each emitted only when
//! used (so the file passes `noUnusedLocals`), with the helpers it calls.

use alloc::collections::BTreeSet;
use alloc::vec::Vec;

use crate::writer::Writer;

/// One helper: its name, the helpers it calls, its text (indented by two
/// spaces, as the file is).
pub(super) struct Helper {
    pub(super) name: &'static str,
    pub(super) calls: &'static [&'static str],
    pub(super) text: &'static str,
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
        name: "nonZero",
        calls: &[],
        text: r#"/** `null` for 0: an `Option` whose `None` is 0. */
function nonZero<T extends number | bigint>(value: T): T | null {
  return value === 0 || value === 0n ? null : value;
}"#,
    },
    Helper {
        name: "checkNonZero",
        calls: &["badValue"],
        text: r#"function checkNonZero(value: number | bigint, type: string, field: string): void {
  if (value === 0 || value === 0n) badValue(value, `a ${type} other than 0 (0 is None: write null)`, field);
}"#,
    },
    Helper {
        name: "checkObject",
        calls: &["badValue"],
        text: r#"/** Throws unless `value` is an object (`expected` says what it should be). */
function checkObject(value: unknown, expected: string, field: string): void {
  if (typeof value !== "object" || value === null) badValue(value, expected, field);
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
        name: "emptyView",
        calls: &[],
        text: r#"/** Every view's DataView before its first: the field never holds anything but a DataView. */
const emptyView: DataView = new DataView(new ArrayBuffer(0));"#,
    },
    Helper {
        name: "WasmStr",
        calls: &[],
        text: r#"/** A `WasmStr` field: a UTF-8 string of `len` bytes at byte `ptr` of the memory. */
export interface WasmStr {
  ptr: number;
  len: number;
}"#,
    },
    Helper {
        name: "WasmSlice",
        calls: &[],
        text: r#"/** A `WasmSlice<T>` field: `len` elements side by side from byte `ptr` of the memory. */
export interface WasmSlice {
  ptr: number;
  len: number;
}"#,
    },
    Helper {
        name: "checkPair",
        calls: &["badValue", "checkInt"],
        text: r#"/** Throws unless `value` is a `{ ptr, len }` of two integers in [0, 2^32). */
function checkPair(value: { ptr: number; len: number }, type: string, field: string): void {
  if (typeof value !== "object" || value === null) badValue(value, `a ${type} ({ ptr, len })`, field);
  checkInt(value.ptr, 0, 4294967295, `${type}.ptr`, field);
  checkInt(value.len, 0, 4294967295, `${type}.len`, field);
}"#,
    },
    Helper {
        name: "readStr",
        calls: &["WasmStr", "checkPair", "outOfBounds", "utf8Decoder", "utf8ValidUpTo"],
        text: r#"/**
 * The text of `s` in `view`, decoded as UTF-8. Throws a `RangeError` (with Rust's message and
 * offsets, counted from the start of `view`) for a null `ptr` with a length, bytes out of bounds,
 * or bad UTF-8 (at the first bad byte). An empty string is valid whatever its `ptr`. Shared
 * memory is copied first, as `TextDecoder` refuses shared views.
 */
export function readStr(view: DataView, s: WasmStr): string {
  checkPair(s, "WasmStr", "readStr");
  if (s.len === 0) return "";
  if (s.ptr === 0) throw new RangeError("null pointer to str");
  if (s.ptr + s.len > view.byteLength) outOfBounds(s.ptr, s.len, view.byteLength);
  const shared = new Uint8Array(view.buffer, view.byteOffset + s.ptr, s.len);
  const bytes = view.buffer instanceof ArrayBuffer ? shared : shared.slice();
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new RangeError(`invalid UTF-8 at offset ${s.ptr + utf8ValidUpTo(bytes)}`);
  }
}"#,
    },
    Helper {
        name: "utf8Decoder",
        calls: &[],
        text: r#"const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });"#,
    },
    Helper {
        name: "utf8ValidUpTo",
        calls: &[],
        text: r#"/** Where the first invalid UTF-8 sequence in `bytes` starts (Rust's `Utf8Error::valid_up_to`). */
function utf8ValidUpTo(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The continuation bytes, and the range of the first one.
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= n; k++) {
      const c = i + k < bytes.length ? bytes[i + k]! : -1;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return i;
}"#,
    },
];

/// The names of every helper: taken in every file, so whether a type may be
/// declared does not depend on which helpers other types need.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    every().flat_map(|h| core::iter::once(h.name).chain(h.text.lines().filter_map(declared)))
}

/// The name a line of a helper declares at file scope (`function memOfNew(`,
/// `export interface Typed<T>`, `const emptyTyped:`), read from the text
/// itself so that no list of them can fall behind.
fn declared(line: &'static str) -> Option<&'static str> {
    let line = line.strip_prefix("export ").unwrap_or(line);
    let rest = ["function ", "class ", "interface ", "type ", "const ", "let "]
        .iter()
        .find_map(|kw| line.strip_prefix(kw))?;
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Every helper: the plain ones, then those of live views and arrays.
fn every() -> impl Iterator<Item = &'static Helper> + Clone {
    HELPERS
        .iter()
        .chain(super::live::HELPERS)
        .chain(super::store::HELPERS)
        .chain(super::arrays::HELPERS)
        .chain(super::elems::HELPERS)
}

/// Emits the helpers in `used` and those they call.
pub(crate) fn emit(w: &mut Writer, used: &BTreeSet<&'static str>) {
    let mut all = used.clone();
    // The call graph has no cycles and few levels: close it by fixpoint.
    loop {
        let before = all.len();
        let calls: Vec<&'static str> =
            every().filter(|h| all.contains(h.name)).flat_map(|h| h.calls.iter().copied()).collect();
        all.extend(calls);
        if all.len() == before {
            break;
        }
    }
    let mut first = true;
    for h in every().filter(|h| all.contains(h.name)) {
        if first {
            w.blank();
            first = false;
        }
        for line in h.text.lines() {
            w.line(format_args!("{line}"));
        }
    }
}
