use wasm_layout::WasmLayout;

// Raw identifiers keep their Rust spelling for the getter and lose the `r#`
// everywhere a plain name is needed: the setter, the offset constant and the
// descriptor.
#[repr(u8)]
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
enum Kind {
    A = 1,
    B = 4,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Token {
    r#type: Kind,
    r#match: u32,
}

// The same with only field types the derive lays out itself (literal
// offsets).
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Pair {
    r#loop: u16,
    r#ref: [u8; 2],
}

fn main() {
    let mut pair = [0u8; 4];
    let mut p = Pair::view_mut(&mut pair).unwrap();
    p.set_loop(513);
    p.ref_mut().set(1, 9).unwrap();
    assert_eq!((p.r#loop(), Pair::OFFSET_REF), (513, 2));
    assert_eq!(Pair::read_from(&pair).unwrap(), Pair { r#loop: 513, r#ref: [0, 9] });

    let mut bytes = [0u8; 8];
    let mut view = Token::view_mut(&mut bytes).unwrap();
    view.set_type(Kind::A);
    view.set_match(7);
    assert_eq!(view.r#type(), Ok(Kind::A));
    // Fields that are not scalars also have a `<field>_mut` view.
    view.type_mut().set(Kind::B);
    assert_eq!(view.type_mut().get(), Ok(Kind::B));
    assert_eq!(Token::OFFSET_MATCH, 4);
    assert_eq!(Token::LAYOUT.field("type").unwrap().offset, 0);
    assert_eq!(Token::read_from(&bytes).unwrap(), Token { r#type: Kind::B, r#match: 7 });
}
