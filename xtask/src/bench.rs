//! `cargo xtask bench`: runs every benchmark side by side with its anchor
//! crates and writes `BENCHMARKS.md`.
//!
//! - instruction counts per element with callgrind (`--toggle-collect` on the
//!   one measured call, at two sizes, so set-up cancels out);
//! - criterion throughput (median, min and max over samples);
//! - compile time of a generated crate of 200 structs with 8 fields;
//! - the generated TypeScript against a hand-written DataView loop in Node.
//!
//! `--quick` shortens criterion, the compile-time runs and the Node runs (for
//! trying the command; the committed file comes from a full run). `--only
//! ts` (or `criterion`, or `compile`) runs that benchmark alone and rewrites
//! only its section of `BENCHMARKS.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::run::{cmd, exec, root};

mod compile;
mod criterion;
mod ts;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut quick = false;
    let mut only = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--quick" => quick = true,
            "--only" => match it.next().map(String::as_str) {
                Some(part @ ("ts" | "criterion" | "compile" | "callgrind")) => only = Some(part),
                other => {
                    return Err(format!(
                        "--only takes `ts`, `criterion`, `compile` or `callgrind`, not {other:?}"
                    ))
                }
            },
            other => {
                return Err(format!(
                    "unknown bench argument {other:?}; try --quick, --only ts|criterion|compile|callgrind"
                ))
            }
        }
    }
    let path = root().join("BENCHMARKS.md");
    let text = match only {
        Some(part) => {
            let mut section = String::new();
            let heading = match part {
                "ts" => {
                    ts::render(&mut section, &ts::run(quick)?, quick);
                    TS_HEADING
                }
                "criterion" => {
                    criterion::render(&mut section, &criterion::run(quick)?);
                    CRITERION_HEADING
                }
                "callgrind" => {
                    render_instructions(&instructions()?, &mut section);
                    INSTRUCTIONS_HEADING
                }
                _ => {
                    compile::render(&mut section, &compile::run(if quick { 1 } else { 3 })?);
                    COMPILE_HEADING
                }
            };
            let old = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            replace_section(&old, heading, &section)
                .ok_or_else(|| format!("{}: no `{heading}` section to replace", path.display()))?
        }
        None => {
            let report = Report {
                instructions: instructions()?,
                criterion: criterion::run(quick)?,
                compile: compile::run(if quick { 1 } else { 3 })?,
                ts: ts::run(quick)?,
            };
            report.render(quick)
        }
    };
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

const TS_HEADING: &str = "## TypeScript in Node\n";
const INSTRUCTIONS_HEADING: &str = "## Instructions per element (callgrind)\n";
const CRITERION_HEADING: &str = "## Throughput (criterion)\n";
const COMPILE_HEADING: &str = "## Compile time\n";

/// `doc` with the section that starts with the line `heading` (up to the
/// next `## ` heading or the end) replaced by `section`.
fn replace_section(doc: &str, heading: &str, section: &str) -> Option<String> {
    let start = if doc.starts_with(heading) { 0 } else { doc.find(&format!("\n{heading}"))? + 1 };
    let rest = &doc[start + heading.len()..];
    let end = rest.find("\n## ").map_or(doc.len(), |i| start + heading.len() + i + 1);
    Some(format!("{}{section}{}", &doc[..start], &doc[end..]))
}

struct Report {
    /// kernel name → instructions per element (or per operation).
    instructions: BTreeMap<String, f64>,
    criterion: Vec<criterion::Figure>,
    compile: (Vec<compile::Timing>, Vec<compile::Instructions>),
    ts: Vec<ts::Figure>,
}

/// Kernels, their two sizes, and what one unit of work is.
fn callgrind_plan(kernel: &str) -> (usize, usize, usize) {
    match kernel.split_once('/').map_or(kernel, |(g, _)| g) {
        "mass" | "write" => (36 * 20_000, 36 * 40_000, 36),
        "x" => (16 * 20_000, 16 * 40_000, 16),
        "random" => (500_000, 1_000_000, 1),
        "str" => (20_000, 40_000, 1),
        "slice" => (4 * 20_000, 4 * 40_000, 4),
        // The issue's 10 million operations, and half as many to subtract.
        _ => (5_000_000, 10_000_000, 1),
    }
}

/// Compiler flags of every benchmark build: loops start on a 64-byte
/// boundary. Without it, whether a hot loop straddles a fetch block depends
/// on where the linker happens to put its function, and that alone moved one
/// allocation loop between 0.62 and 0.93 ns (the same machine code). The
/// flag applies to every variant alike, anchors included.
pub const BENCH_RUSTFLAGS: &str = "-C llvm-args=-align-loops=64";

/// Where the benchmark builds go: their own target directory, so that their
/// flags do not invalidate the workspace's everyday build.
pub const BENCH_TARGET: &str = "target/bench";

