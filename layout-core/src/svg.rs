//! [`LayoutSvg`]: a type's bytes as an SVG picture.

use alloc::string::String;
use core::fmt::{self, Write as _};

use crate::descriptor::TypeLayout;

/// Bytes per row of the picture.
const PER_ROW: usize = 16;
/// Pixels per byte, per row and per nested band.
const BYTE: usize = 40;
const ROW: usize = 64;
const BAND: usize = 16;
const LEFT: usize = 48;
const TOP: usize = 36;

/// A type's bytes as an SVG picture: the fields as boxes on a byte ruler,
/// 16 bytes a row, padding hatched, and the fields of a nested struct as a
/// band under its box. The picture is plain SVG 1.1 text with no scripts.
///
/// ```
/// # use wasm_layout_core::{LayoutSvg, WasmLayout};
/// let svg = LayoutSvg::new(<[u16; 2]>::LAYOUT).to_string();
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// assert!(svg.ends_with("</svg>\n"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LayoutSvg {
    layout: &'static TypeLayout,
}

impl LayoutSvg {
    /// The picture of `layout`.
    pub fn new(layout: &'static TypeLayout) -> Self {
        LayoutSvg { layout }
    }
}

/// A stable, light fill for a field name.
fn fill(name: &str) -> String {
    let h = name.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    // Mixed, so that names one letter apart get far-apart hues.
    let h = (h.wrapping_mul(0x9E37_79B1) >> 16) % 360;
    alloc::format!("hsl({h},65%,80%)")
}

/// Escapes text for SVG.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// How a field's type is spelt: as the layout report spells it.
fn type_name(t: &TypeLayout) -> String {
    alloc::format!("{}", crate::report::TypeName(t))
}

/// The rectangles covering bytes `[start, end)`, split at row ends: (x, row, width).
fn spans(start: usize, end: usize) -> impl Iterator<Item = (usize, usize, usize)> {
    let mut at = start;
    core::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let row = at / PER_ROW;
        let stop = end.min(row.saturating_add(1).saturating_mul(PER_ROW));
        let span = (at % PER_ROW, row, stop.saturating_sub(at));
        at = stop;
        Some(span)
    })
}

fn rect(
    out: &mut String,
    start: usize,
    end: usize,
    y_off: usize,
    h: usize,
    fill: &str,
    label: &str,
) -> fmt::Result {
    for (i, (x, row, w)) in spans(start, end).enumerate() {
        let (px, py) = (
            LEFT.saturating_add(x.saturating_mul(BYTE)),
            TOP.saturating_add(row.saturating_mul(ROW)).saturating_add(y_off),
        );
        let pw = w.saturating_mul(BYTE);
        writeln!(
            out,
            r##"<rect x="{px}" y="{py}" width="{pw}" height="{h}" fill="{fill}" stroke="#445" stroke-width="1"><title>{}</title></rect>"##,
            escaped(label)
        )?;
        // The label once, in the first piece wide enough (or the first).
        if !label.is_empty() && (i == 0) {
            let size: usize = if h > BAND { 12 } else { 10 };
            let fits = label.len().saturating_mul(size.saturating_mul(6) / 10) < pw.saturating_sub(4);
            let text = if fits {
                String::from(label)
            } else {
                label.chars().take(pw.saturating_sub(4) / 6).collect()
            };
            writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="{size}">{}</text>"#,
                px.saturating_add(3),
                py.saturating_add(h / 2).saturating_add(4),
                escaped(&text)
            )?;
        }
    }
    Ok(())
}

impl LayoutSvg {
    fn draw(&self) -> Result<String, fmt::Error> {
        let t = self.layout;
        let rows = t.size.div_ceil(PER_ROW).max(1);
        let width = LEFT.saturating_add(PER_ROW.saturating_mul(BYTE)).saturating_add(16);
        let height = TOP.saturating_add(rows.saturating_mul(ROW)).saturating_add(8);
        let mut out = String::new();
        writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="monospace">"#
        )?;
        out.push_str(
            "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>\n",
        );
        writeln!(
            out,
            r#"<text x="4" y="18" font-size="14" font-weight="bold">{}: size {}, align {}, padding {}</text>"#,
            escaped(t.export_name()),
            t.size,
            t.align,
            t.padding()
        )?;
        for row in 0..rows {
            let y = TOP.saturating_add(row.saturating_mul(ROW));
            writeln!(
                out,
                r##"<text x="4" y="{}" font-size="11" fill="#667">{:>4}</text>"##,
                y.saturating_add(22),
                row.saturating_mul(PER_ROW)
            )?;
            for b in (0..PER_ROW).step_by(4) {
                let x = LEFT.saturating_add(b.saturating_mul(BYTE));
                writeln!(
                    out,
                    r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#bbb"/>"##,
                    y.saturating_sub(4),
                    y.saturating_add(ROW).saturating_sub(8)
                )?;
            }
        }
        let fields = t.fields();
        if fields.is_empty() {
            rect(&mut out, 0, t.size, 0, 32, &fill(t.name), &type_name(t))?;
        }
        let main_h = 32;
        for (i, f) in fields.iter().enumerate() {
            let end = f.offset.saturating_add(f.ty.size);
            let label = alloc::format!("{}: {}", f.name, type_name(f.ty));
            rect(&mut out, f.offset, end, 0, main_h, &fill(f.name), &label)?;
            // A nested struct's fields, as a band under its box.
            for g in f.ty.fields() {
                let start = f.offset.saturating_add(g.offset);
                rect(
                    &mut out,
                    start,
                    start.saturating_add(g.ty.size),
                    main_h.saturating_add(2),
                    BAND,
                    &fill(g.name),
                    g.name,
                )?;
            }
            let pad = t.padding_after(i);
            if pad > 0 {
                rect(&mut out, end, end.saturating_add(pad), 0, main_h, "url(#hatch)", "")?;
            }
        }
        out.push_str("</svg>\n");
        Ok(out)
    }
}

impl fmt::Display for LayoutSvg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.draw()?)
    }
}
