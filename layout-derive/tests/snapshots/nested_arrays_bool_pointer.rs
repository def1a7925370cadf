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
///A mutable view of a [`Node`] in its wasm32 layout: getters, `<field>_mut` views and `set_<field>` setters.
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
    const __SHAPE: __wl::StructShape<4> = __wl::StructShape::new(
        [
            __wl::shape::<Point>(),
            __wl::shape::<[[f32; 2]; 4]>(),
            __wl::shape::<bool>(),
            __wl::shape::<WasmPtr<Node>>(),
        ],
        __wl::StructRepr::Natural,
    );
    #[automatically_derived]
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
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "corners",
                        offset: __SHAPE.offsets[1],
                        ty: <[[f32; 2]; 4] as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "visible",
                        offset: __SHAPE.offsets[2],
                        ty: <bool as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "next",
                        offset: __SHAPE.offsets[3],
                        ty: <WasmPtr<Node> as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
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
            __wl::validate::<Point, { __SHAPE.offsets[0] }, { __SHAPE.size }>(bytes)?;
            __wl::validate::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(bytes)?;
            __wl::validate::<bool, { __SHAPE.offsets[2] }, { __SHAPE.size }>(bytes)?;
            __wl::validate::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(bytes)?;
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Node {
                origin: __wl::decode::<
                    Point,
                    { __SHAPE.offsets[0] },
                    { __SHAPE.size },
                >(bytes),
                corners: __wl::decode::<
                    [[f32; 2]; 4],
                    { __SHAPE.offsets[1] },
                    { __SHAPE.size },
                >(bytes),
                visible: __wl::decode::<
                    bool,
                    { __SHAPE.offsets[2] },
                    { __SHAPE.size },
                >(bytes),
                next: __wl::decode::<
                    WasmPtr<Node>,
                    { __SHAPE.offsets[3] },
                    { __SHAPE.size },
                >(bytes),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::zero::<0, { __SHAPE.offsets[0] }, { __SHAPE.size }>(bytes);
            __wl::encode::<
                Point,
                { __SHAPE.offsets[0] },
                { __SHAPE.size },
            >(&self.origin, bytes);
            __wl::zero::<
                { __SHAPE.ends[0] },
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(bytes);
            __wl::encode::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(&self.corners, bytes);
            __wl::zero::<
                { __SHAPE.ends[1] },
                { __SHAPE.offsets[2] },
                { __SHAPE.size },
            >(bytes);
            __wl::encode::<
                bool,
                { __SHAPE.offsets[2] },
                { __SHAPE.size },
            >(&self.visible, bytes);
            __wl::zero::<
                { __SHAPE.ends[2] },
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(bytes);
            __wl::encode::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(&self.next, bytes);
            __wl::zero::<{ __SHAPE.ends[3] }, { __SHAPE.size }, { __SHAPE.size }>(bytes);
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
    #[automatically_derived]
    impl<'a> NodeRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///`origin`, read from its wasm32 offset.
        #[inline(always)]
        pub fn origin(&self) -> <Point as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<Point, { __SHAPE.offsets[0] }, { __SHAPE.size }>(self.bytes)
        }
        ///`corners`, read from its wasm32 offset.
        #[inline(always)]
        pub fn corners(&self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(self.bytes)
        }
        ///`visible`, read from its wasm32 offset.
        #[inline(always)]
        pub fn visible(&self) -> ::core::result::Result<bool, __wl::LayoutError> {
            __wl::get::<bool, { __SHAPE.offsets[2] }, { __SHAPE.size }>(self.bytes)
        }
        ///`next`, read from its wasm32 offset.
        #[inline(always)]
        pub fn next(&self) -> <WasmPtr<Node> as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(self.bytes)
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
    #[automatically_derived]
    impl<'a> NodeMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///`origin`, read from its wasm32 offset.
        #[inline(always)]
        pub fn origin(&self) -> <Point as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<Point, { __SHAPE.offsets[0] }, { __SHAPE.size }>(self.bytes)
        }
        ///A mutable view of `origin`.
        #[inline(always)]
        pub fn origin_mut(&mut self) -> <Point as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<Point, { __SHAPE.offsets[0] }, { __SHAPE.size }>(self.bytes)
        }
        ///Overwrites `origin`.
        #[inline(always)]
        pub fn set_origin(&mut self, value: Point) {
            __wl::encode::<
                Point,
                { __SHAPE.offsets[0] },
                { __SHAPE.size },
            >(&value, self.bytes)
        }
        ///`corners`, read from its wasm32 offset.
        #[inline(always)]
        pub fn corners(&self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(self.bytes)
        }
        ///A mutable view of `corners`.
        #[inline(always)]
        pub fn corners_mut(&mut self) -> <[[f32; 2]; 4] as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(self.bytes)
        }
        ///Overwrites `corners`.
        #[inline(always)]
        pub fn set_corners(&mut self, value: [[f32; 2]; 4]) {
            __wl::encode::<
                [[f32; 2]; 4],
                { __SHAPE.offsets[1] },
                { __SHAPE.size },
            >(&value, self.bytes)
        }
        ///`visible`, read from its wasm32 offset.
        #[inline(always)]
        pub fn visible(&self) -> ::core::result::Result<bool, __wl::LayoutError> {
            __wl::get::<bool, { __SHAPE.offsets[2] }, { __SHAPE.size }>(self.bytes)
        }
        ///A mutable view of `visible`.
        #[inline(always)]
        pub fn visible_mut(&mut self) -> <bool as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<bool, { __SHAPE.offsets[2] }, { __SHAPE.size }>(self.bytes)
        }
        ///Overwrites `visible`.
        #[inline(always)]
        pub fn set_visible(&mut self, value: bool) {
            __wl::encode::<
                bool,
                { __SHAPE.offsets[2] },
                { __SHAPE.size },
            >(&value, self.bytes)
        }
        ///`next`, read from its wasm32 offset.
        #[inline(always)]
        pub fn next(&self) -> <WasmPtr<Node> as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(self.bytes)
        }
        ///A mutable view of `next`.
        #[inline(always)]
        pub fn next_mut(&mut self) -> <WasmPtr<Node> as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(self.bytes)
        }
        ///Overwrites `next`.
        #[inline(always)]
        pub fn set_next(&mut self, value: WasmPtr<Node>) {
            __wl::encode::<
                WasmPtr<Node>,
                { __SHAPE.offsets[3] },
                { __SHAPE.size },
            >(&value, self.bytes)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for NodeMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Node;
        #[inline(always)]
        fn as_bytes(&self) -> &[u8] {
            self.bytes
        }
        #[inline(always)]
        fn as_view(&self) -> NodeRef<'_> {
            NodeRef { bytes: self.bytes }
        }
        #[inline]
        fn write(&mut self, value: &Node) {
            <Node as __wl::WasmLayout>::__encode(value, self.bytes)
        }
    }
};
