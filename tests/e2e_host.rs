//! End to end: the C guest `tests/guest/guest.wasm` (built by clang from the
//! generated header) run by two hosts, Rust with wasmi and Node with the
//! generated TypeScript, which must leave the same bytes in its memory.
//!
//! The committed files are kept current here: `schema.h` and the TypeScript
//! bindings by [`Export::sync`] (`WASM_LAYOUT_BLESS=1`
//! rewrites them), and `guest.wasm` through the source hash it carries
//! (`cargo xtask guest` rebuilds it).

mod common;

use wasm_layout_e2e::{self as host, schema};

use std::path::{Path, PathBuf};
use std::process::Command;

use host::{Guest, HostError, Plan, GUEST_WASM};
use schema::{StepRequest, StepResponse};
use wasm_layout::memory::hex_dump;
use wasm_layout::{Export, WasmLayout, WasmPtr};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The generated files this test keeps current.
fn exported() -> Export {
    let bindings = host::bindings();
    Export::new(root())
        .file("tests/guest/schema.h", bindings.c())
        .file("tests/ts/e2e/schema.ts", bindings.typescript())
}

#[test]
fn bindings_are_current() {
    if let Err(e) = exported().sync() {
        panic!("{e}");
    }
}

#[test]
fn committed_guest_is_built_from_its_sources() {
    let guest = Guest::new(GUEST_WASM).unwrap();
    assert_eq!(
        guest.source_hash.as_deref(),
        Some(wasm_layout_tools::guest_source_hash().unwrap().as_str()),
        "tests/guest/guest.wasm was not built from the current guest.c and schema.h: run `cargo xtask guest`"
    );
}

#[test]
fn guest_agrees_on_the_layout_and_rejects_bad_pointers() {
    let mut guest = Guest::new(GUEST_WASM).unwrap();
    guest.check_fingerprints().unwrap();
    let base = guest.heap_base().unwrap();
    assert!(base > 1024 && base.is_multiple_of(16), "heap base {base:#x}");
    let memory_len = guest.bytes().len() as u32;

    let request = WasmPtr::<StepRequest>::new(base);
    let response = WasmPtr::<StepResponse>::new(base + 64);
    let ask = |guest: &mut Guest, particles: u32, count: u32| {
        let r =
            StepRequest { particles: WasmPtr::new(particles), count, dt: host::DT, gravity: host::GRAVITY };
        r.write_at(guest.bytes_mut(), request.offset() as usize).unwrap();
        match guest.step(request, response) {
            Ok(()) => 0,
            Err(HostError::Status { status, .. }) => status,
            Err(e) => panic!("{e}"),
        }
    };
    assert_eq!(ask(&mut guest, base + 128, 0), 0);
    assert_eq!(ask(&mut guest, memory_len - 40, 2), 1, "past the end of memory");
    assert_eq!(ask(&mut guest, 0, 1), 1, "null");
    assert_eq!(ask(&mut guest, base + 132, 1), 2, "misaligned");
    assert_eq!(
        guest.step(WasmPtr::new(memory_len - 8), response).unwrap_err().to_string(),
        "guest `step` returned status 1"
    );
    assert_eq!(guest.frames().unwrap(), 1, "only the valid request ran");
}

#[test]
fn rust_host_runs_the_plan() {
    let plan = Plan::E2E;
    let run = host::run(GUEST_WASM, &plan).unwrap();
    let calls = plan.first_frames + plan.second_frames + 1;
    assert_eq!(run.frames.len() as u32, calls);
    assert_eq!(run.guest_frames, calls);
    assert!(run.pages.1 > run.pages.0, "memory grew: {:?}", run.pages);
    let total = plan.first + plan.spawned;
    let (before, after) = run.frames.split_at(plan.first_frames as usize);
    assert!(before.iter().all(|f| f.count == plan.first && f.alive <= plan.first));
    assert!(after.iter().all(|f| f.count == total && f.alive <= total));
    assert!(run.frames.windows(2).all(|w| w[0].count != w[1].count || w[1].alive <= w[0].alive));
    assert!(after[0].alive > before[before.len() - 1].alive, "the spawned particles joined");
    assert!(run.frames.iter().all(|f| f.energy.is_finite() && f.energy > 0.0));
    let last = run.last_response.read(&run.memory).unwrap();
    assert_eq!(last.alive, run.frames[run.frames.len() - 1].alive);
    assert_eq!(run.first.id, 0x5eed_0000_0000_0000);
    assert!(run.first.flags >> 8 == calls as u16, "age counts every frame: {:#x}", run.first.flags);
}

