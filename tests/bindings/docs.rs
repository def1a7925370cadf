//! Doc comments carried into the descriptor and the generated files: the
//! text is the user's, so whatever it holds (comment terminators,
//! backslashes at line ends, control characters, any Unicode) stays inside
//! its comment, and every compiler still accepts the file.

use std::fmt::Write as _;

use wasm_layout::{Bindings, WasmLayout};

use crate::c::clang_strict;
use crate::common::{has_clang, odin, odin_check_source, scratch_dir, ODIN_TARGETS};
use crate::node::{has_node, report, ts_dir, tsc};

/// Ends early? */ int evil; /* and /*/ too
/// A backslash at the end \
/// /continues? A trigraph ??/
/// Unicode: é, 名前, 🦀, Ω.
#[doc = " NUL \0, CR \r, CRLF \r\n LS \u{2028}, PS \u{2029}, tab \t, bidi \u{202E}x\u{202C} end"]
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct DocHostile {
    /// */ export const injected = 1; /*
    pub a: u32,
    #[doc = "*/\n/*\n*/\\"]
    pub b: u8,
    /// `/**` opens, `*/` closes; `//` is a line comment; `#define X 1`
    pub c: DocKind,
    pub d: DocShape,
}

/// A union */ of two /* views
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub union DocUnion {
    /// As bits */ #define Y 2
    pub bits: u32,
    pub real: f32,
}

/// An enum with fields */ still a comment
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C, u8)]
pub enum DocShape {
    /// A circle /* nested? */
    Circle {
        /// The radius */ in pixels
        radius: f32,
    },
    Empty,
}

/** Block doc with a `*` column:
 * second line
 */
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub enum DocKind {
    /// The first value */ #error "escaped"
    First = 1,
    #[doc = "\\"]
    Second = 2,
}

fn bindings() -> Bindings {
    Bindings::new().add::<DocHostile>().add::<DocUnion>()
}

#[test]
fn the_descriptor_carries_the_doc_text() {
    let t = DocHostile::LAYOUT;
    assert!(
        t.doc().starts_with("Ends early? */ int evil; /* and /*/ too\nA backslash at the end \\\n"),
        "{:?}",
        t.doc()
    );
    assert!(
        t.doc().contains("\nUnicode: é, 名前, 🦀, Ω.\nNUL \0, CR \r, CRLF\nLS \u{2028}"),
        "{:?}",
        t.doc()
    );
    let field = |n: &str| t.field_doc(n);
    assert_eq!(field("a"), "*/ export const injected = 1; /*");
    assert_eq!(field("b"), "*/\n/*\n*/\\");
    assert_eq!(DocKind::LAYOUT.doc(), "Block doc with a `*` column:\nsecond line");
    let wasm_layout::TypeKind::Enum(e) = DocKind::LAYOUT.kind else { panic!("an enum") };
    assert_eq!(e.variants[0].doc, "The first value */ #error \"escaped\"");
    assert_eq!(e.variants[1].doc, "\\");
    assert_eq!(DocShape::LAYOUT.doc(), "An enum with fields */ still a comment");
    let wasm_layout::TypeKind::Variant(v) = DocShape::LAYOUT.kind else { panic!("an enum with fields") };
    assert_eq!(
        (v.cases[0].doc, v.cases[0].field_doc(0)),
        ("A circle /* nested? */", "The radius */ in pixels")
    );
    assert_eq!((v.cases[1].doc, v.cases[1].field_docs.len()), ("", 0));
    assert_eq!(DocUnion::LAYOUT.doc(), "A union */ of two /* views");
    assert_eq!(
        (DocUnion::LAYOUT.field_doc("bits"), DocUnion::LAYOUT.field_doc("real")),
        ("As bits */ #define Y 2", "")
    );
    // No doc is an empty one.
    assert_eq!(crate::corpus::Kind::LAYOUT.doc().lines().count(), 2);
    assert_eq!(crate::corpus::Node::LAYOUT.doc(), "");
    // A struct none of whose fields has a doc carries no list of them.
    let wasm_layout::TypeKind::Struct(s) = crate::corpus::Node::LAYOUT.kind else { panic!("a struct") };
    assert!(s.field_docs.is_empty());
}

