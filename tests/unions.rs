//! `#[repr(C)]` unions: the layout (the largest member rounded up to the
//! largest alignment, every member at 0), checked against Rust's own on the
//! host and against clang's wasm32 layout of a hand-written C twin; views
//! with a getter and a setter per member; bindings compiled by clang, tsc
//! and Odin. (That a union has no whole-value read or write is a compile
//! error: see `tests/ui/union-*.rs`.)

mod common;

use wasm_layout::{Bindings, LayoutError, TypeKind, ViewMut, ViewRef, WasmLayout};

use common::{clang_wasm32_check, has_clang};

/// WASI preview1's `__wasi_subscription_clock_t`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct SubscriptionClock {
    pub id: u32,
    pub timeout: u64,
    pub precision: u64,
    pub flags: u16,
}

/// `__wasi_subscription_fd_readwrite_t`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct SubscriptionFdReadwrite {
    pub file_descriptor: u32,
}

/// `__wasi_subscription_u_t`'s union.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub union SubscriptionUU {
    pub clock: SubscriptionClock,
    pub fd_read: SubscriptionFdReadwrite,
    pub fd_write: SubscriptionFdReadwrite,
}

/// `__wasi_subscription_u_t`: the tag, then the union.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub struct SubscriptionU {
    pub tag: u8,
    pub u: SubscriptionUU,
}

/// `__wasi_subscription_t`.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub struct Subscription {
    pub userdata: u64,
    pub u: SubscriptionU,
}

/// Members of every kind: the size is the array's 12 rounded up to the
/// double's 8.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub union Value {
    pub whole: i32,
    pub real: f64,
    pub bytes: [u8; 12],
    pub flag: bool,
    #[layout(rename = "ptr")]
    pub target: wasm_layout::WasmPtr<u32>,
}

/// Arrays of unions, a union after a byte.
#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub struct Slots {
    pub count: u8,
    pub values: [Value; 2],
}

/// The C twins, as a C programmer writes them (WASI's header spells them
/// the same way), and clang's layout of each.
const C_TWINS: &str = r#"
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
typedef struct { uint32_t id; uint64_t timeout; uint64_t precision; uint16_t flags; } twin_clock;
typedef struct { uint32_t file_descriptor; } twin_fd;
typedef union { twin_clock clock; twin_fd fd_read; twin_fd fd_write; } twin_uu;
typedef struct { uint8_t tag; twin_uu u; } twin_u;
typedef struct { uint64_t userdata; twin_u u; } twin_subscription;
typedef union { int32_t whole; double real; uint8_t bytes[12]; bool flag; uint32_t ptr; } twin_value;
typedef struct { uint8_t count; twin_value values[2]; } twin_slots;
"#;

fn twin_asserts() -> String {
    let mut s = String::from(C_TWINS);
    let mut assert = |what: String, value: usize| {
        s.push_str(&format!("_Static_assert({what} == {value}, \"{what}\");\n"));
    };
    for (twin, size, align) in [
        ("twin_uu", SubscriptionUU::SIZE, SubscriptionUU::ALIGN),
        ("twin_u", SubscriptionU::SIZE, SubscriptionU::ALIGN),
        ("twin_subscription", Subscription::SIZE, Subscription::ALIGN),
        ("twin_value", Value::SIZE, Value::ALIGN),
        ("twin_slots", Slots::SIZE, Slots::ALIGN),
    ] {
        assert(format!("sizeof({twin})"), size);
        assert(format!("_Alignof({twin})"), align);
    }
    assert("offsetof(twin_u, u)".into(), SubscriptionU::OFFSET_U);
    assert("offsetof(twin_subscription, u)".into(), Subscription::OFFSET_U);
    assert("offsetof(twin_slots, values)".into(), Slots::OFFSET_VALUES);
    s
}

