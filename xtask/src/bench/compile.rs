//! Compile time of a crate of 200 structs with 8 fields each, deriving
//! `WasmLayout`, against the same crate deriving bytemuck's `Pod +
//! Zeroable` and zerocopy's four derives.

use std::fmt::Write as _;

use super::{scratch, stats, timed};
use crate::run::root;

pub struct Timing {
    pub variant: &'static str,
    pub profile: &'static str,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// rustc's instruction count for one variant's debug build (callgrind):
/// deterministic, where wall time on a shared machine is not.
pub struct Instructions {
    pub variant: &'static str,
    pub count: u64,
}

/// The variants counted under callgrind (zerocopy's build would take a
/// quarter of an hour there).
const COUNTED: [&str; 2] = ["wasm-layout", "bytemuck"];

const STRUCTS: usize = 200;

/// The variants: crate name, `use` line, attributes on each struct.
const VARIANTS: [(&str, &str, &str); 3] = [
    ("wasm-layout", "use wasm_layout::WasmLayout;", "#[derive(WasmLayout, Clone, Copy)]"),
    ("bytemuck", "use bytemuck::{Pod, Zeroable};", "#[derive(Pod, Zeroable, Clone, Copy)]\n#[repr(C)]"),
    (
        "zerocopy",
        "use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};",
        "#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy)]\n#[repr(C)]",
    ),
];

fn crate_dir(variant: &str) -> String {
    format!("gen-{variant}")
}

/// Writes the scratch workspace: one crate per variant, same structs.
fn generate() -> Result<std::path::PathBuf, String> {
    let ws = scratch("bench-compile");
    let members: Vec<String> = VARIANTS.iter().map(|(v, _, _)| format!("\"{}\"", crate_dir(v))).collect();
    let root_path = root();
    let manifest = format!(
        "[workspace]\nmembers = [{}]\nresolver = \"2\"\n\n[workspace.dependencies]\nwasm-layout = {{ path = {:?} }}\nbytemuck = {{ version = \"1\", features = [\"derive\"] }}\nzerocopy = {{ version = \"0.8\", features = [\"derive\"] }}\n",
        members.join(", "),
        root_path.display().to_string()
    );
    write(&ws.join("Cargo.toml"), &manifest)?;
    // The main lockfile pins the same versions the benchmarks use.
    if let Ok(lock) = std::fs::read_to_string(root_path.join("Cargo.lock")) {
        write(&ws.join("Cargo.lock"), &lock)?;
    }
    for (variant, use_line, attrs) in VARIANTS {
        let dir = ws.join(crate_dir(variant));
        let dep = if variant == "wasm-layout" { "wasm-layout" } else { variant };
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dep}.workspace = true\n",
                crate_dir(variant)
            ),
        )?;
        let mut src =
            format!("//! {STRUCTS} structs of 8 fields, no padding.\n#![allow(dead_code)]\n{use_line}\n\n");
        for i in 0..STRUCTS {
            let _ = writeln!(
                src,
                "{attrs}\npub struct S{i} {{ pub a: u64, pub b: f64, pub c: u32, pub d: f32, pub e: i32, pub f: u32, pub g: u16, pub h: [u8; 6] }}\n"
            );
        }
        write(&dir.join("src/lib.rs"), &src)?;
    }
    Ok(ws)
}

fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn run(repeats: usize) -> Result<(Vec<Timing>, Vec<Instructions>), String> {
    let ws = generate()?;
    let manifest = ws.join("Cargo.toml");
    let cargo = |args: &[&str]| {
        let mut c = std::process::Command::new("cargo");
        c.args(args).arg("--manifest-path").arg(&manifest).arg("--quiet");
        c
    };
    let mut out = Vec::new();
    for (profile, flag) in [("debug", None), ("release", Some("--release"))] {
        // Dependencies once, untimed.
        let mut warm = vec!["build", "--workspace"];
        warm.extend(flag);
        timed(cargo(&warm))?;
        for (variant, _, _) in VARIANTS {
            let name = crate_dir(variant);
            let mut times = Vec::new();
            for _ in 0..repeats {
                let mut clean = vec!["clean", "-p", name.as_str()];
                clean.extend(flag);
                timed(cargo(&clean))?;
                let mut build = vec!["build", "-p", name.as_str()];
                build.extend(flag);
                times.push(timed(cargo(&build))?);
            }
            let (median, min, max) = stats(&mut times);
            eprintln!("compile {variant} {profile}: {median:.2}s");
            out.push(Timing { variant, profile, median, min, max });
        }
    }
    let mut counts = Vec::new();
    for variant in COUNTED {
        let count = rustc_instructions(&ws, &cargo, variant)?;
        eprintln!("compile {variant}: rustc ran {count} instructions");
        counts.push(Instructions { variant, count });
    }
    Ok((out, counts))
}

/// Cleans `variant`'s crate and builds it (debug) with rustc under
/// callgrind, through `RUSTC_WORKSPACE_WRAPPER` (so dependencies are not
/// rebuilt); the count is that of the largest process, the compilation
/// (the wrapper also sees cargo's small `rustc -vV` queries).
fn rustc_instructions(
    ws: &std::path::Path,
    cargo: &dyn Fn(&[&str]) -> std::process::Command,
    variant: &str,
) -> Result<u64, String> {
    use std::os::unix::fs::PermissionsExt as _;
    let name = crate_dir(variant);
    let logs = ws.join("callgrind-logs");
    let _ = std::fs::remove_dir_all(&logs);
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let wrapper = ws.join("callgrind-rustc.sh");
    write(
        &wrapper,
        &format!(
            "#!/bin/sh\nexec valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null --log-file={}/%p.log \"$@\"\n",
            logs.display()
        ),
    )?;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).map_err(|e| e.to_string())?;
    timed(cargo(&["clean", "-p", &name]))?;
    let mut build = cargo(&["build", "-p", &name]);
    build.env("RUSTC_WORKSPACE_WRAPPER", &wrapper);
    timed(build)?;
    let mut most = 0;
    for entry in std::fs::read_dir(&logs).map_err(|e| e.to_string())?.flatten() {
        let report = std::fs::read_to_string(entry.path()).unwrap_or_default();
        most = most.max(super::collected(&report).unwrap_or(0));
    }
    if most == 0 {
        return Err(format!("no callgrind count for {variant} (is valgrind installed?)"));
    }
    Ok(most)
}

pub fn render(s: &mut String, (timings, counts): &(Vec<Timing>, Vec<Instructions>)) {
    let _ = writeln!(s, "## Compile time\n");
    let _ = writeln!(
        s,
        "A generated crate of {STRUCTS} structs with 8 fields each, built alone (dependencies already built), median [min, max] of clean builds in seconds. \"vs bytemuck\" is bytemuck's median over this variant's.\n"
    );
    let _ = writeln!(s, "| derive | profile | seconds | vs bytemuck |\n|---|---|---:|---:|");
    for t in timings {
        let base =
            timings.iter().find(|b| b.variant == "bytemuck" && b.profile == t.profile).map(|b| b.median);
        let ratio = base.map_or(String::new(), |b| format!("{:.2}x", b / t.median));
        let _ = writeln!(
            s,
            "| {} | {} | {:.2} [{:.2}, {:.2}] | {ratio} |",
            t.variant, t.profile, t.median, t.min, t.max
        );
    }
    let _ = writeln!(s);
    if counts.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "Instructions rustc executes for the debug build of the crate (callgrind, derive expansion included; the same count on every run of the same toolchain, where the wall times above move with the machine's load):\n"
    );
    let _ = writeln!(s, "| derive | instructions | vs bytemuck |\n|---|---:|---:|");
    let base = counts.iter().find(|c| c.variant == "bytemuck").map(|c| c.count as f64);
    for c in counts {
        let ratio = base.map_or(String::new(), |b| format!("{:.2}x", b / c.count as f64));
        let _ = writeln!(s, "| {} | {:.2} G | {ratio} |", c.variant, c.count as f64 / 1e9);
    }
    let _ = writeln!(s);
}
