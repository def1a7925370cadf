use wasm_layout::WasmLayout;

// Every attribute the derive accepts, on one struct and one enum, beside
// attributes of other derives.
#[derive(WasmLayout, Clone, Copy, PartialEq, Debug, Default)]
#[layout(align = 16, rename = "WireHeader", rename_all = "camelCase", crate = "::wasm_layout")]
#[repr(C, align(16))]
#[allow(dead_code)]
pub struct Header {
    /// Documented fields keep their docs.
    #[layout(rename = "kind")]
    pub tag: u8,
    pub(crate) body_len: u32,
    #[allow(unused)]
    checksum: u16,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(i16)]
#[layout(rename = "WireStatus")]
pub enum Status {
    #[layout(rename = "ok")]
    Ok = -1,
    Failed = 7,
    Retry,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[layout(packed)]
#[repr(C, packed)]
pub struct Packed {
    a: u8,
    b: u64,
    status: Status,
}

fn main() {
    assert_eq!((Header::SIZE, Header::ALIGN), (16, 16));
    assert_eq!((Packed::SIZE, Packed::ALIGN), (11, 1));
    assert_eq!(Header::LAYOUT.name, "Header");
    assert_eq!(Header::LAYOUT.field("body_len").unwrap().offset, 4);
    let mut bytes = [0u8; 11];
    Packed { a: 1, b: 2, status: Status::Retry }.write_to(&mut bytes).unwrap();
    assert_eq!(bytes[9..], 8i16.to_le_bytes());
}