#[test]
fn layout_is_wasis() {
    // The numbers WASI's own header asserts for wasm32.
    assert_eq!((SubscriptionClock::SIZE, SubscriptionClock::ALIGN), (32, 8));
    assert_eq!((SubscriptionUU::SIZE, SubscriptionUU::ALIGN), (32, 8));
    assert_eq!((SubscriptionU::SIZE, SubscriptionU::OFFSET_U), (40, 8));
    assert_eq!((Subscription::SIZE, Subscription::ALIGN, Subscription::OFFSET_U), (48, 8, 8));
    assert_eq!((Value::SIZE, Value::ALIGN), (16, 8));
    assert_eq!((Slots::SIZE, Slots::OFFSET_VALUES), (40, 8));
    let TypeKind::Union(u) = Value::LAYOUT.kind else { panic!("a union") };
    let members: Vec<_> = u.members.iter().map(|m| (m.name, m.offset, m.ty.size, m.rename)).collect();
    assert_eq!(
        members,
        [
            ("whole", 0, 4, None),
            ("real", 0, 8, None),
            ("bytes", 0, 12, None),
            ("flag", 0, 1, None),
            ("target", 0, 4, Some("ptr"))
        ]
    );
    // The derive's host check compiled: Rust lays the `#[repr(C)]` union out
    // the same way on this host.
    assert_eq!(std::mem::size_of::<Value>(), Value::SIZE);
    assert_eq!(std::mem::size_of::<Subscription>(), Subscription::SIZE);
}

#[test]
fn layout_matches_clang_on_a_hand_written_twin() {
    if !has_clang() {
        return;
    }
    if let Err(e) = clang_wasm32_check(&twin_asserts()) {
        panic!("clang lays the C twins out differently:\n{e}");
    }
}

#[test]
fn views_read_and_write_each_member() {
    let mut memory = [0xAAu8; 64];
    let at = 8;
    let mut s = Subscription::view_mut_at(&mut memory, at).unwrap();
    s.set_userdata(0x1122_3344_5566_7788);
    let mut u = s.u_mut();
    u.set_tag(0);
    let clock = SubscriptionClock { id: 1, timeout: 1_000_000, precision: 10, flags: 1 };
    u.u_mut().set_clock(clock);
    let v = Subscription::view_at(&memory, at).unwrap();
    assert_eq!(v.userdata(), 0x1122_3344_5566_7788);
    assert_eq!(v.u().u().clock().read().unwrap(), clock);
    assert_eq!(v.u().u().clock().timeout(), 1_000_000);
    // Another member over the same bytes: what a C reader would see.
    assert_eq!(v.u().u().fd_read().file_descriptor(), 1);

    // Setting a smaller member zeroes the rest of the union.
    let mut s = Subscription::view_mut_at(&mut memory, at).unwrap();
    s.u_mut().u_mut().set_fd_write(SubscriptionFdReadwrite { file_descriptor: 9 });
    let uu = at + Subscription::OFFSET_U + SubscriptionU::OFFSET_U;
    assert_eq!(memory[uu..uu + 4], 9u32.to_le_bytes());
    assert!(memory[uu + 4..uu + 32].iter().all(|&b| b == 0), "the union's tail is zeroed");
    assert_eq!(memory[..at], [0xAA; 8], "nothing before the view was touched");
    assert_eq!(memory[at + 48..], [0xAA; 8], "nothing after it");
}

#[test]
fn members_of_every_kind() {
    let mut bytes = [0u8; 16];
    let mut v = Value::view_mut(&mut bytes).unwrap();
    v.set_real(1.5);
    assert_eq!(v.real(), 1.5);
    assert_eq!(v.whole(), 0);
    v.bytes_mut().set(11, 7).unwrap();
    v.set_target(wasm_layout::WasmPtr::new(64));
    assert_eq!(bytes[..4], 64u32.to_le_bytes());
    assert_eq!(bytes[4..], [0; 12], "set_target zeroed the bytes after the pointer");
    bytes[0] = 2;
    let v = Value::view(&bytes).unwrap();
    assert_eq!(v.flag(), Err(LayoutError::InvalidBool { offset: 0, byte: 2 }));
    assert_eq!(v.bytes().get(0), Some(2));
    assert_eq!(v.as_bytes(), &bytes);
}

