//! The Rust host of the end-to-end guest: a C module built by clang from the
//! generated header, run by wasmi, sharing the schema's structs through its
//! linear memory.
//!
//! Run with `cargo run --example host`.

use wasm_layout_e2e::{self as host, schema};

use wasm_layout::memory::hex_dump;
use wasm_layout::WasmLayout;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = host::Plan::E2E;
    let run = host::run(host::GUEST_WASM, &plan)?;
    println!("layout fingerprints agree with the guest:");
    for (ty, fp) in host::FINGERPRINTS {
        println!("  {ty:<12} {fp:#018x}");
    }
    println!("guest heap base {:#x}; host arena and pools above it\n", run.heap_base);
    for (i, f) in run.frames.iter().enumerate() {
        if i < 3 || i + 3 >= run.frames.len() || f.count != run.frames[i.saturating_sub(1)].count {
            println!(
                "  call {i:>2}: {:<10} {:>4} particles, {:>4} alive, energy {:>9.1}",
                f.export, f.count, f.alive, f.energy
            );
        } else if i == 3 {
            println!("  …");
        }
    }
    println!();
    print!("{}", run.summary());
    println!("\nthe last response, at {:#x}:", run.last_response.offset());
    println!("{}", hex_dump(&run.memory, run.last_response.offset() as usize, schema::StepResponse::SIZE)?);
    println!("{}", run.arena);
    println!("{}", host::memory_stats(&run.memory));
    Ok(())
}
