//! `AnnotatedDump`: the hex dump with a legend naming the fields each line
//! covers.

use wasm_layout::memory::{annotated_hex_dump, hex_dump, AnnotatedDump, Placement};
use wasm_layout::{WasmLayout, WasmPtr};
use wasm_layout_e2e::schema::{Kind, Particle, StepRequest, StepResponse, Vec3};

fn particle(id: u64) -> Particle {
    Particle {
        pos: Vec3 { x: 1.0, y: 2.0, z: 3.0 },
        vel: Vec3::default(),
        mass: 0.5,
        kind: Kind::Spark,
        alive: true,
        flags: 7,
        id,
    }
}

#[test]
fn each_line_names_the_fields_it_covers() {
    let mut memory = vec![0u8; 256];
    particle(1).write_at(&mut memory, 64).unwrap();
    particle(2).write_at(&mut memory, 104).unwrap();
    let request = StepRequest { particles: WasmPtr::new(64), count: 2, dt: 0.5, gravity: Vec3::default() };
    request.write_at(&mut memory, 144).unwrap();
    StepResponse { alive: 2, energy: 1.5 }.write_at(&mut memory, 168).unwrap();
    let places = [
        Placement::of(WasmPtr::<Particle>::new(64), 2),
        Placement::of(WasmPtr::<StepRequest>::new(144), 1),
        Placement::of(WasmPtr::<StepResponse>::new(168), 1),
    ];
    let dump = annotated_hex_dump(&memory, 64, 128, &places).unwrap();
    let legends: Vec<&str> = dump.lines().map(|l| l.get(76..).unwrap_or("")).collect();
    assert_eq!(
        legends,
        [
            "  Particle[0] pos.x pos.y pos.z vel.x",
            "  Particle[0] vel.y vel.z mass kind alive flags",
            "  Particle[0] id · Particle[1] pos.x pos.y",
            "  Particle[1] pos.z vel.x vel.y vel.z",
            "  Particle[1] mass kind alive flags id",
            "  StepRequest particles count dt gravity.x",
            "  StepRequest gravity.y gravity.z · StepResponse alive (padding)",
            "  StepResponse energy",
        ],
        "{dump}"
    );
    // The first 76 columns are the classic dump, line for line.
    let classic = hex_dump(&memory, 64, 128).unwrap();
    for (a, c) in dump.lines().zip(classic.lines()) {
        assert_eq!(&a[..c.len()], c);
    }
}

#[test]
fn short_lines_keep_the_legend_aligned_and_unplaced_bytes_are_silent() {
    let memory = [0u8; 64];
    let places = [Placement::new(u32::LAYOUT, 4, 3), Placement::of(WasmPtr::<Vec3>::new(40), 1)];
    let dump = AnnotatedDump::new(&memory, 0, 20, &places).unwrap().to_string();
    let lines: Vec<&str> = dump.lines().collect();
    assert_eq!(lines[0].get(76..), Some("  (4..8) u32 · (8..12) u32 · (12..16) u32"), "{dump}");
    assert_eq!(lines[1].len(), 64, "nothing placed at 16..20, no legend: {dump:?}");
    let vec = AnnotatedDump::new(&memory, 32, 16, &places).unwrap().to_string();
    assert!(vec.ends_with("  Vec3 x y"), "{vec}");
}

#[test]
fn a_later_place_wins_and_bad_ranges_are_errors() {
    let memory = [0u8; 32];
    let places = [Placement::new(u64::LAYOUT, 0, 4), Placement::of(WasmPtr::<StepResponse>::new(8), 1)];
    let dump = annotated_hex_dump(&memory, 0, 32, &places).unwrap();
    assert!(dump.lines().next().unwrap().ends_with("(0..8) u64 · StepResponse alive (padding)"), "{dump}");
    assert!(dump.lines().nth(1).unwrap().ends_with("StepResponse energy · (24..32) u64"), "{dump}");
    assert!(annotated_hex_dump(&memory, 16, 17, &places).is_err());
    assert_eq!(annotated_hex_dump(&memory, 32, 0, &places).unwrap(), "");
}
