//! The tour: a schema, its wasm32 layout (as a table, a pahole-style report
//! and an SVG picture), safe access to it in bytes, the
//! same layout as TypeScript, C and Odin, values placed in a linear memory
//! through an arena, and three real guests run through wasmi: C (compiled
//! from the generated header, committed as `tests/guest/guest.wasm`), Odin
//! (from the generated package, `tests/guest-odin/guest.wasm`) and Rust (the
//! same derived types, `tests/guest-rust/guest.wasm`), which compute the same
//! results.
//!
//! Run with `cargo run --example quickstart`.

use wasm_layout_e2e::{self as host, schema};

use std::path::PathBuf;

use schema::{Kind, Particle, StepRequest, StepResponse, Vec3};
use wasm_layout::memory::{
    annotated_hex_dump, hex_dump, Arena, LinearMemory, Memory, MemoryStats, Placement, TS_RUNTIME,
    TS_RUNTIME_FILE,
};
use wasm_layout::{Bindings, Export, LayoutReport, LayoutSvg, WasmLayout, WasmPtr};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== wasm32 layout of the schema ==\n");
    for layout in [Vec3::LAYOUT, Kind::LAYOUT, Particle::LAYOUT, StepRequest::LAYOUT, StepResponse::LAYOUT] {
        println!("{layout}\n");
    }
    println!("the same, pahole-style, with the holes and a smaller field order where there is one:\n");
    println!("{}\n", LayoutReport::new(&[Particle::LAYOUT, StepRequest::LAYOUT, StepResponse::LAYOUT]));

    println!("== values in a byte buffer ==\n");
    let spark = Particle {
        pos: Vec3 { x: 1.0, y: 2.0, z: 3.0 },
        vel: Vec3 { x: 0.5, y: 0.0, z: -0.5 },
        mass: 0.25,
        kind: Kind::Spark,
        alive: true,
        flags: 0b101,
        id: 0x1122_3344_5566_7788,
    };
    let mut memory = vec![0u8; 256];
    let at = 64;
    spark.write_at(&mut memory, at)?;
    let view = WasmPtr::<Particle>::new(at as u32).view(&memory)?;
    println!(
        "wrote a particle at {at}; through its view: id {:#x}, pos.y {}, kind {:?}",
        view.id(),
        view.pos().y(),
        view.kind()?
    );

    memory[at + Particle::OFFSET_KIND] = 9; // what an untrusted guest might do
    println!("after a guest writes 9 into `kind`: {}", Particle::read_at(&memory, at).unwrap_err());
    println!("and reading past the end: {}", Particle::read_at(&memory, 240).unwrap_err());

    println!("\n== the same layout in TypeScript, C and Odin ==\n");
    let bindings = Bindings::new().add::<Particle>().add::<StepRequest>().add::<StepResponse>();
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let root = root.canonicalize().unwrap_or(root);
    let dir = root.join("target/quickstart");
    let written = Export::new(&dir)
        .bindings("schema", &bindings)?
        .file(TS_RUNTIME_FILE, TS_RUNTIME)
        .file("particle.svg", LayoutSvg::new(Particle::LAYOUT).to_string())
        .write()?;
    for file in &written {
        let state = if file.changed { "written" } else { "unchanged" };
        println!("{state:>9}  {}", file.path.strip_prefix(&root).unwrap_or(&file.path).display());
    }
    println!(
        "Particle's layout fingerprint: {:#018x} (the same constant is in each file)",
        Particle::FINGERPRINT
    );

    println!("\n== values in a linear memory, placed by an arena ==\n");
    let mut memory = LinearMemory::new(1, 16)?;
    let mut arena = Arena::new(1024, 16 * 1024)?;
    let sparks: Vec<Particle> = (0..3u64)
        .map(|i| Particle { pos: Vec3 { x: i as f32, y: 10.0, z: 0.0 }, id: 0xC0DE_0000 + i, ..spark })
        .collect();
    let particles = arena.place_slice(&mut memory, &sparks)?;
    let gravity = Vec3 { x: 0.0, y: -9.81, z: 0.0 };
    let request = StepRequest { particles, count: 3, dt: 0.016, gravity };
    let request_ptr = arena.place(&mut memory, &request)?;
    let back = request_ptr.read(memory.bytes())?;
    let third = back.particles.view_slice(memory.bytes(), back.count as usize)?.get(2).map(|p| p.id());
    println!(
        "a StepRequest at {:#x} points to 3 particles at {:#x}; the third has id {:#x}",
        request_ptr.offset(),
        particles.offset(),
        third.unwrap_or(0)
    );
    println!();
    println!("{}", hex_dump(memory.bytes(), arena.base() as usize, arena.used() as usize)?);
    println!("\nthe same bytes, each line with the fields it covers:\n");
    let places = [Placement::of(particles, 3), Placement::of(request_ptr, 1)];
    println!(
        "{}",
        annotated_hex_dump(memory.bytes(), arena.base() as usize, arena.used() as usize, &places)?
    );
    println!();
    println!("{}", MemoryStats::of(&memory));
    println!("{}", arena.stats());

    println!("\n== guests in C, Odin and Rust sharing the schema, run by wasmi ==\n");
    let mut runs = Vec::new();
    for (name, wasm) in host::GUESTS {
        let run = host::run(wasm, &host::Plan::QUICK)?;
        println!("{name}: {}", run.summary().lines().next().unwrap_or_default());
        runs.push(run);
    }
    let same = runs.windows(2).all(|w| w[0].frames == w[1].frames && w[0].first == w[1].first);
    println!("every guest, the same alive counts, energy bits and particles: {same}");
    let run = runs.swap_remove(0);
    for line in run.summary().lines().skip(1) {
        println!("{line}");
    }
    let response = run.last_response.read(&run.memory)?;
    println!("last StepResponse, read back from the C guest's memory: {response:?}");
    println!("\nthe first bytes the host placed in the guest's memory:");
    for line in run.region_dump().lines().take(6) {
        println!("{line}");
    }
    println!("\n{}", host::memory_stats(&run.memory));
    println!("{}", run.arena);
    Ok(())
}
