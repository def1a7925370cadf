// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(packed)]
//     struct Packet {
//         kind: u8,
//         len: u32,
//     }

::wasm_layout::__private::struct_layout! {
    struct Packet PacketRef[_] PacketMut "Packet"[] whole[()] [[u8; 5]] size 5 align 1
    option 6 repr[__wl::StructRepr::Packed] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); pad[] layout["kind" 0(__wl::LAYOUT_U8)
    __wasm_layout_none; "len" 1(__wl::LAYOUT_U32) __wasm_layout_none;] scalars[kind kind
    OFFSET_KIND set_kind 0 u8, read_u8 write_u8; len len OFFSET_LEN set_len 1 u32,
    read_u32 write_u32;] checked[] others[] host[]
}
