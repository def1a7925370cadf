//! `unions.json`: a memory Rust
//! wrote through the views of a struct holding a union, what each member
//! reads there, and the memory after Rust set one member, for the generated
//! TypeScript view to agree with (`ts/bindings/unions.test.ts`).

use std::fmt::Write;

use wasm_layout::WasmLayout;

use crate::corpus::{Event, Kind, Payload, Point};

/// Where the event sits in the memory, and the memory's size.
const AT: usize = 8;
const MEMORY: usize = 8 + 64 + 8;

/// The JSON: `{ at, before, reads, after }`.
pub fn json() -> String {
    assert_eq!((Payload::SIZE, Event::SIZE), (16, 64));
    let mut memory = vec![0xEEu8; MEMORY];
    let mut e = Event::view_mut_at(&mut memory, AT).expect("in bounds");
    e.set_tag(1);
    e.payload_mut().set_at(Point { x: 1.5, y: -2.0 });
    e.set_after(0xBEEF);
    let mut h = e.history_mut();
    h.get_mut(0).expect("0").set_fd(0x0102_0304);
    h.get_mut(1).expect("1").set_kind(Kind::C);
    let before = memory.clone();
    let v = Event::view_at(&before, AT).expect("in bounds");
    let p = v.payload();
    let mut s = String::from("{\n");
    let _ = writeln!(s, "  \"at\": {AT},");
    let _ = writeln!(s, "  \"before\": \"{}\",", crate::json::hex(&before));
    let _ = writeln!(
        s,
        "  \"reads\": {{ \"tag\": {}, \"after\": {}, \"x\": {:?}, \"y\": {:?}, \"fd\": {}, \"flag\": {}, \"kindError\": {:?}, \"bytes\": {:?}, \"color\": {} }},",
        v.tag(),
        v.after(),
        p.at().x(),
        p.at().y(),
        p.fd(),
        p.flag().expect("0, the low byte of 1.5, is false"),
        p.kind().expect_err("0 is no Kind").to_string(),
        p.bytes().iter().collect::<Vec<_>>(),
        p.color().raw(),
    );
    // Setting a smaller member zeroes the rest of the union.
    Event::view_mut_at(&mut memory, AT).expect("in bounds").payload_mut().set_fd(9);
    let _ = writeln!(s, "  \"after\": \"{}\"", crate::json::hex(&memory));
    s.push_str("}\n");
    s
}

#[test]
fn the_bindings_hold_no_whole_value_of_a_union() {
    let b = crate::corpus::bindings();
    let ts = b.typescript();
    assert!(ts.contains("export class PayloadView {") && ts.contains("export class EventView {"));
    for absent in ["interface Payload ", "readPayload", "interface Event ", "readEvent", "writeEvent"] {
        assert!(!ts.contains(absent), "{absent} in the TypeScript");
    }
    assert!(ts.contains(
        "export interface Image {\n  width: number;\n  format: number;\n  levels: [number, number];"
    ));
    let c = b.c();
    assert!(
        c.contains("typedef union Payload {") && c.contains("    uint8_t format; /* Open<Color> */"),
        "{c}"
    );
    let odin = b.odin();
    assert!(odin.contains("Payload :: struct #raw_union {") && odin.contains("\tformat: Color,"), "{odin}");
}
