//! The hex dump of any range of any memory: an error exactly when the range
//! is out of bounds, else the same text as a reference formatter.
#![no_main]
#![forbid(unsafe_code)]

use std::fmt::Write;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasm_layout::memory::{hex_dump, HexDump};

#[derive(Arbitrary, Debug)]
struct Input {
    start: usize,
    len: usize,
    memory: Vec<u8>,
}

/// The format, stated once more: per 16 bytes, the address in 8 hex digits,
/// two spaces, the bytes in hex padded to 48 columns, two spaces, ASCII.
fn reference(bytes: &[u8], start: usize) -> String {
    let mut out = String::new();
    for (i, line) in bytes.chunks(16).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let hex: Vec<String> = line.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String =
            line.iter().map(|&b| if (0x20..0x7f).contains(&b) { b as char } else { '.' }).collect();
        write!(out, "{:08x}  {:<48}  {ascii}", start + 16 * i, hex.join(" ")).unwrap();
    }
    out
}

fuzz_target!(|input: Input| {
    let Input { start, len, memory } = input;
    // Keep the output small: the interesting part is the bounds.
    let len = if len % 4 == 0 { len } else { len % 4096 };
    let fits = start.checked_add(len).is_some_and(|end| end <= memory.len());
    let dump = hex_dump(&memory, start, len);
    assert_eq!(dump.is_ok(), fits, "start {start} len {len} in {}", memory.len());
    assert_eq!(HexDump::new(&memory, start, len).is_ok(), fits);
    if let Ok(text) = dump {
        assert_eq!(text, reference(&memory[start..start + len], start));
        assert_eq!(HexDump::new(&memory, start, len).unwrap().to_string(), text);
    }
});
