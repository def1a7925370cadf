//! End to end: the guests `tests/guest/guest.wasm` (C, built by clang from
//! the generated header) and `tests/guest-odin/guest.wasm` (Odin, from the
//! generated package) run by the Rust host with wasmi; `tests/e2e_matrix.rs`
//! runs them on the Node host too and compares.
//!
//! The committed files are kept current here: `schema.h`, `schema.odin` and
//! the TypeScript bindings by [`Export::sync`] (`WASM_LAYOUT_BLESS=1`
//! rewrites them), and each `guest.wasm` through the source hash it carries
//! (`cargo xtask guest` rebuilds it).

mod common;

use wasm_layout_e2e::{self as host, schema};

use std::path::Path;

use host::{Guest, HostError, Plan};
use schema::{StepRequest, StepResponse};
use wasm_layout::memory::{C_RUNTIME, ODIN_RUNTIME};
use wasm_layout::{Export, WasmLayout, WasmPtr};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The generated files this test keeps current.
fn exported() -> Export {
    let bindings = host::bindings();
    Export::new(root())
        .file("tests/guest/schema.h", bindings.c())
        .file("tests/guest-odin/schema/schema.odin", bindings.clone().odin_package("schema").odin())
        .file("tests/guest/wasm-layout-runtime.h", C_RUNTIME)
        .file("tests/guest-odin/wasm_layout/wasm_layout_runtime.odin", ODIN_RUNTIME)
        .file("tests/ts/e2e/schema.ts", bindings.typescript())
        .file("tests/ts/e2e/constants.ts", host::web::generated::constants_ts())
}

#[test]
fn bindings_are_current() {
    if let Err(e) = exported().sync() {
        panic!("{e}");
    }
}

/// The guest module `tools` describes, from the committed ones.
fn committed(guest: &wasm_layout_tools::GuestModule) -> &'static [u8] {
    let path = guest.wasm();
    host::GUESTS.iter().find(|(p, _)| *p == path).unwrap_or_else(|| panic!("{path} is not in GUESTS")).1
}

#[test]
fn committed_guests_are_built_from_their_sources() {
    assert_eq!(host::GUESTS.len(), wasm_layout_tools::GUESTS.len());
    for module in wasm_layout_tools::GUESTS {
        let guest = Guest::new(committed(&module)).unwrap();
        assert_eq!(
            guest.source_hash.as_deref(),
            Some(module.source_hash().unwrap().as_str()),
            "{} was not built from the current {}: run `cargo xtask guest`",
            module.wasm(),
            module.sources.join(" and ")
        );
    }
}

#[test]
fn guests_agree_on_the_layout_and_reject_bad_pointers() {
    for (name, wasm) in host::GUESTS {
        let mut guest = Guest::new(wasm).unwrap();
        guest.check_fingerprints().unwrap();
        let base = guest.heap_base().unwrap();
        assert!(base > 1024 && base.is_multiple_of(16), "{name}: heap base {base:#x}");
        let memory_len = guest.bytes().len() as u32;

        let request = WasmPtr::<StepRequest>::new(base);
        let response = WasmPtr::<StepResponse>::new(base + 64);
        let ask = |guest: &mut Guest, particles: u32, count: u32| {
            let r = StepRequest {
                particles: WasmPtr::new(particles),
                count,
                dt: host::DT,
                gravity: host::GRAVITY,
            };
            r.write_at(guest.bytes_mut(), request.offset() as usize).unwrap();
            match guest.step(request, response) {
                Ok(()) => 0,
                Err(HostError::Status { status, .. }) => status,
                Err(e) => panic!("{name}: {e}"),
            }
        };
        assert_eq!(ask(&mut guest, base + 128, 0), 0, "{name}");
        assert_eq!(ask(&mut guest, memory_len - 40, 2), 1, "{name}: past the end of memory");
        assert_eq!(ask(&mut guest, 0, 1), 1, "{name}: null");
        assert_eq!(ask(&mut guest, base + 132, 1), 2, "{name}: misaligned");
        assert_eq!(
            guest.step(WasmPtr::new(memory_len - 8), response).unwrap_err().to_string(),
            "guest `step` returned status 1",
            "{name}"
        );
        assert_eq!(guest.frames().unwrap(), 1, "{name}: only the valid request ran");
    }
}

