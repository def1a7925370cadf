//! `#[derive(WasmLayout)]`: see the `wasm-layout` crate for the rules and
//! the generated API.
//!
//! The pipeline is one file per step: `ast` reads the input (with
//! `attr` parsing `#[layout(...)]` and `#[repr(...)]`), `check` applies
//! the rules that span several attributes or types, `expand` emits the
//! code, and on any error `fallback` emits the errors plus stubs, so the
//! user sees each mistake once instead of a cascade.
//!
//! Numbers: the rules live in `wasm-layout-rules` (`Placer`, `Scalar`),
//! shared with the core crate's `StructShape::new`, a const fn over the
//! field types' own `SIZE` and `ALIGN`. When every field type is one the
//! derive can name (scalars, `WasmPtr<T>`, arrays of them with literal
//! lengths), `expand::predict` runs the same `Placer` and writes the layout
//! as literals, which rustc checks much faster; otherwise the expansion
//! evaluates `StructShape::new`. The names are checked at compile time: a
//! scalar field is read and written as the built-in type, so a type that
//! only shares its name fails to type-check, and every other field type's
//! size, alignment and validity are asserted to be the ones its name stands
//! for. `cargo xtask difftest` checks both paths against an independent
//! implementation of the rules and clang.
//!
//! Code: the derive decides the layout and the names (every Rust name it
//! emits is declared in a `wasm_layout_rules::names` scope first, so a
//! clash is an error at the field), then calls the runtime's
//! `__private::struct_layout!` template with the input's own tokens.
//! Generic structs have an expansion of their own, `expand::generic`: one
//! generic impl whose constants `StructShape::new` computes over the type
//! parameters' `SIZE` and `ALIGN` per instantiation.
//! Enums with fields (`variant` reads and checks them) have an expansion of
//! their own, `expand::data_enum`, evaluated by the rules' `StructShape` per
//! case and `VariantShape` for the whole.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod ctxt;
mod doc;
mod expand;
mod fallback;
mod names;
#[cfg(test)]
mod snapshot;
mod symbol;
mod variant;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `WasmLayout`: the wasm32 layout, accessors and views of a struct
/// (a tuple struct too; also generic over types and `const` lengths, one
/// layout per instantiation, named `Vec2_f32` in the bindings),
/// of a fieldless enum with an integer `#[repr]` (with `FieldlessEnum`, for
/// `Open<E>`), of a `#[repr(C)]` union (views only: no `WholeValue`), or of an enum with fields
/// with `#[repr(C, u8)]` (or `C, u16` / `C, u32`), which also gets
/// `WasmVariant` and the `<Name>Ref` / `<Name>Mut` enums of case views.
///
/// A tuple struct (`struct Pair(u32, f32);`) is laid out as a struct with
/// fields `0`, `1`, … (Rust's own `repr(C)` layout). Field `0` has the
/// constant `OFFSET_0`, the getter `_0()`, the setter `set_0()` and, unless
/// it is a scalar, the mutable view `_0_mut()`, as a tuple variant's field
/// has in its case view; the C and Odin bindings name it `_0`, and the
/// TypeScript bindings make the struct a tuple type
/// (`type Pair = [number, number]`, fields `value[0]`, view accessors
/// `view[0]`). A newtype (`struct EntityId(u32);`, one field, no `packed` or `align`) has
/// its field's layout and is emitted as an alias of its field's type
/// (`type EntityId = number`, `typedef uint32_t EntityId;`,
/// `EntityId :: distinct u32`) with its own fingerprint.
/// `#[repr(transparent)]` is accepted: a one-field struct's wasm32 layout is
/// its field's; with `#[layout(packed)]` or `#[layout(align = N)]`, which
/// would change it, it is a compile error.
#[proc_macro_derive(WasmLayout, attributes(layout))]
pub fn derive_wasm_layout(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
