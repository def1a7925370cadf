//! Strings and slices in linear memory: `WasmStr::read` against
//! `core::str::from_utf8` on the same bytes, and iterating a
//! `WasmSlice<f32>` view against the slice view of the same floats.
//!
//! Each kernel takes the whole memory: the string or slice is all of it
//! after the first [`AT`] bytes (a pointer 0 with a length is null).

use wasm_layout::{WasmLayout, WasmSlice, WasmStr};

use super::{buffer, Scan};

/// Where the string or slice starts in a kernel's memory.
pub const AT: usize = 8;

/// `bytes` bytes (rounded down to a whole character) of UTF-8 text mixing
/// ASCII with two-, three- and four-byte characters, as names and labels do.
pub fn text(bytes: usize) -> Vec<u8> {
    const SAMPLE: &str = "Ada Lovelace, Zürich; 名前 → 🦀 crab. ";
    let mut out = String::with_capacity(bytes);
    'fill: loop {
        for c in SAMPLE.chars() {
            if out.len() + c.len_utf8() > bytes {
                break 'fill;
            }
            out.push(c);
        }
    }
    out.into_bytes()
}

/// The memory a pair kernel runs on: [`AT`] zero bytes, then `n` bytes of
/// [`text`] for `str/*`, of [`buffer`] (floats among other fields) for the
/// others.
pub fn pair_input(kernel: &str, n: usize) -> Vec<u8> {
    let mut memory = vec![0; AT];
    if kernel.starts_with("str/") {
        memory.extend(text(n));
    } else {
        memory.extend_from_slice(bytemuck::cast_slice(&buffer(n)));
    }
    memory
}

#[inline(never)]
pub fn str_read(memory: &[u8]) -> usize {
    WasmStr::new(AT as u32, (memory.len() - AT) as u32).read(memory).expect("UTF-8").len()
}

#[inline(never)]
pub fn str_from_utf8(memory: &[u8]) -> usize {
    core::str::from_utf8(&memory[AT..]).expect("UTF-8").len()
}

#[inline(never)]
pub fn slice_wasm_slice(memory: &[u8]) -> f32 {
    let floats = WasmSlice::<f32>::new(AT as u32, ((memory.len() - AT) / 4) as u32);
    floats.view(memory).expect("fits").iter().sum()
}

#[inline(never)]
pub fn slice_view_slice(memory: &[u8]) -> f32 {
    f32::view_slice(&memory[AT..], (memory.len() - AT) / 4).expect("fits").iter().sum()
}

#[inline(never)]
pub fn slice_hand(memory: &[u8]) -> f32 {
    memory[AT..].chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes"))).sum()
}

/// Every string and slice kernel, by name; the input is [`pair_input`].
pub const PAIRS: &[Scan] = &[
    ("str/read", |m| str_read(m) as f64),
    ("str/from_utf8", |m| str_from_utf8(m) as f64),
    ("slice/wasm_slice", |m| slice_wasm_slice(m) as f64),
    ("slice/view_slice", |m| slice_view_slice(m) as f64),
    ("slice/hand", |m| slice_hand(m) as f64),
];

/// Each group's kernels compute the same result.
pub fn pairs_agree() {
    for group in ["str/", "slice/"] {
        let input = pair_input(group, 1 << 12);
        let results: Vec<(&str, f64)> =
            PAIRS.iter().filter(|(n, _)| n.starts_with(group)).map(|(n, f)| (*n, f(&input))).collect();
        for (name, r) in &results {
            assert!(r.to_bits() == results[0].1.to_bits(), "{name}: {r} vs {}", results[0].1);
        }
    }
    assert!(std::str::from_utf8(&text(1000)).is_ok_and(|t| t.chars().any(|c| c.len_utf8() == 4)));
}
