//! What the derive's expansion of a generic struct (`struct Vec2<T> { x: T,
//! y: T }`) calls: its bytes type, field access by offset, the check that
//! an instantiation has no padding, and its names.
//!
//! Stable Rust cannot size an array from a type parameter's constants
//! (`[u8; <T as WasmLayout>::SIZE * 2]`), so a generic struct's `Bytes` is
//! its fields' `Bytes` back to back ([`Cat`]), and an instantiation whose
//! wasm32 layout has padding (`Pair<u8, u32>`) is a compile error when its
//! `SIZE` is evaluated ([`unpadded_size`]).

use super::{LayoutError, TypeKind, TypeLayout, WasmLayout};

/// Two `Pod` byte blocks back to back, with no padding (`packed`): a generic
/// struct's `Bytes` is `Cat<F0::Bytes, Cat<F1::Bytes, …, End>>`.
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C, packed)]
pub struct Cat<A, B>(A, B);

/// The end of a [`Cat`] chain: no bytes.
pub type End = [u8; 0];

/// `size`, the size the rules give an instantiation of a generic struct,
/// checked to be `fields`, the sum of its fields' sizes: its bytes type is
/// the fields' bytes back to back, so its wasm32 layout may have no
/// padding. Evaluated with the instantiation's `SIZE`, so an instantiation
/// with padding fails to compile where it is used.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "evaluated at compile time only, in an instantiation's `SIZE`"
)]
pub const fn unpadded_size(size: usize, fields: &[usize]) -> usize {
    let (mut sum, mut i) = (0usize, 0);
    while i < fields.len() {
        sum = sum.saturating_add(fields[i]);
        i += 1;
    }
    assert!(
        sum == size,
        "wasm-layout: this instantiation of a generic struct has padding in its wasm32 layout (between fields or at the end); a generic struct's bytes are its fields' bytes back to back, since stable Rust cannot size an array from a type parameter: choose field types that leave no padding (`Pair<u32, u32>`, not `Pair<u8, u32>`), or derive on a concrete struct"
    );
    size
}

/// The bytes of the field of type `F` at `off` in the value's bytes
/// `bytes`. `off` comes from the rules' `StructShape`, so the range lies
/// inside; the failing arm is never taken and compiles away.
#[inline(always)]
#[allow(clippy::unreachable, reason = "as in `field`: the range lies inside by construction")]
pub fn field_at<F: WasmLayout>(bytes: &[u8], off: usize) -> &F::Bytes {
    match bytes.get(off..off.wrapping_add(F::SIZE)).map(bytemuck::try_from_bytes) {
        Some(Ok(b)) => b,
        _ => unreachable!(),
    }
}

/// The mutable form of [`field_at`].
#[inline(always)]
#[allow(clippy::unreachable, reason = "as in `field_at`")]
pub fn field_at_mut<F: WasmLayout>(bytes: &mut [u8], off: usize) -> &mut F::Bytes {
    match bytes.get_mut(off..off.wrapping_add(F::SIZE)).map(bytemuck::try_from_bytes_mut) {
        Some(Ok(b)) => b,
        _ => unreachable!(),
    }
}

/// Validates the field of type `F` at `off`; errors report offsets in `bytes`.
#[inline(always)]
pub fn validate_at<F: WasmLayout>(bytes: &[u8], off: usize) -> Result<(), LayoutError> {
    F::__validate(field_at::<F>(bytes, off)).map_err(|e| e.offset_by(off))
}

/// Checks that the field value `value` at `off` can be written; errors
/// report offsets in the whole value.
#[inline(always)]
pub fn check_write_at<F: WasmLayout>(value: &F, off: usize) -> Result<(), LayoutError> {
    value.__check_write().map_err(|e| e.offset_by(off))
}

/// The getter result of the field of type `F` at `off` in `bytes`, which
/// start at `at` in the slice the caller passed.
#[inline(always)]
pub fn get_at<F: WasmLayout>(bytes: &[u8], off: usize, at: usize) -> F::Ref<'_> {
    F::__get(field_at::<F>(bytes, off), at.wrapping_add(off))
}

/// A mutable view of the field of type `F` at `off`; `at` as for [`get_at`].
#[inline(always)]
pub fn get_mut_at<F: WasmLayout>(bytes: &mut [u8], off: usize, at: usize) -> F::Mut<'_> {
    F::__get_mut(field_at_mut::<F>(bytes, off), at.wrapping_add(off))
}

/// `bytes` as a byte slice.
#[inline(always)]
pub fn bytes_of<B: bytemuck::Pod>(bytes: &B) -> &[u8] {
    bytemuck::bytes_of(bytes)
}

