//! Emission for structs: the layout constants, the `WasmLayout` impl, the
//! `<Name>Ref` / `<Name>Mut` views and, for `#[repr(C)]`, the host check.

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

use super::opt_str;
use wasm_layout_rules::shape::StructRepr;

use super::predict::{is_pointer, known, may_be_invalid, predict, scalar, Predicted};
use crate::ast::{Field, Input};

/// The scalar a field type names (`u32`, `bool`, …), if it is one. Scalar
/// fields are read and written through non-generic helpers, which rustc
/// checks much faster than the generic path every other type takes.
fn scalar_name(ty: &Type) -> Option<&'static str> {
    scalar(ty).map(|s| s.rust_name())
}

pub fn expand(input: &Input, fields: &[Field], krate: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = input.vis.to_token_stream().to_string();
    let name = ident.to_string();
    let ref_ident = format_ident!("{}Ref", ident).to_string();
    let mut_ident = format_ident!("{}Mut", ident).to_string();
    let count = fields.len();

    let placement = match (&input.attrs.packed, &input.attrs.align) {
        (Some(_), _) => StructRepr::Packed,
        (None, Some(a)) => StructRepr::Aligned(a.value as usize),
        (None, None) => StructRepr::Natural,
    };
    let repr = match placement {
        StructRepr::Packed => "__wl::StructRepr::Packed".to_string(),
        StructRepr::Aligned(n) => format!("__wl::StructRepr::Aligned({n})"),
        StructRepr::Natural => "__wl::StructRepr::Natural".to_string(),
    };
    let tys: Vec<&Type> = fields.iter().map(|f| &f.ty).collect();
    // With every field type known by name, the layout is written as
    // literals (see `predict`); otherwise as paths into `__SHAPE`, which the
    // rules compute.
    let predicted = predict(&tys, placement);
    let p = predicted.as_ref();
    let shape_size = p.map_or_else(|| "__SHAPE.size".to_string(), |p| p.size.to_string());
    let shape_align = p.map_or_else(|| "__SHAPE.align".to_string(), |p| p.align.to_string());

    // Layout constants.
    let rename = opt_str(input.attrs.rename.as_ref());
    let rename_all = match &input.attrs.rename_all {
        Some(rule) => format!("::core::option::Option::Some(__wl::RenameRule::{:?})", rule.value),
        None => "::core::option::Option::None".to_string(),
    };

    // The whole expansion is written as source and parsed once: rustc's
    // lexer builds the tokens far faster than the proc-macro bridge does
    // one by one. What needs spans of the input is spliced in afterwards at
    // a marker (see `Spliced`): the field bounds (an error about a field
    // type belongs at the field, see `field_bounds`), the general path's
    // `__SHAPE` and the `#[repr(C)]` host check.
    let Parts {
        expected_shapes,
        const_args,
        offset_consts,
        field_layouts,
        validates,
        decodes,
        encodes,
        ref_methods,
        mut_methods,
    } = Source { struct_ident: name.clone(), predicted: p, packed: input.repr.packed }.parts(fields);

    let bounds = field_bounds(fields, krate);
    let guard = if bounds.is_empty() { "" } else { GUARD };
    let host_check = input.repr.c.map(|_| host_check(input, fields, &bounds, p));
    let host_marker = if host_check.is_some() { HOST_CHECK } else { "" };
    let krate_src = krate.to_string();
    // An empty struct reads and writes no field.
    let unused_bytes = if count == 0 { "let _ = bytes;" } else { "" };
    let bytes_ty = match p {
        Some(p) => format!("[u8; {}]", p.size),
        None => format!("<{name} as {krate_src}::WasmLayout>::Bytes"),
    };
    // The checks of the names the literals were read off (see `Parts`); or
    // the rules' layout, with each field type spanned so that a type
    // without `WasmLayout` is reported at its field.
    let (shape, rules) = match p {
        Some(_) => (expected_shapes, None),
        None => {
            let n = Literal::usize_unsuffixed(count);
            let repr = parse_source(&repr);
            let rules = quote!(const __SHAPE: __wl::StructShape<#n> = __wl::StructShape::<#n>::new([#(__wl::shape::<#tys>()),*], #repr););
            (SHAPE.to_string(), Some(rules))
        }
    };
    // Fields whose every bit pattern is valid need no check: without any
    // other, the trait's default `__validate` accepts all bytes.
    let validate = if validates.is_empty() {
        String::new()
    } else {
        format!(
            "#[inline] fn __validate(bytes: &Self::Bytes) -> ::core::result::Result<(), __wl::LayoutError> {{ {validates} ::core::result::Result::Ok(()) }}"
        )
    };

    let src = format!(
        r#"#[doc = "A read-only view of a [`{name}`] in its wasm32 layout: one getter per field, no bounds checks after the one that made it."]
#[allow(dead_code)]
{vis} struct {ref_ident}<'a> {guard} {{ bytes: &'a {bytes_ty} }}
#[doc = "A mutable view of a [`{name}`] in its wasm32 layout: getters, `set_<field>` setters, and `<field>_mut` views of fields that are not scalars."]
#[allow(dead_code)]
{vis} struct {mut_ident}<'a> {guard} {{ bytes: &'a mut {bytes_ty} }}
#[doc(hidden)]
#[allow(non_upper_case_globals, dead_code, clippy::all)]
const _: () = {{
    use {krate_src}::__private as __wl;
    {shape}
    {const_args}
    impl {name} {guard} {{ {offset_consts} }}
    #[automatically_derived]
    impl __wl::WasmLayout for {name} {guard} {{
        const SIZE: usize = {shape_size};
        const ALIGN: usize = {shape_align};
        const NAME: &'static str = "{name}";
        const LAYOUT: &'static __wl::TypeLayout = &__wl::TypeLayout {{
            name: "{name}",
            size: {shape_size},
            align: {shape_align},
            kind: __wl::TypeKind::Struct(__wl::StructLayout {{
                fields: &[{field_layouts}],
                repr: {repr},
                rename: {rename},
                rename_all: {rename_all},
            }}),
        }};
        type Bytes = [u8; {shape_size}];
        type Ref<'a> = {ref_ident}<'a>;
        type Mut<'a> = {mut_ident}<'a>;
        {validate}
        #[inline]
        fn __decode(bytes: &Self::Bytes) -> Self {{ {unused_bytes} {name} {{ {decodes} }} }}
        #[inline]
        fn __encode(&self, bytes: &mut Self::Bytes) {{ {unused_bytes} {encodes} }}
        #[inline(always)]
        fn __get(bytes: &Self::Bytes, _: usize) -> {ref_ident}<'_> {{ {ref_ident} {{ bytes }} }}
        #[inline(always)]
        fn __get_mut(bytes: &mut Self::Bytes) -> {mut_ident}<'_> {{ {mut_ident} {{ bytes }} }}
    }}
    impl<'a> {ref_ident}<'a> {guard} {{ {ref_methods} }}
    #[automatically_derived]
    impl<'a> ::core::clone::Clone for {ref_ident}<'a> {guard} {{
        #[inline(always)]
        fn clone(&self) -> Self {{ *self }}
    }}
    #[automatically_derived]
    impl<'a> ::core::marker::Copy for {ref_ident}<'a> {guard} {{}}
    #[automatically_derived]
    impl<'a> __wl::ViewRef<'a> for {ref_ident}<'a> {guard} {{
        type Target = {name};
        #[inline(always)]
        fn as_bytes(&self) -> &'a [u8] {{ self.bytes }}
    }}
    impl<'a> {mut_ident}<'a> {guard} {{ {mut_methods} }}
    #[automatically_derived]
    impl<'a> __wl::ViewMut<'a> for {mut_ident}<'a> {guard} {{
        type Target = {name};
        #[inline(always)]
        fn __bytes(&self) -> &{bytes_ty} {{ self.bytes }}
        #[inline(always)]
        fn __bytes_mut(&mut self) -> &mut {bytes_ty} {{ self.bytes }}
    }}
    {host_marker}
}};
"#
    );
    let tokens = parse_source(&src);
    if guard.is_empty() && host_check.is_none() && rules.is_none() {
        return tokens;
    }
    let spliced =
        Spliced { bounds, host_check: host_check.unwrap_or_default(), rules: rules.unwrap_or_default() };
    spliced.apply(tokens, 1)
}

