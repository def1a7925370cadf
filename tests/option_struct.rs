//! `Option<S>` where `S` derives `WasmLayout` (a struct, or a union): the
//! tagged form, `#[repr(C, u8)] enum { None, Some(S) }`: a `u8` tag at 0
//! (0 `None`, 1 `Some`, anything else `InvalidDiscriminant`), `S` at its
//! own alignment, the payload zeroed for `None`. Checked against clang's
//! wasm32 layout of a C twin, round trips, bad tags and short slices; the
//! bindings are in the golden corpus (`tests/bindings/corpus.rs`).

mod common;

use wasm_layout::{LayoutError, OptionRepr, TypeKind, ViewMut, ViewRef, WasmLayout, WasmPtr};

use common::{clang_wasm32_check, has_clang};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub id: u16,
    pub weight: f64,
    pub alive: bool,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Small {
    pub a: u8,
    pub b: u16,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct Packed {
    pub a: u8,
    pub b: u32,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Player {
    pub score: u32,
    pub target: Option<Target>,
    pub home: Option<Small>,
    pub tail: [Option<Packed>; 2],
    pub next: Option<WasmPtr<Player>>,
}

#[derive(WasmLayout, Clone, Copy)]
#[repr(C)]
pub union Value {
    pub whole: u32,
    pub real: f64,
}

/// The C twins and clang's layout of each.
const C_TWINS: &str = r#"
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
typedef struct { uint16_t id; double weight; bool alive; } twin_target;
typedef struct { uint8_t a; uint16_t b; } twin_small;
typedef struct __attribute__((packed)) { uint8_t a; uint32_t b; } twin_packed;
typedef union { uint32_t whole; double real; } twin_value;
typedef struct { uint8_t tag; twin_target some; } twin_opt_target;
typedef struct { uint8_t tag; twin_small some; } twin_opt_small;
typedef struct { uint8_t tag; twin_packed some; } twin_opt_packed;
typedef struct { uint8_t tag; twin_value some; } twin_opt_value;
typedef struct {
    uint32_t score;
    twin_opt_target target;
    twin_opt_small home;
    twin_opt_packed tail[2];
    uint32_t next;
} twin_player;
"#;

fn twin_asserts() -> String {
    let mut s = String::from(C_TWINS);
    let mut assert = |what: String, value: usize| {
        s.push_str(&format!("_Static_assert({what} == {value}, \"{what}\");\n"));
    };
    for (twin, size, align) in [
        ("twin_opt_target", <Option<Target>>::SIZE, <Option<Target>>::ALIGN),
        ("twin_opt_small", <Option<Small>>::SIZE, <Option<Small>>::ALIGN),
        ("twin_opt_packed", <Option<Packed>>::SIZE, <Option<Packed>>::ALIGN),
        ("twin_opt_value", <Option<Value>>::SIZE, <Option<Value>>::ALIGN),
        ("twin_player", Player::SIZE, Player::ALIGN),
    ] {
        assert(format!("sizeof({twin})"), size);
        assert(format!("_Alignof({twin})"), align);
    }
    for (twin, payload) in [
        ("twin_opt_target", Target::ALIGN),
        ("twin_opt_small", Small::ALIGN),
        ("twin_opt_packed", Packed::ALIGN),
        ("twin_opt_value", Value::ALIGN),
    ] {
        assert(format!("offsetof({twin}, some)"), payload);
    }
    for (field, offset) in [
        ("target", Player::OFFSET_TARGET),
        ("home", Player::OFFSET_HOME),
        ("tail", Player::OFFSET_TAIL),
        ("next", Player::OFFSET_NEXT),
    ] {
        assert(format!("offsetof(twin_player, {field})"), offset);
    }
    s
}

#[test]
fn layout_is_clangs() {
    // The payload sits at the struct's alignment, the size is a multiple of it.
    assert_eq!((<Option<Target>>::SIZE, <Option<Target>>::ALIGN), (32, 8));
    assert_eq!((<Option<Small>>::SIZE, <Option<Small>>::ALIGN), (6, 2));
    assert_eq!((<Option<Packed>>::SIZE, <Option<Packed>>::ALIGN), (6, 1));
    assert_eq!((<Option<Value>>::SIZE, <Option<Value>>::ALIGN), (16, 8));
    let TypeKind::Option(o) = <Option<Target>>::LAYOUT.kind else { panic!("an option") };
    assert_eq!(o.repr, OptionRepr::Tagged { payload: 8 });
    assert_eq!(o.some.name, "Target");
    assert_eq!((Player::OFFSET_TARGET, Player::OFFSET_HOME, Player::OFFSET_TAIL), (8, 40, 46));
    assert_eq!((Player::OFFSET_NEXT, Player::SIZE), (60, 64));
    if !has_clang() {
        return;
    }
    if let Err(e) = clang_wasm32_check(&twin_asserts()) {
        panic!("clang's wasm32 layout differs:\n{e}");
    }
}

fn player() -> Player {
    Player {
        score: 7,
        target: Some(Target { id: 0x0102, weight: -0.5, alive: true }),
        home: None,
        tail: [Some(Packed { a: 9, b: 0x0A0B_0C0D }), None],
        next: Some(WasmPtr::new(64)),
    }
}

/// `player()`'s bytes, written out by hand.
fn player_bytes() -> Vec<u8> {
    let mut b = vec![0u8; 64];
    b[0] = 7;
    b[8] = 1; // target: Some
    b[16..18].copy_from_slice(&0x0102u16.to_le_bytes());
    b[24..32].copy_from_slice(&(-0.5f64).to_le_bytes());
    b[32] = 1; // alive
               // home: None, all zero at 40..46
    b[46] = 1; // tail[0]: Some
    b[47] = 9;
    b[48..52].copy_from_slice(&0x0A0B_0C0Du32.to_le_bytes());
    // tail[1]: None, all zero at 52..58
    b[60] = 64;
    b
}

#[test]
fn round_trips_match_a_hand_written_encoding_and_zero_the_payload() {
    for p in [player(), Player { target: None, home: Some(Small { a: 1, b: 2 }), ..player() }] {
        let mut bytes = vec![0xEEu8; Player::SIZE];
        p.write_to(&mut bytes).unwrap();
        assert_eq!(Player::read_from(&bytes), Ok(p));
        assert_eq!(Player::view(&bytes).unwrap().read(), Ok(p));
    }
    let mut bytes = vec![0xEEu8; Player::SIZE];
    player().write_to(&mut bytes).unwrap();
    assert_eq!(bytes, player_bytes(), "tag 1, payload at its alignment, None and padding zero");

    // Alone: `None` zeroes every byte, `Some` writes tag 1 and the payload.
    let mut bytes = [0xEEu8; 32];
    None::<Target>.write_to(&mut bytes).unwrap();
    assert_eq!(bytes, [0u8; 32]);
    Some(Small { a: 3, b: 0x0405 }).write_to(&mut bytes).unwrap();
    assert_eq!(bytes[..6], [1, 0, 3, 0, 5, 4]);
}

#[test]
fn getters_give_an_option_of_the_structs_view() {
    let bytes = player_bytes();
    let v = Player::view(&bytes).unwrap();
    let target = v.target().unwrap().unwrap();
    assert_eq!((target.id(), target.weight(), target.alive()), (0x0102, -0.5, Ok(true)));
    assert_eq!(target.read(), Ok(player().target.unwrap()));
    assert!(matches!(v.home(), Ok(None)));
    assert_eq!(v.tail().get(0).map(|o| o.map(|p| p.map(|p| p.b()))), Some(Ok(Some(0x0A0B_0C0D))));

    // A view at an offset reports errors from the start of the memory.
    let mut memory = vec![0u8; 100];
    memory[20..84].copy_from_slice(&bytes);
    memory[20 + 32] = 5; // target.alive
    let v = Player::view_at(&memory, 20).unwrap();
    let e = LayoutError::InvalidBool { offset: 52, byte: 5 };
    assert_eq!(v.target().unwrap().unwrap().alive(), Err(e));
    assert_eq!(Player::read_at(&memory, 20), Err(e));

    // Setters and mutable views.
    let mut bytes = vec![0xEEu8; Player::SIZE];
    let mut m = Player::view_mut(&mut bytes).unwrap();
    m.write(&player());
    m.set_target(None);
    m.set_home(Some(Small { a: 1, b: 2 }));
    let expected = Player { target: None, home: Some(Small { a: 1, b: 2 }), ..player() };
    assert_eq!(Player::read_from(&bytes), Ok(expected));
    assert!(bytes[8..40].iter().all(|&b| b == 0), "None zeroes the payload");
}

#[test]
fn other_tags_are_rejected_at_their_absolute_offset() {
    let mut memory = vec![0u8; 100];
    memory[20..84].copy_from_slice(&player_bytes());
    for tag in 2..=255u8 {
        memory[20 + 8] = tag;
        let e = LayoutError::InvalidDiscriminant { type_name: "Option", offset: 28, value: tag.into() };
        assert_eq!(Player::read_at(&memory, 20), Err(e));
        assert_eq!(Player::view_at(&memory, 20).unwrap().target().err(), Some(e));
        assert_eq!(<Option<Target>>::read_at(&memory, 28), Err(e));
        assert_eq!(<Option<Target>>::view_at(&memory, 28).unwrap().err(), Some(e));
    }
    // A packed payload in an array: the element's tag.
    memory[28] = 1;
    memory[20 + 52] = 2;
    let e = LayoutError::InvalidDiscriminant { type_name: "Option", offset: 72, value: 2 };
    assert_eq!(Player::read_at(&memory, 20), Err(e));
    assert_eq!(Player::view_at(&memory, 20).unwrap().tail().get(1).map(|o| o.err()), Some(Some(e)));
}

#[test]
fn short_slices_are_out_of_bounds_and_nothing_is_written() {
    fn check<T: WasmLayout + wasm_layout::WholeValue + Copy>(value: T) {
        for len in 0..T::SIZE {
            let mut bytes = vec![0x5Au8; len];
            let e = LayoutError::OutOfBounds { offset: 0, needed: T::SIZE, available: len };
            assert_eq!(T::read_from(&bytes).err(), Some(e));
            assert_eq!(value.write_to(&mut bytes), Err(e));
            assert!(T::view(&bytes).is_err());
            assert!(bytes.iter().all(|&b| b == 0x5A));
        }
    }
    check(player().target);
    check(None::<Small>);
    check(Some(Packed { a: 1, b: 2 }));
    check(player());
}

#[test]
fn some_null_inside_is_an_error_and_writes_nothing() {
    let e = Err(LayoutError::NullPointer { type_name: "Player" });
    let bad = Player { next: Some(WasmPtr::null()), ..player() };
    let mut memory = vec![0xABu8; 200];
    assert_eq!(bad.write_to(&mut memory), e);
    assert_eq!(Some(bad).write_at(&mut memory, 8), e);
    assert_eq!([player(), bad].write_to(&mut memory), e);
    assert!(memory.iter().all(|&b| b == 0xAB));
}

#[test]
fn an_option_of_a_union_has_views_only() {
    // `Option<Value>` is no `WholeValue` (no `read_from`: see
    // `tests/ui/union-option-read-from.rs`); its view gives the union's.
    let mut bytes = [0u8; 16];
    bytes[0] = 1;
    bytes[8..].copy_from_slice(&2.5f64.to_le_bytes());
    let v = <Option<Value>>::view(&bytes).unwrap().unwrap().unwrap();
    assert_eq!(v.real(), 2.5);
    bytes[0] = 3;
    let e = LayoutError::InvalidDiscriminant { type_name: "Option", offset: 0, value: 3 };
    assert_eq!(<Option<Value>>::view(&bytes).unwrap().err(), Some(e));
}
