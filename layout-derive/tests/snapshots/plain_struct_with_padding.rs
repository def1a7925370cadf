// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Header {
//         pub tag: u8,
//         pub len: u32,
//         pub flags: u16,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Header HeaderRef[_] HeaderMut "Header"[] whole[] [[u8; 12]] size 12 align
    4 repr[__wl::StructRepr::Natural] rename::core::option::Option::None,
    __wl::NONE_RULE; pad[1, 4; 10, 12;] fields[pub tag "tag" OFFSET_TAG set_tag 0 u8,
    __wl::NONE, scalar read_u8 write_u8 read_u8 LAYOUT_U8 u8; pub len "len" OFFSET_LEN
    set_len 4 u32, __wl::NONE, scalar read_u32 write_u32 read_u32 LAYOUT_U32 u32; pub
    flags "flags" OFFSET_FLAGS set_flags 8 u16, __wl::NONE, scalar read_u16 write_u16
    read_u16 LAYOUT_U16 u16;] host[]
}
