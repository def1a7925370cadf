//! `struct_layout!`: the expansion of `#[derive(WasmLayout)]` on a struct,
//! as a template. The derive reads the input, decides the layout and the
//! names, and calls this macro with them; the user's tokens (field names,
//! types, visibilities) pass through untouched, so their spans, hygiene and
//! `$crate` paths stay as written.
//!
//! A view carries `at`, where its bytes start in the slice the caller
//! passed, so that errors count from there on every path. The read-only
//! view carries it only where it can report an error (some field's bytes
//! may be invalid): where every byte pattern is valid, nothing it reaches
//! can fail, and it reports `at` 0 to no one. The mutable view always
//! carries it (setting an array element out of bounds reports it).
//!
//! The call, in order (each part as the derive writes it):
//!
//! - `$vis struct Name NameRef [at at] NameMut "Name"` (the views' docs
//!   are written here, around the name),
//!   `[at at]` where the read-only view carries `at`, `[_]` otherwise (the
//!   pattern of `__get`'s offset parameter, then the field);
//! - `[where …]`: the field bounds, repeated on every item (or empty);
//! - `whole [(A, (B, ()))]`: the field types that must be `WholeValue`s
//!   for the struct to be one (those that may not be: not a scalar,
//!   pointer or pair), as the list `TaggedOption::__Whole` takes, or `[()]`;
//! - `[view bytes type]`, `size S align A option O` (literals, or
//!   `__N`/`__A`/`__OPTION` on the general path; `O` is the size of
//!   `Option<Name>`), `repr [__wl::StructRepr::Natural]`,
//!   `rename R, RA, none, "doc" (docs);` (descriptor expressions, the
//!   name of the local the descriptor binds to `None`, then the doc
//!   comment as a string literal and the fields' ones, `(&["…", …])`, or
//!   `(__wl::NO_DOCS)` when no field has one);
//! - optionally `rules [count; types…; __O0 0 …]`: the general path, where
//!   `StructShape::new` computes the layout from the field types;
//! - optionally `validate [bool offsets…] [Type = offset, …]`;
//! - optionally `check [x offset check_write [&]; …]` (`x` the member,
//!   `0` in a tuple struct): the fields whose
//!   type the derive does not know by its name, so that may hold an
//!   `Option<WasmPtr<T>>` (whose `Some(WasmPtr::null())` cannot be
//!   written), each checked before anything is written
//!   (`check_write_value []` in a packed struct);
//! - `pad [start, end; …]`: the padding ranges zeroed on write;
//! - `layout [ "name" offset (descriptor) none; … ]`: every field in
//!   declaration order, as the descriptor lists it (`descriptor` is the
//!   field type's `TypeLayout`: `__wl::LAYOUT_U32` for a scalar; `none`,
//!   the local named above, is `(Some("name"))` for a field renamed in
//!   the bindings);
//! - the fields by kind, each kind a list of its own (a matcher with
//!   optional parts per field costs rustc more than one more list):
//!   `scalars [ vis x x OFFSET_X set_x offset Type, read write; … ]` for
//!   scalars every byte of which is valid (`x x`: the getter, then the
//!   member the struct's own code names, `_0 0` in a tuple struct); `checked [ … same … get; … ]`
//!   for scalars some bytes of which are invalid (`bool`), whose getters
//!   report errors at offsets counted from the view's own `at`; and
//!   `others [ vis x x OFFSET_X OFFSET_X set_x offset Type, Builtin, [at] [where …] __wl x_mut encode [&]; … ]`
//!   for types that are not scalars (the template names each one's
//!   `__wl::At<Type, offset>` once, in the type namespace, by the second
//!   `OFFSET_X`: the constant's name, with underscores before it where
//!   the input itself uses that name;
//!   `[at]` where the read-only view
//!   carries `at`, `[]` otherwise): `Builtin` is the built-in type the derive read
//!   the field's layout off its name (`[::core::primitive::u8; 6]`),
//!   which `__decode` checks the field type is (see `__private::Is`), or
//!   the field type itself on the general path (`[where …]`: the field's
//!   own `WholeValue` bounds, which its setter needs; `__wl` is the runtime's
//!   path, written where the parts of such a field need one;
//!   `encode_value []` in a packed struct);
//! - `host [ … ]`: the `#[repr(C)]` host check, or empty.

