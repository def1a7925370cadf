//! The generated TypeScript against a hand-written DataView loop in Node.

use std::fmt::Write as _;

use super::spread;
use crate::run::{cmd, exec, root};

pub struct Figure {
    pub name: String,
    pub median: f64,
    pub min: f64,
    pub max: f64,
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
    // runs in a process of its own: in one process, what V8 learns from one
    // variant's objects changes another's code.
    let node = |args: &[&str]| {
        let mut c = cmd("node", &["--import", "tsx"]);
        c.arg(dir.join("bench.ts")).args(args).current_dir(root().join("tests/ts"));
        if quick {
            c.arg("--quick");
        }
        c.output().map_err(|e| format!("node: {e}"))
    };
    let list = node(&["--list"])?;
    let mut figures = Vec::new();
    for variant in String::from_utf8_lossy(&list.stdout).lines() {
        let output = node(&[variant])?;
        if !output.status.success() {
            return Err(format!("node bench {variant} failed:\n{}", String::from_utf8_lossy(&output.stderr)));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let line = text.lines().last().unwrap_or("");
        let field = |key: &str| -> Option<f64> {
            line.split(&format!("\"{key}\":")).nth(1)?.split([',', '}']).next()?.trim().parse().ok()
        };
        if let (Some(median), Some(min), Some(max)) = (field("median"), field("min"), field("max")) {
            eprintln!("node {variant}: {median:.2} ns");
            figures.push(Figure { name: variant.to_string(), median, min, max });
        }
    }
    Ok(figures)
}

pub fn render(s: &mut String, figures: &[Figure]) {
    let _ = writeln!(s, "## TypeScript in Node\n");
    let _ = writeln!(
        s,
        "One million 36-byte Particles in a `WebAssembly.Memory`, summing `mass`. `read/*` decodes whole structs (generated `readParticle` vs a hand-written object literal of DataView reads); `view/*` reads one field: `view/generated` moves one `ParticleView` along the array (`view.ptr = …; view.mass`), which also survives `memory.grow`, vs a hoisted DataView; `view/generated_new_each` makes a new view per element (shown for scale, not a target). Each variant runs in a Node process of its own. \"vs hand\" is the hand loop's median over the generated code's.\n"
    );
    let _ = writeln!(s, "| variant | ns per element | vs hand |\n|---|---:|---:|");
    for f in figures {
        let hand = f.name.split_once('/').map(|(g, _)| format!("{g}/hand"));
        let base = figures.iter().find(|b| Some(&b.name) == hand.as_ref()).map(|b| b.median);
        let ratio = base.map_or(String::new(), |b| format!("{:.2}x", b / f.median));
        let _ = writeln!(s, "| {} | {} | {ratio} |", f.name, spread(f.median, f.min, f.max, ""));
    }
    let _ = writeln!(s);
}
