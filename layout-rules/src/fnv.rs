//! FNV-1a 64: offset basis `0xcbf29ce484222325`, prime `0x100000001b3`, one
//! byte at a time (`h ^= byte; h = h * prime mod 2^64`).

/// The FNV-1a 64 offset basis: the hash of no bytes.
pub const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a 64 prime.
pub const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Folds one byte into the hash `h`.
#[inline]
pub const fn byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(PRIME)
}

/// Folds `b` into the hash `h`, byte by byte.
pub const fn bytes(mut h: u64, b: &[u8]) -> u64 {
    let mut rest = b;
    while let [first, tail @ ..] = rest {
        h = byte(h, *first);
        rest = tail;
    }
    h
}

/// The FNV-1a 64 hash of `b`.
///
/// ```
/// use wasm_layout_rules::fnv1a;
/// assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
/// assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
/// ```
pub const fn fnv1a(b: &[u8]) -> u64 {
    bytes(OFFSET_BASIS, b)
}
