//! Failure reports: which shape disagreed, its source, and the command that
//! regenerates just that shape.

use super::shape::Shape;

/// Turns clang's complaint into an error naming the shape it is about.
pub(super) fn clang_failure(err: &str, shapes: &[Shape], seed: u64) -> String {
    let first = err.lines().find(|l| l.contains("error")).unwrap_or(err);
    let shape = shapes.iter().find(|s| {
        let variants = s.variants.iter().map(|v| &v.name);
        s.structs
            .iter()
            .map(|d| &d.name)
            .chain(s.enums.iter().map(|e| &e.name))
            .chain(variants)
            .any(|n| mentions(first, n))
    });
    match shape {
        Some(s) => failure(s, seed, &format!("clang disagrees with the derive: {first}")),
        None => format!("clang rejected the generated C:\n{err}"),
    }
}

/// Whether `line` mentions the type name `name` as a whole word.
pub(super) fn mentions(line: &str, name: &str) -> bool {
    line.match_indices(name).any(|(i, _)| {
        let after = line[i + name.len()..].chars().next();
        !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

pub(super) fn failure(shape: &Shape, seed: u64, what: &str) -> String {
    format!(
        "difftest: shape {k} of seed {seed:#x}: {what}\n\
         reproduce with: cargo xtask difftest --seed {seed:#x} --only {k}\n\
         --- Rust ---\n{}--- C ---\n{}",
        shape.rust(),
        shape.c_decls(),
        k = shape.index,
    )
}
