// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Event {
//         pub tag: u8,
//         pub payload: Payload,
//         pub history: [Payload; 2],
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Event EventRef[at at] EventMut "Event"[where for < '__w > Payload :
    ::wasm_layout::__private::WasmLayout] whole[where for < '__w > Payload :
    ::wasm_layout::__private::WholeValue] [< Event as ::wasm_layout::WasmLayout >
    ::Bytes] size __N align __A repr[__wl::StructRepr::Natural]
    rename::core::option::Option::None, __wl::NONE_RULE; rules[3; u8, Payload, [Payload;
    2]; __O0 0 __O1 1 __O2 2] validate[] [Payload = __O1, [Payload; 2] = __O2,] pad[0,
    __O0; __SHAPE.ends[0], __O1; __SHAPE.ends[1], __O2; __SHAPE.ends[2], __N;] fields[pub
    tag "tag" OFFSET_TAG set_tag __O0 u8, __wl::NONE, scalar read_u8 write_u8 read_u8
    LAYOUT_U8 u8; pub payload "payload" OFFSET_PAYLOAD set_payload __O1 Payload,
    __wl::NONE, generic(Payload, [at] [where for < '__w > Payload :
    ::wasm_layout::__private::WholeValue] __wl payload_mut encode &); pub history
    "history" OFFSET_HISTORY set_history __O2[Payload; 2], __wl::NONE, generic([Payload;
    2], [at] [where for < '__w > Payload : ::wasm_layout::__private::WholeValue] __wl
    history_mut encode &);] host[]
}
