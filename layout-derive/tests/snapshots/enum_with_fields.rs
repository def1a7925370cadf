// What #[derive(WasmLayout)] emits for:
//
//     #[derive(WasmLayout)]
//     #[repr(C, u8)]
//     pub enum Shape {
//         Circle { radius: f32 },
//         Rect(Point, Point) = 4,
//         Empty,
//     }

#[doc = ::core::concat!(
    "A read-only view of the fields of case `", "Circle", "` of [`", "Shape",
    "`]: one getter per field."
)]
#[allow(dead_code)]
pub struct ShapeCircleRef<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a <Shape as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc = ::core::concat!(
    "A mutable view of the fields of case `", "Circle", "` of [`", "Shape",
    "`]: getters, `set_<field>` setters and `<field>_mut` views."
)]
#[allow(dead_code)]
pub struct ShapeCircleMut<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a mut <Shape as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc = ::core::concat!(
    "A read-only view of the fields of case `", "Rect", "` of [`", "Shape",
    "`]: one getter per field."
)]
#[allow(dead_code)]
pub struct ShapeRectRef<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a <Shape as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc = ::core::concat!(
    "A mutable view of the fields of case `", "Rect", "` of [`", "Shape",
    "`]: getters, `set_<field>` setters and `<field>_mut` views."
)]
#[allow(dead_code)]
pub struct ShapeRectMut<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    bytes: &'a mut <Shape as ::wasm_layout::WasmLayout>::Bytes,
    at: usize,
}
#[doc = ::core::concat!(
    "The case a [`", "Shape", "`] holds, as a read-only view of its fields: what `",
    "Shape", "::view(bytes)?.variant()` gives."
)]
#[derive(Clone, Copy)]
#[allow(dead_code)]
pub enum ShapeRef<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    #[doc = ::core::concat!("The `", ::core::stringify!(Circle), "` case.")]
    Circle(ShapeCircleRef<'a>),
    #[doc = ::core::concat!("The `", ::core::stringify!(Rect), "` case.")]
    Rect(ShapeRectRef<'a>),
    #[doc = ::core::concat!("The `", ::core::stringify!(Empty), "` case.")]
    Empty,
}
#[doc = ::core::concat!(
    "The case a [`", "Shape", "`] holds, as a mutable view of its fields: what `",
    "Shape", "::view_mut(bytes)?.variant_mut()` gives."
)]
#[allow(dead_code)]
pub enum ShapeMut<'a>
where
    for<'__w> Point: ::wasm_layout::__private::WasmLayout,
{
    #[doc = ::core::concat!("The `", ::core::stringify!(Circle), "` case.")]
    Circle(ShapeCircleMut<'a>),
    #[doc = ::core::concat!("The `", ::core::stringify!(Rect), "` case.")]
    Rect(ShapeRectMut<'a>),
    #[doc = ::core::concat!("The `", ::core::stringify!(Empty), "` case.")]
    Empty,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {
    use ::wasm_layout::__private as __wl;
    const __TAG: __wl::FieldShape = __wl::shape::<u8>();
    const __C0: __wl::StructShape<1> = __wl::StructShape::<
        1,
    >::new([__wl::shape::<f32>()], __wl::StructRepr::Natural);
    const __O0_0: usize = __P + __C0.offsets[0];
    const __C1: __wl::StructShape<2> = __wl::StructShape::<
        2,
    >::new([__wl::shape::<Point>(), __wl::shape::<Point>()], __wl::StructRepr::Natural);
    const __O1_0: usize = __P + __C1.offsets[0];
    const __O1_1: usize = __P + __C1.offsets[1];
    const __C2: __wl::StructShape<0> = __wl::StructShape::<
        0,
    >::new([], __wl::StructRepr::Natural);
    const __V: __wl::VariantShape = __wl::VariantShape::new(
        __TAG,
        &[
            __wl::FieldShape {
                size: __C0.size,
                align: __C0.align,
            },
            __wl::FieldShape {
                size: __C1.size,
                align: __C1.align,
            },
            __wl::FieldShape {
                size: __C2.size,
                align: __C2.align,
            },
        ],
    );
    const __N: usize = __V.size;
    const __A: usize = __V.align;
    const __P: usize = __V.payload;
    const __D0: u8 = 0;
    const __D1: u8 = 4;
    const __D2: u8 = __D1 + 1;
    #[automatically_derived]
    impl __wl::WasmLayout for Shape
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        const SIZE: usize = __N;
        const ALIGN: usize = __A;
        const NAME: &'static str = "Shape";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {
            name: "Shape",
            size: __N,
            align: __A,
            kind: __wl::TypeKind::Variant(__wl::VariantEnumLayout {
                tag: __wl::Scalar::U8,
                payload: __P,
                cases: &[
                    __wl::CaseLayout {
                        name: "Circle",
                        value: __D0 as i64,
                        rename: ::core::option::Option::None,
                        doc: "",
                        field_docs: &[],
                        fields: &[
                            __wl::FieldLayout {
                                name: "radius",
                                offset: __O0_0,
                                ty: <f32 as __wl::WasmLayout>::LAYOUT,
                                rename: ::core::option::Option::None,
                            },
                        ],
                        size: __C0.size,
                        align: __C0.align,
                        tuple: false,
                    },
                    __wl::CaseLayout {
                        name: "Rect",
                        value: __D1 as i64,
                        rename: ::core::option::Option::None,
                        doc: "",
                        field_docs: &[],
                        fields: &[
                            __wl::FieldLayout {
                                name: "0",
                                offset: __O1_0,
                                ty: <Point as __wl::WasmLayout>::LAYOUT,
                                rename: ::core::option::Option::None,
                            },
                            __wl::FieldLayout {
                                name: "1",
                                offset: __O1_1,
                                ty: <Point as __wl::WasmLayout>::LAYOUT,
                                rename: ::core::option::Option::None,
                            },
                        ],
                        size: __C1.size,
                        align: __C1.align,
                        tuple: true,
                    },
                    __wl::CaseLayout {
                        name: "Empty",
                        value: __D2 as i64,
                        rename: ::core::option::Option::None,
                        doc: "",
                        field_docs: &[],
                        fields: &[],
                        size: __C2.size,
                        align: __C2.align,
                        tuple: false,
                    },
                ],
                rename: ::core::option::Option::None,
                doc: "",
            }),
        };
        type Bytes = [u8; __N];
        type Ref<'a> = __wl::VariantRef<'a, Shape>;
        type Mut<'a> = __wl::VariantMut<'a, Shape>;
        #[inline]
        fn __validate(
            bytes: &[u8; __N],
        ) -> ::core::result::Result<(), __wl::LayoutError> {
            match __wl::read_u8(bytes, 0) {
                __D0 => {
                    __wl::validate::<f32, __O0_0, __N>(bytes)?;
                    ::core::result::Result::Ok(())
                }
                __D1 => {
                    __wl::validate::<Point, __O1_0, __N>(bytes)?;
                    __wl::validate::<Point, __O1_1, __N>(bytes)?;
                    ::core::result::Result::Ok(())
                }
                __D2 => ::core::result::Result::Ok(()),
                value => {
                    ::core::result::Result::Err(
                        __wl::invalid_discriminant("Shape", value as i64),
                    )
                }
            }
        }
        #[inline]
        fn __check_write(&self) -> ::core::result::Result<(), __wl::LayoutError> {
            match self {
                Shape::Circle { radius: __f0 } => {
                    __wl::WasmLayout::__check_write(__f0)
                        .map_err(|e| e.offset_by(__O0_0))?;
                }
                Shape::Rect(__f0, __f1) => {
                    __wl::WasmLayout::__check_write(__f0)
                        .map_err(|e| e.offset_by(__O1_0))?;
                    __wl::WasmLayout::__check_write(__f1)
                        .map_err(|e| e.offset_by(__O1_1))?;
                }
                Shape::Empty => {}
            }
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __decode(bytes: &[u8; __N]) -> Self {
            match __wl::read_u8(bytes, 0) {
                __D0 => {
                    Shape::Circle {
                        radius: __wl::decode::<f32, f32, __O0_0, __N>(bytes),
                    }
                }
                __D1 => {
                    Shape::Rect(
                        __wl::decode::<Point, Point, __O1_0, __N>(bytes),
                        __wl::decode::<Point, Point, __O1_1, __N>(bytes),
                    )
                }
                __D2 => Shape::Empty,
                _ => {
                    Shape::Circle {
                        radius: __wl::decode::<f32, f32, __O0_0, __N>(bytes),
                    }
                }
            }
        }
        #[inline]
        fn __encode(&self, bytes: &mut [u8; __N]) {
            *bytes = [0; __N];
            match self {
                Shape::Circle { radius: __f0 } => {
                    __wl::write_u8(bytes, 0, __D0);
                    __wl::encode::<f32, __O0_0, __N>(__f0, bytes);
                }
                Shape::Rect(__f0, __f1) => {
                    __wl::write_u8(bytes, 0, __D1);
                    __wl::encode::<Point, __O1_0, __N>(__f0, bytes);
                    __wl::encode::<Point, __O1_1, __N>(__f1, bytes);
                }
                Shape::Empty => {
                    __wl::write_u8(bytes, 0, __D2);
                }
            }
        }
        #[inline(always)]
        fn __get(bytes: &[u8; __N], at: usize) -> __wl::VariantRef<'_, Shape> {
            __wl::VariantRef::__at(bytes, at)
        }
        #[inline(always)]
        fn __get_mut(bytes: &mut [u8; __N], at: usize) -> __wl::VariantMut<'_, Shape> {
            __wl::VariantMut::__at(bytes, at)
        }
    }
    #[automatically_derived]
    impl __wl::WasmVariant for Shape
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        type CaseRef<'a> = ShapeRef<'a>;
        type CaseMut<'a> = ShapeMut<'a>;
        #[inline(always)]
        fn __tag(bytes: &[u8; __N]) -> u32 {
            __wl::read_u8(bytes, 0) as u32
        }
        #[inline]
        fn __case(
            bytes: &[u8; __N],
            at: usize,
        ) -> ::core::result::Result<ShapeRef<'_>, __wl::LayoutError> {
            match __wl::read_u8(bytes, 0) {
                __D0 => {
                    ::core::result::Result::Ok(
                        ShapeRef::Circle(ShapeCircleRef { bytes, at }),
                    )
                }
                __D1 => {
                    ::core::result::Result::Ok(
                        ShapeRef::Rect(ShapeRectRef { bytes, at }),
                    )
                }
                __D2 => ::core::result::Result::Ok(ShapeRef::Empty),
                value => {
                    ::core::result::Result::Err(
                        __wl::invalid_discriminant("Shape", value as i64).offset_by(at),
                    )
                }
            }
        }
        #[inline]
        fn __case_mut(
            bytes: &mut [u8; __N],
            at: usize,
        ) -> ::core::result::Result<ShapeMut<'_>, __wl::LayoutError> {
            match __wl::read_u8(bytes, 0) {
                __D0 => {
                    ::core::result::Result::Ok(
                        ShapeMut::Circle(ShapeCircleMut { bytes, at }),
                    )
                }
                __D1 => {
                    ::core::result::Result::Ok(
                        ShapeMut::Rect(ShapeRectMut { bytes, at }),
                    )
                }
                __D2 => ::core::result::Result::Ok(ShapeMut::Empty),
                value => {
                    ::core::result::Result::Err(
                        __wl::invalid_discriminant("Shape", value as i64).offset_by(at),
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl __wl::TaggedOption for Shape
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        type OptionBytes = [u8; __wl::option_size::<Shape>()];
        type __Whole = (Point, ());
    }
    impl<'a> ShapeCircleRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn radius(self) -> <f32 as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<f32, __O0_0, __N>(self.bytes, self.at)
        }
        /// The bytes of the whole enum value.
        #[inline(always)]
        pub fn as_bytes(self) -> &'a [u8] {
            self.bytes
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for ShapeCircleRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for ShapeCircleRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {}
    impl<'a> ShapeCircleMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn radius(&self) -> <f32 as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<f32, __O0_0, __N>(self.bytes, self.at)
        }
        ///A mutable view of this field.
        #[inline(always)]
        pub fn radius_mut(&mut self) -> <f32 as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<f32, __O0_0, __N>(self.bytes, self.at)
        }
        ///Overwrites this field.
        #[inline(always)]
        pub fn set_radius(&mut self, value: f32) {
            __wl::encode::<f32, __O0_0, __N>(&value, self.bytes)
        }
    }
    impl<'a> ShapeRectRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn _0(self) -> <Point as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<Point, __O1_0, __N>(self.bytes, self.at)
        }
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn _1(self) -> <Point as __wl::WasmLayout>::Ref<'a> {
            __wl::get::<Point, __O1_1, __N>(self.bytes, self.at)
        }
        /// The bytes of the whole enum value.
        #[inline(always)]
        pub fn as_bytes(self) -> &'a [u8] {
            self.bytes
        }
    }
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for ShapeRectRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        #[inline(always)]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for ShapeRectRef<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {}
    impl<'a> ShapeRectMut<'a>
    where
        for<'__w> Point: ::wasm_layout::__private::WasmLayout,
    {
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn _0(&self) -> <Point as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<Point, __O1_0, __N>(self.bytes, self.at)
        }
        ///A mutable view of this field.
        #[inline(always)]
        pub fn _0_mut(&mut self) -> <Point as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<Point, __O1_0, __N>(self.bytes, self.at)
        }
        ///Overwrites this field.
        #[inline(always)]
        pub fn set_0(&mut self, value: Point)
        where
            for<'__w> Point: ::wasm_layout::__private::WholeValue,
        {
            __wl::encode::<Point, __O1_0, __N>(&value, self.bytes)
        }
        ///This field, read from its wasm32 offset.
        #[inline(always)]
        pub fn _1(&self) -> <Point as __wl::WasmLayout>::Ref<'_> {
            __wl::get::<Point, __O1_1, __N>(self.bytes, self.at)
        }
        ///A mutable view of this field.
        #[inline(always)]
        pub fn _1_mut(&mut self) -> <Point as __wl::WasmLayout>::Mut<'_> {
            __wl::get_mut::<Point, __O1_1, __N>(self.bytes, self.at)
        }
        ///Overwrites this field.
        #[inline(always)]
        pub fn set_1(&mut self, value: Point)
        where
            for<'__w> Point: ::wasm_layout::__private::WholeValue,
        {
            __wl::encode::<Point, __O1_1, __N>(&value, self.bytes)
        }
    }
    const _: () = {
        if true && __wl::host_same::<f32>() && __wl::host_same::<Point>()
            && __wl::host_same::<Point>()
        {
            ::core::assert!(
                ::core::mem::size_of:: < Shape > () == __N,
                ::core::concat!("wasm-layout: `", "Shape", "` is #[repr(C, ",
                ::core::stringify!(u8), ")] but its ", "size",
                " on this host is not its wasm32 ", "size",
                "; are its field types #[repr(C)]?")
            );
            ::core::assert!(
                ::core::mem::align_of:: < Shape > () == __A,
                ::core::concat!("wasm-layout: `", "Shape", "` is #[repr(C, ",
                ::core::stringify!(u8), ")] but its ", "alignment",
                " on this host is not its wasm32 ", "alignment",
                "; are its field types #[repr(C)]?")
            );
        }
    };
};