#[test]
fn errors_count_from_the_callers_slice() {
    let mut memory = [0u8; 100];
    memory[20 + 8 + 16] = 3; // Slots at 20: values[1].flag
    let slots = Slots::view_at(&memory, 20).unwrap();
    let second = slots.values().get(1).unwrap();
    assert_eq!(second.flag(), Err(LayoutError::InvalidBool { offset: 44, byte: 3 }));
    assert!(matches!(Value::view(&memory[..15]), Err(LayoutError::OutOfBounds { .. })));
    assert!(matches!(Slots::view_at(&memory, 61), Err(LayoutError::OutOfBounds { .. })));
}

#[test]
fn a_mutable_view_reads_its_own_members() {
    let mut bytes = [0u8; 40];
    let mut slots = Slots::view_mut(&mut bytes).unwrap();
    slots.set_count(2);
    slots.values_mut().get_mut(1).unwrap().set_whole(-5);
    assert_eq!(slots.as_view().values().get(1).unwrap().whole(), -5);
    assert_eq!(slots.values().get(0).unwrap().whole(), 0);
}

fn bindings() -> Bindings {
    Bindings::new().add::<Subscription>().add::<Slots>()
}

#[test]
fn c_header_is_clangs_layout_beside_the_twins() {
    if !has_clang() {
        return;
    }
    let header = bindings().c();
    assert!(header.contains("typedef union SubscriptionUU {"), "{header}");
    // The generated header and the twins in one translation unit: every
    // size, alignment and offset the header asserts, and the twins' equal.
    let mut source = format!("{header}\n{}", twin_asserts());
    for (ours, twin) in [
        ("SubscriptionUU", "twin_uu"),
        ("Subscription", "twin_subscription"),
        ("Value", "twin_value"),
        ("Slots", "twin_slots"),
    ] {
        source.push_str(&format!(
            "_Static_assert(sizeof({ours}) == sizeof({twin}) && _Alignof({ours}) == _Alignof({twin}), \"{ours}\");\n"
        ));
    }
    source.push_str("_Static_assert(offsetof(Value, ptr) == 0, \"renamed member\");\n");
    if let Err(e) = clang_wasm32_check(&source) {
        panic!("clang rejected the header:\n{e}\n{header}");
    }
}

#[test]
fn odin_raw_unions_check_on_the_wasm32_targets() {
    let Some(odin) = common::odin() else { return };
    let source = bindings().odin();
    assert!(source.contains("SubscriptionUU :: struct #raw_union {"), "{source}");
    let dir = common::scratch_dir("odin-unions");
    for target in common::ODIN_TARGETS {
        if let Err(e) = common::odin_check_source(&odin, &dir, &source, target) {
            panic!("odin rejected the unions on {target}:\n{e}\n{source}");
        }
    }
}

/// `Value` again, without the rename.
mod plain {
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy)]
    #[repr(C)]
    pub union Value {
        pub whole: i32,
        pub real: f64,
        pub bytes: [u8; 12],
        pub flag: bool,
        pub target: wasm_layout::WasmPtr<u32>,
    }
}

#[test]
fn fingerprints_cover_members() {
    assert_eq!((Value::SIZE, Value::LAYOUT.name), (plain::Value::SIZE, plain::Value::LAYOUT.name));
    assert_ne!(Value::FINGERPRINT, plain::Value::FINGERPRINT, "a member rename changes it");
    assert_ne!(SubscriptionUU::FINGERPRINT, SubscriptionClock::FINGERPRINT);
    assert_eq!(Value::FINGERPRINT, wasm_layout::fingerprint(Value::LAYOUT));
}
