//! Layouts for people: [`Display`](core::fmt::Display) for [`TypeLayout`]
//! (the layout table), the holes, padding and cache-line crossings of a
//! struct, a field order that minimises its size (advice only: it never
//! changes a layout), and [`LayoutReport`], all of it pahole-style for a set
//! of types.

use core::fmt;

use crate::descriptor::{FieldLayout, StructLayout, TypeKind, TypeLayout};
use crate::rules::{FieldShape, Placer};

/// Bytes in a cache line, for cache-line counts and crossings.
pub const CACHE_LINE: usize = 64;

/// Padding between two fields of a struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hole {
    /// The field the hole follows.
    pub after: &'static str,
    /// Where the hole starts.
    pub offset: usize,
    /// Its size in bytes.
    pub size: usize,
}

/// How a type is spelt in a report: a scalar's Rust name, `WasmPtr<T>`,
/// `[T; N]`, or the struct's or enum's name.
pub(crate) struct TypeName<'a>(pub(crate) &'a TypeLayout);

impl fmt::Display for TypeName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.kind {
            TypeKind::Scalar(s) => f.write_str(s.rust_name()),
            TypeKind::Pointer(p) => write!(f, "WasmPtr<{}>", p.target_name),
            TypeKind::Array(a) => write!(f, "[{}; {}]", TypeName(a.elem), a.len),
            TypeKind::Str => f.write_str("WasmStr"),
            TypeKind::Slice(s) => write!(f, "WasmSlice<{}>", s.elem_name),
            TypeKind::Option(o) => write!(f, "Option<{}>", TypeName(o.some)),
            TypeKind::Struct(_) | TypeKind::Enum(_) | TypeKind::Variant(_) => {
                f.write_str(self.0.export_name())
            }
        }
    }
}

impl fmt::Display for TypeLayout {
    /// The layout table: `Name (what): size S, align A`, then for a struct
    /// one line per field with its offset, size, alignment and the padding
    /// after it. No newline after the last line.
    ///
    /// ```
    /// # use wasm_layout_core::WasmLayout;
    /// assert_eq!(u16::LAYOUT.to_string(), "u16 (scalar): size 2, align 2");
    /// assert_eq!(<[u8; 3]>::LAYOUT.to_string(), "[u8; 3] (array): size 3, align 1");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            TypeKind::Scalar(_) => write!(f, "{} (scalar)", TypeName(self))?,
            TypeKind::Pointer(_) => write!(f, "{} (pointer)", TypeName(self))?,
            TypeKind::Array(_) => write!(f, "{} (array)", TypeName(self))?,
            TypeKind::Str | TypeKind::Slice(_) => write!(f, "{} (ptr, len)", TypeName(self))?,
            TypeKind::Struct(_) => write!(f, "{} (struct)", self.name)?,
            TypeKind::Enum(e) => write!(f, "{} (enum, repr {})", self.name, e.repr.rust_name())?,
            TypeKind::Variant(v) => {
                write!(f, "{} (enum with fields, repr C, {})", self.name, v.tag.rust_name())?
            }
            TypeKind::Option(_) => write!(f, "{} (option)", TypeName(self))?,
        }
        write!(f, ": size {}, align {}", self.size, self.align)?;
        let fields = self.fields();
        if fields.is_empty() {
            return Ok(());
        }
        let w = fields.iter().map(|x| x.name.len()).max().unwrap_or(0).max(10);
        write!(f, "\n  {:<w$} {:>6} {:>5} {:>6} {:>8}", "field", "offset", "size", "align", "padding")?;
        for (i, x) in fields.iter().enumerate() {
            let pad = self.padding_after(i);
            write!(f, "\n  {:<w$} {:>6} {:>5} {:>6} {:>8}", x.name, x.offset, x.ty.size, x.ty.align, pad)?;
        }
        Ok(())
    }
}

impl TypeLayout {
    /// The padding between fields of a struct, in order (not the padding
    /// after the last field: see [`tail_padding`](Self::tail_padding)).
    pub fn holes(&self) -> impl Iterator<Item = Hole> + '_ {
        let fields = self.fields();
        let inner = fields.len().saturating_sub(1);
        fields.iter().take(inner).enumerate().filter_map(move |(i, x)| {
            let size = self.padding_after(i);
            (size > 0).then(|| Hole { after: x.name, offset: x.offset.saturating_add(x.ty.size), size })
        })
    }

    /// The padding after the last field of a struct (to round its size up
    /// to its alignment); 0 for anything else.
    pub fn tail_padding(&self) -> usize {
        self.fields().len().checked_sub(1).map_or(0, |last| self.padding_after(last))
    }

    /// The fields of a struct that straddle a 64-byte cache-line boundary
    /// when the struct starts on one.
    pub fn cache_line_crossings(&self) -> impl Iterator<Item = &'static FieldLayout> {
        self.fields().iter().filter(|x| {
            let last = x.offset.saturating_add(x.ty.size).saturating_sub(1);
            x.ty.size > 0 && x.offset / CACHE_LINE != last / CACHE_LINE
        })
    }

    /// The size of a struct with its fields in `order` (indices into
    /// [`fields`](Self::fields)), by the same placement rule as the derive;
    /// `None` for anything but a struct, an index out of range, or a layout
    /// that cannot exist.
    pub fn size_in_order(&self, order: &[usize]) -> Option<usize> {
        let TypeKind::Struct(StructLayout { fields, repr, .. }) = self.kind else { return None };
        let mut placer = Placer::new(repr);
        for &i in order {
            let x = fields.get(i)?;
            placer.place(FieldShape { size: x.ty.size, align: x.ty.align }).ok()?;
        }
        placer.finish().ok().map(|(size, _)| size)
    }

    /// A field order (indices into [`fields`](Self::fields)) that makes a
    /// struct as small as it can be: by alignment, largest first, ties in
    /// declaration order. Advice only: the layout is the declaration order.
    /// Empty for anything but a struct.
    #[cfg(feature = "alloc")]
    pub fn suggested_order(&self) -> alloc::vec::Vec<usize> {
        let fields = self.fields();
        let mut order: alloc::vec::Vec<usize> = (0..fields.len()).collect();
        order.sort_by_key(|&i| core::cmp::Reverse(fields.get(i).map_or(0, |x| x.ty.align)));
        order
    }
}