/// Where `field_bounds` go in the expansion's source.
const GUARD: &str = "__wl_field_bounds";
/// Where the `#[repr(C)]` host check goes.
const HOST_CHECK: &str = "__wl_host_check";
/// Where `__SHAPE`, the rules' layout on the general path, goes.
const SHAPE: &str = "__wl_shape";

/// The parts of the expansion that carry spans of the input, each spliced
/// in at its marker.
struct Spliced {
    bounds: TokenStream,
    host_check: TokenStream,
    rules: TokenStream,
}

impl Spliced {
    /// Replaces the markers in `tokens`, looking `depth` groups deep (the
    /// markers sit at the top level and in the `const _` block, never in a
    /// function body).
    fn apply(&self, tokens: TokenStream, depth: usize) -> TokenStream {
        let mut out = TokenStream::new();
        for tt in tokens {
            match tt {
                TokenTree::Ident(i) if i == GUARD => out.extend(self.bounds.clone()),
                TokenTree::Ident(i) if i == HOST_CHECK => out.extend(self.host_check.clone()),
                TokenTree::Ident(i) if i == SHAPE => out.extend(self.rules.clone()),
                TokenTree::Group(g) if depth > 0 => {
                    let mut group = Group::new(g.delimiter(), self.apply(g.stream(), depth - 1));
                    group.set_span(g.span());
                    out.extend([TokenTree::Group(group)]);
                }
                other => out.extend([other]),
            }
        }
        out
    }
}

