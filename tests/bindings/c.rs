//! The C header, proven by clang for wasm32, with a negative control.

use wasm_layout::WasmLayout;

use crate::common::{clang_wasm32_check, has_clang};
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
