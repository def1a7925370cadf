use wasm_layout::WasmLayout;

// Raw identifiers keep their Rust spelling for the getter and lose the `r#`
// everywhere a plain name is needed: the setter, the offset constant and the
// descriptor.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct Token {
    r#type: u8,
    r#match: u32,
}

fn main() {
    let mut bytes = [0u8; 8];
    let mut view = Token::view_mut(&mut bytes).unwrap();
    view.set_type(3);
    view.set_match(7);
    assert_eq!(view.r#type(), 3);
    view.type_mut().set(4);
    assert_eq!(view.type_mut().get(), 4);
    assert_eq!(Token::OFFSET_MATCH, 4);
    assert_eq!(Token::LAYOUT.field("type").unwrap().offset, 0);
    assert_eq!(Token::read_from(&bytes).unwrap(), Token { r#type: 4, r#match: 7 });
}
