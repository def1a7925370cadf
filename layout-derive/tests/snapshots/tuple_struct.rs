// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C)]
//     pub struct Pair(pub u32, bool, pub Inner);

::wasm_layout::__private::struct_layout! {
    pub struct Pair PairRef[at at] PairMut "Pair"[where for < '__w > Inner :
    ::wasm_layout::__private::WasmLayout] whole[(Inner, ())] [< Pair as
    ::wasm_layout::WasmLayout > ::Bytes] size __N align __A option __OPTION
    repr[__wl::StructRepr::Natural] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); rules[3; u32, bool, Inner; __O0 0 __O1 1 __O2
    2] validate[__O1] [Inner = __O2,] check[2 __O2 check_write[&];] pad[0, __O0; __SHAPE
    .ends[0], __O1; __SHAPE.ends[1], __O2; __SHAPE.ends[2], __N;] layout["0"
    __O0(__wl::LAYOUT_U32) __wasm_layout_none; "1" __O1(__wl::LAYOUT_BOOL)
    __wasm_layout_none; "2" __O2(< Inner as __wl::WasmLayout > ::LAYOUT)
    __wasm_layout_none;] scalars[pub _0 0 OFFSET_0 set_0 __O0 u32, read_u32 write_u32;]
    checked[_1 1 OFFSET_1 set_1 __O1 bool, read_bool write_bool get_bool;] others[pub _2
    2 OFFSET_2 OFFSET_2 set_2 __O2 Inner, Inner, [at] [where for < '__w > Inner :
    ::wasm_layout::__private::WholeValue] __wl _2_mut encode[&];] host[const _ : () = {
    ::core::assert!(::core::mem::offset_of!(Pair, 0) == __O0,
    ::core::concat!("wasm-layout: `", "Pair", "` is #[repr(C)] but field `", "0",
    "` is at a different offset on this host than on wasm32; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::offset_of!(Pair, 1) == __O1,
    ::core::concat!("wasm-layout: `", "Pair", "` is #[repr(C)] but field `", "1",
    "` is at a different offset on this host than on wasm32; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::offset_of!(Pair, 2) == __O2,
    ::core::concat!("wasm-layout: `", "Pair", "` is #[repr(C)] but field `", "2",
    "` is at a different offset on this host than on wasm32; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::size_of:: < Pair > () == __N,
    ::core::concat!("wasm-layout: `", "Pair",
    "` is #[repr(C)] but its size on this host is not its wasm32 size; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::align_of:: < Pair > () == __A,
    ::core::concat!("wasm-layout: `", "Pair",
    "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    }; #[automatically_derived] impl __wl::HostLayout for Pair where for < '__w > Inner :
    ::wasm_layout::__private::WasmLayout {}]
}