/// Parses generated source. Inside the compiler, with the compiler's own
/// lexer: `proc_macro2`'s `FromStr` first runs its own (slower) lexer over
/// the text to validate it. Outside (the expansion snapshots), with
/// `proc_macro2`'s.
fn parse_source(src: &str) -> TokenStream {
    if proc_macro::is_available() {
        if let Ok(ts) = src.parse::<proc_macro::TokenStream>() {
            return ts.into();
        }
    }
    src.parse::<TokenStream>().expect("generated source parses")
}

/// The per-field parts of the expansion, as source.
#[derive(Default)]
struct Parts {
    /// On the literal path, one compile-time check per field type that is
    /// not a scalar (arrays, `WasmPtr`): that its size and alignment are the
    /// ones the literals assume, and that it needs no check of its bytes
    /// where `__validate` leaves it out. Scalar fields need none: they are
    /// read and written as the built-in types, so a field type that only
    /// shares a scalar's name fails to type-check.
    expected_shapes: String,
    /// On the general path, the named consts that fields taking the generic
    /// path use as const arguments (their offsets, the size).
    const_args: String,
    offset_consts: String,
    field_layouts: String,
    validates: String,
    decodes: String,
    encodes: String,
    ref_methods: String,
    mut_methods: String,
}

/// Writes the per-field parts of the expansion as Rust source.
struct Source<'p> {
    /// The struct's name, for `Name::OFFSET_<FIELD>` on the general path.
    struct_ident: String,
    /// The layout as literals, when the derive knows it.
    predicted: Option<&'p Predicted>,
    /// `#[repr(packed)]`: a field may be unaligned, so it is copied, never borrowed.
    packed: bool,
}

