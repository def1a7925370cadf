// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(align = 16, rename_all = "camelCase")]
//     pub struct Block {
//         pub byte_len: u32,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Block BlockRef[_] BlockMut "Block"[] whole[()] [[u8; 16]] size 16 align 16
    option 32 repr[__wl::StructRepr::Aligned(16)] rename __wl::NONE,
    ::core::option::Option::Some(__wl::RenameRule::Camel), __wasm_layout_none,
    ""(__wl::NO_DOCS); pad[4, 16;] layout["byte_len" 0(__wl::LAYOUT_U32)
    __wasm_layout_none;] scalars[pub byte_len byte_len OFFSET_BYTE_LEN set_byte_len 0
    u32, read_u32 write_u32;] checked[] others[] host[]
}
