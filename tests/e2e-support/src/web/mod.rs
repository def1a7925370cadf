//! The web demo's support (`examples/web`): the files it generates from the
//! Rust layout descriptors and the std-only server that bundles and serves
//! it. Shared by `cargo run --example web` and the browser test.

pub mod generated;
pub mod server;
