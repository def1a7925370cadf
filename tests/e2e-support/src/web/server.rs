//! The web demo's server: bundles the page's TypeScript with esbuild (from
//! `tests/ts/node_modules`) and serves the page, the bundle, the guests and
//! the golden fixtures on 127.0.0.1 with a small std-only HTTP/1.1 server
//! (one request per connection, GET only, a fixed table of files).
//!
//! Shared by `cargo run --example web` and the browser test.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// The guests the page offers (one not built yet is left out of the list).
pub use wasm_layout_tools::GUESTS;

/// The bundles esbuild makes: entry point (under `examples/web/src`) and
/// output name.
pub const BUNDLES: [(&str, &str); 2] = [("main.ts", "app.js"), ("conformance.ts", "conformance.js")];

/// How to get esbuild, for messages.
pub const ESBUILD_INSTALL: &str = "install Node.js 20 or later, then `cd tests/ts && npm ci`";

/// Bundles the page's entry points into `out` with esbuild.
pub fn bundle(root: &Path, out: &Path) -> Result<(), String> {
    let esbuild = root.join("tests/ts/node_modules/esbuild/bin/esbuild");
    if !esbuild.is_file() {
        return Err(format!("esbuild is missing ({}): {ESBUILD_INSTALL}", esbuild.display()));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (entry, name) in BUNDLES {
        // The launcher npm installs: the native binary, or a node script
        // that finds it.
        let output = Command::new(&esbuild)
            .arg(root.join("examples/web/src").join(entry))
            .args(["--bundle", "--format=esm", "--target=es2022", "--sourcemap", "--log-level=warning"])
            .arg(format!("--outfile={}", out.join(name).display()))
            .output()
            .map_err(|e| format!("running {}: {e} ({ESBUILD_INSTALL})", esbuild.display()))?;
        if !output.status.success() {
            return Err(format!("esbuild failed on {entry}:\n{}", String::from_utf8_lossy(&output.stderr)));
        }
    }
    Ok(())
}

/// What a path of the site is: a file and its content type.
fn route(root: &Path, bundles: &Path, path: &str) -> Option<(PathBuf, &'static str)> {
    let web = root.join("examples/web");
    let path = path.split(['?', '#']).next().unwrap_or("");
    let file = match path {
        "/" | "/index.html" => web.join("index.html"),
        "/conformance.html" => web.join("conformance.html"),
        "/style.css" => web.join("style.css"),
        "/golden/fixtures.json" => root.join("tests/golden/fixtures.json"),
        _ => {
            if let Some((_, bundle)) = BUNDLES.iter().find(|(_, b)| path.strip_prefix('/') == Some(b)) {
                bundles.join(bundle)
            } else if let Some(map) = path.strip_prefix('/').filter(|p| p.ends_with(".js.map")) {
                BUNDLES.iter().find(|(_, b)| map.strip_suffix(".map") == Some(b))?;
                bundles.join(map)
            } else {
                let name = path.strip_prefix("/guest/")?.strip_suffix(".wasm")?;
                let guest = GUESTS.iter().find(|g| g.language.eq_ignore_ascii_case(name))?;
                root.join(guest.wasm())
            }
        }
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    };
    Some((file, kind))
}

/// The guests that exist, as the JSON list the page reads from `/guests.json`.
pub fn guests_json(root: &Path) -> String {
    let items: Vec<String> = GUESTS
        .iter()
        .filter(|g| root.join(g.wasm()).is_file())
        .map(|g| {
            format!("{{\"name\":\"{}\",\"url\":\"guest/{}.wasm\"}}", g.language, g.language.to_lowercase())
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// A running server; dropping it stops it.
pub struct Server {
    /// `http://127.0.0.1:<port>/`.
    pub url: String,
    stop: Arc<AtomicBool>,
    port: u16,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves the page from the workspace `root` and the bundles in
    /// `bundles` on 127.0.0.1:`port` (0: any free port).
    pub fn start(root: &Path, bundles: &Path, port: u16) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let (root, bundles, flag) = (root.to_path_buf(), bundles.to_path_buf(), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let _ = answer(stream, &root, &bundles);
                }
            }
        });
        Ok(Server { url: format!("http://127.0.0.1:{port}/"), stop, port, thread: Some(thread) })
    }

    /// Serves until the process ends.
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Reads one request and answers it.
fn answer(mut stream: TcpStream, root: &Path, bundles: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (status, kind, body) = if method != "GET" {
        ("405 Method Not Allowed", "text/plain", b"GET only\n".to_vec())
    } else if path == "/guests.json" {
        ("200 OK", "application/json", guests_json(root).into_bytes())
    } else {
        match route(root, bundles, path).and_then(|(file, kind)| Some((kind, std::fs::read(file).ok()?))) {
            Some((kind, body)) => ("200 OK", kind, body),
            None => ("404 Not Found", "text/plain", format!("not found: {path}\n").into_bytes()),
        }
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()?;
    stream.shutdown(Shutdown::Write)
}
