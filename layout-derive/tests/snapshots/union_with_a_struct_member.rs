// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C)]
//     pub union Payload {
//         pub clock: Clock,
//         pub fd: u32,
//     }

#[doc = ::core::concat!(
    "A read-only view of a [`", "Payload",
    "`] in its wasm32 layout: a getter per member, giving that member's view."
)]
#[derive(Clone, Copy)]
pub struct PayloadRef<'a>
where
    for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a <Payload as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc = ::core::concat!(
    "A mutable view of a [`", "Payload",
    "`] in its wasm32 layout: a getter, a `<member>_mut` view (members that are not scalars) and a `set_<member>` setter per member."
)]
pub struct PayloadMut<'a>
where
    for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a mut <Payload as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const __SHAPE: __wl::FieldShape = __wl::union_shape(
        &[__wl::shape::<Clock>(), __wl::shape::<u32>()],
    );
    const __N: usize = __SHAPE.size;
    #[automatically_derived]
    impl __wl::WasmLayout for Payload
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        const SIZE: usize = __N;
        const ALIGN: usize = __SHAPE.align;
        const NAME: &'static str = "Payload";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Payload",
            size: __N,
            align: __SHAPE.align,
            kind: __wl::TypeKind::Union(__wl::UnionLayout {
                members: &[
                    __wl::FieldLayout {
                        name: "clock",
                        offset: 0,
                        ty: <Clock as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                    __wl::FieldLayout {
                        name: "fd",
                        offset: 0,
                        ty: <u32 as __wl::WasmLayout>::LAYOUT,
                        rename: ::core::option::Option::None,
                    },
                ],
                rename: ::core::option::Option::None,
                doc: "",
                member_docs: &[],
            }),
        };
        type Bytes = [u8; __N];
        type Ref<'a> = PayloadRef<'a>;
        type Mut<'a> = PayloadMut<'a>;
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            Payload {
                clock: __wl::decode::<Clock, Clock, 0, __N>(bytes),
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            __wl::zero_range(bytes, 0, __N);
        }
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, at: usize) -> PayloadRef<'_> {
            PayloadRef { bytes, at }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> PayloadMut<'_> {
            PayloadMut { bytes, at }
        }
    }
    impl<'a> PayloadRef<'a>
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        ///This member, read from offset 0.
        #[inline(always)]
        pub fn clock(self) -> <Clock as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<Clock, 0, __N>(self.bytes, self.at)
        }
        ///This member, read from offset 0.
        #[inline(always)]
        pub fn fd(self) -> <u32 as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<u32, 0, __N>(self.bytes, self.at)
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for PayloadRef<'a>
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Payload;
        #[inline(always)]
        fn __parts(&self) -> (&'a [u8], usize) {
            (self.bytes, self.at)
        }
    }
    impl<'a> PayloadMut<'a>
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        ///This member, read from offset 0.
        #[inline(always)]
        pub fn clock(&self) -> <Clock as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<Clock, 0, __N>(self.bytes, self.at)
        }
        ///A mutable view of this member.
        #[inline(always)]
        pub fn clock_mut(&mut self) -> <Clock as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<Clock, 0, __N>(self.bytes, self.at)
        }
        ///Writes this member whole and zeroes the bytes after it.
        #[inline]
        pub fn set_clock(&mut self, value: Clock)
        where
            for<'__w> Clock: ::wasm_layout::__private::WholeValue,
        {
            __wl::encode::<Clock, 0, __N>(&value, self.bytes);
            __wl::zero_range(self.bytes, <Clock as __wl::WasmLayout>::SIZE, __N);
        }
        ///This member, read from offset 0.
        #[inline(always)]
        pub fn fd(&self) -> <u32 as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<u32, 0, __N>(self.bytes, self.at)
        }
        ///Writes this member whole and zeroes the bytes after it.
        #[inline]
        pub fn set_fd(&mut self, value: u32) {
            __wl::encode::<u32, 0, __N>(&value, self.bytes);
            __wl::zero_range(self.bytes, <u32 as __wl::WasmLayout>::SIZE, __N);
        }
    }
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for PayloadMut<'a>
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        type Target = Payload;
        #[inline(always)]
        fn __bytes(&self) -> (&[u8; __N], usize) {
            (self.bytes, self.at)
        }
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut [u8; __N] {
            self.bytes
        }
    }
    #[automatically_derived]
    impl __wl::TaggedOption for Payload
    where
        for<'__w> Clock: ::wasm_layout::__private::WasmLayout,
    {
        type OptionBytes = [u8; __wl::option_size::<Payload>()];
        type __Whole = __wl::Union<Payload>;
    }
    const _: () = {
        ::core::assert!(
            ::core::mem::size_of:: < Payload > () == __N,
            ::core::concat!("wasm-layout: `", "Payload",
            "` is #[repr(C)] but its size on this host is not its wasm32 size")
        );
        ::core::assert!(
            ::core::mem::align_of:: < Payload > () == __SHAPE.align,
            ::core::concat!("wasm-layout: `", "Payload",
            "` is #[repr(C)] but its alignment on this host is not its wasm32 alignment")
        );
    };
};