impl Source<'_> {
    fn parts(&self, fields: &[Field]) -> Parts {
        use std::fmt::Write as _;
        let mut parts = Parts::default();
        let mut checked_types = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let (fi, name) = (f.ident.to_string(), &f.name);
            let vis = f.vis.to_token_stream().to_string();
            let ty = f.ty.to_token_stream().to_string();
            let scalar = scalar_name(&f.ty);
            let (at, off, size) = (self.at(i, name), self.off(i), self.size());
            let shape_offset = self.shape_offset(i);
            // On the literal path, a field type whose every byte is valid by
            // its name needs no check of its bytes, only of its name.
            let unchecked = scalar.is_none() && self.predicted.is_some() && !may_be_invalid(&f.ty);
            if let (None, Some(shape), Some(_)) = (scalar, known(&f.ty), self.predicted) {
                let (size, align) = (shape.size, shape.align);
                if !checked_types.contains(&ty) {
                    let _ = write!(
                        parts.expected_shapes,
                        "__wl::expect_shape::<{ty}>({size}, {align}, {unchecked});"
                    );
                    checked_types.push(ty.clone());
                }
            }
            let _ = write!(
                parts.offset_consts,
                "#[doc = \"Offset of `{name}` in bytes, in the wasm32 layout.\"] {vis} const OFFSET_{}: usize = {shape_offset};",
                name.to_uppercase()
            );
            let rename = match &f.attrs.rename {
                Some(lit) => format!("::core::option::Option::Some({})", lit.to_token_stream()),
                None => "__wl::NONE".to_string(),
            };
            // A scalar's descriptor by a plain path: rustc resolves it faster
            // than the trait's constant.
            let layout = match scalar {
                Some(sc) => format!("__wl::LAYOUT_{}", sc.to_uppercase()),
                None => format!("<{ty} as __wl::WasmLayout>::LAYOUT"),
            };
            let _ = write!(
                parts.field_layouts,
                "__wl::FieldLayout {{ name: \"{name}\", offset: {shape_offset}, ty: {layout}, rename: {rename} }},"
            );
            match scalar {
                Some("bool") => {
                    let _ = write!(parts.validates, "__wl::validate_bool(bytes, {at})?;");
                }
                Some(_) => {}
                None if unchecked => {}
                None => {
                    let _ = write!(parts.validates, "__wl::validate::<{ty}, {off}, {size}>(bytes)?;");
                }
            }
            match scalar {
                Some(sc) => {
                    let _ = write!(parts.decodes, "{fi}: __wl::read_{sc}(bytes, {at}),");
                    let _ = write!(
                        parts.encodes,
                        "{}__wl::write_{sc}(bytes, {at}, self.{fi});",
                        self.padding(fields, i)
                    );
                }
                None => {
                    if self.predicted.is_none() {
                        if parts.const_args.is_empty() {
                            parts.const_args.push_str("const __N: usize = __SHAPE.size;");
                        }
                        let _ = write!(parts.const_args, "const {off}: usize = __SHAPE.offsets[{i}];");
                    }
                    let _ = write!(parts.decodes, "{fi}: __wl::decode::<{ty}, {off}, {size}>(bytes),");
                    let value = if self.packed { format!("&{{ self.{fi} }}") } else { format!("&self.{fi}") };
                    let _ = write!(
                        parts.encodes,
                        "{}__wl::encode::<{ty}, {off}, {size}>({value}, bytes);",
                        self.padding(fields, i)
                    );
                }
            }
            self.view_methods(
                &mut parts.ref_methods,
                &mut parts.mut_methods,
                f,
                [&fi, &vis, &ty, &at, &off, &size],
            );
        }
        parts.encodes.push_str(&self.padding(fields, fields.len()));
        if !parts.expected_shapes.is_empty() {
            parts.expected_shapes = format!("const _: () = {{ {} }};", parts.expected_shapes);
        }
        parts
    }

    /// Field `i`'s offset as a runtime value: a literal, or the public
    /// offset constant.
    fn at(&self, i: usize, name: &str) -> String {
        match self.predicted {
            Some(p) => p.offsets[i].to_string(),
            None => format!("{}::OFFSET_{}", self.struct_ident, name.to_uppercase()),
        }
    }

    /// Field `i`'s offset as a const argument: a literal or a named const,
    /// never `{ expr }` (each braced argument is a body of its own for
    /// rustc to check and evaluate).
    fn off(&self, i: usize) -> String {
        self.predicted.map_or_else(|| format!("__O{i}"), |p| p.offsets[i].to_string())
    }

    /// The struct's size as a const argument.
    fn size(&self) -> String {
        self.predicted.map_or_else(|| "__N".to_string(), |p| p.size.to_string())
    }

    /// Field `i`'s offset in a constant.
    fn shape_offset(&self, i: usize) -> String {
        self.predicted.map_or_else(|| format!("__SHAPE.offsets[{i}]"), |p| p.offsets[i].to_string())
    }

    /// Zeroes the padding before field `next` (or, past the last field, the
    /// tail): from where the previous field ends to `next`'s offset. Known
    /// layouts write it only where there is padding.
    fn padding(&self, fields: &[Field], next: usize) -> String {
        match self.predicted {
            Some(p) => {
                let start = next.checked_sub(1).map_or(0, |i| p.ends[i]);
                let end = p.offsets.get(next).copied().unwrap_or(p.size);
                if start < end {
                    format!("__wl::zero_range(bytes, {start}, {end});")
                } else {
                    String::new()
                }
            }
            None => {
                let start =
                    next.checked_sub(1).map_or_else(|| "0".to_string(), |i| format!("__SHAPE.ends[{i}]"));
                let end =
                    fields.get(next).map_or_else(|| "__SHAPE.size".to_string(), |f| self.at(next, &f.name));
                format!("__wl::zero_range(bytes, {start}, {end});")
            }
        }
    }

    /// The getter of `<Name>Ref`; the getter, setter and (for fields that
    /// are not scalars) `<field>_mut` of `<Name>Mut`.
    fn view_methods(
        &self,
        r: &mut String,
        m: &mut String,
        f: &Field,
        [fi, vis, ty, at, off, size]: [&str; 6],
    ) {
        use std::fmt::Write as _;
        let name = &f.name;
        let scalar = scalar_name(&f.ty);
        let getter = |lifetime: &str, receiver: &str| {
            let (ret, body) = match scalar {
                Some("bool") => (
                    "::core::result::Result<bool, __wl::LayoutError>".to_string(),
                    format!("__wl::get_bool(self.bytes, {at})"),
                ),
                Some(sc) => (sc.to_string(), format!("__wl::read_{sc}(self.bytes, {at})")),
                None => (
                    format!("<{ty} as __wl::WasmLayout>::Ref<{lifetime}>"),
                    format!("__wl::get::<{ty}, {off}, {size}>(self.bytes)"),
                ),
            };
            format!(
                "#[doc = \"`{name}`, read from its wasm32 offset.\"] #[inline(always)] {vis} fn {fi}({receiver}) -> {ret} {{ {body} }}\n"
            )
        };
        // The read-only view is `Copy`: its getters take it by value, which
        // leaves rustc one lifetime fewer to check per getter.
        r.push_str(&getter("'a", "self"));
        m.push_str(&getter("'_", "&self"));
        // Scalars need no mutable view: `set_<field>` is all there is to do.
        let set_body = match scalar {
            Some(sc) => format!("__wl::write_{sc}(self.bytes, {at}, value)"),
            None => {
                let _ = writeln!(
                    m,
                    "#[doc = \"A mutable view of `{name}`.\"] #[inline(always)] {vis} fn {name}_mut(&mut self) -> <{ty} as __wl::WasmLayout>::Mut<'_> {{ __wl::get_mut::<{ty}, {off}, {size}>(self.bytes) }}"
                );
                format!("__wl::encode::<{ty}, {off}, {size}>(&value, self.bytes)")
            }
        };
        let _ = writeln!(
            m,
            "#[doc = \"Overwrites `{name}`.\"] #[inline(always)] {vis} fn set_{name}(&mut self, value: {ty}) {{ {set_body} }}"
        );
    }
}

