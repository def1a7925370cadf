//! [`AnnotatedDump`]: a hex dump whose lines say which fields they cover.

#[cfg(feature = "alloc")]
use alloc::string::String;
use core::fmt;

use super::dump::{write_line, HexDump};
use super::error::MemoryError;
use crate::{TypeKind, TypeLayout, WasmLayout, WasmPtr};

/// Where values live, for [`AnnotatedDump`]: `count` values of `layout`
/// side by side from address `at`.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    /// The values' layout.
    pub layout: &'static TypeLayout,
    /// The first value's address.
    pub at: usize,
    /// How many values lie side by side; 1 for a single value.
    pub count: usize,
}

impl Placement {
    /// `count` values of `layout` from `at`.
    pub const fn new(layout: &'static TypeLayout, at: usize, count: usize) -> Self {
        Placement { layout, at, count }
    }

    /// `count` values of `T` from where `ptr` points.
    pub fn of<T: WasmLayout>(ptr: WasmPtr<T>, count: usize) -> Self {
        Placement { layout: T::LAYOUT, at: ptr.offset() as usize, count }
    }

    /// Whether the value `index` of `count` is one of several (then its
    /// index is shown).
    fn is_array(&self) -> bool {
        self.count != 1
    }
}

/// What one byte is: a field of the `index`-th value of `places[place]`
/// (its path of names from the value's type) or padding in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Label {
    place: usize,
    index: usize,
    /// The leaf field, its enclosing field (for a nested struct), or none for
    /// padding at the top level.
    leaf: Option<&'static str>,
    outer: Option<&'static str>,
    /// Where the field starts (for padding and values without fields: the
    /// value).
    field_at: usize,
}

/// The field of `layout` covering byte `rel`: its name, the enclosing
/// field's name when nested one level or more (the outermost is kept), and
/// its offset; `None` for padding.
fn field_at(layout: &TypeLayout, rel: usize) -> Option<(&'static str, Option<&'static str>, usize)> {
    let f = layout.fields().iter().find(|f| rel.checked_sub(f.offset).is_some_and(|r| r < f.ty.size))?;
    let inner = rel.saturating_sub(f.offset);
    match f.ty.kind {
        TypeKind::Struct(_) => match field_at(f.ty, inner) {
            Some((leaf, _, offset)) => Some((leaf, Some(f.name), f.offset.saturating_add(offset))),
            None => Some(("(padding)", Some(f.name), f.offset)),
        },
        _ => Some((f.name, None, f.offset)),
    }
}

fn label(places: &[Placement], addr: usize) -> Option<Label> {
    // A later place wins where two overlap: it was placed over the other.
    places.iter().enumerate().rev().find_map(|(place, p)| {
        let size = p.layout.size.max(1);
        let rel = addr.checked_sub(p.at)?;
        let index = rel.checked_div(size)?;
        if index >= p.count {
            return None;
        }
        let rel = rel.checked_rem(size)?;
        let value_at = addr.saturating_sub(rel);
        Some(match field_at(p.layout, rel) {
            Some((leaf, outer, offset)) => {
                Label { place, index, leaf: Some(leaf), outer, field_at: value_at.saturating_add(offset) }
            }
            None => Label { place, index, leaf: None, outer: None, field_at: value_at },
        })
    })
}

/// A hex dump (see [`HexDump`]) with a legend after each line: the fields
/// the line's bytes belong to, in order, each value's type (and index in
/// its array) before its first field on the line, `(padding)` for padding
/// and `pos.x` for a field of a nested struct. A value without fields (a
/// scalar, pointer or array placed on its own) shows as its byte range and
/// type. The legend starts at column 76, after the classic line; a line
/// without placed bytes has none.
///
/// ```
/// use wasm_layout_core::memory::{AnnotatedDump, Placement};
/// use wasm_layout_core::WasmLayout;
///
/// let memory = [0u8; 32];
/// let places = [Placement::new(<[u16; 2]>::LAYOUT, 40, 1), Placement::new(u64::LAYOUT, 8, 1)];
/// let dump = AnnotatedDump::new(&memory, 0, 16, &places)?.to_string();
/// assert!(dump.ends_with("  ................  (8..16) u64"), "{dump}");
/// # Ok::<(), wasm_layout_core::memory::MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AnnotatedDump<'a> {
    dump: HexDump<'a>,
    places: &'a [Placement],
}

impl<'a> AnnotatedDump<'a> {
    /// The `len` bytes of `memory` from `start`, labelled by `places`; or
    /// `OutOfBounds`.
    pub fn new(
        memory: &'a [u8],
        start: usize,
        len: usize,
        places: &'a [Placement],
    ) -> Result<Self, MemoryError> {
        Ok(AnnotatedDump { dump: HexDump::new(memory, start, len)?, places })
    }

    fn legend(&self, f: &mut fmt::Formatter<'_>, at: usize, len: usize) -> fmt::Result {
        let mut last: Option<Label> = None;
        let mut value: Option<(usize, usize)> = None;
        for addr in at..at.saturating_add(len) {
            let Some(l) = label(self.places, addr) else {
                last = None;
                continue;
            };
            if last == Some(l) {
                continue;
            }
            last = Some(l);
            if value != Some((l.place, l.index)) {
                let Some(p) = self.places.get(l.place) else { continue };
                let sep = if value.is_some() { " · " } else { "  " };
                value = Some((l.place, l.index));
                if l.leaf.is_none() && p.layout.fields().is_empty() {
                    // A scalar, pointer or array placed on its own.
                    let start = p.at.saturating_add(l.index.saturating_mul(p.layout.size));
                    let end = start.saturating_add(p.layout.size);
                    write!(f, "{sep}({start}..{end}) {}", p.layout.name)?;
                    continue;
                }
                write!(f, "{sep}{}", p.layout.export_name())?;
                if p.is_array() {
                    write!(f, "[{}]", l.index)?;
                }
            }
            match (l.outer, l.leaf) {
                (Some(outer), Some(leaf)) => write!(f, " {outer}.{leaf}")?,
                (None, Some(leaf)) => write!(f, " {leaf}")?,
                _ => f.write_str(" (padding)")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for AnnotatedDump<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (bytes, start) = (self.dump.bytes(), self.dump.start());
        for (i, line) in bytes.chunks(16).enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            let at = start.wrapping_add(i.wrapping_mul(16));
            write_line(f, at, line)?;
            if !(at..at.saturating_add(line.len())).any(|a| label(self.places, a).is_some()) {
                continue;
            }
            // Short last lines pad their ASCII so the legends line up.
            for _ in line.len()..16 {
                f.write_str(" ")?;
            }
            self.legend(f, at, line.len())?;
        }
        Ok(())
    }
}

/// [`AnnotatedDump`] of `len` bytes of `memory` from `start`, as a string.
#[cfg(feature = "alloc")]
pub fn annotated_hex_dump(
    memory: &[u8],
    start: usize,
    len: usize,
    places: &[Placement],
) -> Result<String, MemoryError> {
    use alloc::string::ToString;
    Ok(AnnotatedDump::new(memory, start, len, places)?.to_string())
}
