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

fn main() {
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
