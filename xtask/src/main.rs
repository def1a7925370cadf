//! Project chores: `cargo xtask <command>`.
//!
//! - `ci`: every check CI runs (format, clippy, tests, conformance, docs).

mod ci;
mod run;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci::run(),
        _ => {
            eprintln!("usage: cargo xtask <command>\n\ncommands:\n  ci    format, clippy, tests, conformance against clang and Node, docs");
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
