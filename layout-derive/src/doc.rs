//! Doc comments: the text of a type's, field's or variant's `///` lines (or
//! `/** … */` block), which the descriptor carries so that generated code
//! can repeat it.
//!
//! Each `///` line arrives as one `#[doc = " text"]`; the lines are joined
//! with `\n`, their common indentation and a leading `*` column (of a block
//! comment written with one) removed, and blank lines at either end
//! dropped. A `#[doc = …]` whose value is not a string literal (a macro such
//! as `include_str!`) is left out: its text is not known here.

use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The doc text of `attrs`, empty when there is none.
pub fn text(attrs: &[Attribute]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for attr in attrs {
        let Meta::NameValue(nv) = &attr.meta else { continue };
        if !nv.path.is_ident("doc") {
            continue;
        }
        if let Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) = &nv.value {
            lines.extend(unstar(&s.value()));
        }
    }
    tidy(&lines)
}

/// The lines of one `#[doc]` value; a block comment's (several lines) lose
/// a leading `*` column if every non-blank line after the first has one.
fn unstar(value: &str) -> Vec<String> {
    let lines: Vec<&str> = value.split('\n').collect();
    let filled = || lines.iter().filter(|l| !l.trim().is_empty());
    let starred = lines.len() > 1 && filled().skip(1).all(|l| l.trim_start().starts_with('*'));
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        match l.trim_start().strip_prefix('*') {
            Some(rest) if starred && i > 0 => out.push(rest.to_string()),
            _ => out.push(l.to_string()),
        }
    }
    out
}

/// Removes the common indentation (of spaces and tabs) and blank lines at
/// either end.
fn tidy(lines: &[String]) -> String {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    let indent = |l: &&str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let common = lines.iter().filter(|l| !l.is_empty()).map(indent).min().unwrap_or(0);
    // The common indentation is ASCII on every non-blank line, so `common`
    // is a character boundary of each; blank lines are empty.
    let body: Vec<&str> = lines.iter().map(|l| l.get(common..).unwrap_or("")).collect();
    let first = body.iter().position(|l| !l.is_empty()).unwrap_or(body.len());
    let last = body.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
    body[first..last].join("\n")
}

#[cfg(test)]
mod tests {
    use super::{tidy, unstar};

    fn doc(values: &[&str]) -> String {
        tidy(&values.iter().flat_map(|v| unstar(v)).collect::<Vec<_>>())
    }

    #[test]
    fn line_comments_lose_the_space_after_the_slashes() {
        assert_eq!(doc(&[" Position.", "", "   Indented."]), "Position.\n\n  Indented.");
    }

    #[test]
    fn bullet_lines_keep_their_stars() {
        assert_eq!(doc(&[" * one", " * two"]), "* one\n* two");
    }

    #[test]
    fn block_comments_lose_their_star_column_and_blank_edges() {
        assert_eq!(doc(&["\n * One.\n * Two.\n "]), "One.\nTwo.");
        assert_eq!(doc(&[" One.\n * Two.\n "]), "One.\nTwo.");
        assert_eq!(doc(&["\n    Text\n      more\n"]), "Text\n  more");
    }

    #[test]
    fn unicode_indentation_is_text() {
        assert_eq!(doc(&["  a", "\u{3000}b"]), "  a\n\u{3000}b");
    }

    #[test]
    fn empty_and_blank_docs_are_empty() {
        assert_eq!(doc(&[]), "");
        assert_eq!(doc(&["  ", " "]), "");
    }
}
