//! A small line diff for stale-file reports and snapshot tests.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Lines of context around each change.
const CONTEXT: usize = 3;
/// Past this many changed lines on each side, the middle is shown as one
/// block instead of being aligned line by line.
const MAX_ALIGNED: usize = 2000;
/// At most this many diff lines are shown.
const MAX_SHOWN: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Keep,
    Remove,
    Add,
}

/// A unified-style diff of `old` into `new` (`-` removed, `+` added, with
/// line numbers of the new text), or an empty string when they are equal.
pub fn unified(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if am.is_empty() && bm.is_empty() {
        if old == new {
            return String::new();
        }
        return String::from("(the files differ only in line endings or the final newline)\n");
    }
    let mut ops: Vec<(Op, &str)> = a[..prefix].iter().map(|l| (Op::Keep, *l)).collect();
    if am.len() <= MAX_ALIGNED && bm.len() <= MAX_ALIGNED {
        ops.extend(lcs_ops(am, bm));
    } else {
        ops.extend(am.iter().map(|l| (Op::Remove, *l)));
        ops.extend(bm.iter().map(|l| (Op::Add, *l)));
    }
    ops.extend(a[a.len() - suffix..].iter().map(|l| (Op::Keep, *l)));
    render(&ops)
}

fn lcs_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (a.len(), b.len());
    // table[i][j]: length of the longest common subsequence of a[i..], b[j..].
    let mut table = alloc::vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * (m + 1) + j] = if a[i] == b[j] {
                table[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                table[(i + 1) * (m + 1) + j].max(table[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((Op::Keep, a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j]) {
            ops.push((Op::Add, b[j]));
            j += 1;
        } else {
            ops.push((Op::Remove, a[i]));
            i += 1;
        }
    }
    ops
}

fn render(ops: &[(Op, &str)]) -> String {
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(ops.len());
        ops[lo..hi].iter().any(|(op, _)| *op != Op::Keep)
    };
    let (mut out, mut shown, mut new_line, mut skipped) = (String::new(), 0usize, 0usize, false);
    for (k, (op, text)) in ops.iter().enumerate() {
        if *op != Op::Remove {
            new_line += 1;
        }
        if !near_change(k) {
            skipped = true;
            continue;
        }
        if shown == MAX_SHOWN {
            let rest = ops[k..].iter().filter(|(op, _)| *op != Op::Keep).count();
            let _ = writeln!(out, "... and {rest} more changed lines");
            break;
        }
        if skipped {
            out.push_str("...\n");
            skipped = false;
        }
        let _ = match op {
            Op::Keep => writeln!(out, "{new_line:>5}   {text}"),
            Op::Remove => writeln!(out, "      - {text}"),
            Op::Add => writeln!(out, "{new_line:>5} + {text}"),
        };
        shown += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_is_empty() {
        assert_eq!(unified("a\nb\n", "a\nb\n"), "");
    }

    #[test]
    fn shows_the_change_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let d = unified(old, new);
        assert!(d.starts_with("...\n"), "{d}");
        assert!(d.contains("      - 5\n"), "{d}");
        assert!(d.contains("    5 + five\n"), "{d}");
        assert!(!d.contains("   1\n"), "{d}");
        assert!(d.ends_with("    8   8\n...\n") || d.ends_with("    8   8\n"), "{d}");
    }

    #[test]
    fn missing_newline_is_reported() {
        assert!(unified("a\n", "a").contains("final newline"));
    }
}
