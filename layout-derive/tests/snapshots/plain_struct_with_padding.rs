// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     pub struct Header {
//         pub tag: u8,
//         pub len: u32,
//         pub flags: u16,
//     }

///A read-only view of a [`Header`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.
#[allow(dead_code)]
pub struct HeaderRef<'a> {
    bytes: &'a <Header as ::wasm_layout::WasmLayout>::Bytes,
}
///A mutable view of a [`Header`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
pub struct HeaderMut<'a> {
    bytes: &'a mut <Header as ::wasm_layout::WasmLayout>::Bytes,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const __SHAPE: __wl::StructShape<3> = __wl::StructShape::new(
        [__wl::shape::<u8>(), __wl::shape::<u32>(), __wl::shape::<u16>()],
        __wl::StructRepr::Natural,
    );
    #[automatically_derived]
    impl Header {
        ///Offset of `tag` in bytes, in the wasm32 layout.
        pub const OFFSET_TAG: usize = __SHAPE.offsets[0];
        ///Offset of `len` in bytes, in the wasm32 layout.
        pub const OFFSET_LEN: usize = __SHAPE.offsets[1];
        ///Offset of `flags` in bytes, in the wasm32 layout.
        pub const OFFSET_FLAGS: usize = __SHAPE.offsets[2];
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Header {
        const SIZE: usize = __SHAPE.size;
        const ALIGN: usize = __SHAPE.align;
        const NAME: &'static str = "Header";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Header",
            size: __SHAPE.size,
            align: __SHAPE.align,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "tag",
                        offset: __SHAPE.offsets[0],
                        ty: <u8 as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "len",
                        offset: __SHAPE.offsets[1],
                        ty: <u32 as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "flags",
                        offset: __SHAPE.offsets[2],
                        ty: <u16 as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                ],
                repr: __wl::StructRepr::Natural,
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::None,
            }),
        };
        type Bytes = [u8; __SHAPE.size];
        type Ref<'a> = HeaderRef<'a>;
        type Mut<'a> = HeaderMut<'a>;
        #[inline]
        fn __validate(
            bytes: &Self::Bytes,
        ) -> ::core::result::Result<(), __wl::LayoutError> {
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Header {
                tag: __wl::read_u8(bytes, Header::OFFSET_TAG),
                len: __wl::read_u32(bytes, Header::OFFSET_LEN),
                flags: __wl::read_u16(bytes, Header::OFFSET_FLAGS),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::zero_range(bytes, 0, Header::OFFSET_TAG);
            __wl::write_u8(bytes, Header::OFFSET_TAG, self.tag);
            __wl::zero_range(bytes, __SHAPE.ends[0], Header::OFFSET_LEN);
            __wl::write_u32(bytes, Header::OFFSET_LEN, self.len);
            __wl::zero_range(bytes, __SHAPE.ends[1], Header::OFFSET_FLAGS);
            __wl::write_u16(bytes, Header::OFFSET_FLAGS, self.flags);
            __wl::zero_range(bytes, __SHAPE.ends[2], __SHAPE.size);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> HeaderRef<'_> {
            HeaderRef { bytes }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> HeaderMut<'_> {
            HeaderMut { bytes }
        }
    }
    #[automatically_derived]
    impl<'a> HeaderRef<'a> {
        ///`tag`, read from its wasm32 offset.
        #[inline(always)]
        pub fn tag(&self) -> u8 {
            __wl::read_u8(self.bytes, Header::OFFSET_TAG)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn len(&self) -> u32 {
            __wl::read_u32(self.bytes, Header::OFFSET_LEN)
        }
        ///`flags`, read from its wasm32 offset.
        #[inline(always)]
        pub fn flags(&self) -> u16 {
            __wl::read_u16(self.bytes, Header::OFFSET_FLAGS)
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for HeaderRef<'a> {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for HeaderRef<'a> {}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for HeaderRef<'a> {
        type Target = Header;
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
    }
    #[automatically_derived]
    impl<'a> HeaderMut<'a> {
        ///`tag`, read from its wasm32 offset.
        #[inline(always)]
        pub fn tag(&self) -> u8 {
            __wl::read_u8(self.bytes, Header::OFFSET_TAG)
        }
        ///Overwrites `tag`.
        #[inline(always)]
        pub fn set_tag(&mut self, value: u8) {
            __wl::write_u8(self.bytes, Header::OFFSET_TAG, value)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn len(&self) -> u32 {
            __wl::read_u32(self.bytes, Header::OFFSET_LEN)
        }
        ///Overwrites `len`.
        #[inline(always)]
        pub fn set_len(&mut self, value: u32) {
            __wl::write_u32(self.bytes, Header::OFFSET_LEN, value)
        }
        ///`flags`, read from its wasm32 offset.
        #[inline(always)]
        pub fn flags(&self) -> u16 {
            __wl::read_u16(self.bytes, Header::OFFSET_FLAGS)
        }
        ///Overwrites `flags`.
        #[inline(always)]
        pub fn set_flags(&mut self, value: u16) {
            __wl::write_u16(self.bytes, Header::OFFSET_FLAGS, value)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for HeaderMut<'a> {
        type Target = Header;
        #[inline(always)]
        fn as_bytes(&self) -> &[u8] {
            self.bytes
        }
        #[inline(always)]
        fn as_view(&self) -> HeaderRef<'_> {
            HeaderRef { bytes: self.bytes }
        }
        #[inline]
        fn write(&mut self, value: &Header) {
            <Header as __wl::WasmLayout>::__encode(value, self.bytes)
        }
    }
};
