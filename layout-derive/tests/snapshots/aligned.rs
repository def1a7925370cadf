// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(align = 16, rename_all = "camelCase")]
//     pub struct Block {
//         pub byte_len: u32,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Block BlockRef[_] BlockMut "Block"[] whole[] [[u8; 16]] size 16 align 16
    repr[__wl::StructRepr::Aligned(16)] rename::core::option::Option::None,
    ::core::option::Option::Some(__wl::RenameRule::Camel); pad[4, 16;] fields[pub
    byte_len "byte_len" OFFSET_BYTE_LEN set_byte_len 0 u32, __wl::NONE, scalar read_u32
    write_u32 read_u32 LAYOUT_U32 u32;] host[]
}
