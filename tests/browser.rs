//! The web demo (`examples/web`) in a real browser: Debian's Chromium,
//! headless, driven by playwright-core (`tests/ts/browser/demo.ts`).
//!
//! The page plays the end-to-end plan on the C guest with the generated
//! bindings and the TypeScript runtime; its memory afterwards must be byte
//! for byte the Node host's (`tests/ts/e2e/host.ts`). The test also checks
//! that the page logged no errors, that views made before `memory.grow`
//! read the same after it, that the inspector labels a known field at its
//! offset and follows a pointer, and that the golden conformance corpus
//! passes inside the browser. The screenshot is left in
//! `target/browser/demo.png`.
//!
//! The page's generated file (`layouts.ts`) is kept current here with
//! [`Export::sync`](wasm_layout::Export::sync); it shares the Node host's
//! bindings and plan (`tests/ts/e2e/schema.ts`, `plan.ts`).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use wasm_layout_e2e::web::{generated, server};
use wasm_layout_e2e::Plan;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn generated_files_are_current() {
    if let Err(e) = generated::exported(root()).sync() {
        panic!("{e}");
    }
}

#[test]
fn layout_table_names_every_field_with_its_type() {
    let table = generated::layouts_ts(&generated::inspected());
    assert!(table.contains("{ name: \"id\", type: \"u64\", offset: 32, size: 8 }"), "{table}");
    assert!(
        table.contains("{ name: \"particles\", type: \"ptr<Particle>\", offset: 0, size: 4 }"),
        "{table}"
    );
    assert!(table.contains("{ name: \"pos\", type: \"Vec3\", offset: 0, size: 12 }"), "{table}");
    assert!(table.contains("variants: { 0: \"Dust\", 1: \"Spark\", 2: \"Smoke\" }"), "{table}");
    for name in ["Vec3", "Kind", "ArenaHeader", "PoolHeader", "PoolSlot"] {
        assert!(table.contains(&format!("  {name}: {{")), "{name} in\n{table}");
    }
}

#[test]
fn server_serves_the_page_and_nothing_else() {
    let bundles = common::scratch_dir("web-serve");
    let server = server::Server::start(root(), &bundles, 0).unwrap();
    let get = |path: &str| {
        use std::io::{Read, Write};
        let mut s =
            std::net::TcpStream::connect(server.url.trim_start_matches("http://").trim_end_matches('/'))
                .unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    };
    assert!(get("/").starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/html"));
    assert!(get("/guests.json").contains(r#"{"name":"C","url":"guest/c.wasm"}"#));
    assert!(get("/guest/c.wasm").contains("application/wasm"));
    assert!(get("/../Cargo.toml").starts_with("HTTP/1.1 404"));
    assert!(get("/guest/../../Cargo.toml.wasm").starts_with("HTTP/1.1 404"));
    drop(server);
}

/// Runs `command` to completion, killing it after `limit`; its output.
fn run_bounded(mut command: Command, limit: Duration) -> (bool, String) {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().expect("wait") {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            return (false, format!("killed after {limit:?}\n{}", String::from_utf8_lossy(&out.stderr)));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

fn node(args: &[&str]) -> Command {
    let mut c = Command::new("node");
    c.args(["--import", "tsx"]).args(args).current_dir(root().join("tests/ts"));
    c
}

#[test]
fn the_demo_runs_in_chromium_as_in_node() {
    let chromium = "chromium";
    if !common::tool(chromium, "apt-get install -y --no-install-recommends chromium")
        || !common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`")
    {
        return;
    }
    let chromium = wasm_layout_tools::on_path(chromium).expect("chromium on PATH");
    if let Err(e) = generated::exported(root()).check() {
        panic!("{e}");
    }
    let tsc = root().join("tests/ts/node_modules/typescript/bin/tsc");
    let mut typecheck = Command::new("node");
    typecheck.arg(tsc).args(["-p", "examples/web/tsconfig.json"]).current_dir(root());
    let (ok, out) = run_bounded(typecheck, Duration::from_secs(120));
    assert!(ok, "the page does not type-check:\n{out}");

    let target = root().join("target/browser");
    let _ = std::fs::remove_dir_all(&target);
    let bundles = target.join("bundle");
    server::bundle(root(), &bundles).unwrap();
    let server = server::Server::start(root(), &bundles, 0).unwrap();

    let plan = Plan::E2E;
    let node_dir = target.join("node");
    let guest = root().join(wasm_layout_tools::C_GUEST.wasm());
    let mut host = node(&["e2e/host.ts", node_dir.to_str().unwrap(), guest.to_str().unwrap()]);
    host.args(plan.args());
    let (ok, out) = run_bounded(host, Duration::from_secs(120));
    assert!(ok, "the Node host failed:\n{out}");

    let started = Instant::now();
    let mut browser =
        node(&["browser/demo.ts", &server.url, target.to_str().unwrap(), chromium.to_str().unwrap()]);
    browser.args(plan.args());
    let (ok, out) = run_bounded(browser, Duration::from_secs(120));
    eprintln!("the browser run took {:.1} s", started.elapsed().as_secs_f64());
    assert!(ok, "the browser run failed:\n{out}");
    drop(server);

    let read = |p: PathBuf| std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let (page, node_memory) = (read(target.join("memory.bin")), read(node_dir.join("memory.bin")));
    assert_eq!(read(target.join("report.txt")), read(node_dir.join("report.txt")), "the reports differ");
    assert_eq!(page.len(), node_memory.len(), "memory sizes differ");
    if let Some(at) = page.iter().zip(&node_memory).position(|(a, b)| a != b) {
        panic!("the page's memory differs from the Node host's at {at:#x}");
    }

    let checks = String::from_utf8(read(target.join("checks.json"))).unwrap();
    let has = |needle: &str| assert!(checks.contains(needle), "{needle} not in\n{checks}");
    has("\"errors\": []");
    has("\"viewsSurvivedGrow\": true");
    // Spawning in the live phase grows memory; a view made before still reads the same.
    has("\"same\": true");
    let pages = |key: &str| {
        let at = checks.find(key).unwrap_or_else(|| panic!("{key} in {checks}")) + key.len();
        checks[at..]
            .trim_start_matches([':', ' '])
            .split([',', '\n'])
            .next()
            .unwrap()
            .trim()
            .parse::<u32>()
            .unwrap()
    };
    assert!(pages("\"pagesAfter\"") > pages("\"pagesBefore\""), "memory grew in the live phase: {checks}");
    has("\"C guest\"");
    // The second particle's id: field, offset and decoded value.
    has("\"field\": \"Particle.id\",\n    \"offset\": \"32\"");
    has("value: 0x5eed000000000001");
    // A pointer and where it leads.
    has("\"field\": \"StepRequest.particles\",\n    \"offset\": \"0\"");
    has("\"field\": \"Particle.pos.x\",\n    \"offset\": \"0\"");
    let front = checks.split("\"front\": ").nth(1).and_then(|s| s.split(',').next()).unwrap();
    has(&format!("\"text\": \"{:#x} field Particle.pos.x", front.trim().parse::<u32>().unwrap()));
    has("\"failed\": []");
    assert!(read(target.join("demo.png")).starts_with(b"\x89PNG"), "a screenshot");
}
