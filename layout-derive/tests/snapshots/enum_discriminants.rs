// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(u8)]
//     pub enum Kind {
//         Empty,
//         #[layout(rename = "full")]
//         Full = 5,
//         Broken,
//     }

#[doc(hidden)]
#[allow(non_upper_case_globals, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const __D0: u8 = Kind::Empty as u8;
    const __D1: u8 = Kind::Full as u8;
    const __D2: u8 = Kind::Broken as u8;
    #[automatically_derived]
    impl __wl::WasmLayout for Kind {
        const SIZE: usize = <u8 as __wl::WasmLayout>::SIZE;
        const ALIGN: usize = <u8 as __wl::WasmLayout>::ALIGN;
        const NAME: &'static str = "Kind";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Kind",
            size: Self::SIZE,
            align: Self::ALIGN,
            kind: __wl::TypeKind::Enum(__wl::EnumLayout {
                repr: __wl::Scalar::U8,
                variants: &[
                    __wl::VariantLayout {
                        name: "Empty",
                        value: __D0 as i64,
                        rename: ::core::option::Option::None,
                        doc: "",
                    },
                    __wl::VariantLayout {
                        name: "Full",
                        value: __D1 as i64,
                        rename: ::core::option::Option::Some("full"),
                        doc: "",
                    },
                    __wl::VariantLayout {
                        name: "Broken",
                        value: __D2 as i64,
                        rename: ::core::option::Option::None,
                        doc: "",
                    },
                ],
                rename: ::core::option::Option::None,
                doc: "",
            }),
        };
        type Bytes = <u8 as __wl::WasmLayout>::Bytes;
        type Ref<'a> = ::core::result::Result<Kind, __wl::LayoutError>;
        type Mut<'a> = __wl::ValueMut<'a, Kind>;
        #[inline]
        fn __validate(
            bytes: &Self::Bytes,
        ) -> ::core::result::Result<(), __wl::LayoutError> {
            match u8::from_le_bytes(*bytes) {
                __D0 | __D1 | __D2 => ::core::result::Result::Ok(()),
                value => {
                    ::core::result::Result::Err(
                        __wl::invalid_discriminant("Kind", value as i64),
                    )
                }
            }
        }
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {
            match u8::from_le_bytes(*bytes) {
                __D0 => Kind::Empty,
                __D1 => Kind::Full,
                __D2 => Kind::Broken,
                _ => Kind::Empty,
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {
            let value: u8 = match self {
                Kind::Empty => __D0,
                Kind::Full => __D1,
                Kind::Broken => __D2,
            };
            *bytes = value.to_le_bytes();
        }
        #[inline]
        fn __get(bytes: &Self::Bytes, at: usize) -> Self::Ref<'_> {
            match <Self as __wl::WasmLayout>::__validate(bytes) {
                ::core::result::Result::Ok(()) => {
                    ::core::result::Result::Ok(
                        <Self as __wl::WasmLayout>::__decode(bytes),
                    )
                }
                ::core::result::Result::Err(e) => {
                    ::core::result::Result::Err(e.offset_by(at))
                }
            }
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> Self::Mut<'_> {
            __wl::ValueMut::__at(bytes, at)
        }
    }
    #[automatically_derived]
    impl __wl::FieldlessEnum for Kind {
        type Repr = u8;
        #[inline]
        fn from_repr(raw: u8) -> ::core::option::Option<Self> {
            match raw {
                __D0 => ::core::option::Option::Some(Kind::Empty),
                __D1 => ::core::option::Option::Some(Kind::Full),
                __D2 => ::core::option::Option::Some(Kind::Broken),
                _ => ::core::option::Option::None,
            }
        }
        #[inline]
        fn to_repr(&self) -> u8 {
            match self {
                Kind::Empty => __D0,
                Kind::Full => __D1,
                Kind::Broken => __D2,
            }
        }
    }
    #[automatically_derived]
    impl __wl::TaggedOption for Kind {
        type OptionBytes = [u8; __wl::option_size::<Kind>()];
        type __Whole = ();
    }
};