/// `bytes` as a mutable byte slice.
#[inline(always)]
pub fn bytes_of_mut<B: bytemuck::Pod>(bytes: &mut B) -> &mut [u8] {
    bytemuck::bytes_of_mut(bytes)
}

/// The longest name of an instantiation, in bytes.
const NAME_CAP: usize = 192;

/// A name built at compile time from a generic struct's name and its
/// arguments': `"Vec2<f32>"`, the Rust name (`NAME`), and `"Vec2_f32"`, the
/// name in the bindings, the one place the rule for it lives: the struct's
/// name (or its `#[layout(rename)]`), then per argument `_` and the
/// argument's name in the bindings ([`NameBuf::push_binding`]).
#[derive(Clone, Copy)]
pub struct NameBuf {
    bytes: [u8; NAME_CAP],
    len: usize,
}

// Evaluated only at compile time, in the constants of a generic struct's
// instantiation: an index out of range is a compile error there.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
impl NameBuf {
    /// `base` alone.
    pub const fn new(base: &str) -> Self {
        NameBuf { bytes: [0; NAME_CAP], len: 0 }.push(base)
    }

    /// `self` then `s`.
    pub const fn push(mut self, s: &str) -> Self {
        let s = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            self = self.push_byte(s[i]);
            i += 1;
        }
        self
    }

    const fn push_byte(mut self, b: u8) -> Self {
        assert!(
            self.len < NAME_CAP,
            "wasm-layout: the name of a generic struct's instantiation is over 192 bytes"
        );
        self.bytes[self.len] = b;
        self.len += 1;
        self
    }

    /// `self` then the decimal digits of `n`.
    pub const fn push_int(self, n: i128) -> Self {
        let mut digits = [0u8; 40];
        let (mut at, mut m) = (digits.len(), n.unsigned_abs());
        loop {
            at -= 1;
            digits[at] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        if n < 0 {
            at -= 1;
            digits[at] = b'-';
        }
        match core::str::from_utf8(digits.split_at(at).1) {
            Ok(s) => self.push(s),
            Err(_) => self,
        }
    }

    /// `self` then `name` with every run of characters that are not ASCII
    /// letters, digits or `_` turned into one `_`, none at the end
    /// (`"Vec2<f32>"` as `Vec2_f32`; a `-` as `m`).
    pub const fn push_ident(mut self, name: &str) -> Self {
        let s = name.as_bytes();
        let (mut i, mut gap) = (0, false);
        while i < s.len() {
            let c = s[i];
            if c.is_ascii_alphanumeric() || c == b'_' {
                if gap {
                    self = self.push_byte(b'_');
                    gap = false;
                }
                self = self.push_byte(c);
            } else if c == b'-' {
                self = self.push(if gap { "_m" } else { "m" });
                gap = false;
            } else {
                gap = true;
            }
            i += 1;
        }
        self
    }

    /// `self` then the bindings' name of an argument type: a struct's or
    /// enum's name in the bindings (an instantiation's own, `Vec2_f32`), a
    /// scalar's Rust name (`f32`), an array's element then `x` and its
    /// length (`u8x4`), `ptr_` and the target's name for `WasmPtr<T>`,
    /// `slice_` and the element's for `WasmSlice<T>`, `opt_` and `open_` and
    /// the inner type's for `Option<T>` and `Open<E>`.
    pub const fn push_binding(self, ty: &TypeLayout) -> Self {
        match ty.kind {
            TypeKind::Array(a) => self.push_binding(a.elem).push("x").push_int(a.len as i128),
            TypeKind::Pointer(p) => self.push("ptr_").push_ident(p.target_name),
            TypeKind::Slice(s) => self.push("slice_").push_ident(s.elem_name),
            TypeKind::Option(o) => self.push("opt_").push_binding(o.some),
            TypeKind::Open(o) => self.push("open_").push_binding(o.inner),
            _ => self.push_ident(ty.export_name()),
        }
    }

    /// `to` if the name built is `from`, else the name built: a
    /// `rename_instances(from = "to")` of one instantiation.
    pub const fn renamed(self, from: &str, to: &str) -> Self {
        let (name, from) = (self.bytes.split_at(self.len).0, from.as_bytes());
        if name.len() != from.len() {
            return self;
        }
        let mut i = 0;
        while i < name.len() {
            if name[i] != from[i] {
                return self;
            }
            i += 1;
        }
        NameBuf::new(to)
    }

    /// The name built.
    pub const fn as_str(&'static self) -> &'static str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(s) => s,
            Err(_) => "",
        }
    }
}