/// `cargo <args>` for a benchmark build.
pub fn bench_cargo(args: &[&str]) -> Command {
    let mut c = cmd("cargo", args);
    c.env("RUSTFLAGS", BENCH_RUSTFLAGS).env("CARGO_TARGET_DIR", root().join(BENCH_TARGET));
    c
}

fn instructions() -> Result<BTreeMap<String, f64>, String> {
    exec(bench_cargo(&["build", "--release", "-p", "wasm-layout-bench", "--bin", "callgrind"]))?;
    let bin = root().join(BENCH_TARGET).join("release/callgrind");
    let list = Command::new(&bin).arg("--list").output().map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    for kernel in String::from_utf8_lossy(&list.stdout).lines() {
        let (small, large, unit) = callgrind_plan(kernel);
        let a = callgrind(&bin, kernel, small)?;
        let b = callgrind(&bin, kernel, large)?;
        let per = (b.saturating_sub(a)) as f64 / ((large - small) / unit) as f64;
        eprintln!("callgrind {kernel}: {per:.2} instructions per unit");
        out.insert(kernel.to_string(), per);
    }
    Ok(out)
}

fn callgrind(bin: &Path, kernel: &str, n: usize) -> Result<u64, String> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null", "--toggle-collect=*measured*"])
        .arg(bin)
        .args([kernel, &n.to_string()])
        .output()
        .map_err(|e| format!("valgrind: {e} (apt-get install valgrind)"))?;
    let text = String::from_utf8_lossy(&out.stderr);
    collected(&text).ok_or_else(|| format!("no instruction count from callgrind for {kernel}:\n{text}"))
}

/// The instruction count in callgrind's report (`==pid== Collected : N`).
fn collected(report: &str) -> Option<u64> {
    report.lines().find_map(|l| l.split("Collected : ").nth(1)).and_then(|n| n.trim().parse().ok())
}

/// `median [min, max]` with a unit.
fn spread(median: f64, min: f64, max: f64, unit: &str) -> String {
    format!("{median:.3} [{min:.3}, {max:.3}] {unit}")
}

fn version_of(program: &str, arg: &str) -> String {
    Command::new(program)
        .arg(arg)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().next().unwrap_or("").trim().to_string())
        .unwrap_or_else(|| "not found".into())
}

/// Versions of the anchor crates, from Cargo.lock.
fn locked_versions(names: &[&str]) -> Vec<(String, String)> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            current = Some(n.trim_matches('"').to_string());
        } else if let (Some(v), Some(n)) = (line.strip_prefix("version = "), &current) {
            if names.contains(&n.as_str()) {
                out.push((n.clone(), v.trim_matches('"').to_string()));
            }
        }
    }
    out
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

impl Report {
    fn render(&self, quick: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# Benchmarks\n");
        let _ = writeln!(
            s,
            "Generated by `cargo xtask bench`{}. Every figure comes from one run on one machine, so read the **ratios**, not the absolute times; each crate is measured in the same run as wasm-layout.\n",
            if quick { " --quick (short runs: indicative only)" } else { "" }
        );
        let _ = writeln!(
            s,
            "The Rust benchmarks are built with `RUSTFLAGS=\"{BENCH_RUSTFLAGS}\"` (in `{BENCH_TARGET}`), for every variant alike: without it, whether a hot loop straddles a 64-byte fetch block depends on where the linker puts its function, and that alone moved the same allocation loop between 0.62 and 0.93 ns.\n"
        );
        self.render_machine(&mut s);
        render_instructions(&self.instructions, &mut s);
        criterion::render(&mut s, &self.criterion);
        compile::render(&mut s, &self.compile);
        ts::render(&mut s, &self.ts, quick);
        let _ = writeln!(s, "## Reproduce\n");
        let _ = writeln!(s, "```sh");
        let _ = writeln!(s, "cargo xtask bench                      # everything below, rewrites this file");
        let _ = writeln!(s, "export RUSTFLAGS=\"{BENCH_RUSTFLAGS}\" CARGO_TARGET_DIR={BENCH_TARGET}");
        let _ = writeln!(s, "cargo bench -p wasm-layout-bench        # criterion only (access, alloc)");
        let _ = writeln!(s, "cargo xtask bench --only ts             # the TypeScript section only");
        let _ = writeln!(s, "cargo xtask bench --only criterion      # the criterion section only");
        let _ = writeln!(s, "cargo xtask bench --only compile        # the compile-time section only");
        let _ = writeln!(s, "cargo xtask bench --only callgrind      # the instruction counts only");
        let _ = writeln!(s, "cargo build --release -p wasm-layout-bench --bin callgrind");
        let _ = writeln!(s, "valgrind --tool=callgrind --toggle-collect='*measured*' {BENCH_TARGET}/release/callgrind mass/view 720000");
        let _ = writeln!(s, "```");
        s
    }

