//! Tuple structs and newtypes in every language: the `tuples` golden files
//! (TypeScript, C, Odin), clang's and Odin's wasm32 layout of them (with
//! hand-written C twins and negative controls), native C and Odin programs
//! reading the bytes Rust wrote (`tuples_readers.rs`), and `tuples.json`, values Rust wrote and the errors
//! Rust reports on bad bytes, for the generated TypeScript to agree with in
//! Node. Tuple fields are `_0`, `_1`, … everywhere; a newtype is an alias
//! of its field's type (`type EntityId = number`, `typedef uint32_t
//! EntityId;`, `EntityId :: distinct u32`).

use wasm_layout::{Bindings, WasmLayout, WasmPtr, WasmSlice};

use crate::common::{clang_wasm32_check, has_clang, odin, odin_check_source, scratch_dir, ODIN_TARGETS};

/// An entity's number.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct EntityId(pub u32);

/// A newtype of an array.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Hash(pub [u8; 6]);

/// A newtype of a bool: its bytes may be invalid.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(transparent)]
pub struct Alive(pub bool);

/// A tuple struct.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Duo(pub u32, pub f32);

/// A newtype of a tuple struct.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Where(pub Duo);

/// Padding, a newtype field, a bool and a u64.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Mix(pub u8, pub EntityId, pub Alive, pub u64);

/// A packed one-field tuple struct: alignment 1, so not its field's
/// layout, and a struct with member `_0` in every language.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
#[layout(packed)]
pub struct Unaligned(pub u32);

/// Newtypes and tuple structs as fields.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct World {
    pub flag: u8,
    pub id: EntityId,
    pub ids: [EntityId; 3],
    pub hash: Hash,
    pub pair: Duo,
    pub at: Where,
    pub mix: Mix,
    pub loose: Unaligned,
    pub alive: Alive,
    pub next: WasmPtr<EntityId>,
}

/// A tuple struct with a pointer: in TypeScript its view has the method
/// `view0()`. (No slice: the Odin reader compiles the package natively,
/// where a slice is pointer-sized.)
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Link(
    /// The pair it points to.
    pub WasmPtr<Duo>,
    /// Its weight.
    pub u16,
);

/// A newtype of a slice: its TypeScript view has the method `view0()`.
#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
pub struct Numbers(pub WasmSlice<u16>);

/// The types of the `tuples` golden files.
pub fn bindings() -> Bindings {
    Bindings::new().add::<World>().add::<Link>()
}

/// Values Rust writes for the TypeScript to read back.
pub fn worlds() -> Vec<World> {
    let base = World {
        flag: 1,
        id: EntityId(7),
        ids: [EntityId(1), EntityId(2), EntityId(u32::MAX)],
        hash: Hash([1, 2, 3, 4, 5, 6]),
        pair: Duo(9, 2.5),
        at: Where(Duo(10, -1.25)),
        mix: Mix(3, EntityId(4), Alive(true), u64::MAX),
        loose: Unaligned(0x0102_0304),
        alive: Alive(false),
        next: WasmPtr::new(64),
    };
    let zero = World {
        flag: 0,
        id: EntityId(0),
        ids: [EntityId(0); 3],
        hash: Hash([0; 6]),
        pair: Duo(0, 0.0),
        at: Where(Duo(0, 0.0)),
        mix: Mix(0, EntityId(0), Alive(false), 0),
        loose: Unaligned(0),
        alive: Alive(true),
        next: WasmPtr::new(0),
    };
    vec![base, zero]
}

/// Where the TypeScript test places a value in its memory.
const PTR: usize = 8;

/// Offset of `world.<field>` plus `inner`.
pub fn at(field: &str, inner: usize) -> usize {
    World::LAYOUT.field(field).unwrap().offset + inner
}

/// Bad bytes: a written world with an invalid bool, and Rust's error.
pub fn bad() -> Vec<(Vec<u8>, String)> {
    let mut bytes = vec![0u8; World::SIZE];
    worlds()[0].write_to(&mut bytes).unwrap();
    [(at("mix", Mix::OFFSET_2), 2u8), (at("alive", 0), 0xFF)]
        .into_iter()
        .map(|(offset, byte)| {
            let mut b = bytes.clone();
            b[offset] = byte;
            let mut memory = vec![0xFFu8; PTR];
            memory.extend_from_slice(&b);
            let e = World::read_at(&memory, PTR).expect_err("bad bytes");
            (b, e.to_string())
        })
        .collect()
}

