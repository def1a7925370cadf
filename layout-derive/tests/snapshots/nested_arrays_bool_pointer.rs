// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Node {
//         pub origin: Point,
//         pub corners: [[f32; 2]; 4],
//         pub visible: bool,
//         pub next: WasmPtr<Self>,
//     }

::wasm_layout::__private::struct_layout! {
    pub struct Node NodeRef[at at] NodeMut "Node"[where for < '__w > Point :
    ::wasm_layout::__private::WasmLayout] whole[(Point, ())] [< Node as
    ::wasm_layout::WasmLayout > ::Bytes] size __N align __A option __OPTION
    repr[__wl::StructRepr::Natural] rename __wl::NONE, __wl::NONE_RULE,
    __wasm_layout_none, ""(__wl::NO_DOCS); rules[4; Point, [[f32; 2]; 4], bool, WasmPtr <
    Node >; __O0 0 __O1 1 __O2 2 __O3 3] validate[__O2] [Point = __O0, [[f32; 2]; 4] =
    __O1, WasmPtr < Node > = __O3,] check[origin __O0 check_write[&]; corners __O1
    check_write[&]; next __O3 check_write[&];] pad[0, __O0; __SHAPE.ends[0], __O1;
    __SHAPE.ends[1], __O2; __SHAPE.ends[2], __O3; __SHAPE.ends[3], __N;] layout["origin"
    __O0(< Point as __wl::WasmLayout > ::LAYOUT) __wasm_layout_none; "corners" __O1(<
    [[f32; 2]; 4] as __wl::WasmLayout > ::LAYOUT) __wasm_layout_none; "visible"
    __O2(__wl::LAYOUT_BOOL) __wasm_layout_none; "next" __O3(< WasmPtr < Node > as
    __wl::WasmLayout > ::LAYOUT) __wasm_layout_none;] scalars[] checked[pub visible
    visible OFFSET_VISIBLE set_visible __O2 bool, read_bool write_bool get_bool;]
    others[pub origin origin OFFSET_ORIGIN OFFSET_ORIGIN set_origin __O0 Point, Point,
    [at] [where for < '__w > Point : ::wasm_layout::__private::WholeValue] __wl
    origin_mut encode[&]; pub corners corners OFFSET_CORNERS OFFSET_CORNERS set_corners
    __O1[[f32; 2]; 4], [[f32; 2]; 4], [at] [] __wl corners_mut encode[&]; pub next next
    OFFSET_NEXT OFFSET_NEXT set_next __O3 WasmPtr < Node >, WasmPtr < Node >, [at] []
    __wl next_mut encode[&];] host[]
}