/// See the module docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __wasm_layout_struct {
    (
        $vis:vis struct $name:ident $r:ident [$rp:tt $($rat:ident)?] $m:ident $ns:tt
        [$($where:tt)*] whole [$($whole:tt)*] [$vb:ty] size $size:tt align $align:tt option $osize:tt repr [$repr:expr]
        rename $rename:expr, $rename_all:expr, $none:ident, $doc:tt $fdocs:tt;
        $(rules [$count:literal; $($sty:ty),*; $($o:ident $i:literal)*])?
        $(validate [$($boff:tt)*] [$($vty:ty = $voff:tt,)*])?
        $(check [$($kf:tt $koff:tt $kc:ident [$($kamp:tt)?];)*])?
        pad [$($ps:expr, $pe:expr;)*]
        layout [$($lname:tt $loff:tt $lty:tt $lrename:tt;)*]
        scalars [$($sv:vis $sf:ident $sm:tt $soc:ident $sset:ident $soff:tt $zty:ty, $sread:ident $swrite:ident;)*]
        checked [$($cv:vis $cf:ident $cm:tt $coc:ident $cset:ident $coff:tt $cty:ty, $cread:ident $cwrite:ident $cget:ident;)*]
        others [$($fvis:vis $f:ident $fm:tt $oc:ident $al:ident $set:ident $off:tt $ty:ty, $cb:ty, [$($gat:ident)?] [$($sw:tt)*] $wl:ident $fmut:ident $enc:ident [$($amp:tt)?];)*]
        host [$($host:tt)*]
    ) => {
        #[doc = concat!("A read-only view of a [`", $ns, "`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it.")]
        #[allow(dead_code)]
        $vis struct $r<'a> $($where)* { bytes: &'a $vb, $($rat: usize)? }
        #[doc = concat!("A mutable view of a [`", $ns, "`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars.")]
        #[allow(dead_code)]
        $vis struct $m<'a> $($where)* { bytes: &'a mut $vb, at: usize }
        #[doc(hidden)]
        #[allow(non_upper_case_globals, non_camel_case_types, dead_code, clippy::all)]
        const _: () = {
            use $crate::__private as __wl;
            // The bytes, named once: each `[u8; N]` written out is a const
            // argument of its own for rustc to check and evaluate.
            type __Bytes = [u8; $size];
            // Each field that is not a scalar, named once (see `__wl::At`),
            // in the type namespace, by a name the input does not use.
            $(type $al = $wl::At<$ty, $off>;)*
            $(
                const __SHAPE: __wl::StructShape<$count> =
                    __wl::StructShape::<$count>::new([$(__wl::shape::<$sty>()),*], $repr);
                const __N: usize = __SHAPE.size;
                const __A: usize = __SHAPE.align;
                const __OPTION: usize = __wl::option_size_of(__N, __A);
                $(const $o: usize = __SHAPE.offsets[$i];)*
            )?
            impl $name $($where)* {
                $(
                    #[doc = "This field's offset in bytes, in the wasm32 layout."]
                    $sv const $soc: usize = $soff;
                )*
                $(
                    #[doc = "This field's offset in bytes, in the wasm32 layout."]
                    $cv const $coc: usize = $coff;
                )*
                $(
                    #[doc = "This field's offset in bytes, in the wasm32 layout."]
                    $fvis const $oc: usize = $off;
                )*
            }
            #[automatically_derived]
            impl __wl::WasmLayout for $name $($where)* {
                const SIZE: usize = $size;
                const ALIGN: usize = $align;
                const NAME: &'static str = $ns;
                // Locals, not only constants: a descriptor made of constants
                // alone would be a promoted constant, which rustc's
                // const-propagation lint (run on every associated const)
                // evaluates in full for every struct; with locals in it, it
                // is evaluated only where someone reads it.
                const LAYOUT: &'static __wl::TypeLayout = {
                    let __size = $size;
                    let $none = __wl::NONE;
                    &__wl::TypeLayout {
                        name: $ns,
                        size: __size,
                        align: $align,
                        kind: __wl::TypeKind::Struct(__wl::StructLayout {
                            fields: &[$(__wl::FieldLayout {
                                name: $lname,
                                offset: $loff,
                                ty: $lty,
                                rename: $lrename,
                            },)*],
                            repr: $repr,
                            rename: $rename,
                            rename_all: $rename_all,
                            doc: $doc,
                            field_docs: $fdocs,
                        }),
                    }
                };
                type Bytes = __Bytes;
                type Ref<'a> = $r<'a>;
                type Mut<'a> = $m<'a>;
                $(
                    #[inline]
                    fn __validate(bytes: &Self::Bytes) -> ::core::result::Result<(), __wl::LayoutError> {
                        $(__wl::validate_bool(bytes, $boff)?;)*
                        $(__wl::validate::<$vty, $voff, $size>(bytes)?;)*
                        ::core::result::Result::Ok(())
                    }
                )?
                $(
                    #[inline]
                    fn __check_write(&self) -> ::core::result::Result<(), __wl::LayoutError> {
                        $(__wl::$kc($($kamp)? self.$kf, $koff)?;)*
                        ::core::result::Result::Ok(())
                    }
                )?
                #[inline]
                fn __decode(bytes: &Self::Bytes) -> Self {
                    $name {
                        $($sm: __wl::$sread(bytes, $soff),)*
                        $($cm: __wl::$cread(bytes, $coff),)*
                        $($fm: $wl::decode::<$ty, $cb, $off, $size>(bytes),)*
                    }
                }
                #[inline]
                fn __encode(&self, bytes: &mut Self::Bytes) {
                    $(__wl::zero_range(bytes, $ps, $pe);)*
                    $(__wl::$swrite(bytes, $soff, self.$sm);)*
                    $(__wl::$cwrite(bytes, $coff, self.$cm);)*
                    $($al::$enc($($amp)? self.$fm, bytes);)*
                }
                #[inline(always)]
                fn __get(bytes: &Self::Bytes, $rp: usize) -> $r<'_> {
                    $r { bytes $(, $rat)? }
                }
                #[inline(always)]
                fn __get_mut(bytes: &mut Self::Bytes, at: usize) -> $m<'_> {
                    $m { bytes, at }
                }
            }
            // `Option<Self>`'s bytes, and whether `Self` is a `WholeValue`:
            // one impl for both.
            #[automatically_derived]
            impl __wl::TaggedOption for $name $($where)* {
                type OptionBytes = [u8; $osize];
                type __Whole = $($whole)*;
            }
            // The read-only view is `Copy`: its getters take it by value,
            // which leaves rustc one lifetime fewer to check per getter.
            impl<'a> $r<'a> $($where)* {
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $sv fn $sf(self) -> $zty { __wl::$sread(self.bytes, $soff) }
                )*
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $cv fn $cf(self) -> __wl::Checked<$cty> { __wl::$cget(self.bytes, $coff, self.at) }
                )*
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $fvis fn $f(self) -> <$ty as $wl::WasmLayout>::Ref<'a> {
                        $al::get(self.bytes, 0 $(+ self.$gat)?)
                    }
                )*
            }
            #[automatically_derived]
            impl<'a> __wl::Clone for $r<'a> $($where)* {
                #[inline(always)]
                fn clone(&self) -> Self { *self }
            }
            #[automatically_derived]
            impl<'a> __wl::Copy for $r<'a> $($where)* {}
            #[automatically_derived]
            impl<'a> __wl::ViewRef<'a> for $r<'a> $($where)* {
                type Target = $name;
                #[inline(always)]
                fn __parts(&self) -> (&'a [u8], usize) { (self.bytes, 0 $(+ self.$rat)?) }
            }
            impl<'a> $m<'a> $($where)* {
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $sv fn $sf(&self) -> $zty { __wl::$sread(self.bytes, $soff) }
                    #[doc = "Overwrites this field."]
                    #[inline]
                    $sv fn $sset(&mut self, value: $zty) { __wl::$swrite(self.bytes, $soff, value) }
                )*
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $cv fn $cf(&self) -> __wl::Checked<$cty> { __wl::$cget(self.bytes, $coff, self.at) }
                    #[doc = "Overwrites this field."]
                    #[inline]
                    $cv fn $cset(&mut self, value: $cty) { __wl::$cwrite(self.bytes, $coff, value) }
                )*
                $(
                    #[doc = "This field, read from its wasm32 offset."]
                    #[inline]
                    $fvis fn $f(&self) -> <$ty as $wl::WasmLayout>::Ref<'_> {
                        $al::get(self.bytes, self.at)
                    }
                    #[doc = "A mutable view of this field."]
                    #[inline]
                    $fvis fn $fmut(&mut self) -> <$ty as $wl::WasmLayout>::Mut<'_> {
                        $al::get_mut(self.bytes, self.at)
                    }
                    #[doc = "Overwrites this field."]
                    #[inline]
                    $fvis fn $set(&mut self, value: $ty) $($sw)* {
                        $al::encode(&value, self.bytes)
                    }
                )*
            }
            #[automatically_derived]
            impl<'a> __wl::ViewMut<'a> for $m<'a> $($where)* {
                type Target = $name;
                #[inline(always)]
                fn __bytes(&self) -> (&__Bytes, usize) { (self.bytes, self.at) }
                #[inline(always)]
                fn __bytes_mut(&mut self) -> &mut __Bytes { self.bytes }
            }
            $($host)*
        };
    };
}
