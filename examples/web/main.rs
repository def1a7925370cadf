//! The web demo: bundles the page (esbuild, from `tests/ts/node_modules`)
//! and serves it on 127.0.0.1 with a small std-only server; open the URL it
//! prints. The page runs the end-to-end guest in the browser with the
//! generated bindings and the TypeScript runtime, and shows its memory.
//!
//! Run with `cargo run --example web` (`-- --port 8080` for a fixed port).

use std::path::PathBuf;

use wasm_layout_e2e::web::server;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let root = root.canonicalize().unwrap_or(root);
    let mut args = std::env::args().skip(1);
    let mut port = 0;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().ok_or("--port needs a number")?.parse()?,
            other => return Err(format!("unknown argument {other:?} (only --port N)").into()),
        }
    }
    let bundles = root.join("target/web");
    server::bundle(&root, &bundles)?;
    let server = server::Server::start(&root, &bundles, port)?;
    println!("wasm-layout web demo: open {}", server.url);
    println!("(the conformance page: {}conformance.html; Ctrl-C stops the server)", server.url);
    server.wait();
    Ok(())
}
