//! A string and a slice across the guests and hosts: each guest (C through
//! `schema.h`'s `const char *` and `uint32_t *` fields, Odin through its
//! `string` and `[]u32`, Rust through `WasmStr` and `WasmSlice<u32>`) writes
//! a `Label` per particle kind with `label_kind`; the Rust host (wasmi) and
//! the Node host (`tests/ts/e2e/label.ts`, the generated bindings) place the
//! same particles, read the labels back, check them, and must print the same
//! lines and leave the same bytes.

mod common;

use std::path::Path;
use std::process::Command;

use wasm_layout::memory::Arena;
use wasm_layout::WasmLayout;
use wasm_layout_e2e::schema::{Kind, Label, Particle};
use wasm_layout_e2e::{self as host, Guest, GUESTS};

/// Particles placed; every fourth is dead.
const COUNT: u32 = 14;
/// The status of a kind that does not exist.
const STATUS_INVALID: u32 = 4;

/// The particles the hosts place.
fn particles() -> Vec<Particle> {
    (0..COUNT).map(|i| Particle { alive: i % 4 != 3, ..host::particle(i) }).collect()
}

/// What a label of `kind` must say: its name and members.
fn expected(kind: u32) -> (&'static str, Vec<u32>) {
    let names = ["dust", "spark", "smoke"];
    let kinds = [Kind::Dust, Kind::Spark, Kind::Smoke];
    let members =
        particles().into_iter().enumerate().filter(|(_, p)| p.alive && p.kind == kinds[kind as usize]);
    (names[kind as usize], members.map(|(i, _)| i as u32).collect())
}

/// Places the particles, asks the guest for a label of every kind (and of
/// one that does not exist), reads each back and checks it: the report both
/// hosts print.
fn labels(g: &mut Guest) -> Vec<String> {
    let fingerprint: u64 = g.call("layout_fingerprint", 4u32).unwrap();
    assert_eq!(fingerprint, Label::FINGERPRINT, "the guest's Label layout");
    let base = g.heap_base().unwrap();
    g.grow_to(u64::from(base) + 4096).unwrap();
    let mut arena = Arena::new(base, 4096).unwrap();
    let at = arena.alloc(Particle::SIZE * COUNT as usize, Particle::ALIGN).unwrap();
    for (i, p) in particles().iter().enumerate() {
        p.write_at(g.bytes_mut(), at as usize + i * Particle::SIZE).unwrap();
    }
    let mut lines = Vec::new();
    for kind in 0..4u32 {
        let out = arena.alloc(24 + 4 * COUNT as usize, Label::ALIGN).unwrap();
        let status: u32 = g.call("label_kind", (at, COUNT, kind, out)).unwrap();
        if kind == 3 {
            assert_eq!(status, STATUS_INVALID);
            assert!(g.bytes()[out as usize..][..24].iter().all(|&b| b == 0), "nothing written");
            lines.push(format!("kind {kind}: status {status}"));
            continue;
        }
        assert_eq!(status, 0, "label_kind({kind})");
        let label = Label::read_at(g.bytes(), out as usize).unwrap();
        let name = label.name.read(g.bytes()).unwrap();
        let members: Vec<u32> = label.members.view(g.bytes()).unwrap().iter().collect();
        assert_eq!((name, members.clone()), expected(kind));
        let list: Vec<String> = members.iter().map(u32::to_string).collect();
        lines.push(format!(
            "kind {kind}: {name:?} at {:#x}, members [{}] at {:#x}",
            label.name.ptr(),
            list.join(" "),
            label.members.ptr()
        ));
    }
    lines
}

#[test]
fn every_guest_writes_labels_that_the_rust_and_node_hosts_read_alike() {
    let node = common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, wasm) in GUESTS {
        let mut g = Guest::new(wasm).unwrap();
        let lines = labels(&mut g);
        assert_eq!(lines.len(), 4, "{name}: {lines:?}");
        if !node {
            continue;
        }
        let dir = common::scratch_dir(&format!("e2e-label-{}", name.replace('/', "-")));
        let out = Command::new("node")
            .args(["--import", "tsx", "e2e/label.ts"])
            .arg(&dir)
            .arg(root.join(name))
            .arg(COUNT.to_string())
            .current_dir(root.join("tests/ts"))
            .output()
            .expect("run node");
        assert!(
            out.status.success(),
            "{name} on the Node host failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
        assert_eq!(report.lines().collect::<Vec<_>>(), lines, "{name}: the Node host's report");
        let memory = std::fs::read(dir.join("memory.bin")).unwrap();
        assert!(memory == g.bytes(), "{name}: memory differs between the Rust and the Node host");
    }
}

#[test]
fn label_kind_refuses_what_lies_outside_memory() {
    for (name, wasm) in GUESTS {
        let mut g = Guest::new(wasm).unwrap();
        let base = g.heap_base().unwrap();
        let end = g.bytes().len() as u32;
        let status =
            |g: &mut Guest, args: (u32, u32, u32, u32)| -> u32 { g.call("label_kind", args).unwrap() };
        assert_eq!(status(&mut g, (0, 4, 0, base + 64)), 1, "{name}: null particles");
        assert_eq!(status(&mut g, (base, 4, 0, end - 16)), 1, "{name}: label past the end");
        assert_eq!(status(&mut g, (base, 0, 0, base + 2)), 2, "{name}: misaligned label");
    }
}
