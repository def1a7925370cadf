// The derive used inside `macro_rules!`: field types written with `$crate`
// paths and a macro-built field name keep their tokens (and hygiene).

pub mod inner {
    use wasm_layout::WasmLayout;

    #[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
    pub struct Inner {
        pub a: u16,
        pub b: bool,
    }
}

macro_rules! holder {
    ($name:ident, $field:ident) => {
        #[derive(wasm_layout::WasmLayout, Clone, Copy, PartialEq, Debug)]
        pub struct $name {
            pub i: $crate::inner::Inner,
            pub $field: [$crate::inner::Inner; 2],
            pub n: u32,
        }
    };
}

holder!(Holder, pair);

fn main() {
    use wasm_layout::WasmLayout;
    let inner = inner::Inner { a: 7, b: true };
    let h = Holder { i: inner, pair: [inner, inner::Inner { a: 9, b: false }], n: 3 };
    let mut bytes = [0u8; 16];
    h.write_to(&mut bytes).unwrap();
    assert_eq!(Holder::read_from(&bytes).unwrap(), h);
    let v = Holder::view(&bytes).unwrap();
    assert_eq!(v.i().a(), 7);
    assert_eq!(v.pair().get(1).unwrap().a(), 9);
    assert_eq!(Holder::OFFSET_PAIR, 4);
}
