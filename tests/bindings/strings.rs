//! `strings.json`: what Rust's `WasmStr::read` says about strings in a small
//! memory (the text, or the error's message), for the generated `readStr`
//! to agree with: bad UTF-8 at every position of a short string, a string
//! cut inside a character, a byte-order mark, empty, null and out-of-range
//! `(ptr, len)` pairs, `ptr + len` past 4 GiB included.

use std::fmt::Write;

use wasm_layout::WasmStr;

/// Where the strings sit in the memory, and its size.
const BASE: usize = 40;
const MEMORY: usize = 64;

/// A memory holding `bytes` at [`BASE`], and the pair that names them.
fn placed(bytes: &[u8]) -> (Vec<u8>, WasmStr) {
    let mut memory = vec![b'.'; MEMORY];
    memory[BASE..BASE + bytes.len()].copy_from_slice(bytes);
    (memory, WasmStr::new(BASE as u32, bytes.len() as u32))
}

/// Every case: a memory and a pair.
fn cases() -> Vec<(Vec<u8>, WasmStr)> {
    let text = "aé€😀z".as_bytes();
    let mut out = vec![placed(text)];
    for bad in 0..text.len() {
        for byte in [0xFF, 0x80, 0xC0, 0xED, b'a'] {
            let mut t = text.to_vec();
            t[bad] = byte;
            out.push(placed(&t));
        }
    }
    out.push(placed(&"€".as_bytes()[..2]));
    out.push(placed("\u{FEFF}bom".as_bytes()));
    out.push(placed(&[0xED, 0xA0, 0x80])); // a surrogate
    out.push(placed(&[0xF4, 0x90, 0x80, 0x80])); // past U+10FFFF
    out.push(placed(&[0xE0, 0x80, 0x80])); // overlong
    let memory = vec![b'x'; MEMORY];
    for (ptr, len) in [
        (0, 0),
        (MEMORY as u32 + 1, 0),
        (u32::MAX, 0),
        (0, 1),
        (60, 4),
        (60, 5),
        (u32::MAX, 1),
        (u32::MAX, u32::MAX),
        (1, u32::MAX),
    ] {
        out.push((memory.clone(), WasmStr::new(ptr, len)));
    }
    out
}

/// `{ "hex", "ptr", "len", "text" | "error" }` per case.
pub fn json() -> String {
    let cases = cases();
    let mut out = String::from("[\n");
    for (i, (memory, s)) in cases.iter().enumerate() {
        let hex: String = memory.iter().map(|b| format!("{b:02x}")).collect();
        let result = match s.read(memory) {
            Ok(text) => format!("\"text\": \"{}\"", json_escape(text)),
            Err(e) => format!("\"error\": \"{e}\""),
        };
        let comma = if i + 1 < cases.len() { "," } else { "" };
        let _ = writeln!(
            out,
            "  {{ \"hex\": \"{hex}\", \"ptr\": {}, \"len\": {}, {result} }}{comma}",
            s.ptr(),
            s.len()
        );
    }
    out.push_str("]\n");
    out
}

/// `text` inside a JSON string: quotes, backslashes and control characters
/// escaped, everything else as it is.
fn json_escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '\\' => format!("\\{c}"),
            c if u32::from(c) < 0x20 => format!("\\u{:04x}", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn the_cases_cover_every_error() {
    let text = json();
    for needle in
        ["invalid UTF-8 at offset 40", "invalid UTF-8 at offset 49", "null pointer to str", "out of bounds"]
    {
        assert!(text.contains(needle), "{needle}");
    }
    assert!(text.contains("\"text\": \"\u{FEFF}bom\""), "a byte-order mark is kept");
}
