// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C)]
//     pub struct Tagged<T, const N: usize> {
//         pub tags: [u8; N],
//         pub value: T,
//     }

#[doc = ::core::concat!(
    "A read-only view of a [`", "Tagged",
    "`] in its wasm32 layout: one getter per field."
)]
pub struct TaggedRef<'a, T, const N: usize>
where
    T: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a <Tagged<T, N> as ::wasm_layout::__private::WasmLayout>::Bytes,
    at: usize,
    _of: ::core::marker::PhantomData<fn() -> Tagged<T, N>>,
}
#[doc = ::core::concat!(
    "A mutable view of a [`", "Tagged",
    "`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars."
)]
pub struct TaggedMut<'a, T, const N: usize>
where
    T: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a mut <Tagged<T, N> as ::wasm_layout::__private::WasmLayout>::Bytes,
    at: usize,
    _of: ::core::marker::PhantomData<fn() -> Tagged<T, N>>,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    impl<T, const N: usize> Tagged<T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        const __WL_SHAPE: __wl::StructShape<2> = __wl::StructShape::<
            2,
        >::new(
            [__wl::shape::<[u8; N]>(), __wl::shape::<T>()],
            __wl::StructRepr::Natural,
        );
        const __WL_NAME: __wl::NameBuf = __wl::NameBuf::new("Tagged")
            .push("<")
            .push(<T as __wl::WasmLayout>::NAME)
            .push(", ")
            .push_int(N as i128)
            .push(">");
        const __WL_BINDING: __wl::NameBuf = __wl::NameBuf::new("Tagged")
            .push("_")
            .push_binding(<T as __wl::WasmLayout>::LAYOUT)
            .push("_")
            .push_int(N as i128);
        const __WL_HOST: () = {
            ::core::assert!(
                ::core::mem::offset_of!(Tagged < T, N >, tags) == Self::OFFSET_TAGS,
                ::core::concat!("wasm-layout: an instantiation of `", "Tagged",
                "` is #[repr(C)] but field `", "tags",
                "` is at a different offset on this host than on wasm32: ",
                "an argument's host layout differs from its wasm32 one; instantiate it with #[repr(C)] structs and scalars")
            );
            ::core::assert!(
                ::core::mem::offset_of!(Tagged < T, N >, value) == Self::OFFSET_VALUE,
                ::core::concat!("wasm-layout: an instantiation of `", "Tagged",
                "` is #[repr(C)] but field `", "value",
                "` is at a different offset on this host than on wasm32: ",
                "an argument's host layout differs from its wasm32 one; instantiate it with #[repr(C)] structs and scalars")
            );
            ::core::assert!(
                ::core::mem::size_of:: < Tagged < T, N > > () == Self::__WL_SHAPE.size,
                ::core::concat!("wasm-layout: an instantiation of `", "Tagged",
                "` is #[repr(C)] but its size on this host is not its wasm32 size: ",
                "an argument's host layout differs from its wasm32 one; instantiate it with #[repr(C)] structs and scalars")
            );
            ::core::assert!(
                ::core::mem::align_of:: < Tagged < T, N > > () == Self::__WL_SHAPE.align,
                ::core::concat!("wasm-layout: an instantiation of `", "Tagged",
                "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment: ",
                "an argument's host layout differs from its wasm32 one; instantiate it with #[repr(C)] structs and scalars")
            );
        };
        ///This field's offset in bytes, in the wasm32 layout.
        pub const OFFSET_TAGS: usize = Self::__WL_SHAPE.offsets[0];
        ///This field's offset in bytes, in the wasm32 layout.
        pub const OFFSET_VALUE: usize = Self::__WL_SHAPE.offsets[1];
    }
    #[automatically_derived]
    impl<T, const N: usize> __wl::WasmLayout for Tagged<T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        const SIZE: usize = {
            let () = Self::__WL_HOST;
            __wl::unpadded_size(
                Self::__WL_SHAPE.size,
                &[<[u8; N] as __wl::WasmLayout>::SIZE, <T as __wl::WasmLayout>::SIZE],
            )
        };
        const ALIGN: usize = Self::__WL_SHAPE.align;
        const NAME: &'static str = Self::__WL_NAME.as_str();
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: Self::NAME,
            size: Self::SIZE,
            align: Self::ALIGN,
            kind: __wl::TypeKind::Struct(__wl::StructLayout {
                fields: &[
                    __wl::FieldLayout {
                        name: "tags",
                        offset: Self::OFFSET_TAGS,
                        ty: <[u8; N] as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "value",
                        offset: Self::OFFSET_VALUE,
                        ty: <T as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                ],
                repr: __wl::StructRepr::Natural,
                rename: ::core::option::Option::Some(Self::__WL_BINDING.as_str()),
                rename_all: ::core::option::Option::None,
                doc: "",
                field_docs: &[],
            }),
        };
        type Bytes = __wl::Cat<
            <[u8; N] as __wl::WasmLayout>::Bytes,
            __wl::Cat<<T as __wl::WasmLayout>::Bytes, __wl::End>,
        >;
        type Ref<'a> = TaggedRef<'a, T, N>;
        type Mut<'a> = TaggedMut<'a, T, N>;
        #[inline]
        fn __validate(
            bytes: &Self::Bytes,
        ) -> ::core::result::Result<(), __wl::LayoutError> {
            let b = __wl::bytes_of(bytes);
            __wl::validate_at::<[u8; N]>(b, Self::OFFSET_TAGS)?;
            __wl::validate_at::<T>(b, Self::OFFSET_VALUE)?;
            let _ = b;
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __check_write(&self) -> ::core::result::Result<(), __wl::LayoutError> {
            __wl::check_write_at::<[u8; N]>(&self.tags, Self::OFFSET_TAGS)?;
            __wl::check_write_at::<T>(&self.value, Self::OFFSET_VALUE)?;
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            let b = __wl::bytes_of(bytes);
            let _ = b;
            Tagged {
                tags: <[u8; N] as __wl::WasmLayout>::__decode(
                    __wl::field_at::<[u8; N]>(b, Self::OFFSET_TAGS),
                ),
                value: <T as __wl::WasmLayout>::__decode(
                    __wl::field_at::<T>(b, Self::OFFSET_VALUE),
                ),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            let b = __wl::bytes_of_mut(bytes);
            __wl::WasmLayout::__encode(
                &self.tags,
                __wl::field_at_mut::<[u8; N]>(b, Self::OFFSET_TAGS),
            );
            __wl::WasmLayout::__encode(
                &self.value,
                __wl::field_at_mut::<T>(b, Self::OFFSET_VALUE),
            );
            let _ = b;
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, at: usize) -> TaggedRef<'_, T, N> {
            TaggedRef {
                bytes,
                at,
                _of: ::core::marker::PhantomData,
            }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> TaggedMut<'_, T, N> {
            TaggedMut {
                bytes,
                at,
                _of: ::core::marker::PhantomData,
            }
        }
    }
    #[automatically_derived]
    impl<T, const N: usize> __wl::WholeValue for Tagged<T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
        for<'__w> T: ::wasm_layout::__private::WholeValue,
    {}
    #[automatically_derived]
    impl<T, const N: usize> __wl::HostLayout for Tagged<T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
        T: __wl::HostLayout,
    {}
    impl<'a, T, const N: usize> TaggedRef<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline]
        pub fn tags(self) -> <[u8; N] as __wl::WasmLayout>::Ref<'a> {
            __wl::get_at::<
                [u8; N],
            >(__wl::bytes_of(self.bytes), <Tagged<T, N>>::OFFSET_TAGS, self.at)
        }
        ///This field, read from its wasm32 offset.
        #[inline]
        pub fn value(self) -> <T as __wl::WasmLayout>::Ref<'a> {
            __wl::get_at::<
                T,
            >(__wl::bytes_of(self.bytes), <Tagged<T, N>>::OFFSET_VALUE, self.at)
        }
    }
    #[automatically_derived]
    impl<'a, T, const N: usize> __wl::Clone for TaggedRef<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a, T, const N: usize> __wl::Copy for TaggedRef<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {}
    #[automatically_derived]
    impl<'a, T, const N: usize> __wl::ViewRef<'a> for TaggedRef<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Tagged<T, N>;
        #[inline(always)]
        fn __parts(&self) -> (&'a [u8], usize) {
            (__wl::bytes_of(self.bytes), self.at)
        }
    }
    impl<'a, T, const N: usize> TaggedMut<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline]
        pub fn tags(&self) -> <[u8; N] as __wl::WasmLayout>::Ref<'_> {
            __wl::get_at::<
                [u8; N],
            >(__wl::bytes_of(self.bytes), <Tagged<T, N>>::OFFSET_TAGS, self.at)
        }
        ///A mutable view of this field.
        #[inline]
        pub fn tags_mut(&mut self) -> <[u8; N] as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut_at::<
                [u8; N],
            >(__wl::bytes_of_mut(self.bytes), <Tagged<T, N>>::OFFSET_TAGS, self.at)
        }
        ///Overwrites this field.
        #[inline]
        pub fn set_tags(&mut self, value: [u8; N]) {
            __wl::WasmLayout::__encode(
                &value,
                __wl::field_at_mut::<
                    [u8; N],
                >(__wl::bytes_of_mut(self.bytes), <Tagged<T, N>>::OFFSET_TAGS),
            );
        }
        ///This field, read from its wasm32 offset.
        #[inline]
        pub fn value(&self) -> <T as __wl::WasmLayout>::Ref<'_> {
            __wl::get_at::<
                T,
            >(__wl::bytes_of(self.bytes), <Tagged<T, N>>::OFFSET_VALUE, self.at)
        }
        ///A mutable view of this field.
        #[inline]
        pub fn value_mut(&mut self) -> <T as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut_at::<
                T,
            >(__wl::bytes_of_mut(self.bytes), <Tagged<T, N>>::OFFSET_VALUE, self.at)
        }
        ///Overwrites this field.
        #[inline]
        pub fn set_value(&mut self, value: T)
        where
            for<'__w> T: ::wasm_layout::__private::WholeValue,
        {
            __wl::WasmLayout::__encode(
                &value,
                __wl::field_at_mut::<
                    T,
                >(__wl::bytes_of_mut(self.bytes), <Tagged<T, N>>::OFFSET_VALUE),
            );
        }
    }
    #[automatically_derived]
    impl<'a, T, const N: usize> __wl::ViewMut<'a> for TaggedMut<'a, T, N>
    where
        T: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Tagged<T, N>;
        #[inline(always)]
        fn __bytes(&self) -> (&<Tagged<T, N> as __wl::WasmLayout>::Bytes, usize) {
            (self.bytes, self.at)
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut <Tagged<T, N> as __wl::WasmLayout>::Bytes {
            self.bytes
        }
    }
};