#[test]
fn doc_comments_are_emitted_escaped() {
    let ts = bindings().typescript();
    assert!(ts.contains("/** *\\/ export const injected = 1; /\\* */\n  a: number;"), "{ts}");
    assert!(ts.contains("  /** *\\/ export const injected = 1; /\\* */\n  get a(): number {"), "{ts}");
    assert!(ts.contains(" * Unicode: é, 名前, 🦀, Ω.\n * NUL  , CR\n * , CRLF\n * LS\n * , PS\n"), "{ts}");
    assert!(
        ts.contains("/**\n * Block doc with a `*` column:\n * second line\n */\nexport const DocKind"),
        "{ts}"
    );
    let c = bindings().c();
    assert!(c.contains("    /**\n     * *\\/\n     * /\\*\n     * *\\/\\\n     */\n    uint8_t b;"), "{c}");
    assert!(c.contains("/** The first value *\\/ #error \"escaped\" */\n#define DocKind_First"), "{c}");
    assert!(c.contains("/** An enum with fields *\\/ still a comment */\n/* enum DocShape"), "{c}");
    assert!(c.contains("    /** The radius *\\/ in pixels */\n    float radius;"), "{c}");
    assert!(ts.contains("/** A circle /\\* nested? *\\/ */\n  | { tag: \"Circle\""), "{ts}");
    assert!(c.contains("/** A union *\\/ of two /\\* views */\n/* union DocUnion"), "{c}");
    assert!(c.contains("    /** As bits *\\/ #define Y 2 */\n    uint32_t bits;\n    float real;"), "{c}");
    assert!(
        ts.contains("/**\n * A union *\\/ of two /\\* views\n *\n * union DocUnion: every member"),
        "{ts}"
    );
    assert!(ts.contains("  /** As bits *\\/ #define Y 2 */\n  get bits(): number {"), "{ts}");
    let odin = bindings().odin();
    assert!(odin.contains("// A union */ of two /* views\n// Every member"), "{odin}");
    assert!(odin.contains("\t// As bits */ #define Y 2\n\tbits: u32,\n\treal: f32,"), "{odin}");
    assert!(odin.contains("\t// A circle /* nested? */\n\tCircle = 0,"), "{odin}");
    assert!(odin.contains("\t// */\n\t// /*\n\t// */\\\n\tb: u8,"), "{odin}");
    assert!(
        odin.contains("// Ends early? */ int evil; /* and /*/ too\n// A backslash at the end \\\n"),
        "{odin}"
    );
}

#[test]
fn files_with_hostile_docs_compile() {
    let b = bindings();
    if has_node() {
        let dir = scratch_dir("docs-ts");
        std::fs::write(dir.join("docs.ts"), b.typescript()).expect("write");
        let mut tsconfig = String::new();
        let _ = write!(
            tsconfig,
            "{{\n  \"extends\": {:?},\n  \"compilerOptions\": {{ \"typeRoots\": [{:?}] }},\n  \"include\": [\"docs.ts\"]\n}}\n",
            ts_dir().join("tsconfig.json"),
            ts_dir().join("node_modules/@types")
        );
        std::fs::write(dir.join("tsconfig.json"), tsconfig).expect("write");
        let out = tsc(&dir.join("tsconfig.json"));
        assert!(out.status.success(), "{}", report("tsc", &out));
    }
    if has_clang() {
        let header = b.c();
        for cxx in [false, true] {
            if let Err(e) = clang_strict(&header, cxx) {
                panic!("clang (C++: {cxx}) rejected a header with hostile docs:\n{e}\n{header}");
            }
        }
    }
    if let Some(odin) = odin() {
        let dir = scratch_dir("docs-odin");
        for target in ODIN_TARGETS {
            if let Err(e) = odin_check_source(&odin, &dir, &b.odin(), target) {
                panic!("odin -target:{target} rejected a file with hostile docs:\n{e}");
            }
        }
    }
}