/// `tuples.json`: `{ "size", "values": [{ "hex", "value" }], "bad": [{ "hex", "error" }] }`.
pub fn json() -> String {
    crate::json::fixtures(&worlds(), &bad())
}

#[test]
fn rust_reads_back_what_it_wrote() {
    for w in worlds() {
        let mut bytes = vec![0xA5u8; World::SIZE];
        w.write_to(&mut bytes).unwrap();
        assert_eq!(World::read_from(&bytes), Ok(w));
    }
    assert_eq!(bad().len(), 2);
}

#[test]
fn newtypes_are_aliases_and_tuple_structs_are_typescript_tuples() {
    let b = bindings();
    let (ts, c, odin) = (b.typescript(), b.c(), b.odin());
    for alias in [
        "export type EntityId = number;",
        "export type Hash = [number, number, number, number, number, number];",
        "export type Where = Duo;",
    ] {
        assert!(ts.contains(alias), "{alias}\n{ts}");
    }
    assert!(ts.contains("export type Duo = [number, number];"), "{ts}");
    assert!(ts.contains("export type Unaligned = [number];"), "a packed one is a tuple");
    assert!(ts.contains("offsets: {\n    0: 0,\n    1: 4,\n  },"), "{ts}");
    for alias in [
        "typedef uint32_t EntityId;",
        "typedef uint8_t Hash[6];",
        "typedef bool Alive;",
        "typedef Duo Where;",
    ] {
        assert!(c.contains(alias), "{alias}\n{c}");
    }
    assert!(c.contains("offsetof(Duo, _1) == 4"), "{c}");
    for alias in [
        "EntityId :: distinct u32",
        "Hash :: distinct [6]u8",
        "Alive :: distinct bool",
        "Where :: distinct Duo",
    ] {
        assert!(odin.contains(alias), "{alias}\n{odin}");
    }
    assert!(odin.contains("#assert(offset_of(Duo, _1) == 4)"), "{odin}");
}

#[test]
fn a_tuple_structs_pointer_and_slice_fields_have_view_methods_by_index() {
    let ts = bindings().add::<Numbers>().typescript();
    for text in [
        "export type Link = [\n  /** The pair it points to. */\n  number,\n  /** Its weight. */\n  number,\n];",
        "view0(): DuoView {",
        "deref(m, this[0], 8, \"Duo\")",
        "export type Numbers = WasmSlice;",
        "view0(): LiveArray<number, number, Uint16Array> {",
        "const s = this[0];",
    ] {
        assert!(ts.contains(text), "{text}\n{ts}");
    }
}

mod renamed {
    use wasm_layout::WasmLayout;

