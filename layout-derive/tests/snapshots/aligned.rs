// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(align = 16, rename_all = "camelCase")]
//     pub struct Block {
//         pub byte_len: u32,
//     }

///A read-only view of a [`Block`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.
#[allow(dead_code)]
pub struct BlockRef<'a> {
    bytes: &'a [u8; 16],
}
///A mutable view of a [`Block`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
pub struct BlockMut<'a> {
    bytes: &'a mut [u8; 16],
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    impl Block {
        ///Offset of `byte_len` in bytes, in the wasm32 layout.
        pub const OFFSET_BYTE_LEN: usize = 0;
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Block {
        const SIZE: usize = 16;
        const ALIGN: usize = 16;
        const NAME: &'static str = "Block";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Block",
            size: 16,
            align: 16,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "byte_len",
                        offset: 0,
                        ty: __wl::LAYOUT_U32,
                        rename: __wl::NONE,
                    },
                ],
                repr: __wl::StructRepr::Aligned(16),
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::Some(__wl::RenameRule::Camel),
            }),
        };
        type Bytes = [u8; 16];
        type Ref<'a> = BlockRef<'a>;
        type Mut<'a> = BlockMut<'a>;
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Block {
                byte_len: __wl::read_u32(bytes, 0),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::write_u32(bytes, 0, self.byte_len);
            __wl::zero_range(bytes, 4, 16);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> BlockRef<'_> {
            BlockRef { bytes }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> BlockMut<'_> {
            BlockMut { bytes }
        }
    }
    impl<'a> BlockRef<'a> {
        ///`byte_len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn byte_len(self) -> u32 {
            __wl::read_u32(self.bytes, 0)
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for BlockRef<'a> {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for BlockRef<'a> {}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for BlockRef<'a> {
        type Target = Block;
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
    }
    impl<'a> BlockMut<'a> {
        ///`byte_len`, read from its wasm32 offset.
        #[inline(always)]
        pub fn byte_len(&self) -> u32 {
            __wl::read_u32(self.bytes, 0)
        }
        ///Overwrites `byte_len`.
        #[inline(always)]
        pub fn set_byte_len(&mut self, value: u32) {
            __wl::write_u32(self.bytes, 0, value)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for BlockMut<'a> {
        type Target = Block;
        #[inline(always)]
        fn __bytes(&self) -> &[u8; 16] {
            self.bytes
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut [u8; 16] {
            self.bytes
        }
    }
};
