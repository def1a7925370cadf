//! Doc comments of the Rust source, repeated as comments in generated code.
//!
//! The text is the user's: whatever it holds, it must stay inside its
//! comment. So line breaks of every kind end a comment line (TypeScript
//! ends a line at `\r`, U+2028 and U+2029 too), other control characters
//! become spaces (clang warns about a NUL), and inside a block comment a
//! backslash is put between `*` and `/` (`*/` would end the comment, `/*`
//! makes clang warn under `-Wall`). Each line of a block comment starts
//! with ` * `, so a backslash at the end of a line (which C joins to the
//! next) never makes a `*/` with it.

use alloc::string::String;
use alloc::vec::Vec;

use crate::writer::Writer;

/// The lines of `doc`, control characters made spaces.
fn lines(doc: &str) -> Vec<String> {
    doc.replace("\r\n", "\n")
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(|l| l.chars().map(|c| if c.is_control() && c != '\t' { ' ' } else { c }).collect::<String>())
        .map(|l| String::from(l.trim_end()))
        .collect()
}

/// `line` with a backslash between the characters of every `*/` and `/*`.
fn escaped(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut prev = ' ';
    for c in line.chars() {
        if (prev == '*' && c == '/') || (prev == '/' && c == '*') {
            out.push('\\');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// `/** doc */` (one line) or a `/**`, ` * line`, ` */` block, for
/// TypeScript (TSDoc) and C; nothing for an empty doc.
pub(crate) fn block(w: &mut Writer, doc: &str) {
    if doc.is_empty() {
        return;
    }
    let lines = lines(doc);
    match lines.as_slice() {
        [one] => w.line(format_args!("/** {} */", escaped(one))),
        _ => {
            w.line(format_args!("/**"));
            for l in &lines {
                if l.is_empty() {
                    w.line(format_args!(" *"));
                } else {
                    w.line(format_args!(" * {}", escaped(l)));
                }
            }
            w.line(format_args!(" */"));
        }
    }
}

/// `// line` per line of `doc`, for Odin (whose block comments nest, so a
/// `/*` in the text would leave one open); nothing for an empty doc.
pub(crate) fn line_comments(w: &mut Writer, doc: &str) {
    if doc.is_empty() {
        return;
    }
    for l in lines(doc) {
        if l.is_empty() {
            w.line(format_args!("//"));
        } else {
            w.line(format_args!("// {l}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: fn(&mut Writer, &str), doc: &str) -> String {
        let mut w = Writer::new("  ");
        f(&mut w, doc);
        w.finish()
    }

    #[test]
    fn one_line_is_one_comment() {
        assert_eq!(text(block, "The x."), "/** The x. */\n");
        assert_eq!(text(line_comments, "The x."), "// The x.\n");
        assert_eq!(text(block, ""), "");
    }

    #[test]
    fn terminators_in_the_text_are_broken() {
        assert_eq!(text(block, "a */ b /* c /*/ d"), "/** a *\\/ b /\\* c /\\*\\/ d */\n");
    }

    #[test]
    fn every_line_break_starts_a_prefixed_line() {
        assert_eq!(text(block, "a\\\n/b\r\nc\u{2028}d\0e"), "/**\n * a\\\n * /b\n * c\n * d e\n */\n");
        assert_eq!(text(line_comments, "a\n\nb\rc"), "// a\n//\n// b\n// c\n");
    }
}