/// A pahole-style report of a set of types: every struct with its fields'
/// offsets and sizes, its holes, cache-line boundaries and crossings, its
/// padding, and the suggested field order with the size it gives.
///
/// ```
/// use wasm_layout_core::{FieldLayout, LayoutReport, StructLayout, StructRepr, TypeKind, TypeLayout, WasmLayout};
///
/// // What `#[derive(WasmLayout)] struct Loose { a: u8, b: u64, c: u8 }` describes.
/// static FIELDS: [FieldLayout; 3] = [
///     FieldLayout { name: "a", offset: 0, ty: u8::LAYOUT, rename: None },
///     FieldLayout { name: "b", offset: 8, ty: u64::LAYOUT, rename: None },
///     FieldLayout { name: "c", offset: 16, ty: u8::LAYOUT, rename: None },
/// ];
/// static LOOSE: TypeLayout = TypeLayout {
///     name: "Loose",
///     size: 24,
///     align: 8,
///     kind: TypeKind::Struct(StructLayout { fields: &FIELDS, repr: StructRepr::Natural, rename: None, rename_all: None, doc: "", field_docs: &[] }),
/// };
/// let report = LayoutReport::new(&[&LOOSE]).to_string();
/// assert!(report.contains("/* XXX 7 bytes hole after a */"), "{report}");
/// assert!(report.contains("/* suggested order: b, a, c (size 16, saves 8) */"), "{report}");
/// ```
#[cfg(feature = "alloc")]
#[derive(Debug, Clone, Copy)]
pub struct LayoutReport<'a> {
    types: &'a [&'static TypeLayout],
}

#[cfg(feature = "alloc")]
impl<'a> LayoutReport<'a> {
    /// The report of `types` (anything but a struct is left out).
    pub fn new(types: &'a [&'static TypeLayout]) -> Self {
        LayoutReport { types }
    }

    fn one(f: &mut fmt::Formatter<'_>, t: &TypeLayout) -> fmt::Result {
        use alloc::string::ToString;
        writeln!(f, "struct {} {{", t.export_name())?;
        let fields = t.fields();
        let tw = fields.iter().map(|x| TypeName(x.ty).to_string().len()).max().unwrap_or(0);
        let nw = fields.iter().map(|x| x.name.len()).max().unwrap_or(0).saturating_add(1);
        let mut line = 0;
        for (i, x) in fields.iter().enumerate() {
            while x.offset / CACHE_LINE > line {
                line = line.saturating_add(1);
                writeln!(
                    f,
                    "    /* --- cacheline {line} boundary ({} bytes) --- */",
                    line.saturating_mul(CACHE_LINE)
                )?;
            }
            let name = alloc::format!("{};", x.name);
            let ty = TypeName(x.ty).to_string();
            write!(f, "    {ty:<tw$} {name:<nw$} /* {:>5} {:>5} */", x.offset, x.ty.size)?;
            if t.cache_line_crossings().any(|c| core::ptr::eq(c, x)) {
                f.write_str(" /* crosses a cache line */")?;
            }
            f.write_str("\n")?;
            let hole = t.padding_after(i);
            if hole > 0 && i.saturating_add(1) < fields.len() {
                writeln!(f, "    /* XXX {hole} byte{} hole after {} */", plural(hole), x.name)?;
            }
        }
        let holes: usize = t.holes().map(|h| h.size).sum();
        let sum: usize = fields.iter().map(|x| x.ty.size).sum();
        writeln!(
            f,
            "    /* size: {}, align: {}, cachelines: {}, members: {} */",
            t.size,
            t.align,
            t.size.div_ceil(CACHE_LINE),
            fields.len()
        )?;
        writeln!(
            f,
            "    /* sum members: {sum}, holes: {}, sum holes: {holes}, padding: {}, crossings: {} */",
            t.holes().count(),
            t.tail_padding(),
            t.cache_line_crossings().count()
        )?;
        let order = t.suggested_order();
        let size = t.size_in_order(&order).unwrap_or(t.size);
        if size < t.size {
            let names: alloc::vec::Vec<&str> =
                order.iter().filter_map(|&i| fields.get(i)).map(|x| x.name).collect();
            writeln!(
                f,
                "    /* suggested order: {} (size {size}, saves {}) */",
                names.join(", "),
                t.size.saturating_sub(size)
            )?;
        }
        write!(f, "}};")
    }
}

#[cfg(feature = "alloc")]
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(feature = "alloc")]
impl fmt::Display for LayoutReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let structs = self.types.iter().filter(|t| matches!(t.kind, TypeKind::Struct(_)));
        for (i, t) in structs.enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            Self::one(f, t)?;
        }
        Ok(())
    }
}
