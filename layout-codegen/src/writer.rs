//! A small indenting writer shared by the emitters.

use alloc::string::String;
use core::fmt::{self, Write};

/// Accumulates lines of source, indenting each by the current depth.
pub(crate) struct Writer {
    out: String,
    depth: usize,
    unit: &'static str,
}

impl Writer {
    /// An empty writer indenting by `unit` per level.
    pub(crate) fn new(unit: &'static str) -> Self {
        Writer { out: String::new(), depth: 0, unit }
    }

    /// One line at the current depth; an empty line carries no indentation.
    pub(crate) fn line(&mut self, args: fmt::Arguments<'_>) {
        let start = self.out.len();
        for _ in 0..self.depth {
            self.out.push_str(self.unit);
        }
        let text_start = self.out.len();
        // Writing to a String cannot fail.
        let _ = self.out.write_fmt(args);
        if self.out.len() == text_start {
            self.out.truncate(start);
        }
        self.out.push('\n');
    }

    /// An empty line.
    pub(crate) fn blank(&mut self) {
        self.out.push('\n');
    }

    /// A line that opens a block: what follows is one level deeper.
    pub(crate) fn open(&mut self, args: fmt::Arguments<'_>) {
        self.line(args);
        self.depth += 1;
    }

    /// A line that closes a block, one level shallower.
    pub(crate) fn close(&mut self, args: fmt::Arguments<'_>) {
        self.depth = self.depth.saturating_sub(1);
        self.line(args);
    }

    /// A line that closes one block and opens the next (`} else {`).
    pub(crate) fn close_open(&mut self, args: fmt::Arguments<'_>) {
        self.depth = self.depth.saturating_sub(1);
        self.line(args);
        self.depth += 1;
    }

    /// The text written so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_blocks_and_keeps_blank_lines_clean() {
        let mut w = Writer::new("  ");
        w.open(format_args!("a {{"));
        w.line(format_args!("b;"));
        w.line(format_args!(""));
        w.close(format_args!("}}"));
        assert_eq!(w.finish(), "a {\n  b;\n\n}\n");
    }
}
