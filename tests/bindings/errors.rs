//! What cannot be generated is reported, naming the culprit.

use wasm_layout::codegen::{Lang, NameError};
use wasm_layout::{Bindings, BindingsError, WasmLayout, WasmPtr, WasmSlice};

mod one {
    #[derive(wasm_layout::WasmLayout)]
    pub struct Same {
        pub x: u32,
    }
}

mod two {
    #[derive(wasm_layout::WasmLayout)]
    pub struct Same {
        pub x: u16,
    }

    /// Generates the same code as `one::Same`, but its Rust name differs, so
    /// its fingerprint does too: still a conflict.
    #[derive(wasm_layout::WasmLayout)]
    #[layout(rename = "Same")]
    pub struct Twin {
        pub x: u32,
    }
}

#[derive(WasmLayout)]
struct Holder {
    a: one::Same,
    b: two::Same,
}

#[derive(WasmLayout)]
#[allow(non_camel_case_types)]
struct CWords {
    register: u32,
    default: u8,
}

#[derive(WasmLayout)]
struct Proto {
    constructor: u8,
}

#[derive(WasmLayout)]
struct OdinWords {
    context: u32,
}

#[derive(WasmLayout)]
struct Point {
    x: f32,
}

#[derive(WasmLayout)]
#[layout(rename = "PointView")]
struct Clash {
    y: f32,
}

#[test]
fn two_layouts_under_one_name_are_an_error() {
    let err = Bindings::new().add::<Holder>().types().unwrap_err();
    assert_eq!(err, BindingsError::NameConflict { name: "Same", first: "Same", second: "Same" });
    assert!(err.to_string().contains("rename"), "{err}");
    let err = Bindings::new().add::<one::Same>().add::<two::Same>().try_typescript().unwrap_err();
    assert!(matches!(err, BindingsError::NameConflict { name: "Same", .. }));
}

#[test]
fn one_type_reached_twice_is_declared_once() {
    let types =
        Bindings::new().add::<one::Same>().add::<[one::Same; 2]>().add::<one::Same>().types().unwrap();
    assert_eq!(types.len(), 1);
    let err = Bindings::new().add::<one::Same>().add::<two::Twin>().types().unwrap_err();
    assert_eq!(err, BindingsError::NameConflict { name: "Same", first: "Same", second: "Twin" });
    assert_ne!(one::Same::FINGERPRINT, two::Twin::FINGERPRINT);
}

#[test]
fn reserved_names_fail_only_in_their_language() {
    let b = Bindings::new().add::<CWords>();
    assert!(b.try_typescript().is_ok());
    assert!(b.try_odin().is_ok());
    let err = b.try_c().unwrap_err();
    assert!(
        matches!(&err, BindingsError::Name(NameError::Reserved { lang: Lang::C, name, .. }) if name == "register"),
        "{err}"
    );
    assert!(err.to_string().contains("field `register` of `CWords`"), "{err}");

    let err = Bindings::new().add::<Proto>().try_typescript().unwrap_err();
    assert!(matches!(&err, BindingsError::Name(NameError::Reserved { lang: Lang::TypeScript, .. })), "{err}");

    let err = Bindings::new().add::<OdinWords>().try_odin().unwrap_err();
    assert!(matches!(&err, BindingsError::Name(NameError::Reserved { lang: Lang::Odin, .. })), "{err}");
    assert!(err.to_string().contains("`context`"), "{err}");
}

#[derive(WasmLayout)]
#[layout(rename = "PointArray")]
struct ArrayClash {
    y: f32,
}

/// A field named like the view method of another field.
#[derive(WasmLayout)]
struct Linked {
    next: WasmPtr<Linked>,
    #[layout(rename = "nextView")]
    next_view: u32,
}

#[derive(WasmLayout)]
struct Listed {
    items: WasmSlice<u32>,
    #[layout(rename = "itemsView")]
    items_view: u32,
}

#[test]
fn struct_array_classes_and_view_methods_are_names_too() {
    let err = Bindings::new().add::<Point>().add::<ArrayClash>().try_typescript().unwrap_err();
    assert!(
        matches!(&err, BindingsError::Name(NameError::Clash { name, .. }) if name == "PointArray"),
        "{err}"
    );
    assert!(err.to_string().contains("the struct array class `PointArray` of struct `Point`"), "{err}");
    for err in [
        Bindings::new().add::<Linked>().try_typescript().unwrap_err(),
        Bindings::new().add::<Listed>().try_typescript().unwrap_err(),
    ] {
        assert!(
            matches!(&err, BindingsError::Name(NameError::Clash { lang: Lang::TypeScript, .. })),
            "{err}"
        );
        assert!(err.to_string().contains("the view method for"), "{err}");
    }
    // Only TypeScript has them.
    assert!(Bindings::new().add::<Linked>().add::<Listed>().try_c().is_ok());
    assert!(Bindings::new().add::<Point>().add::<ArrayClash>().try_c().is_ok());
}

#[test]
fn generated_names_may_not_collide() {
    let err = Bindings::new().add::<Point>().add::<Clash>().try_typescript().unwrap_err();
    assert_eq!(
        err,
        BindingsError::Name(NameError::Clash {
            lang: Lang::TypeScript,
            name: "PointView".into(),
            first: "the view class `PointView` of struct `Point`".into(),
            second: "struct `Clash`".into(),
        })
    );
    assert!(Bindings::new().add::<Point>().add::<Clash>().try_c().is_ok());
}

#[test]
fn odin_package_names_are_checked() {
    for bad in ["runtime", "_", "1abc", "a-b", "", "proc"] {
        let err = Bindings::new().add::<Point>().odin_package(bad).try_odin().unwrap_err();
        assert!(matches!(err, BindingsError::InvalidOdinPackage { .. }), "{bad}");
    }
    assert!(Bindings::new().odin_package("game_state").try_odin().is_ok());
}

#[test]
#[should_panic(expected = "two different layouts are named `Same`")]
fn the_string_methods_panic_with_the_error() {
    let _ = Bindings::new().add::<Holder>().c();
}

#[test]
fn clash_texts_name_both_items_and_the_language() {
    let err = Bindings::new().add::<Point>().add::<Clash>().try_typescript().unwrap_err().to_string();
    assert_eq!(
        err,
        "the view class `PointView` of struct `Point` and struct `Clash` would both be named `PointView` in \
         TypeScript; rename one with #[layout(rename = \"...\")]"
    );
    let err = Bindings::new().add::<CWords>().try_c().unwrap_err().to_string();
    assert_eq!(
        err,
        "field `register` of `CWords` would be named `register`, a reserved word in C; rename it with \
         #[layout(rename = \"...\")]"
    );
}