#[test]
fn quick_start_tour_runs_and_grows_memory() {
    let tour = host::tour().unwrap();
    assert!(tour.starts_with("guest.wasm: 7 calls, memory grew from 2 to 3 pages"), "{tour}");
    assert_eq!(tour.lines().count(), 3, "{tour}");
}

fn has_node() -> bool {
    common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`")
}

/// The dumps a host writes: the whole memory, the used region as a hex dump,
/// and the report.
struct Dumps {
    memory: Vec<u8>,
    region: String,
    report: String,
}

fn read_dumps(dir: &Path) -> Dumps {
    let read = |name: &str| {
        std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
    };
    Dumps {
        memory: read("memory.bin"),
        region: String::from_utf8(read("region.txt")).unwrap(),
        report: String::from_utf8(read("report.txt")).unwrap(),
    }
}

fn write_dumps(dir: &Path, run: &host::Run) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("memory.bin"), &run.memory).unwrap();
    std::fs::write(dir.join("region.txt"), run.region_dump()).unwrap();
    std::fs::write(dir.join("report.txt"), run.report()).unwrap();
}

/// The hex-dump lines around the first byte where `a` and `b` differ.
fn first_difference(a: &[u8], b: &[u8]) -> Option<String> {
    let at =
        a.iter().zip(b).position(|(x, y)| x != y).or((a.len() != b.len()).then(|| a.len().min(b.len())))?;
    let start = (at & !15).saturating_sub(16);
    let around =
        |m: &[u8]| hex_dump(m, start.min(m.len()), 48.min(m.len().saturating_sub(start))).unwrap_or_default();
    Some(format!(
        "first difference at {at:#x} (lengths {} and {}):\n-- Rust host --\n{}\n-- Node host --\n{}",
        a.len(),
        b.len(),
        around(a),
        around(b)
    ))
}

#[test]
fn a_difference_is_shown_as_hex_dump_lines() {
    let a = vec![0u8; 64];
    let mut b = a.clone();
    b[0x25] = 0xab;
    let diff = first_difference(&a, &b).unwrap();
    assert!(diff.starts_with("first difference at 0x25 (lengths 64 and 64)"), "{diff}");
    assert!(diff.contains("00000020  00 00 00 00 00 ab 00"), "{diff}");
    assert_eq!(first_difference(&a, &a), None);
    assert!(first_difference(&a, &a[..60]).unwrap().starts_with("first difference at 0x3c"));
}

#[test]
fn node_host_agrees_byte_for_byte() {
    if !has_node() {
        return;
    }
    if let Err(e) = exported().check() {
        panic!("{e}");
    }
    let dir = common::scratch_dir("e2e");
    let (rust_dir, node_dir): (PathBuf, PathBuf) = (dir.join("rust"), dir.join("node"));
    let plan = Plan::E2E;
    let run = host::run(GUEST_WASM, &plan).unwrap();
    write_dumps(&rust_dir, &run);

    let out = Command::new("node")
        .args(["--import", "tsx", "e2e/host.ts"])
        .arg(&node_dir)
        .args(plan.args())
        .current_dir(root().join("tests/ts"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the Node host failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (rust, node) = (read_dumps(&rust_dir), read_dumps(&node_dir));
    assert_eq!(rust.report, node.report, "the hosts' reports differ");
    if let Some(diff) = first_difference(&rust.memory, &node.memory) {
        panic!("the guest's memory differs between the hosts; {diff}");
    }
    assert_eq!(rust.region, node.region, "hex dumps of the same bytes differ");
    assert!(stdout.contains("memory grew"), "{stdout}");
}
