// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C)]
//     pub struct Vertex {
//         pub position: [f32; 3],
//         pub color: u32,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Vertex VertexRef[_] VertexMut "Vertex"[] whole[()] [[u8; 16]] size 16
    align 4 option 20 repr[__wl::StructRepr::Natural] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); pad[] layout["position" 0(< [f32; 3] as
    __wl::WasmLayout > ::LAYOUT) __wasm_layout_none; "color" 12(__wl::LAYOUT_U32)
    __wasm_layout_none;] scalars[pub color color OFFSET_COLOR set_color 12 u32, read_u32
    write_u32;] checked[] others[pub position position OFFSET_POSITION OFFSET_POSITION
    set_position 0[f32; 3], [::core::primitive::f32; 3], [] [] __wl position_mut
    encode[&];] host[const _ : () = { ::core::assert!(::core::mem::offset_of!(Vertex,
    position) == 0, ::core::concat!("wasm-layout: `", "Vertex",
    "` is #[repr(C)] but field `", "position",
    "` is at a different offset on this host than on wasm32; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::offset_of!(Vertex, color) == 12,
    ::core::concat!("wasm-layout: `", "Vertex", "` is #[repr(C)] but field `", "color",
    "` is at a different offset on this host than on wasm32; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::size_of:: < Vertex > () == 16,
    ::core::concat!("wasm-layout: `", "Vertex",
    "` is #[repr(C)] but its size on this host is not its wasm32 size; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    ::core::assert!(::core::mem::align_of:: < Vertex > () == 4,
    ::core::concat!("wasm-layout: `", "Vertex",
    "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; ",
    "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"));
    }; #[automatically_derived] impl __wl::HostLayout for Vertex {}]
}
