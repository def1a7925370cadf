//! `cargo xtask fuzz [--seconds N] [target…]`: runs each cargo-fuzz target
//! in turn for a given time, on its corpus in `fuzz/corpus/<target>/`, one
//! fuzzer process at a time, and reports executions and corpus sizes.

use std::path::Path;
use std::process::Stdio;

use crate::run::{cmd, root};

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;

/// `cargo xtask fuzz [args]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut only = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                let v = it.next().ok_or("--seconds needs a value")?;
                seconds = v.parse().map_err(|e| format!("--seconds {v}: {e}"))?;
            }
            t if !t.starts_with('-') => only.push(t.to_string()),
            other => return Err(format!("fuzz: unknown argument `{other}`")),
        }
    }
    let all = targets()?;
    for t in &only {
        if !all.contains(t) {
            return Err(format!("fuzz: no target `{t}` (targets: {})", all.join(", ")));
        }
    }
    let chosen = if only.is_empty() { all } else { only };
    let mut report = Vec::new();
    for t in &chosen {
        report.push(fuzz_one(t, seconds)?);
    }
    eprintln!("\nfuzz: no findings");
    for line in report {
        eprintln!("  {line}");
    }
    Ok(())
}

/// The targets `cargo fuzz list` knows.
fn targets() -> Result<Vec<String>, String> {
    let out = cmd("cargo", &["+nightly", "fuzz", "list"]).output().map_err(|e| {
        format!("cargo fuzz: {e} (cargo install cargo-fuzz; rustup toolchain install nightly)")
    })?;
    if !out.status.success() {
        return Err(format!(
            "`cargo +nightly fuzz list` failed (cargo install cargo-fuzz; rustup toolchain install nightly):\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// Fuzzes `target` for `seconds`; returns its one-line summary.
fn fuzz_one(target: &str, seconds: u64) -> Result<String, String> {
    let corpus = root().join("fuzz/corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    let logs = root().join("target/fuzz-logs");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let log_path = logs.join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
    let err = log.try_clone().map_err(|e| e.to_string())?;
    let corpus_arg = format!("fuzz/corpus/{target}");
    let time = format!("-max_total_time={seconds}");
    let mut c = cmd(
        "cargo",
        &[
            "+nightly",
            "fuzz",
            "run",
            "-O",
            target,
            &corpus_arg,
            "--",
            &time,
            "-print_final_stats=1",
            "-rss_limit_mb=2048",
        ],
    );
    c.stdout(Stdio::from(log)).stderr(Stdio::from(err));
    eprintln!("==> fuzz {target} for {seconds} s (log: target/fuzz-logs/{target}.log)");
    let status = c.status().map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "fuzz target `{target}` found a problem (crash input under fuzz/artifacts/{target}/; \
             reproduce with `cargo +nightly fuzz run {target} <file>`):\n{}",
            tail.join("\n")
        ));
    }
    let runs = stat(&text, "stat::number_of_executed_units:").unwrap_or_else(|| "?".into());
    let (files, bytes) = corpus_size(&corpus);
    Ok(format!("{target}: {seconds} s, {runs} executions, corpus {files} inputs / {bytes} bytes"))
}

fn stat(log: &str, key: &str) -> Option<String> {
    log.lines().rev().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_string())
}

fn corpus_size(dir: &Path) -> (usize, u64) {
    let Ok(entries) = std::fs::read_dir(dir) else { return (0, 0) };
    entries
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .fold((0, 0), |(n, b), m| (n + 1, b + m.len()))
}
