//! Strings, slices, options and an enum with data across the guests and
//! hosts: each guest (C through `schema.h`'s `const char *` and `uint32_t *`
//! fields, tagged option structs and tag-and-union events; Odin through its
//! `string`, `[]u32` and `#raw_union`; Rust through `WasmStr`,
//! `WasmSlice<u32>`, `Option` and the derived enum) writes a `Label` per
//! particle kind with `label_kind` and the `Event`s of the particles with
//! `record_events`; the Rust host (wasmi) and the Node host
//! (`tests/ts/e2e/label.ts`, the generated bindings) place the same
//! particles, read everything back, check it, and must print the same lines
//! and leave the same bytes.

mod common;

use std::path::Path;
use std::process::Command;

use wasm_layout::memory::Arena;
use wasm_layout::{WasmLayout, WasmPtr};
use wasm_layout_e2e::schema::{Event, Kind, Label, Particle};
use wasm_layout_e2e::{self as host, Guest, GUESTS};

/// Particles placed: in pairs of one kind, every fifth dead.
const COUNT: u32 = 14;
/// The status of a kind that does not exist.
const STATUS_INVALID: u32 = 4;
/// Bytes `label_kind` writes for [`COUNT`] particles: the label, its name
/// (zero-padded to 8) and room for every index.
const LABEL_BLOCK: usize = Label::SIZE + 8 + 4 * COUNT as usize;
/// Room for the events of [`COUNT`] particles (a spawn and a collision
/// each, and the tick).
const EVENTS: u32 = 2 * COUNT + 1;

/// The particles the hosts place.
fn particles() -> Vec<Particle> {
    let kinds = [Kind::Dust, Kind::Spark, Kind::Smoke];
    (0..COUNT)
        .map(|i| Particle { alive: i % 5 != 4, kind: kinds[(i / 2 % 3) as usize], ..host::particle(i) })
        .collect()
}

/// What a label of `kind` must say: its name and members.
fn expected(kind: u32) -> (&'static str, Vec<u32>) {
    let names = ["dust", "spark", "smoke"];
    let kinds = [Kind::Dust, Kind::Spark, Kind::Smoke];
    let members =
        particles().into_iter().enumerate().filter(|(_, p)| p.alive && p.kind == kinds[kind as usize]);
    (names[kind as usize], members.map(|(i, _)| i as u32).collect())
}

/// The events the particles show: a spawn per live one, a collision per
/// two live neighbours of one kind, a tick.
fn expected_events() -> Vec<Event> {
    let ps = particles();
    let mut events = Vec::new();
    for (i, p) in ps.iter().enumerate().filter(|(_, p)| p.alive) {
        events.push(Event::Spawn { id: p.id });
        if ps.get(i + 1).is_some_and(|q| q.alive && q.kind == p.kind) {
            events.push(Event::Collide(i as u32, i as u32 + 1));
        }
    }
    events.push(Event::Tick);
    events
}

/// An event as both hosts print it.
fn event_line(e: &Event) -> String {
    match e {
        Event::Spawn { id } => format!("Spawn id {id:#x}"),
        Event::Collide(a, b) => format!("Collide {a} {b}"),
        Event::Tick => "Tick".to_string(),
    }
}

/// Places the particles, asks the guest for a label of every kind (and of
/// one that does not exist), reads each back and checks it: the report both
/// hosts print.
fn labels(g: &mut Guest) -> Vec<String> {
    let fingerprint: u64 = g.call("layout_fingerprint", 4u32).unwrap();
    assert_eq!(fingerprint, Label::FINGERPRINT, "the guest's Label layout");
    let fingerprint: u64 = g.call("layout_fingerprint", 5u32).unwrap();
    assert_eq!(fingerprint, Event::FINGERPRINT, "the guest's Event layout");
    let base = g.heap_base().unwrap();
    g.grow_to(u64::from(base) + 4096).unwrap();
    let mut arena = Arena::new(base, 4096).unwrap();
    let at = arena.alloc(Particle::SIZE * COUNT as usize, Particle::ALIGN).unwrap();
    for (i, p) in particles().iter().enumerate() {
        p.write_at(g.bytes_mut(), at as usize + i * Particle::SIZE).unwrap();
    }
    let mut lines = Vec::new();
    for kind in 0..4u32 {
        let out = arena.alloc(LABEL_BLOCK, Label::ALIGN).unwrap();
        let status: u32 = g.call("label_kind", (at, COUNT, kind, out)).unwrap();
        if kind == 3 {
            assert_eq!(status, STATUS_INVALID);
            assert!(g.bytes()[out as usize..][..LABEL_BLOCK].iter().all(|&b| b == 0), "nothing written");
            lines.push(format!("kind {kind}: status {status}"));
            continue;
        }
        assert_eq!(status, 0, "label_kind({kind})");
        let label = Label::read_at(g.bytes(), out as usize).unwrap();
        let name = label.name.read(g.bytes()).unwrap();
        let members: Vec<u32> = label.members.view(g.bytes()).unwrap().iter().collect();
        assert_eq!((name, members.clone()), expected(kind));
        let leader = members.first().map(|&i| WasmPtr::new(at + i * Particle::SIZE as u32));
        assert_eq!(label.leader, leader, "kind {kind}: the leader");
        let masses = members.iter().map(|&i| particles()[i as usize].mass);
        assert_eq!(label.max_mass, masses.reduce(f32::max), "kind {kind}: the largest mass");
        let list: Vec<String> = members.iter().map(u32::to_string).collect();
        let leader = label.leader.map_or("none".to_string(), |p| format!("{:#x}", p.offset()));
        let max_mass = label.max_mass.map_or("none".to_string(), |m| m.to_string());
        lines.push(format!(
            "kind {kind}: {name:?} at {:#x}, members [{}] at {:#x}, leader {leader}, max mass {max_mass}",
            label.name.ptr(),
            list.join(" "),
            label.members.ptr()
        ));
    }
    // No particles: no members, and both options None.
    let out = arena.alloc(LABEL_BLOCK, Label::ALIGN).unwrap();
    let status: u32 = g.call("label_kind", (at, 0u32, 1u32, out)).unwrap();
    let label = Label::read_at(g.bytes(), out as usize).unwrap();
    assert_eq!((status, label.members.len(), label.leader, label.max_mass), (0, 0, None, None));
    assert_eq!(label.name.read(g.bytes()).unwrap(), "spark");
    lines.push(format!(
        "no particles: {} members, leader {:?}, max mass {:?}",
        label.members.len(),
        label.leader,
        label.max_mass
    ));
    // Too little room: refused, nothing written.
    let out = arena.alloc(Event::SIZE * EVENTS as usize, Event::ALIGN).unwrap();
    let r: u64 = g.call("record_events", (at, COUNT, out, 3u32)).unwrap();
    assert_eq!(r, 1 << 32, "record_events with room for 3");
    assert!(g.bytes()[out as usize..][..3 * Event::SIZE].iter().all(|&b| b == 0), "nothing written");
    lines.push(format!("events with room for 3: status {}", r >> 32));
    let r: u64 = g.call("record_events", (at, COUNT, out, EVENTS)).unwrap();
    assert_eq!(r >> 32, 0, "record_events");
    let events: Vec<Event> =
        (0..r as usize).map(|i| Event::read_at(g.bytes(), out as usize + i * Event::SIZE).unwrap()).collect();
    assert_eq!(events, expected_events());
    for (i, e) in events.iter().enumerate() {
        lines.push(format!("event {i}: {}", event_line(e)));
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
        assert_eq!(lines.len(), 6 + expected_events().len(), "{name}: {lines:?}");
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