/// For `#[repr(C)]`: compile-time proof that the host's layout is the
/// wasm32 layout, and the `HostLayout` marker that the zero-copy path needs.
/// Each assertion is spanned on what it checks, so a failure points at the
/// field (or the struct) whose host layout differs.
fn host_check(input: &Input, fields: &[Field], guard: &TokenStream, p: Option<&Predicted>) -> TokenStream {
    let ident = input.ident;
    let fix = "give #[repr(C)] the packing and alignment of #[layout]: #[layout(packed)] needs #[repr(C, packed)], #[layout(align = N)] needs #[repr(C, align(N))]";
    let size_msg = format!(
        "wasm-layout: `{ident}` is #[repr(C)] but its size on this host is not its wasm32 size; {fix}"
    );
    let align_msg =
        format!("wasm-layout: `{ident}` is #[repr(C)] but its alignment on this host is not its wasm32 alignment; {fix}");
    let offsets = fields.iter().enumerate().map(|(i, f)| {
        let fi = f.ident;
        let at = match p {
            Some(p) => Literal::usize_unsuffixed(p.offsets[i]).into_token_stream(),
            None => {
                let i = Literal::usize_unsuffixed(i);
                quote!(__SHAPE.offsets[#i])
            }
        };
        let msg = format!(
            "wasm-layout: `{ident}` is #[repr(C)] but field `{}` is at a different offset on this host than on wasm32; {fix}",
            f.name
        );
        quote_spanned! {fi.span()=>
            ::core::assert!(::core::mem::offset_of!(#ident, #fi) == #at, #msg);
        }
    });
    let lit = |n: usize| Literal::usize_unsuffixed(n).into_token_stream();
    let (size, align) =
        p.map_or_else(|| (quote!(__SHAPE.size), quote!(__SHAPE.align)), |p| (lit(p.size), lit(p.align)));
    quote_spanned! {ident.span()=>
        const _: () = {
            #(#offsets)*
            ::core::assert!(::core::mem::size_of::<#ident>() == #size, #size_msg);
            ::core::assert!(::core::mem::align_of::<#ident>() == #align, #align_msg);
        };
        #[automatically_derived]
        impl __wl::HostLayout for #ident #guard {}
    }
}

/// `where Color: WasmLayout, …` for the field types the derive cannot see
/// are `WasmLayout` (not scalars, not `WasmPtr`), spanned on the field type.
///
/// Every generated item repeats it, so a type that lacks the impl is one
/// error at the field (rustc reports identical errors once) instead of one
/// per generated use of the type. `WasmPtr<T>` is left out: `T` may be the
/// struct itself or point back to it, and the bound would be a cycle.
fn field_bounds(fields: &[Field], krate: &TokenStream) -> TokenStream {
    let mut seen = Vec::new();
    let mut bounds = Vec::new();
    for f in fields {
        for leaf in leaf_types(&f.ty) {
            let key = leaf.to_token_stream().to_string();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let bound = quote!(#leaf: #krate::__private::WasmLayout);
            bounds.push(respan(bound, leaf.span()));
        }
    }
    if bounds.is_empty() {
        return TokenStream::new();
    }
    quote!(where #(for<'__w> #bounds),*)
}

/// The named types inside `ty` whose `WasmLayout` impl is not built in.
fn leaf_types(ty: &Type) -> Vec<&Type> {
    match ty {
        Type::Array(a) => leaf_types(&a.elem),
        Type::Paren(p) => leaf_types(&p.elem),
        Type::Group(g) => leaf_types(&g.elem),
        _ if scalar(ty).is_some() || is_pointer(ty) => Vec::new(),
        _ => vec![ty],
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}
