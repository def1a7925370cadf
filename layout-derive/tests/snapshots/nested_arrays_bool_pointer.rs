// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Node {
//         pub origin: Point,
//         pub corners: [[f32; 2]; 4],
//         pub visible: bool,
//         pub next: WasmPtr<Self>,
//     }

///A read-only view of a [`Node`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.
#[allow(dead_code)]
pub struct NodeRef<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a <Node as ::wasm_layout::WasmLayout>::Bytes,
}
///A mutable view of a [`Node`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
pub struct NodeMut<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a mut <Node as ::wasm_layout::WasmLayout>::Bytes,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const __SHAPE: __wl::StructShape<4> = __wl::StructShape::<
        4,
    >::new(
        [
            __wl::shape::<Point>(),
            __wl::shape::<[[f32; 2]; 4]>(),
            __wl::shape::<bool>(),
            __wl::shape::<WasmPtr<Node>>(),
        ],
        __wl::StructRepr::Natural,
    );
    const __N: usize = __SHAPE.size;
    const __O0: usize = __SHAPE.offsets[0];
    const __O1: usize = __SHAPE.offsets[1];
    const __O3: usize = __SHAPE.offsets[3];
    impl Node
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///Offset of `origin` in bytes, in the wasm32 layout.
        pub const OFFSET_ORIGIN: usize = __SHAPE.offsets[0];
        ///Offset of `corners` in bytes, in the wasm32 layout.
        pub const OFFSET_CORNERS: usize = __SHAPE.offsets[1];
        ///Offset of `visible` in bytes, in the wasm32 layout.
        pub const OFFSET_VISIBLE: usize = __SHAPE.offsets[2];
        ///Offset of `next` in bytes, in the wasm32 layout.
        pub const OFFSET_NEXT: usize = __SHAPE.offsets[3];
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Node
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        const SIZE: usize = __SHAPE.size;
        const ALIGN: usize = __SHAPE.align;
        const NAME: &'static str = "Node";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Node",
            size: __SHAPE.size,
            align: __SHAPE.align,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "origin",
                        offset: __SHAPE.offsets[0],
                        ty: <Point as __wl::WasmLayout>::LAYOUT,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "corners",
                        offset: __SHAPE.offsets[1],
                        ty: <[[f32; 2]; 4] as __wl::WasmLayout>::LAYOUT,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "visible",
                        offset: __SHAPE.offsets[2],
                        ty: __wl::LAYOUT_BOOL,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "next",
                        offset: __SHAPE.offsets[3],
                        ty: <WasmPtr<Node> as __wl::WasmLayout>::LAYOUT,
                        rename: __wl::NONE,
                    },
                ],
                repr: __wl::StructRepr::Natural,
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::None,
            }),
        };
        type Bytes = [u8; __SHAPE.size];
        type Ref<'a> = NodeRef<'a>;
        type Mut<'a> = NodeMut<'a>;
        #[inline]
        fn __validate(
            bytes: &Self::Bytes,
        ) -> ::core::result::Result<(), __wl::LayoutError> {
            __wl::validate::<Point, __O0, __N>(bytes)?;
            __wl::validate::<[[f32; 2]; 4], __O1, __N>(bytes)?;
            __wl::validate_bool(bytes, Node::OFFSET_VISIBLE)?;
            __wl::validate::<WasmPtr<Node>, __O3, __N>(bytes)?;
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Node {
                origin: __wl::decode::<Point, __O0, __N>(bytes),
                corners: __wl::decode::<[[f32; 2]; 4], __O1, __N>(bytes),
                visible: __wl::read_bool(bytes, Node::OFFSET_VISIBLE),
                next: __wl::decode::<WasmPtr<Node>, __O3, __N>(bytes),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::zero_range(bytes, 0, Node::OFFSET_ORIGIN);
            __wl::encode::<Point, __O0, __N>(&self.origin, bytes);
            __wl::zero_range(bytes, __SHAPE.ends[0], Node::OFFSET_CORNERS);
            __wl::encode::<[[f32; 2]; 4], __O1, __N>(&self.corners, bytes);
            __wl::zero_range(bytes, __SHAPE.ends[1], Node::OFFSET_VISIBLE);
            __wl::write_bool(bytes, Node::OFFSET_VISIBLE, self.visible);
            __wl::zero_range(bytes, __SHAPE.ends[2], Node::OFFSET_NEXT);
            __wl::encode::<WasmPtr<Node>, __O3, __N>(&self.next, bytes);
            __wl::zero_range(bytes, __SHAPE.ends[3], __SHAPE.size);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> NodeRef<'_> {
            NodeRef { bytes }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> NodeMut<'_> {
            NodeMut { bytes }
        }
    }
    impl<'a> NodeRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///`origin`, read from its wasm32 offset.
        #[inline(always)]
        pub fn origin(self) -> <Point as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<Point, __O0, __N>(self.bytes)
        }
        ///`corners`, read from its wasm32 offset.
        #[inline(always)]
        pub fn corners(self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<[[f32; 2]; 4], __O1, __N>(self.bytes)
        }
        ///`visible`, read from its wasm32 offset.
        #[inline(always)]
        pub fn visible(self) -> ::core::result::Result<bool, __wl::LayoutError> {
            __wl::get_bool(self.bytes, Node::OFFSET_VISIBLE)
        }
        ///`next`, read from its wasm32 offset.
        #[inline(always)]
        pub fn next(self) -> <WasmPtr<Node> as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<WasmPtr<Node>, __O3, __N>(self.bytes)
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for NodeRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for NodeRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for NodeRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Node;
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
    }
    impl<'a> NodeMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///`origin`, read from its wasm32 offset.
        #[inline(always)]
        pub fn origin(&self) -> <Point as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<Point, __O0, __N>(self.bytes)
        }
        ///A mutable view of `origin`.
        #[inline(always)]
        pub fn origin_mut(&mut self) -> <Point as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<Point, __O0, __N>(self.bytes)
        }
        ///Overwrites `origin`.
        #[inline(always)]
        pub fn set_origin(&mut self, value: Point) {
            __wl::encode::<Point, __O0, __N>(&value, self.bytes)
        }
        ///`corners`, read from its wasm32 offset.
        #[inline(always)]
        pub fn corners(&self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<[[f32; 2]; 4], __O1, __N>(self.bytes)
        }
        ///A mutable view of `corners`.
        #[inline(always)]
        pub fn corners_mut(&mut self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<[[f32; 2]; 4], __O1, __N>(self.bytes)
        }
        ///Overwrites `corners`.
        #[inline(always)]
        pub fn set_corners(&mut self, value: [[f32; 2]; 4]) {
            __wl::encode::<[[f32; 2]; 4], __O1, __N>(&value, self.bytes)
        }
        ///`visible`, read from its wasm32 offset.
        #[inline(always)]
        pub fn visible(&self) -> ::core::result::Result<bool, __wl::LayoutError> {
            __wl::get_bool(self.bytes, Node::OFFSET_VISIBLE)
        }
        ///Overwrites `visible`.
        #[inline(always)]
        pub fn set_visible(&mut self, value: bool) {
            __wl::write_bool(self.bytes, Node::OFFSET_VISIBLE, value)
        }
        ///`next`, read from its wasm32 offset.
        #[inline(always)]
        pub fn next(&self) -> <WasmPtr<Node> as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<WasmPtr<Node>, __O3, __N>(self.bytes)
        }
        ///A mutable view of `next`.
        #[inline(always)]
        pub fn next_mut(&mut self) -> <WasmPtr<Node> as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<WasmPtr<Node>, __O3, __N>(self.bytes)
        }
        ///Overwrites `next`.
        #[inline(always)]
        pub fn set_next(&mut self, value: WasmPtr<Node>) {
            __wl::encode::<WasmPtr<Node>, __O3, __N>(&value, self.bytes)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for NodeMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Node;
        #[inline(always)]
        fn __bytes(&self) -> &<Node as ::wasm_layout::WasmLayout>::Bytes {
            self.bytes
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut <Node as ::wasm_layout::WasmLayout>::Bytes {
            self.bytes
        }
    }
};