    /// A tuple struct with a renamed field: an object in TypeScript, its
    /// other field keyed `0`.
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Half(pub u8, #[layout(rename = "weight")] pub f32);

    /// A renamed field named like the view method of field `0`.
    #[derive(WasmLayout, Clone, Copy)]
    pub struct Clash(pub wasm_layout::WasmPtr<Half>, #[layout(rename = "view0")] pub u8);
}

#[test]
fn a_renamed_tuple_field_makes_an_object_with_keys_0_and_its_name() {
    let ts = Bindings::new().add::<renamed::Half>().typescript();
    for text in
        ["export interface Half {\n  0: number;\n  weight: number;\n}", "value[0]", "value.weight", "get 0()"]
    {
        assert!(ts.contains(text), "{text}\n{ts}");
    }
    let e = Bindings::new().add::<renamed::Clash>().try_typescript().expect_err("view0 twice").to_string();
    assert!(e.contains("`view0`") && e.contains("pointer field `0` of `Clash`"), "{e}");
}

#[test]
fn a_newtype_has_its_own_fingerprint() {
    assert_ne!(EntityId::FINGERPRINT, u32::FINGERPRINT, "a newtype is not its field's type");
    mod changed {
        /// The same newtype over another field type.
        #[derive(wasm_layout::WasmLayout, Clone, Copy)]
        pub struct EntityId(pub i32);
    }
    assert_ne!(EntityId::FINGERPRINT, changed::EntityId::FINGERPRINT, "a changed newtype");
    let b = bindings();
    let fp = EntityId::FINGERPRINT;
    assert!(b.typescript().contains(&format!("export const EntityIdFingerprint = 0x{fp:016x}n;")));
    assert!(b.c().contains(&format!("#define EntityId_FINGERPRINT UINT64_C(0x{fp:016x})")));
    assert!(b.odin().contains(&format!("EntityId_FINGERPRINT : u64 : 0x{fp:016x}")));
}

#[test]
fn clang_lays_out_the_header_as_rust_does() {
    if !has_clang() {
        return;
    }
    let header = bindings().c();
    if let Err(e) = crate::c::clang_strict(&header, false) {
        panic!("clang -std=c11 -pedantic rejected the header:\n{e}\n{header}");
    }
    // Hand-written C twins, as a C programmer would declare the same data.
    let twin = format!(
        "{header}\n\
         struct DuoTwin {{ uint32_t a; float b; }};\n\
         struct MixTwin {{ uint8_t a; uint32_t id; bool alive; uint64_t big; }};\n\
         struct __attribute__((packed)) UnalignedTwin {{ uint32_t v; }};\n\
         struct WorldTwin {{ uint8_t flag; uint32_t id; uint32_t ids[3]; uint8_t hash[6]; struct DuoTwin pair;\n\
             struct DuoTwin at; struct MixTwin mix; struct UnalignedTwin loose; bool alive; uint32_t *next; }};\n\
         _Static_assert(sizeof(struct WorldTwin) == {}, \"size\");\n\
         _Static_assert(_Alignof(struct WorldTwin) == {}, \"align\");\n\
         _Static_assert(offsetof(struct WorldTwin, hash) == {}, \"hash\");\n\
         _Static_assert(offsetof(struct WorldTwin, mix.big) == {}, \"mix.3\");\n\
         _Static_assert(offsetof(struct WorldTwin, loose) == {}, \"loose\");\n\
         _Static_assert(offsetof(struct WorldTwin, alive) == {}, \"alive\");\n\
         _Static_assert(sizeof(World) == sizeof(struct WorldTwin), \"World\");\n\
         _Static_assert(sizeof(EntityId) == 4 && _Alignof(Hash) == 1, \"aliases\");\n",
        World::SIZE,
        World::ALIGN,
        at("hash", 0),
        at("mix", Mix::OFFSET_3),
        at("loose", 0),
        at("alive", 0),
    );
    if let Err(e) = clang_wasm32_check(&twin) {
        panic!("clang disagrees:\n{e}");
    }
    let right = format!("offsetof(World, at) == {}", at("at", 0));
    let wrong = header.replacen(&right, &format!("offsetof(World, at) == {}", at("at", 1)), 1);
    assert_ne!(wrong, header);
    assert!(clang_wasm32_check(&wrong).is_err(), "clang accepted a wrong offset");
}

#[test]
fn odin_lays_out_the_file_as_rust_does() {
    let Some(odin) = odin() else { return };
    let source = bindings().odin();
    let dir = scratch_dir("tuples-odin-ok");
    for target in ODIN_TARGETS {
        if let Err(e) = odin_check_source(&odin, &dir, &source, target) {
            panic!("odin check -target:{target} rejected the generated file:\n{e}\n{source}");
        }
    }
    let right = format!("#assert(offset_of(World, at) == {})", at("at", 0));
    let wrong = source.replacen(&right, &format!("#assert(offset_of(World, at) == {})", at("at", 1)), 1);
    assert_ne!(wrong, source);
    let dir = scratch_dir("tuples-odin-wrong");
    assert!(odin_check_source(&odin, &dir, &wrong, ODIN_TARGETS[0]).is_err(), "odin accepted a wrong offset");
}

mod clash {
    use wasm_layout::WasmLayout;

    /// Named like the C and Odin member of a tuple struct's field `0`.
    #[derive(WasmLayout, Clone, Copy)]
    #[layout(rename = "_1")]
    pub struct One {
        pub x: u8,
    }

    #[derive(WasmLayout, Clone, Copy)]
    pub struct Holder(pub u8, pub One);
}

#[test]
fn tuple_field_names_are_checked_for_clashes() {
    let b = Bindings::new().add::<clash::Holder>();
    for e in [b.try_c().expect_err("C"), b.try_odin().expect_err("Odin")] {
        let e = e.to_string();
        assert!(e.contains("`_1`") && e.contains("field `1` of `Holder`"), "{e}");
    }
}
