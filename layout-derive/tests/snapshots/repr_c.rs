// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C)]
//     pub struct Vertex {
//         pub position: [f32; 3],
//         pub color: u32,
//     }

///A read-only view of a [`Vertex`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.
#[allow(dead_code)]
pub struct VertexRef<'a> {
    bytes: &'a [u8; 16],
}
///A mutable view of a [`Vertex`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
pub struct VertexMut<'a> {
    bytes: &'a mut [u8; 16],
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const _: () = {
        __wl::expect_shape::<[f32; 3]>(12, 4, true);
    };
    impl Vertex {
        ///Offset of `position` in bytes, in the wasm32 layout.
        pub const OFFSET_POSITION: usize = 0;
        ///Offset of `color` in bytes, in the wasm32 layout.
        pub const OFFSET_COLOR: usize = 12;
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Vertex {
        const SIZE: usize = 16;
        const ALIGN: usize = 4;
        const NAME: &'static str = "Vertex";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Vertex",
            size: 16,
            align: 4,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "position",
                        offset: 0,
                        ty: <[f32; 3] as __wl::WasmLayout>::LAYOUT,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "color",
                        offset: 12,
                        ty: __wl::LAYOUT_U32,
                        rename: __wl::NONE,
                    },
                ],
                repr: __wl::StructRepr::Natural,
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::None,
            }),
        };
        type Bytes = [u8; 16];
        type Ref<'a> = VertexRef<'a>;
        type Mut<'a> = VertexMut<'a>;
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Vertex {
                position: __wl::decode::<[f32; 3], 0, 16>(bytes),
                color: __wl::read_u32(bytes, 12),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::encode::<[f32; 3], 0, 16>(&self.position, bytes);
            __wl::write_u32(bytes, 12, self.color);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> VertexRef<'_> {
            VertexRef { bytes }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> VertexMut<'_> {
            VertexMut { bytes }
        }
    }
    impl<'a> VertexRef<'a> {
        ///`position`, read from its wasm32 offset.
        #[inline(always)]
        pub fn position(self) -> <[f32; 3] as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<[f32; 3], 0, 16>(self.bytes)
        }
        ///`color`, read from its wasm32 offset.
        #[inline(always)]
        pub fn color(self) -> u32 {
            __wl::read_u32(self.bytes, 12)
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for VertexRef<'a> {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for VertexRef<'a> {}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for VertexRef<'a> {
        type Target = Vertex;
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
    }
    impl<'a> VertexMut<'a> {
        ///`position`, read from its wasm32 offset.
        #[inline(always)]
        pub fn position(&self) -> <[f32; 3] as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<[f32; 3], 0, 16>(self.bytes)
        }
        ///A mutable view of `position`.
        #[inline(always)]
        pub fn position_mut(&mut self) -> <[f32; 3] as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<[f32; 3], 0, 16>(self.bytes)
        }
        ///Overwrites `position`.
        #[inline(always)]
        pub fn set_position(&mut self, value: [f32; 3]) {
            __wl::encode::<[f32; 3], 0, 16>(&value, self.bytes)
        }
        ///`color`, read from its wasm32 offset.
        #[inline(always)]
        pub fn color(&self) -> u32 {
            __wl::read_u32(self.bytes, 12)
        }
        ///Overwrites `color`.
        #[inline(always)]
        pub fn set_color(&mut self, value: u32) {
            __wl::write_u32(self.bytes, 12, value)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for VertexMut<'a> {
        type Target = Vertex;
        #[inline(always)]
        fn __bytes(&self) -> &[u8; 16] {
            self.bytes
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut [u8; 16] {
            self.bytes
        }
    }
    const _: () = {
        ::core::assert!(
            ::core::mem::offset_of!(Vertex, position) == 0,
            "wasm-layout: `Vertex` is #[repr(C)] but field `position` is at a different offset on this host than on wasm32; give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"
        );
        ::core::assert!(
            ::core::mem::offset_of!(Vertex, color) == 12,
            "wasm-layout: `Vertex` is #[repr(C)] but field `color` is at a different offset on this host than on wasm32; give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"
        );
        ::core::assert!(
            ::core::mem::size_of:: < Vertex > () == 16,
            "wasm-layout: `Vertex` is #[repr(C)] but its size on this host is not its wasm32 size; give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"
        );
        ::core::assert!(
            ::core::mem::align_of:: < Vertex > () == 4,
            "wasm-layout: `Vertex` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]"
        );
    };
    #[automatically_derived]
    impl __wl::HostLayout for Vertex {}
};
