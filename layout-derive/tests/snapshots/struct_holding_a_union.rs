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
    ::wasm_layout::__private::WasmLayout] whole[(Payload, ())] [< Event as
    ::wasm_layout::WasmLayout > ::Bytes] size __N align __A option __OPTION
    repr[__wl::StructRepr::Natural] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); rules[3; u8, Payload, [Payload; 2]; __O0 0
    __O1 1 __O2 2] validate[] [Payload = __O1, [Payload; 2] = __O2,] check[payload __O1
    check_write[&]; history __O2 check_write[&];] pad[0, __O0; __SHAPE.ends[0], __O1;
    __SHAPE.ends[1], __O2; __SHAPE.ends[2], __N;] layout["tag" __O0(__wl::LAYOUT_U8)
    __wasm_layout_none; "payload" __O1(< Payload as __wl::WasmLayout > ::LAYOUT)
    __wasm_layout_none; "history" __O2(< [Payload; 2] as __wl::WasmLayout > ::LAYOUT)
    __wasm_layout_none;] scalars[pub tag tag OFFSET_TAG set_tag __O0 u8, read_u8
    write_u8;] checked[] others[pub payload payload OFFSET_PAYLOAD OFFSET_PAYLOAD
    set_payload __O1 Payload, Payload, [at] [where for < '__w > Payload :
    ::wasm_layout::__private::WholeValue] __wl payload_mut encode[&]; pub history history
    OFFSET_HISTORY OFFSET_HISTORY set_history __O2[Payload; 2], [Payload; 2], [at] [where
    for < '__w > Payload : ::wasm_layout::__private::WholeValue] __wl history_mut
    encode[&];] host[]
}
