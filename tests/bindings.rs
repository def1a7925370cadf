//! Generated bindings: golden files for a corpus of layouts, proven by clang,
//! tsc and Node (and by Odin when it is installed), with negative controls.
//!
//! Regenerate the golden files with `WASM_LAYOUT_BLESS=1 cargo test --test bindings`.

mod common;

#[path = "bindings/corpus.rs"]
mod corpus;
#[path = "bindings/fixtures.rs"]
mod fixtures;

#[path = "bindings/c.rs"]
mod c;
#[path = "bindings/docs.rs"]
mod docs;
#[path = "bindings/errors.rs"]
mod errors;
#[path = "bindings/export.rs"]
mod export;
#[path = "bindings/golden.rs"]
mod golden;
#[path = "bindings/hostile.rs"]
mod hostile;
#[path = "bindings/json.rs"]
mod json;
#[path = "bindings/node.rs"]
mod node;
#[path = "bindings/odin.rs"]
mod odin;
#[path = "bindings/strings.rs"]
mod strings;
#[path = "bindings/tuples.rs"]
mod tuples;
#[path = "bindings/tuples_readers.rs"]
mod tuples_readers;
#[path = "bindings/unions.rs"]
mod unions;
#[path = "bindings/variants.rs"]
mod variants;
