//! The matrix: every guest (`wasm_layout_e2e::GUESTS`: C and Odin) on both
//! hosts (Rust with wasmi, Node with the generated TypeScript,
//! `tests/ts/e2e/host.ts`) plays the same plan. Within a guest, both hosts
//! must leave the same bytes in its memory; across guests, every call must
//! report the same results. A difference names the guest/host pairs and shows
//! the hex dump around the first differing byte.

mod common;

use std::path::Path;
use std::process::Command;

use wasm_layout::memory::hex_dump;
use wasm_layout_e2e::{self as host, Plan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one guest/host pair left behind: the whole memory, the used region
/// as a hex dump, and the report.
struct Cell {
    guest: &'static str,
    host: &'static str,
    memory: Vec<u8>,
    region: String,
    report: String,
}

impl Cell {
    fn name(&self) -> String {
        format!("{} on the {} host", self.guest, self.host)
    }

    /// The report without the lines that depend on the guest's own memory
    /// layout (its initial size): what every guest must agree on.
    fn results(&self) -> String {
        self.report.lines().filter(|l| !l.starts_with("memory pages")).collect::<Vec<_>>().join("\n")
    }
}

/// The hex-dump lines around the first byte where `a` and `b` differ.
fn first_difference(a: &Cell, b: &Cell) -> Option<String> {
    let (x, y) = (&a.memory, &b.memory);
    let at =
        x.iter().zip(y).position(|(p, q)| p != q).or((x.len() != y.len()).then(|| x.len().min(y.len())))?;
    let start = (at & !15).saturating_sub(16);
    let around =
        |m: &[u8]| hex_dump(m, start.min(m.len()), 48.min(m.len().saturating_sub(start))).unwrap_or_default();
    Some(format!(
        "first difference at {at:#x} (lengths {} and {}):\n-- {} --\n{}\n-- {} --\n{}",
        x.len(),
        y.len(),
        a.name(),
        around(x),
        b.name(),
        around(y)
    ))
}

/// Every disagreement in `cells`: memories and reports within a guest,
/// results across guests (each against the first cell).
fn disagreements(cells: &[Cell]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, a) in cells.iter().enumerate() {
        for b in cells[i + 1..].iter().filter(|b| b.guest == a.guest) {
            if a.report != b.report {
                out.push(format!(
                    "{} and {} report differently:\n{}\n--\n{}",
                    a.name(),
                    b.name(),
                    a.report,
                    b.report
                ));
            }
            if let Some(diff) = first_difference(a, b) {
                out.push(format!(
                    "{}'s memory differs between {} and {}; {diff}",
                    a.guest,
                    a.name(),
                    b.name()
                ));
            } else if a.region != b.region {
                out.push(format!("hex dumps of the same bytes differ: {} and {}", a.name(), b.name()));
            }
        }
    }
    if let Some(first) = cells.first() {
        for other in cells.iter().filter(|c| c.guest != first.guest && c.results() != first.results()) {
            out.push(format!(
                "{} and {} compute different results:\n{}\n--\n{}",
                first.name(),
                other.name(),
                first.results(),
                other.results()
            ));
        }
    }
    out
}

fn rust_cell(guest: &'static str, wasm: &[u8], plan: &Plan) -> Cell {
    let run = host::run(wasm, plan).unwrap_or_else(|e| panic!("{guest} on the Rust host: {e}"));
    Cell { guest, host: "Rust", region: run.region_dump(), report: run.report(), memory: run.memory }
}

fn node_cell(guest: &'static str, plan: &Plan) -> Cell {
    let dir = common::scratch_dir(&format!("e2e-{}", guest.replace('/', "-")));
    let out = Command::new("node")
        .args(["--import", "tsx", "e2e/host.ts"])
        .arg(&dir)
        .arg(root().join(guest))
        .args(plan.args())
        .current_dir(root().join("tests/ts"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{guest} on the Node host failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("memory grew"), "{stdout}");
    let read = |name: &str| {
        std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
    };
    Cell {
        guest,
        host: "Node",
        memory: read("memory.bin"),
        region: String::from_utf8(read("region.txt")).unwrap(),
        report: String::from_utf8(read("report.txt")).unwrap(),
    }
}

#[test]
fn every_guest_on_every_host_ends_the_same() {
    if !common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`") {
        return;
    }
    let plan = Plan::E2E;
    let mut cells = Vec::new();
    for (guest, wasm) in host::GUESTS {
        cells.push(rust_cell(guest, wasm, &plan));
        cells.push(node_cell(guest, &plan));
    }
    let found = disagreements(&cells);
    assert!(found.is_empty(), "{}", found.join("\n\n"));
    assert!(cells[0].report.lines().count() > 25, "{}", cells[0].report);
}

fn cell(guest: &'static str, host: &'static str, memory: Vec<u8>, report: &str) -> Cell {
    Cell { guest, host, region: String::new(), memory, report: report.to_string() }
}

#[test]
fn a_difference_names_the_pairs_and_shows_hex_dump_lines() {
    let a = vec![0u8; 64];
    let mut b = a.clone();
    b[0x25] = 0xab;
    let report = "step count 1 alive 1 energy 0\nmemory pages 2 -> 3\n";
    let same = [cell("c.wasm", "Rust", a.clone(), report), cell("c.wasm", "Node", a.clone(), report)];
    assert!(disagreements(&same).is_empty());

    let found =
        disagreements(&[cell("c.wasm", "Rust", a.clone(), report), cell("c.wasm", "Node", b, report)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "c.wasm's memory differs between c.wasm on the Rust host and c.wasm on the Node host; \
             first difference at 0x25 (lengths 64 and 64):\n-- c.wasm on the Rust host --\n"
        ),
        "{}",
        found[0]
    );
    assert!(found[0].contains("00000020  00 00 00 00 00 ab 00"), "{}", found[0]);

    let short = disagreements(&[
        cell("c.wasm", "Rust", a.clone(), report),
        cell("c.wasm", "Node", a[..60].to_vec(), report),
    ]);
    assert!(short[0].contains("first difference at 0x3c (lengths 64 and 60)"), "{short:?}");

    // Across guests only the results count: memory and page counts may differ.
    let odin_report = "step count 1 alive 1 energy 0\nmemory pages 17 -> 18\n";
    let across =
        [cell("c.wasm", "Rust", a.clone(), report), cell("odin.wasm", "Rust", vec![1; 8], odin_report)];
    assert!(disagreements(&across).is_empty());
    let wrong = [
        cell("c.wasm", "Rust", a.clone(), report),
        cell("odin.wasm", "Node", a, "step count 1 alive 0 energy 0\n"),
    ];
    let found = disagreements(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .starts_with("c.wasm on the Rust host and odin.wasm on the Node host compute different results"),
        "{}",
        found[0]
    );
}
