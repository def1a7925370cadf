//! The tour: a schema, its wasm32 layout, and safe access to it in bytes.
//!
//! Run with `cargo run --example quickstart`.

#[path = "shared/schema.rs"]
mod schema;

use schema::{Kind, Particle, StepRequest, StepResponse, Vec3};
use wasm_layout::{TypeKind, TypeLayout, WasmLayout, WasmPtr};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== wasm32 layout of the schema ==\n");
    for layout in [Vec3::LAYOUT, Kind::LAYOUT, Particle::LAYOUT, StepRequest::LAYOUT, StepResponse::LAYOUT] {
        print_layout(layout);
    }

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
    println!("wrote a particle at {at}; through its view: id {:#x}, pos.y {}, kind {:?}", view.id(), view.pos().y(), view.kind()?);

    memory[at + Particle::OFFSET_KIND] = 9; // what an untrusted guest might do
    println!("after a guest writes 9 into `kind`: {}", Particle::read_at(&memory, at).unwrap_err());
    println!("and reading past the end: {}", Particle::read_at(&memory, 240).unwrap_err());
    Ok(())
}

/// One line per field: offset, size, align and the padding after it.
fn print_layout(layout: &TypeLayout) {
    let what = match layout.kind {
        TypeKind::Enum(e) => format!("enum, repr {}", e.repr.rust_name()),
        _ => "struct".to_string(),
    };
    println!("{} ({what}): size {}, align {}", layout.name, layout.size, layout.align);
    if !layout.fields().is_empty() {
        println!("  {:<10} {:>6} {:>5} {:>6} {:>8}", "field", "offset", "size", "align", "padding");
        for (i, f) in layout.fields().iter().enumerate() {
            println!(
                "  {:<10} {:>6} {:>5} {:>6} {:>8}",
                f.name,
                f.offset,
                f.ty.size,
                f.ty.align,
                layout.padding_after(i)
            );
        }
    }
    println!();
}
