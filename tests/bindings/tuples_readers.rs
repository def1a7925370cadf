//! Native programs read the bytes Rust wrote for the `tuples` corpus
//! through its generated C header and Odin package, each with a negative
//! control (one byte off, and the program names the check that failed).

use wasm_layout::WasmLayout;

use crate::common::{has_clang, odin, scratch_dir};
use crate::tuples::{at, bindings, worlds, Duo, Mix, World};

/// A native C program that includes the header, copies in the bytes Rust
/// wrote for `worlds()[0]` and checks every field through the generated
/// types: C reads Rust's bytes as Rust wrote them.
#[test]
fn c_reads_the_bytes_rust_wrote() {
    if !has_clang() {
        return;
    }
    let mut bytes = vec![0u8; World::SIZE];
    worlds()[0].write_to(&mut bytes).unwrap();
    assert_eq!(run_c_reader(&bytes, "right"), Some(0), "the number of the first check that failed");
    // The negative control: one byte off (the tuple struct's f32) and C notices.
    bytes[at("pair", Duo::OFFSET_1) + 3] ^= 0x40;
    assert_eq!(run_c_reader(&bytes, "wrong"), Some(4));
}

/// Compiles and runs the C reader over `bytes`; its exit code.
fn run_c_reader(bytes: &[u8], name: &str) -> Option<i32> {
    let checks = r#"
    bad |= (w.flag != 1 || w.id != 7) << 0;
    bad |= (w.ids[0] != 1 || w.ids[2] != UINT32_MAX) << 1;
    bad |= (w.hash[0] != 1 || w.hash[5] != 6) << 2;
    bad |= (w.pair._0 != 9 || w.pair._1 != 2.5f) << 3;
    bad |= (w.at._0 != 10 || w.at._1 != -1.25f) << 4;
    bad |= (w.mix._0 != 3 || w.mix._1 != 4 || !w.mix._2 || w.mix._3 != UINT64_MAX) << 5;
    bad |= (w.loose._0 != 0x01020304 || w.alive) << 6;
"#;
    crate::c::run_reader(&bindings().c(), bytes, "World w", checks, &format!("tuples-c-run-{name}"))
}

/// The Odin package, compiled natively with a `main` that copies in the
/// bytes Rust wrote for `worlds()[0]` and checks every field through the
/// generated types (the layouts are the same off wasm32: no field is
/// pointer-sized): Odin reads Rust's bytes as Rust wrote them.
#[test]
fn odin_reads_the_bytes_rust_wrote() {
    let Some(odin) = odin() else { return };
    let mut bytes = vec![0u8; World::SIZE];
    worlds()[0].write_to(&mut bytes).unwrap();
    assert_eq!(run_odin_reader(&odin, &bytes, "right"), Some(0), "the number of the first check that failed");
    bytes[at("mix", Mix::OFFSET_3) + 7] ^= 0x01;
    assert_eq!(run_odin_reader(&odin, &bytes, "wrong"), Some(6), "one byte off and Odin notices");
}

/// Builds and runs the Odin reader over `bytes`; its exit code.
fn run_odin_reader(odin: &std::path::Path, bytes: &[u8], name: &str) -> Option<i32> {
    let dir = scratch_dir(&format!("tuples-odin-run-{name}"));
    let package = bindings().odin().replacen("package layout", "package main", 1);
    assert!(package.contains("package main"));
    std::fs::write(dir.join("layout.odin"), package).unwrap();
    let array: Vec<String> = bytes.iter().map(|b| b.to_string()).collect();
    let program = format!(
        r#"package main

import "core:mem"
import "core:os"

BYTES := [{size}]u8{{ {array} }}

main :: proc() {{
	w: World
	mem.copy(&w, &BYTES[0], size_of(World))
	// The number of the first failed check.
	bad := 0
	if w.loose._0 != 0x01020304 || w.alive != false {{ bad = 7 }}
	if w.mix._0 != 3 || w.mix._1 != 4 || w.mix._2 != true || w.mix._3 != max(u64) {{ bad = 6 }}
	if w.at._0 != 10 || w.at._1 != -1.25 {{ bad = 5 }}
	if w.pair._0 != 9 || w.pair._1 != 2.5 {{ bad = 4 }}
	if w.hash[0] != 1 || w.hash[5] != 6 {{ bad = 3 }}
	if w.ids[0] != 1 || w.ids[2] != EntityId(max(u32)) {{ bad = 2 }}
	if w.flag != 1 || w.id != 7 {{ bad = 1 }}
	os.exit(bad)
}}
"#,
        size = bytes.len(),
        array = array.join(", "),
    );
    std::fs::write(dir.join("main.odin"), program).unwrap();
    // Odin refuses some characters in an -out path: build in the directory.
    let out = std::process::Command::new(odin)
        .args(["build", ".", "-out:reader"])
        .current_dir(&dir)
        .output()
        .expect("odin runs");
    assert!(
        out.status.success(),
        "odin build: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    std::process::Command::new(dir.join("reader")).status().expect("the program runs").code()
}
