// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Header {
//         pub tag: u8,
//         pub len: u32,
//         pub flags: u16,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Header HeaderRef[_] HeaderMut "Header"[] whole[()] [[u8; 12]] size 12
    align 4 option 16 repr[__wl::StructRepr::Natural] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); pad[1, 4; 10, 12;] layout["tag"
    0(__wl::LAYOUT_U8) __wasm_layout_none; "len" 4(__wl::LAYOUT_U32) __wasm_layout_none;
    "flags" 8(__wl::LAYOUT_U16) __wasm_layout_none;] scalars[pub tag tag OFFSET_TAG
    set_tag 0 u8, read_u8 write_u8; pub len len OFFSET_LEN set_len 4 u32, read_u32
    write_u32; pub flags flags OFFSET_FLAGS set_flags 8 u16, read_u16 write_u16;]
    checked[] others[] host[]
}
