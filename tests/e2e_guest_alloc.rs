//! The host places values through the allocator the guest exports: the Odin
//! guest's `bump_alloc`, called by the Rust host (wasmi, `GuestAllocator`)
//! and by the Node host (the TypeScript runtime's `GuestAllocator`,
//! `tests/ts/e2e/guest-alloc.ts`), which must leave the same bytes. A guest
//! that returns a bad pointer is refused, with the same texts on both hosts,
//! before anything is written.

mod common;

use std::path::Path;
use std::process::Command;

use wasm_layout::memory::{GuestAllocFns, GuestAllocator, MemoryError};
use wasm_layout::WasmPtr;
use wasm_layout_e2e::schema::{StepRequest, StepResponse};
use wasm_layout_e2e::{self as host, Guest, HostError};

/// The Odin guest's `bump_alloc(size)` as a [`GuestAllocFns`].
struct Bump<'g>(&'g mut Guest);

impl GuestAllocFns for Bump<'_> {
    type Error = HostError;
    fn alloc(&mut self, size: u32, _align: u32) -> Result<u32, HostError> {
        self.0.bump_alloc(size as i32)
    }
    fn free(&mut self, _ptr: u32) -> Result<(), HostError> {
        Ok(())
    }
    fn memory(&mut self) -> &mut [u8] {
        self.0.bytes_mut()
    }
}

/// Particles placed one by one through the guest, a request pointing at
/// them and a response, then `step`: the report both hosts print.
fn place_and_step(guest: &mut Guest) -> Vec<String> {
    let mut alloc = GuestAllocator::new(guest.heap_base().unwrap());
    let mut lines = Vec::new();
    let mut first = None;
    for i in 0..5 {
        let p = alloc.place(&mut Bump(guest), &host::particle(i)).unwrap();
        first.get_or_insert(p.offset());
        lines.push(format!("particle {i} at {:#x}", p.offset()));
    }
    let particles = WasmPtr::new(first.unwrap());
    let request = StepRequest { particles, count: 5, dt: host::DT, gravity: host::GRAVITY };
    let request = alloc.place(&mut Bump(guest), &request).unwrap();
    let response = alloc.place(&mut Bump(guest), &StepResponse { alive: 0, energy: 0.0 }).unwrap();
    // A block of 3 pages: the guest grows its memory.
    let big = alloc.alloc(&mut Bump(guest), 3 << 16, 8).unwrap();
    guest.step(request, response).unwrap();
    let r = response.read(guest.bytes()).unwrap();
    lines.push(format!(
        "request at {:#x}, response at {:#x}, big block at {big:#x}",
        request.offset(),
        response.offset()
    ));
    lines.push(format!(
        "alive {} energy {:016x}, {} allocations",
        r.alive,
        r.energy.to_bits(),
        alloc.allocations()
    ));
    lines
}

/// A guest that returns whatever pointer it is told to, over 2 pages.
struct Scripted {
    memory: Vec<u8>,
    next: u32,
}

impl GuestAllocFns for Scripted {
    type Error = MemoryError;
    fn alloc(&mut self, _size: u32, _align: u32) -> Result<u32, MemoryError> {
        Ok(self.next)
    }
    fn free(&mut self, _ptr: u32) -> Result<(), MemoryError> {
        Ok(())
    }
    fn memory(&mut self) -> &mut [u8] {
        &mut self.memory
    }
}

/// (what the guest returns, size, align) for each refusal, and the text.
const REFUSALS: [(u32, usize, usize, &str); 6] = [
    (0x1000, 0, 8, "zero-sized allocation"),
    (0x1000, 8, 12, "alignment 12 is not a power of two"),
    (0, 8, 8, "arena exhausted: 8 bytes aligned to 8 requested, 0 bytes remaining"),
    (0x0ff8, 8, 8, "pointer 0xff8 is outside the region [0x1000, 0x20000)"),
    (0x1fffc, 8, 4, "pointer 0x1fffc is outside the region [0x1000, 0x20000)"),
    (0x1004, 8, 8, "pointer 0x1004 is not aligned to 8"),
];

#[test]
fn a_guest_that_returns_bad_pointers_is_refused_and_nothing_is_written() {
    let mut guest = Scripted { memory: vec![0; 2 << 16], next: 0 };
    let mut alloc = GuestAllocator::new(0x1000);
    for (ptr, size, align, text) in REFUSALS {
        guest.next = ptr;
        let e = alloc.alloc(&mut guest, size, align).unwrap_err();
        assert_eq!(e.to_string(), text);
    }
    guest.next = 0x1004;
    assert_eq!(
        alloc.place(&mut guest, &7u64).unwrap_err(),
        MemoryError::Misaligned { offset: 0x1004, align: 8 }
    );
    assert!(guest.memory.iter().all(|&b| b == 0), "nothing was written");
    assert_eq!(alloc.allocations(), 0);
    guest.next = 0x1008;
    assert_eq!(alloc.place(&mut guest, &7u64).unwrap().offset(), 0x1008);
    assert_eq!(alloc.allocations(), 1);
}

#[test]
fn the_rust_and_node_hosts_place_through_the_guests_allocator_alike() {
    let mut guest = Guest::new(host::ODIN_GUEST_WASM).unwrap();
    let lines = place_and_step(&mut guest);
    assert_eq!(lines.len(), 7, "{lines:?}");
    assert!(lines[6].starts_with("alive 5 "), "{lines:?}");
    if !common::tool("node", "install Node.js 20 or later, then `cd tests/ts && npm ci`") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = common::scratch_dir("e2e-guest-alloc");
    let out = Command::new("node")
        .args(["--import", "tsx", "e2e/guest-alloc.ts"])
        .arg(&dir)
        .arg(root.join("tests/guest-odin/guest.wasm"))
        .args(REFUSALS.iter().map(|(ptr, size, align, _)| format!("{ptr},{size},{align}")))
        .current_dir(root.join("tests/ts"))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "the Node host failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(dir.join("report.txt")).unwrap();
    let texts: Vec<&str> = REFUSALS.iter().map(|r| r.3).collect();
    let expected: Vec<String> = lines.iter().cloned().chain(texts.iter().map(|t| t.to_string())).collect();
    assert_eq!(report.lines().collect::<Vec<_>>(), expected);
    let memory = std::fs::read(dir.join("memory.bin")).unwrap();
    assert!(memory == guest.bytes(), "the guest's memory differs between the Rust and the Node host");
}
