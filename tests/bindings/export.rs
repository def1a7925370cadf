//! Export: write only what changed; check mode reports stale files with a diff.

use wasm_layout::{Bindings, Export, ExportError, WasmLayout};

use crate::common::scratch_dir;

#[derive(WasmLayout)]
struct Sample {
    a: u8,
    b: u32,
}

#[test]
fn writes_only_what_changed() {
    let dir = scratch_dir("bindings-export-write");
    let b = Bindings::new().add::<Sample>();
    let first = b.write_all(&dir).unwrap();
    let names: Vec<_> =
        first.iter().map(|w| w.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["bindings.ts", "bindings.h", "bindings.odin"]);
    assert!(first.iter().all(|w| w.changed));
    assert_eq!(std::fs::read_to_string(dir.join("bindings.h")).unwrap(), b.c());

    std::fs::write(dir.join("bindings.odin"), "stale").unwrap();
    let second = b.write_all(&dir).unwrap();
    let changed: Vec<_> = second.iter().map(|w| w.changed).collect();
    assert_eq!(changed, [false, false, true]);
    assert_eq!(std::fs::read_to_string(dir.join("bindings.odin")).unwrap(), b.odin());
}

#[test]
fn check_mode_shows_a_diff_and_names_the_bless_variable() {
    let dir = scratch_dir("bindings-export-check");
    let b = Bindings::new().add::<Sample>();
    let export = Export::new(&dir).bindings("layout", &b).unwrap().file("extra.txt", "one\ntwo\n");
    assert!(
        matches!(export.check(), Err(ExportError::Stale { ref files, blessable: false }) if files.len() == 4)
    );
    let message = export.check().unwrap_err().to_string();
    assert!(message.contains("Export::write") && !message.contains("WASM_LAYOUT_BLESS"), "{message}");
    // Through `sync`, where the variable has an effect, the message names it.
    let message = ExportError::Stale { files: Vec::new(), blessable: true }.to_string();
    assert!(message.contains("WASM_LAYOUT_BLESS=1"), "{message}");
    export.write().unwrap();
    export.check().unwrap();

    let edited = b.typescript().replacen("b: number;", "b: string;", 1);
    std::fs::write(dir.join("layout.ts"), edited).unwrap();
    std::fs::remove_file(dir.join("extra.txt")).unwrap();
    let err = export.check().unwrap_err();
    let text = err.to_string();
    assert!(text.contains("layout.ts") && text.contains("      -   b: string;"), "{text}");
    assert!(text.contains("+   b: number;"), "{text}");
    assert!(text.contains("extra.txt") && text.contains("missing"), "{text}");
    assert!(!text.contains("layout.h"), "current files are not reported: {text}");
}

#[test]
fn extra_files_sit_next_to_the_bindings() {
    let dir = scratch_dir("bindings-export-extra");
    let written = Export::new(&dir)
        .file("wasm-layout-runtime.ts", "export {};\n")
        .file("sub/notes.txt", "x")
        .write()
        .unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!(std::fs::read_to_string(dir.join("sub/notes.txt")).unwrap(), "x");
    assert_eq!(std::fs::read_to_string(dir.join("wasm-layout-runtime.ts")).unwrap(), "export {};\n");
}
