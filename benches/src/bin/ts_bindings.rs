//! Writes the generated TypeScript bindings of the benchmark types to the
//! file named on the command line, for `benches/ts/bench.ts`.

use wasm_layout::Bindings;
use wasm_layout_bench::{Particle, Point};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ts_bindings <out.ts>");
        std::process::exit(2);
    };
    let ts = Bindings::new().add::<Particle>().add::<Point>().typescript();
    if let Err(e) = std::fs::write(&path, ts) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
}
