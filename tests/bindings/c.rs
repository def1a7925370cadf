//! The C header, proven by clang for wasm32, with a negative control.

use wasm_layout::WasmLayout;

use crate::common::{clang_wasm32_check, has_clang, scratch_dir};
use crate::corpus::{self, Rect};

#[test]
fn clang_accepts_the_corpus_header() {
    if !has_clang() {
        return;
    }
    let header = corpus::bindings().c();
    // Included twice: the guard must hold; the fingerprints must be usable in
    // constant expressions.
    let source = format!(
        "{header}\n{header}\n_Static_assert(Rect_FINGERPRINT == {}ull, \"fingerprint\");\n\
         _Static_assert(sizeof(Deep) == {}, \"Deep\");\n",
        Rect::FINGERPRINT,
        corpus::Deep::SIZE
    );
    if let Err(e) = clang_wasm32_check(&source) {
        panic!("clang rejected the generated header:\n{e}");
    }
}

#[test]
fn clang_rejects_a_wrong_offset() {
    if !has_clang() {
        return;
    }
    let header = corpus::bindings().c();
    let offset = Rect::LAYOUT.field("alive").expect("alive").offset;
    let right = format!("offsetof(Rect, alive) == {offset},");
    assert!(header.contains(&right), "the header asserts {right}");
    let wrong = header.replacen(&right, &format!("offsetof(Rect, alive) == {},", offset + 1), 1);
    match clang_wasm32_check(&wrong) {
        Ok(()) => panic!("clang accepted a header with a wrong offset: the check proves nothing"),
        Err(e) => assert!(e.contains("Rect.alive"), "clang failed for another reason:\n{e}"),
    }
}

#[test]
fn clang_rejects_a_wrong_size() {
    if !has_clang() {
        return;
    }
    let header = corpus::bindings().c();
    let right = format!("sizeof(Packed) == {},", corpus::Packed::SIZE);
    assert!(header.contains(&right));
    let wrong = header.replacen(&right, "sizeof(Packed) == 16,", 1);
    assert!(clang_wasm32_check(&wrong).is_err(), "clang accepted a wrong size");
}

