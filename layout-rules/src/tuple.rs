//! Tuple fields (`struct Pair(u32, f32)`'s `0` and `1`): how a field's
//! Rust name says it is one, and the name every output gives it.

#[cfg(feature = "alloc")]
use alloc::string::String;

/// The name a tuple field (a tuple struct's fields `0`, `1`, and a tuple
/// variant's) has where it must be an identifier: Rust's getters, C and
/// Odin members: `_0`, `_1`, …. (TypeScript keys tuple fields by their
/// index instead: a tuple struct is a tuple type there.) `index` is the
/// field's Rust name (`"0"`).
///
/// ```
/// assert_eq!(wasm_layout_rules::tuple::tuple_field("1"), "_1");
/// ```
#[cfg(feature = "alloc")]
pub fn tuple_field(index: &str) -> String {
    let mut name = String::from("_");
    name.push_str(index);
    name
}

/// Whether `name`, a field's Rust name, is a tuple field's (`"0"`, `"1"`, …).
///
/// ```
/// use wasm_layout_rules::tuple::is_tuple_field;
/// assert!(is_tuple_field("0") && !is_tuple_field("x") && !is_tuple_field("_0"));
/// ```
pub fn is_tuple_field(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
}
