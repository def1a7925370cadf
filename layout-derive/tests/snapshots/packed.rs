// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(packed)]
//     struct Packet {
//         kind: u8,
//         len: u32,
//     }

::wasm_layout::__private::struct_layout! {
    struct Packet PacketRef[_] PacketMut "Packet"[] whole[] [[u8; 5]] size 5 align 1
    repr[__wl::StructRepr::Packed] rename::core::option::Option::None, __wl::NONE_RULE;
    pad[] fields[kind "kind" OFFSET_KIND set_kind 0 u8, __wl::NONE, scalar read_u8
    write_u8 read_u8 LAYOUT_U8 u8; len "len" OFFSET_LEN set_len 1 u32, __wl::NONE, scalar
    read_u32 write_u32 read_u32 LAYOUT_U32 u32;] host[]
}