/// Checks `source` with clang for wasm32 as C11 (`cxx` false) or C++17,
/// pedantic, every warning an error; `Err` carries clang's output.
pub(crate) fn clang_strict(source: &str, cxx: bool) -> Result<(), String> {
    let dir = crate::common::scratch_dir(if cxx { "clang-cxx" } else { "clang-c" });
    let path = dir.join(if cxx { "check.cpp" } else { "check.c" });
    std::fs::write(&path, source).map_err(|e| e.to_string())?;
    let (program, std) = if cxx { ("clang++", "-std=c++17") } else { ("clang", "-std=c11") };
    let out = std::process::Command::new(program)
        .args([
            "--target=wasm32",
            "-ffreestanding",
            "-nostdlib",
            std,
            "-pedantic",
            "-Wall",
            "-Wextra",
            "-Werror",
        ])
        .arg("-fsyntax-only")
        .arg(&path)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn the_header_is_pedantic_c11_and_cxx17_or_says_why_not() {
    if !has_clang() {
        return;
    }
    let header = corpus::bindings().c();
    if let Err(e) = clang_strict(&header, false) {
        panic!("clang -std=c11 -pedantic rejected the golden header:\n{e}");
    }
    // The corpus has zero-size structs: C++ gives every struct a byte, and
    // the header says so before anything else fails.
    let e = clang_strict(&header, true).expect_err("C++ cannot lay out a zero-size struct");
    let first = e.lines().find(|l| l.contains("error")).unwrap_or_default();
    assert!(
        first.contains("#error") || first.contains("C++ gives every struct at least one byte"),
        "the first C++ error is not the header's own:\n{e}"
    );
    assert!(e.contains("zero-size struct types Empty, Empties, Outer, Deep:"), "{e}");

    // Without them, C++ lays out every other type with every assert.
    let header = corpus::bindings_without_zero_size().c();
    assert!(!header.contains("#error"));
    for cxx in [false, true] {
        if let Err(e) = clang_strict(&header, cxx) {
            panic!("clang (C++: {cxx}) rejected the header:\n{e}");
        }
    }
}

/// Checks `source` with the host's own clang target (a native host that
/// includes the header to read a guest's memory), C11, pedantic, every
/// warning an error.
fn clang_native(source: &str) -> Result<(), String> {
    let dir = crate::common::scratch_dir("clang-native");
    let path = dir.join("check.c");
    std::fs::write(&path, source).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("clang")
        .args(["-std=c11", "-pedantic", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"])
        .arg(&path)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Guest code that uses string and slice fields with no casts through
/// integers: on wasm32, `const char *` plus a length and typed pointers.
const WASM32_GUEST: &str = r#"
static uint32_t count_a(const Named *n) {
    const char *text = n->name.ptr;
    uint32_t count = 0;
    for (uint32_t i = 0; i < n->name.len; i++) count += text[i] == 'a';
    return count;
}
static float sum(const Named *n) {
    float total = 0;
    for (uint32_t i = 0; i < n->scores.len; i++) total += n->scores.ptr[i];
    return total + (float)n->points.ptr[0].x + (float)n->children.ptr[0].id + (float)n->grid.ptr[0][2]
        + (float)n->tags.ptr[0].len + (float)n->kinds.ptr[0];
}
uint32_t use_them(const Named *n, const PackedNamed *p);
uint32_t use_them(const Named *n, const PackedNamed *p) {
    return count_a(n) + (uint32_t)sum(n) + (uint32_t)p->wide.len;
}
"#;

/// A native host reads the same fields as u32 offsets.
const NATIVE_HOST: &str = r#"
uint32_t offsets(const Named *n);
uint32_t offsets(const Named *n) {
    uint32_t name = n->name.ptr;
    uint32_t scores = n->scores.ptr;
    return name + n->name.len + scores + n->children.ptr;
}
"#;

#[test]
fn strings_and_slices_serve_a_wasm32_guest_and_a_native_host() {
    if !has_clang() {
        return;
    }
    let header = corpus::bindings_without_zero_size().c();
    assert!(header.contains("#ifdef __wasm32__") && header.contains("const char *ptr; uint32_t len;"));
    let guest = format!("{header}\n{WASM32_GUEST}");
    if let Err(e) = clang_strict(&guest, false) {
        panic!("clang --target=wasm32 rejected a guest using string and slice fields:\n{e}");
    }
    if let Err(e) = clang_strict(&guest, true) {
        panic!("clang++ --target=wasm32 rejected a guest using string and slice fields:\n{e}");
    }
    // Natively the header keeps every layout assert (the full corpus, both
    // languages' asserts) with offsets in place of pointers.
    let host = format!("{}\n{NATIVE_HOST}", corpus::bindings().c());
    if let Err(e) = clang_native(&host) {
        panic!("native clang rejected the header or a host using offsets:\n{e}");
    }
    // The guest's pointer arithmetic does not compile natively: the modes differ.
    assert!(clang_native(&format!("{header}\n{WASM32_GUEST}")).is_err());
}

/// Compiles natively and runs a C program that includes `header`, copies
/// `bytes` into `decl` (`"World w"`) and runs `checks`, lines that set bit
/// `i` of `bad` when check `i` fails; its exit code is the number of the
/// first failed check (0: all held). `dir` names its scratch directory.
pub(crate) fn run_reader(header: &str, bytes: &[u8], decl: &str, checks: &str, dir: &str) -> Option<i32> {
    let array: Vec<String> = bytes.iter().map(|b| b.to_string()).collect();
    let var = decl.rsplit(' ').next().unwrap_or(decl);
    let program = format!(
        r#"{header}
#include <string.h>
static const unsigned char BYTES[{size}] = {{ {array} }};
int main(void) {{
    {decl};
    memcpy(&{var}, BYTES, sizeof {var});
    int bad = 0;
{checks}
    /* An exit code keeps 8 bits: the number of the first failed check. */
    for (int i = 0; i < 16; i++) if (bad & (1 << i)) return i + 1;
    return 0;
}}
"#,
        size = bytes.len(),
        array = array.join(", "),
    );
    let dir = scratch_dir(dir);
    let (source, exe) = (dir.join("read.c"), dir.join("read"));
    std::fs::write(&source, program).unwrap();
    let out = std::process::Command::new("clang")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-o"])
        .arg(&exe)
        .arg(&source)
        .output()
        .expect("clang runs");
    assert!(out.status.success(), "clang: {}", String::from_utf8_lossy(&out.stderr));
    std::process::Command::new(&exe).status().expect("the program runs").code()
}