#[test]
fn the_odin_guest_bump_allocates_above_its_heap_base() {
    let mut guest = Guest::new(host::ODIN_GUEST_WASM).unwrap();
    let base = guest.heap_base().unwrap();
    let pages = guest.pages();
    let a = guest.bump_alloc(10).unwrap();
    let b = guest.bump_alloc(1).unwrap();
    let c = guest.bump_alloc(0).unwrap();
    assert_eq!((a, b, c), (base, base + 16, base + 24), "8-aligned, one after another");
    let big = guest.bump_alloc(3 << 16).unwrap();
    assert_eq!(big, base + 24);
    assert!(guest.pages() > pages && u64::from(big) + (3 << 16) <= guest.bytes().len() as u64, "grown");
    assert_eq!(guest.bump_alloc(-1).unwrap(), 0, "a negative size");
    assert_eq!(guest.bump_alloc(8).unwrap(), big + (3 << 16), "the failure took nothing");
    assert!(Guest::new(host::GUEST_WASM).unwrap().bump_alloc(8).is_err(), "the C guest has none");
}

#[test]
fn rust_host_runs_the_plan() {
    let plan = Plan::E2E;
    for (name, wasm) in host::GUESTS {
        let run = host::run(wasm, &plan).unwrap();
        let calls = plan.first_frames + plan.second_frames + 1;
        assert_eq!(run.frames.len() as u32, calls, "{name}");
        assert_eq!(run.guest_frames, calls, "{name}");
        assert!(run.pages.1 > run.pages.0, "{name}: memory grew: {:?}", run.pages);
        let total = plan.first + plan.spawned;
        let (before, after) = run.frames.split_at(plan.first_frames as usize);
        assert!(before.iter().all(|f| f.count == plan.first && f.alive <= plan.first));
        assert!(after.iter().all(|f| f.count == total && f.alive <= total));
        assert!(run.frames.windows(2).all(|w| w[0].count != w[1].count || w[1].alive <= w[0].alive));
        assert!(after[0].alive > before[before.len() - 1].alive, "{name}: the spawned particles joined");
        assert!(run.frames.iter().all(|f| f.energy.is_finite() && f.energy > 0.0));
        let last = run.last_response.read(&run.memory).unwrap();
        assert_eq!(last.alive, run.frames[run.frames.len() - 1].alive);
        assert_eq!(run.first.id, 0x5eed_0000_0000_0000);
        assert!(run.first.flags >> 8 == calls as u16, "age counts every frame: {:#x}", run.first.flags);
    }
}

#[test]
fn quick_start_tour_runs_every_guest_and_grows_memory() {
    let tour = host::tour().unwrap();
    let lines: Vec<&str> = tour.lines().collect();
    assert_eq!(lines.len(), 9, "{tour}");
    assert!(lines[0].starts_with("tests/guest/guest.wasm: 7 calls, memory grew from 2 to 3 pages"), "{tour}");
    assert!(lines[3].starts_with("tests/guest-odin/guest.wasm: 7 calls, memory grew from"), "{tour}");
    assert!(lines[6].starts_with("tests/guest-rust/guest.wasm: 7 calls, memory grew from"), "{tour}");
    assert_eq!(lines[1], lines[4], "the same results from every guest");
    assert_eq!(lines[1], lines[7], "the same results from every guest");
}

#[test]
fn the_rust_guest_refuses_invalid_particles_and_memory_below_its_heap_base() {
    let mut guest = Guest::new(host::RUST_GUEST_WASM).unwrap();
    let base = guest.heap_base().unwrap();
    let (request, response, particles) = (base, base + 32, base + 64);
    for i in 0..2 {
        host::particle(i).write_at(guest.bytes_mut(), (particles + i * 40) as usize).unwrap();
    }
    // The second particle's `kind` byte (offset 28) names no variant.
    guest.bytes_mut()[(particles + 40 + 28) as usize] = 7;
    let r =
        StepRequest { particles: WasmPtr::new(particles), count: 2, dt: host::DT, gravity: host::GRAVITY };
    r.write_at(guest.bytes_mut(), request as usize).unwrap();
    let before = guest.bytes()[base as usize..].to_vec();
    let status = |e: HostError| match e {
        HostError::Status { status, .. } => status,
        e => panic!("{e}"),
    };
    assert_eq!(status(guest.step(WasmPtr::new(request), WasmPtr::new(response)).unwrap_err()), 4);
    assert!(guest.bytes()[base as usize..] == before[..], "nothing was written above the heap base");
    assert_eq!(guest.frames().unwrap(), 0);

    // Its own stack and statics lie below the heap base: out of bounds.
    let low = StepRequest { particles: WasmPtr::new(base - 80), count: 1, ..r };
    low.write_at(guest.bytes_mut(), request as usize).unwrap();
    assert_eq!(status(guest.step(WasmPtr::new(request), WasmPtr::new(response)).unwrap_err()), 1);
    assert_eq!(status(guest.step(WasmPtr::new(base - 64), WasmPtr::new(response)).unwrap_err()), 1);
    guest.bytes_mut()[(particles + 40 + 28) as usize] = 1;
    r.write_at(guest.bytes_mut(), request as usize).unwrap();
    guest.step(WasmPtr::new(request), WasmPtr::new(response)).unwrap();
    assert_eq!(guest.frames().unwrap(), 1);
}
