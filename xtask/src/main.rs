//! Project chores: `cargo xtask <command>`.
//!
//! - `ci`: sets up what a fresh clone lacks, then runs every check CI runs
//!   (format, clippy, tests, Odin, the no_std guest, conformance, docs).
//! - `bench`: every benchmark beside its anchor crates; writes BENCHMARKS.md.
//! - `difftest`: random struct shapes laid out by the derive, by the C rules
//!   and by clang for wasm32, compared.
//! - `fuzz`: runs every cargo-fuzz target for a given time.
#![forbid(unsafe_code)]

mod bench;
mod ci;
mod difftest;
mod fuzz;
mod guest;
mod run;
mod setup;
mod wasm_sections;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("difftest") => difftest::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("guest") => guest::run(&args[1..]),
        Some("setup") => setup::run(),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\ncommands:\n  \
                 ci        setup, then format, clippy, tests, conformance against clang, Node and Odin, docs\n  \
                 setup     install what a fresh clone lacks (npm packages, wasm32 target; system packages as root)\n  \
                 bench     [--quick] [--only ts|criterion|compile]: benchmarks beside bytemuck, zerocopy, bumpalo, slab; writes BENCHMARKS.md\n  \
                 difftest  [--shapes N | --long] [--seed S] [--only K]: random layouts vs clang\n  \
                 fuzz      [--seconds N] [target...]: every cargo-fuzz target, one at a time"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
