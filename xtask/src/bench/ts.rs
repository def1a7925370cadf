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
        "One million 36-byte Particles in a `WebAssembly.Memory`. `read/*` decodes whole structs and sums `mass` (generated `readParticle` vs a hand-written object literal of DataView reads). `view/*` sums `mass` alone: `view/hand` is a loop over a hoisted DataView; `view/generated` moves one `ParticleView` along the array (`view.ptr = …; view.mass`); `view/generated_new_each` makes a new view per element and is measured against `view/generated` (target: at most 2x its cost, so a ratio of at least 0.50x); `view/cursor` is `ParticleArray.get(i).mass` (one reused view); `view/column` is `column(\"mass\").get(i)`, `view/column_mixed` the same in a program that also reads columns of other types, and `view/column_reduce` its `reduce` (all read the memory's `Float32Array` at `(base + 24) / 4 + 9 * i`); `view/hand_typed` is a hand-written loop over that `Float32Array`, `view/hand_typed4` the same with four sums (no add waits for the one before); `view/lines` reads one float per 64-byte line of the Particles' 36 MB, with four sums and no checks: every line holds some Particle's `mass`, so every scan of `mass` reads all of them, and this loop shows what reading them alone costs. `set/*` writes `mass` alone in every Particle: a column's `set(i, x)` and the cursor's setter (`get(i).mass = x`) vs a hand-written DataView loop. `write/*` writes every field of every Particle: through the setters of one moving view (with their checks) vs hand-written DataView writes; `write/generated_hoisted` sets `view.vel` to a constant array made once, before the loop, `write/generated` to the literal `[0.5, 0.5, 0.5]` in the loop. Every generated variant survives `memory.grow`.\n"
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
    ("write/generated_hoisted", "setters of every field vs hand-written DataView writes", 1.0),
    ("write/generated", "the same, with an array literal of doubles per Particle", 1.0),
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
        "\nWhy the targets that are missed are missed (figures from the runs this text was written from; the host's memory bandwidth varies from run to run):\n\nThe scans (2.0x for the column, 1.2x for the cursor): every scan of `mass` reads every 64-byte line of the 36 MB, more than the caches hold. `view/lines` reads only that, one float per line with no checks, and came to 1.2x to 1.4x the DataView loop over the runs behind this text; the fastest hand-written loop (`view/hand_typed4`) to 1.36x to 1.39x. The memory delivers the lines no faster: 2.0x is not reached here by any code, generated or not. The column comes to about the DataView loop's speed through `get(i)` (0.97x to 1.02x) and past it through `reduce` (1.14x to 1.15x, the loop keeping its position in locals), within its checks of the bare typed-array loop (`view/hand_typed`, about 1.25x). `view/column_mixed` is as fast as `view/column`: the array of each element type has code of its own (`LiveArrayF32`, …); with one `get` for every type, a program that had also read a `u32` and a `u8` column scanned `mass` about 1.5x slower (V8 then checks which typed array it holds at every access). The cursor (0.87x to 0.88x) is the moving view (`view/generated`, 1.03x to 1.06x) plus the array's own work per element: the index checked, the cursor's pointer computed and stored, then the view's getter (the struct's alignment, the `Mem`, its typed array). In trials, leaving out the index check or the alignment test each made it about 8% faster; even with neither it would not come near the bare typed-array loop, which is what 1.2x asks of it.\n\nThe setters (1.0x): with the constant array made once (`write/generated_hoisted`, 0.91x to 0.92x) the gap is the setters' checks. In trials on one machine, against the DataView writes: the generated setters 0.96x, the same with no check of the values 0.99x, with no check at all (nor of the bounds and the alignment) 1.02x. The typed-array stores themselves cost what the DataView's do; the checks (each value's type and range, the struct in bounds and aligned) are the price of untrusted callers, and they stay. `write/generated` (0.73x to 0.74x) also pays for its literal: `view.vel = [0.5, 0.5, 0.5]` allocates the array's 40 bytes of elements per Particle (in `--print-opt-code`, an allocation of a double array in the loop, where V8 removes the array itself and literals of integers or computed values entirely), and `--trace-gc` counts about ten times the scavenges of `write/hand`. The hand-written anchor makes no array. `set/column` (about 0.78x, no target) pays the same kind of checks for one field: the index, the value, the element in the typed array.\n\nThe generated code got here by changes made after `--trace-deopt`, `--print-opt-code` and `--trace-turbo-inlining`: views share their memory's state through an object property (a reassigned module-level `let` made each constructor several times slower); fields start as what they hold (numbers as numbers, a view's `Mem` as an empty memory's `Mem`, the array's cursor and a live array's typed array declared rather than defined): a field that starts as `undefined` has V8 check the class or type of what it loads from it at every access; a setter is one condition and a typed-array store, with the checks and the DataView in one cold call (V8 inlines a loop's setters only up to a total bytecode size), and it computes a field's address only where its fast path uses it (an addition checked for overflow is not moved into the cold branch); the condition compares with one number, `Mem.end` (the buffer's length, 0 on a big-endian host), and tests the alignment of the struct's pointer, the same test in every setter and getter, which V8 then does once for a loop's run of them; an aligned field's index is `(ptr >>> shift) + offset / size`, with no addition V8 checks for overflow; a column's `get` and an array's cursor compute their index in 32 bits (`Math.imul`), exact because the true index is below 2^32 and anything wrapped is negative; each `<Name>Array` has its own `get`, with the struct's size a constant; each scalar type's live array has its own `get`, `reduce` and `forEach`.\n"
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
