// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[layout(packed)]
//     struct Packet {
//         kind: u8,
//         len: u32,
//     }

///A read-only view of a [`Packet`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.
#[allow(dead_code)]
struct PacketRef<'a> {
    bytes: &'a [u8; 5],
}
///A mutable view of a [`Packet`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.
#[allow(dead_code)]
struct PacketMut<'a> {
    bytes: &'a mut [u8; 5],
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    impl Packet {
        ///Offset of `kind` in bytes, in the wasm32 layout.
        const OFFSET_KIND: usize = 0;
        ///Offset of `len` in bytes, in the wasm32 layout.
        const OFFSET_LEN: usize = 1;
    }
    #[automatically_derived]
    impl __wl::WasmLayout for Packet {
        const SIZE: usize = 5;
        const ALIGN: usize = 1;
        const NAME: &'static str = "Packet";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Packet",
            size: 5,
            align: 1,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "kind",
                        offset: 0,
                        ty: __wl::LAYOUT_U8,
                        rename: __wl::NONE,
                    },
                    __wl::FieldLayout {
                        name: "len",
                        offset: 1,
                        ty: __wl::LAYOUT_U32,
                        rename: __wl::NONE,
                    },
                ],
                repr: __wl::StructRepr::Packed,
                rename: ::core::option::Option::None,
                rename_all: ::core::option::Option::None,
            }),
        };
        type Bytes = [u8; 5];
        type Ref<'a> = PacketRef<'a>;
        type Mut<'a> = PacketMut<'a>;
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Packet {
                kind: __wl::read_u8(bytes, 0),
                len: __wl::read_u32(bytes, 1),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::write_u8(bytes, 0, self.kind);
            __wl::write_u32(bytes, 1, self.len);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> PacketRef<'_> {
            PacketRef { bytes }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> PacketMut<'_> {
            PacketMut { bytes }
        }
    }
    impl<'a> PacketRef<'a> {
        ///`kind`, read from its wasm32 offset.
        #[inline(always)]
        fn kind(self) -> u8 {
            __wl::read_u8(self.bytes, 0)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        fn len(self) -> u32 {
            __wl::read_u32(self.bytes, 1)
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for PacketRef<'a> {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for PacketRef<'a> {}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for PacketRef<'a> {
        type Target = Packet;
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
    }
    impl<'a> PacketMut<'a> {
        ///`kind`, read from its wasm32 offset.
        #[inline(always)]
        fn kind(&self) -> u8 {
            __wl::read_u8(self.bytes, 0)
        }
        ///Overwrites `kind`.
        #[inline(always)]
        fn set_kind(&mut self, value: u8) {
            __wl::write_u8(self.bytes, 0, value)
        }
        ///`len`, read from its wasm32 offset.
        #[inline(always)]
        fn len(&self) -> u32 {
            __wl::read_u32(self.bytes, 1)
        }
        ///Overwrites `len`.
        #[inline(always)]
        fn set_len(&mut self, value: u32) {
            __wl::write_u32(self.bytes, 1, value)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for PacketMut<'a> {
        type Target = Packet;
        #[inline(always)]
        fn __bytes(&self) -> &[u8; 5] {
            self.bytes
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut [u8; 5] {
            self.bytes
        }
    }
};
