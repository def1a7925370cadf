// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(transparent)]
//     pub struct EntityId(pub u32);

::wasm_layout::__private::struct_layout! {
    pub struct EntityId EntityIdRef[_] EntityIdMut "EntityId"[] whole[()] [[u8; 4]] size
    4 align 4 option 8 repr[__wl::StructRepr::Natural] rename __wl::NONE,
    __wl::NONE_RULE, __wasm_layout_none, ""(__wl::NO_DOCS); pad[] layout["0"
    0(__wl::LAYOUT_U32) __wasm_layout_none;] scalars[pub _0 0 OFFSET_0 set_0 0 u32,
    read_u32 write_u32;] checked[] others[] host[]
}