    fn render_machine(&self, s: &mut String) {
        let _ = writeln!(s, "## Machine and versions\n");
        let _ = writeln!(s, "| | |\n|---|---|");
        let _ = writeln!(
            s,
            "| CPU | {} ({} logical cores) |",
            cpu_model(),
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        let _ = writeln!(s, "| OS | {} |", version_of("uname", "-sr"));
        let _ = writeln!(s, "| rustc | {} |", version_of("rustc", "--version"));
        let _ = writeln!(s, "| valgrind | {} |", version_of("valgrind", "--version"));
        let _ = writeln!(s, "| node | {} |", version_of("node", "--version"));
        for (name, v) in
            locked_versions(&["bytemuck", "zerocopy", "binary-layout", "bumpalo", "slab", "criterion"])
        {
            let _ = writeln!(s, "| {name} | {v} |");
        }
        let _ = writeln!(s);
    }
}

/// The callgrind section: instructions per element of each kernel, by group.
fn render_instructions(instructions: &BTreeMap<String, f64>, s: &mut String) {
    let _ = writeln!(s, "{INSTRUCTIONS_HEADING}");
    let _ = writeln!(
        s,
        "Counted inside the measured call only, at two sizes; the difference divided by the extra elements (lookups, allocations) cancels set-up. Deterministic: the same binary gives the same counts.\n"
    );
    let groups: [(&str, &str, &str); 7] = [
        ("mass", "Particle.mass scan (36-byte structs)", "bytemuck"),
        ("x", "Point.x scan (16-byte structs)", "bytemuck"),
        ("random", "random Particle.mass lookups", "bytemuck"),
        ("write", "write every field of every Particle", "bytemuck"),
        ("alloc", "allocation (per operation)", ""),
        ("str", "WasmStr::read vs core::str::from_utf8 (per byte of UTF-8 text)", "from_utf8"),
        ("slice", "WasmSlice<f32> view iteration (per element)", "view_slice"),
    ];
    for (group, title, anchor) in groups.iter().filter(|g| !g.0.is_empty()) {
        let rows: Vec<(&String, &f64)> =
            instructions.iter().filter(|(k, _)| k.split('/').next() == Some(group)).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(s, "### {title}\n");
        let base = instructions.get(&format!("{group}/{anchor}")).copied();
        let _ = writeln!(
            s,
            "| variant | instructions | vs {} |\n|---|---:|---:|",
            if anchor.is_empty() { "anchor" } else { anchor }
        );
        for (k, v) in rows {
            let variant = k.split_once('/').map_or(k.as_str(), |(_, v)| v);
            let ratio = match (group, base) {
                (&"alloc", _) => alloc_ratio(instructions, variant, *v),
                (_, Some(b)) if b > 0.0 => format!("{:.2}x", v / b),
                _ => String::new(),
            };
            let _ = writeln!(s, "| {variant} | {v:.2} | {ratio} |");
        }
        let _ = writeln!(s);
    }
}

/// Our allocators against theirs: bump and arena vs bumpalo of the same
/// size, pool vs slab.
fn alloc_ratio(all: &BTreeMap<String, f64>, variant: &str, v: f64) -> String {
    let anchor = match variant {
        "bump_16" | "arena_16" => "alloc/bumpalo_16",
        "bump_40" | "arena_40" => "alloc/bumpalo_40",
        "pool_pair" => "alloc/slab_pair",
        "pool_reuse" => "alloc/slab_reuse",
        _ => return String::new(),
    };
    all.get(anchor)
        .map_or(String::new(), |b| format!("{:.2}x {}", v / b, anchor.trim_start_matches("alloc/")))
}

/// Median, min and max of `xs` (not empty).
fn stats(xs: &mut [f64]) -> (f64, f64, f64) {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    let median = if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 };
    (median, xs[0], xs[n - 1])
}

/// Wall time of a command, failing if it fails.
fn timed(mut c: Command) -> Result<f64, String> {
    let start = Instant::now();
    let status = c.status().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("{c:?} failed with {status}"));
    }
    Ok(start.elapsed().as_secs_f64())
}

fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join(name);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

#[cfg(test)]
mod tests {
    use super::replace_section;

    #[test]
    fn replaces_one_section_only() {
        let doc = "# B\n\n## A\n\na\n\n## TS\n\nold\n\n## R\n\nr\n";
        assert_eq!(
            replace_section(doc, "## TS\n", "## TS\n\nnew\n\n").unwrap(),
            "# B\n\n## A\n\na\n\n## TS\n\nnew\n\n## R\n\nr\n"
        );
        assert_eq!(replace_section("## TS\n\nold\n", "## TS\n", "## TS\n\nnew\n").unwrap(), "## TS\n\nnew\n");
        assert_eq!(replace_section(doc, "## X\n", ""), None);
    }
}
