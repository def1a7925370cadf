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
    bytes: &'a [u8; 12],
}
///A mutable view of a [`Header`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
pub struct HeaderMut<'a> {
    bytes: &'a mut [u8; 12],
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    impl Header {
        ///Offset of `tag` in bytes, in the wasm32 layout.
        pub const OFFSET_TAG: usize = 0;
        ///Offset of `len` in bytes, in the wasm32 layout.
        pub const OFFSET_LEN: usize = 4;
        ///Offset of `flags` in bytes, in the wasm32 layout.
        pub const OFFSET_FLAGS: usize = 8;
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Header {
        const SIZE: usize = 12;
        const ALIGN: usize = 4;
        const NAME: &'static str = "Header";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Header",
            size: 12,
            align: 4,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "tag",
                        offset: 0,
                        ty: __wl::LAYOUT_U8,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "len",
                        offset: 4,
                        ty: __wl::LAYOUT_U32,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "flags",
                        offset: 8,
                        ty: __wl::LAYOUT_U16,
                        rename: __wl::NONE,
                    },
                ],
                repr: __wl::StructRepr::Natural,
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::None,
            }),
        };
        type Bytes = [u8; 12];
        type Ref<'a> = HeaderRef<'a>;
        type Mut<'a> = HeaderMut<'a>;
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Header {
                tag: __wl::read_u8(bytes, 0),
                len: __wl::read_u32(bytes, 4),
                flags: __wl::read_u16(bytes, 8),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::write_u8(bytes, 0, self.tag);
            __wl::zero_range(bytes, 1, 4);
            __wl::write_u32(bytes, 4, self.len);
            __wl::write_u16(bytes, 8, self.flags);
            __wl::zero_range(bytes, 10, 12);
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
    impl<'a> HeaderRef<'a> {
        ///`tag`, read from its wasm32 offset.
        #[inline(always)]
        pub fn tag(self) -> u8 {
            __wl::read_u8(self.bytes, 0)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn len(self) -> u32 {
            __wl::read_u32(self.bytes, 4)
        }
        ///`flags`, read from its wasm32 offset.
        #[inline(always)]
        pub fn flags(self) -> u16 {
            __wl::read_u16(self.bytes, 8)
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
    impl<'a> HeaderMut<'a> {
        ///`tag`, read from its wasm32 offset.
        #[inline(always)]
        pub fn tag(&self) -> u8 {
            __wl::read_u8(self.bytes, 0)
        }
        ///Overwrites `tag`.
        #[inline(always)]
        pub fn set_tag(&mut self, value: u8) {
            __wl::write_u8(self.bytes, 0, value)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn len(&self) -> u32 {
            __wl::read_u32(self.bytes, 4)
        }
        ///Overwrites `len`.
        #[inline(always)]
        pub fn set_len(&mut self, value: u32) {
            __wl::write_u32(self.bytes, 4, value)
        }
        ///`flags`, read from its wasm32 offset.
        #[inline(always)]
        pub fn flags(&self) -> u16 {
            __wl::read_u16(self.bytes, 8)
        }
        ///Overwrites `flags`.
        #[inline(always)]
        pub fn set_flags(&mut self, value: u16) {
            __wl::write_u16(self.bytes, 8, value)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for HeaderMut<'a> {
        type Target = Header;
        #[inline(always)]
        fn __bytes(&self) -> &[u8; 12] {
            self.bytes
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut [u8; 12] {
            self.bytes
        }
    }
};
