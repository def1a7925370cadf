//! The command line of `cargo xtask difftest`.

use super::{CI_SHAPES, DEFAULT_SEED, LONG_SHAPES};

/// What to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many shapes (numbered from 0).
    pub shapes: usize,
    /// The generator seed.
    pub seed: u64,
    /// Check only this shape, and print its Rust and C source.
    pub only: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { shapes: CI_SHAPES, seed: DEFAULT_SEED, only: None }
    }
}

/// Parses `[--shapes N] [--seed S] [--long] [--only K]`.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--shapes" => o.shapes = parse_num(value("--shapes")?)? as usize,
            "--seed" => o.seed = parse_num(value("--seed")?)?,
            "--only" => o.only = Some(parse_num(value("--only")?)? as usize),
            "--long" => o.shapes = LONG_SHAPES,
            other => return Err(format!("difftest: unknown argument `{other}`")),
        }
    }
    Ok(o)
}

fn parse_num(s: &str) -> Result<u64, String> {
    let s = s.replace('_', "");
    let r = match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => s.parse(),
    };
    r.map_err(|e| format!("`{s}`: {e}"))
}
