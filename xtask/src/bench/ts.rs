//! The generated TypeScript against a hand-written DataView loop in Node.

use std::fmt::Write as _;

use super::{spread, stats};
use crate::run::{cmd, exec, root};

pub struct Figure {
    pub name: String,
    /// Nanoseconds per element over every repetition of every process.
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// Repetitions over all processes.
    pub samples: usize,
    /// The variant this one is measured against (see [`anchor`]).
    pub anchor: Option<String>,
    /// The anchor's median over this variant's, one per round (both
    /// processes of a round ran side by side): median, min and max.
    pub vs_hand: Option<(f64, f64, f64)>,
}

/// Rounds, each running every variant in a Node process of its own. Speed
/// differs from one process to the next by up to a third, even on a quiet
/// machine (where the memory's pages land), and drifts with whatever else
/// runs, so one process per variant is not a measurement: the median of ten
/// paired rounds is steady to a few hundredths.
const ROUNDS: usize = 10;
const QUICK_ROUNDS: usize = 2;

/// Node processes, per variant, behind one figure.
pub fn processes(quick: bool) -> usize {
    if quick {
        QUICK_ROUNDS
    } else {
        ROUNDS
    }
}

pub fn run(quick: bool) -> Result<Vec<Figure>, String> {
    let dir = root().join("benches/ts");
    let generated = dir.join("generated");
    std::fs::create_dir_all(&generated).map_err(|e| e.to_string())?;
    let out = generated.join("bench.ts");
    exec(cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "--release",
            "-p",
            "wasm-layout-bench",
            "--bin",
            "ts_bindings",
            "--",
            &out.to_string_lossy(),
        ],
    ))?;
    // tsx comes from the conformance project's node_modules. Each variant
    // runs in processes of its own: in one process, what V8 learns from one
    // variant's objects changes another's code. bench.ts uses V8's natives
    // to have each warmed-up variant optimized before timing it.
    let node = |args: &[&str]| {
        let mut c = cmd("node", &["--allow-natives-syntax", "--import", "tsx"]);
        c.arg(dir.join("bench.ts")).args(args).current_dir(root().join("tests/ts"));
        if quick {
            c.arg("--quick");
        }
        c.output().map_err(|e| format!("node: {e}"))
    };
    let list = node(&["--list"])?;
    if !list.status.success() {
        return Err(format!("node bench --list failed:\n{}", String::from_utf8_lossy(&list.stderr)));
    }
    let variants: Vec<String> = String::from_utf8_lossy(&list.stdout).lines().map(String::from).collect();
    let rounds = processes(quick);
    // times[variant]: every repetition; medians[variant][round]: per process.
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut medians: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    // The list's order forwards, then backwards, and so on (A B, B A, …):
    // never all of one variant in a row, and bench.ts lists each generated
    // variant next to its anchor, so the two always run side by side.
    for round in 0..rounds {
        let mut order: Vec<usize> = (0..variants.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for i in order {
            let variant = &variants[i];
            let output = node(&[variant])?;
            if !output.status.success() {
                return Err(format!(
                    "node bench {variant} failed:\n{}",
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            let text = String::from_utf8_lossy(&output.stdout);
            let line = text.lines().last().unwrap_or("");
            let parsed =
                parse_times(line).ok_or_else(|| format!("node bench {variant}: no times in {line:?}"))?;
            let (median, _, _) = stats(&mut parsed.clone());
            eprintln!("node {variant} (round {}/{rounds}): {median:.3} ns", round + 1);
            if !line.contains("\"optimized\":true") {
                eprintln!("warning: node {variant}: not optimized when timed");
            }
            times[i].extend(parsed);
            medians[i].push(median);
        }
    }
    let mut figures: Vec<Figure> = Vec::new();
    for (i, name) in variants.iter().enumerate() {
        let (median, min, max) = stats(&mut times[i].clone());
        let anchor = anchor(name);
        let vs_hand = variants.iter().position(|v| Some(v) == anchor.as_ref()).map(|h| {
            let mut ratios: Vec<f64> = medians[h].iter().zip(&medians[i]).map(|(h, v)| h / v).collect();
            stats(&mut ratios)
        });
        figures.push(Figure {
            name: name.clone(),
            median,
            min,
            max,
            samples: times[i].len(),
            anchor,
            vs_hand,
        });
    }
    figures.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(figures)
}

/// What a variant is measured against: `<group>/hand`, the hand-written
/// code of its group, except a new view per element, which is measured
/// against moving one view (`view/generated`).
fn anchor(name: &str) -> Option<String> {
    match name.strip_suffix("_new_each") {
        Some(moving) => Some(moving.to_string()),
        None => name.split_once('/').map(|(group, _)| format!("{group}/hand")),
    }
}

/// The `times` array of the line `{"name":…,"times":[…]}`.
fn parse_times(line: &str) -> Option<Vec<f64>> {
    let list = line.split("\"times\":[").nth(1)?.split(']').next()?;
    let xs: Vec<f64> = list.split(',').map(|x| x.trim().parse().ok()).collect::<Option<_>>()?;
    (!xs.is_empty()).then_some(xs)
}

pub fn render(s: &mut String, figures: &[Figure], quick: bool) {
    let _ = writeln!(s, "## TypeScript in Node\n");
    let _ = writeln!(
        s,
        "One million 36-byte Particles in a `WebAssembly.Memory`. `read/*` decodes whole structs and sums `mass` (generated `readParticle` vs a hand-written object literal of DataView reads). `view/*` sums `mass` alone: `view/hand` is a loop over a hoisted DataView; `view/generated` moves one `ParticleView` along the array (`view.ptr = …; view.mass`); `view/generated_new_each` makes a new view per element and is measured against `view/generated` (target: at most 2x its cost, so a ratio of at least 0.50x); `view/cursor` is `ParticleArray.get(i).mass` (one reused view); `view/column` is `column(\"mass\").get(i)` and `view/column_reduce` its `reduce` (both read the memory's `Float32Array` at `(base + 24) / 4 + 9 * i`); `view/hand_typed` is a hand-written loop over that `Float32Array`, the limit of the column path; `view/hand_typed4` the fastest hand-written scan found (that `Float32Array` with four sums, so no add waits for the one before), the limit of any scan of these 36 MB, which come from memory a 64-byte line at a time. `write/*` writes every field of every Particle: through the setters of one moving view (with their checks) vs hand-written DataView writes; `write/generated` writes `view.vel = [0.5, 0.5, 0.5]` in the loop, `write/generated_hoisted` makes that constant array once, before it. Every generated variant survives `memory.grow`.\n"
    );
    let _ = writeln!(
        s,
        "{} rounds each run every variant in a Node process of its own, the order reversed every other round, so that a generated variant runs near its anchor (the first ones right next to it) and no variant runs twice in a row. Each process warms its variant up, has V8 compile it as a whole (a long loop otherwise often runs in the code V8 compiled for it mid-loop, which is slower) and times {} repetitions by the CPU time of its process (`process.cpuUsage`: on a machine shared with other work, wall time also counts the time a process waits for a core). Nanoseconds per element: median [min, max] over all repetitions of all processes. \"anchor / variant\": the anchor's median over the variant's (above 1 is faster than the anchor), from the two processes of each round, median [min, max] over the rounds; pairing the processes that ran side by side keeps out most of the machine's drift. `cargo xtask bench --only ts` refreshes this section alone{}.\n",
        processes(quick),
        figures.first().map_or(0, |f| f.samples / processes(quick)),
        if quick { " (these figures come from `--quick`: a tenth of the Particles, short runs, indicative only)" } else { "" }
    );
    let _ = writeln!(s, "| variant | ns per element | anchor | anchor / variant |\n|---|---:|---|---:|");
    for f in figures {
        let ratio = match f.vs_hand {
            Some(_) if Some(&f.name) == f.anchor.as_ref() => "1.00x".to_string(),
            Some((m, lo, hi)) => format!("{m:.2}x [{lo:.2}, {hi:.2}]"),
            None => String::new(),
        };
        let anchor = if f.vs_hand.is_some() { f.anchor.as_deref().unwrap_or("") } else { "" };
        let _ = writeln!(
            s,
            "| {} | {} | {anchor} | {ratio} |",
            f.name,
            spread(f.median, f.min, f.max, "").trim_end()
        );
    }
    let _ = writeln!(s);
    render_targets(s, figures);
}

/// The targets of this section: the variant, what it stands for, the least
/// ratio (anchor over variant) asked of it.
const TARGETS: &[(&str, &str, f64)] = &[
    ("view/column_reduce", "column scan of `mass` (`reduce`) vs the DataView loop", 2.0),
    ("view/column", "column scan of `mass` (`get(i)`) vs the DataView loop", 2.0),
    ("view/cursor", "cursor view (`get(i).mass`) vs the DataView loop", 1.2),
    ("read/generated", "`readParticle` vs the hand-written object literal", 1.0),
    ("view/generated_new_each", "a new view per element: at most 2x the cost of moving one", 0.5),
    ("write/generated", "setters of every field vs hand-written DataView writes", 1.0),
];

fn render_targets(s: &mut String, figures: &[Figure]) {
    let _ = writeln!(s, "| target | variant | anchor / variant | asked | met |\n|---|---|---:|---:|---|");
    for (name, what, least) in TARGETS {
        let Some((m, lo, hi)) = figures.iter().find(|f| f.name == *name).and_then(|f| f.vs_hand) else {
            continue;
        };
        let met = if m >= *least { "yes" } else { "no" };
        let _ = writeln!(s, "| {what} | {name} | {m:.2}x [{lo:.2}, {hi:.2}] | >= {least:.2}x | {met} |");
    }
    let _ = writeln!(
        s,
        "\nWhat V8 (Node 20) makes of the loops, from `--print-opt-code` (instructions per iteration of the optimized loop, counted when this text was written, not by each run): `view/hand` 27, `view/hand_typed` 16, `view/hand_typed4` 52 for four Particles, `view/generated` 28, `view/cursor` 37, `view/column` 34, `view/column_reduce` 22; `write/hand` 159, `write/generated` 183, `write/generated_hoisted` 167.\n\nWhere the scans miss (2.0x for the column, 1.2x for the cursor): every scan reads the same 36 MB, more than the caches hold, and the memory delivers them at a rate no loop over them beats by much: `view/hand_typed4`, the fastest hand-written loop found (no checks, four independent sums), is the bound of any scan, generated or not, and it is nowhere near 2x the DataView loop (about 1.2x on a quiet machine, less when other processes share the memory's bandwidth). 2.0x would need about 0.75 ns per Particle, some 48 GB/s from one core. The column comes within its checks of `view/hand_typed` (`reduce`, whose loop keeps its position in locals) or at about the DataView loop's speed (`get(i)`, which checks the index and the column's and the typed array's classes per element: V8 does not inline `column(…)`, and one `LiveArray` class serves columns of every element type). The cursor is the moving view plus the array's own work per element (its class, the index, the cursor loaded, the pointer computed, checked and stored: 37 instructions against the moving view's 28 and the DataView loop's 27); 1.2x would ask it to beat the DataView loop by as much as the bare typed-array loop does.\n\nWhere the setters miss (1.0x): `view.vel = [0.5, 0.5, 0.5]` allocates a 40-byte array per Particle: V8 makes an array literal of constant doubles by copying its boilerplate, and escape analysis does not remove that copy (literals of integers or of computed values it removes); `--trace-gc` counts 572 scavenges in a `write/generated` process against 60 in a `write/generated_hoisted` or 58 in a `write/hand` one. Without the literal (`write/generated_hoisted`) the setters with their checks (the value's type and range, the struct in bounds, the alignment) come to about 0.9x of the unchecked DataView writes: 167 instructions against 159, where the checks and the stores' bounds add more than the hand loop's per-call DataView checks cost.\n\nBefore the latest of the changes below (the `Mem` and the cursor as first values, `Mem.end`, the pointer's alignment, the index, the column's `get`, each array's own `get`), this section read, in wall time on a quiet machine: cursor 0.66x, setters 0.64x, column `reduce` 1.13x, column `get(i)` 0.86x. What was changed after `--trace-turbo-inlining`, `--trace-deopt` and `--print-opt-code`: views share their memory's state through an object property (a reassigned module-level `let` made each constructor several times slower); fields start as what they hold (numbers as numbers, a view's `Mem` as an empty memory's `Mem`, the array's cursor declared rather than defined): a field that starts as `undefined` has V8 check the class or type of what it loads from it at every access (a class check of the `Mem` on every field access, of the cursor on every `get`); a setter is one condition and a typed-array store, with the checks and the DataView in one cold call (V8 inlines a loop's setters only up to a total bytecode size, and a DataView loaded from a field stayed a call); that condition compares with one number, `Mem.end` (the buffer's length, 0 on a big-endian host), where a boolean field's truth took V8 a test against every falsy kind, and tests the alignment of the struct's pointer, the same test in every setter and getter, which V8 then does once for a loop's run of them; an aligned field's index is `(ptr >>> shift) + offset / size`, with no addition V8 checks for overflow; a column's `get` reads its typed array with no test of whether it may (one that may not is empty); each `<Name>Array` has its own `get`, with the struct's size a constant V8 neither loads nor checks the multiplication by.\n"
    );
}

#[cfg(test)]
mod tests {
    use super::{anchor, parse_times};

    #[test]
    fn anchors() {
        assert_eq!(anchor("view/cursor").as_deref(), Some("view/hand"));
        assert_eq!(anchor("view/generated_new_each").as_deref(), Some("view/generated"));
        assert_eq!(anchor("plain"), None);
    }

    #[test]
    fn times_from_a_json_line() {
        assert_eq!(
            parse_times(r#"{"name":"view/hand","optimized":true,"times":[2.5,3,4.25]}"#),
            Some(vec![2.5, 3.0, 4.25])
        );
        assert_eq!(parse_times(r#"{"name":"view/hand","times":[]}"#), None);
        assert_eq!(parse_times(r#"{"name":"view/hand"}"#), None);
    }
}
