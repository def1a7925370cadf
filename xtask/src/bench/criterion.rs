//! Runs the criterion benches and reads their samples back.

use std::fmt::Write as _;
use std::path::Path;

use super::{spread, stats};
use crate::run::{exec, root};

/// One benchmark: nanoseconds per element over criterion's samples.
pub struct Figure {
    pub group: String,
    pub variant: String,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

pub fn run(quick: bool) -> Result<Vec<Figure>, String> {
    let dir = root().join(super::BENCH_TARGET).join("criterion");
    let _ = std::fs::remove_dir_all(&dir);
    let mut args = vec!["bench", "-p", "wasm-layout-bench", "--bench", "access", "--bench", "alloc", "--"];
    if quick {
        args.extend(["--warm-up-time", "0.2", "--measurement-time", "0.4", "--sample-size", "10"]);
    }
    exec(super::bench_cargo(&args))?;
    let mut out = Vec::new();
    collect(&dir, &mut out)?;
    out.sort_by(|a, b| (&a.group, &a.variant).cmp(&(&b.group, &b.variant)));
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<Figure>) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.ends_with("new") && path.join("benchmark.json").is_file() {
            out.push(figure(&path)?);
        } else if path.is_dir() {
            collect(&path, out)?;
        }
    }
    Ok(())
}

fn figure(dir: &Path) -> Result<Figure, String> {
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.display()));
    let bench = read("benchmark.json")?;
    let sample = read("sample.json")?;
    let group = string_field(&bench, "group_id").ok_or("no group_id")?;
    // `BenchmarkId::from_parameter` leaves `function_id` null and puts the
    // name in `value_str`.
    let variant =
        string_field(&bench, "function_id").or_else(|| string_field(&bench, "value_str")).unwrap_or_default();
    let elements = bench
        .split("\"Elements\":")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).find(|s| !s.is_empty()))
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or(1.0);
    let iters = number_array(&sample, "iters").ok_or("no iters")?;
    let times = number_array(&sample, "times").ok_or("no times")?;
    let mut per: Vec<f64> = iters.iter().zip(&times).map(|(i, t)| t / i / elements).collect();
    if per.is_empty() {
        return Err(format!("{}: no samples", dir.display()));
    }
    let (median, min, max) = stats(&mut per);
    Ok(Figure { group, variant, median, min, max })
}

/// `"key":"value"` in a small JSON object.
fn string_field(json: &str, key: &str) -> Option<String> {
    let rest = json.split(&format!("\"{key}\":\"")).nth(1)?;
    Some(rest.split('"').next()?.to_string())
}

/// `"key":[1.0,2.0,…]` in a small JSON object.
fn number_array(json: &str, key: &str) -> Option<Vec<f64>> {
    let rest = json.split(&format!("\"{key}\":[")).nth(1)?;
    rest.split(']').next()?.split(',').map(|n| n.trim().parse().ok()).collect()
}

/// The crate each group is held against, and the variants that are ours.
fn anchor(group: &str) -> &'static str {
    if group.starts_with("alloc_") {
        "bumpalo"
    } else if group.starts_with("pool_") {
        "slab"
    } else {
        "bytemuck"
    }
}

pub fn render(s: &mut String, figures: &[Figure]) {
    let _ = writeln!(s, "## Throughput (criterion)\n");
    let _ = writeln!(
        s,
        "Nanoseconds per element (per lookup, per allocation or per alloc+free pair) as median [min, max] over criterion's samples. \"vs anchor\" is the anchor's median time over this variant's: above 1.00x this variant is faster. \"(fastest)\" compares the fastest samples instead: on a shared virtual machine, slow spells (time stolen by other guests) land on whichever variant criterion happens to be running, which moves medians by up to a fifth between runs of identical code, while a CPU-bound kernel's fastest sample is its own speed. The callgrind counts above are the noise-free comparison.\n"
    );
    let mut groups: Vec<&str> = figures.iter().map(|f| f.group.as_str()).collect();
    groups.dedup();
    for group in groups {
        let rows: Vec<&Figure> = figures.iter().filter(|f| f.group == group).collect();
        let anchor_name = anchor(group);
        let base = rows.iter().find(|f| f.variant == anchor_name).map(|f| (f.median, f.min));
        let _ = writeln!(s, "### {group}\n");
        let _ = writeln!(
            s,
            "| variant | ns per element | M elements/s | vs {anchor_name} | vs {anchor_name} (fastest) |\n|---|---:|---:|---:|---:|"
        );
        for f in rows {
            let ratio = base.map_or(String::new(), |(b, _)| format!("{:.2}x", b / f.median));
            let fastest = base.map_or(String::new(), |(_, b)| format!("{:.2}x", b / f.min));
            let _ = writeln!(
                s,
                "| {} | {} | {:.0} | {ratio} | {fastest} |",
                f.variant,
                spread(f.median, f.min, f.max, ""),
                1e3 / f.median
            );
        }
        let _ = writeln!(s);
    }
}
