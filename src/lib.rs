#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use wasm_layout_core::*;

/// The TypeScript, C and Odin generators (needs the `std` feature).
#[cfg(feature = "std")]
pub use wasm_layout_codegen as codegen;
#[cfg(feature = "std")]
pub use wasm_layout_codegen::{Bindings, BindingsError, Export, ExportError};
/// Derives [`WasmLayout`](trait@WasmLayout) for a struct or a fieldless enum
/// with an integer `#[repr]`.
///
/// For a struct `Name` it also defines the views `NameRef` and `NameMut`
/// (with the struct's visibility), and inherent constants
/// `Name::OFFSET_<FIELD>`.
///
/// Attributes, all under `#[layout(...)]`:
///
/// | on | attribute | effect |
/// |---|---|---|
/// | struct | `packed` | no padding, alignment 1 |
/// | struct | `align = N` | alignment at least `N` (a power of two) |
/// | struct, enum | `rename = "Name"` | the name in generated TypeScript, C and Odin |
/// | struct | `rename_all = "camelCase"` | how generated code spells field names |
/// | field, variant | `rename = "name"` | the name in generated code |
/// | struct, enum | `crate = "path"` | where the runtime is, if not `::wasm_layout` |
/// | generic struct | `rename_instances(Vec2_f32 = "Vec2f")` | the name in generated code of one instantiation, by the name it would have |
///
/// A struct may be generic over types and `const` lengths
/// (`struct Vec2<T> { x: T, y: T }`, `struct Buf<const N: usize> { data:
/// [u8; N] }`). Each type parameter gets a `WasmLayout` bound, so an
/// argument without a layout is a compile error where the struct is used;
/// every instantiation gets its layout from its arguments'
/// (`Vec2::<f32>::SIZE`, `Vec2::<f32>::OFFSET_Y`), its views, and
/// `WholeValue` when its field types have it. Its Rust name is `Vec2<f32>`
/// (`NAME`, in errors); in generated TypeScript, C and Odin each
/// instantiation a root uses is emitted once, named after the struct (or its
/// `rename`) and then `_` and each argument: a scalar's Rust name (`f32`), a
/// struct's or enum's generated name (`Vec2_Vec2_f32`), `u8x4` for
/// `[u8; 4]`, `ptr_T` for `WasmPtr<T>`, the number for a `const` argument
/// (`Buf_16`). A user type of that name is a `BindingsError::NameConflict`;
/// rename the generic struct, or the one instantiation with
/// `rename_instances`, to resolve it. Stable Rust cannot size an array
/// from a type parameter, so a generic struct's bytes are its fields' bytes
/// back to back: an instantiation whose layout has padding (`Pair<u8, u32>`)
/// is a compile error, as are lifetimes, `align` and `#[repr(packed)]`
/// (`#[layout(packed)]` is fine). With `#[repr(C)]`, the host check runs per
/// instantiation, when its `SIZE` is evaluated.
///
/// ```
/// use wasm_layout::WasmLayout;
///
/// #[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
/// #[repr(C)]
/// pub struct Vec2<T> {
///     pub x: T,
///     pub y: T,
/// }
///
/// assert_eq!((Vec2::<u16>::SIZE, Vec2::<f64>::OFFSET_Y), (4, 8));
/// assert_eq!((Vec2::<f32>::NAME, Vec2::<f32>::LAYOUT.export_name()), ("Vec2<f32>", "Vec2_f32"));
/// let mut bytes = [0u8; 8];
/// Vec2 { x: 1.5f32, y: 2.0 }.write_to(&mut bytes)?;
/// assert_eq!(Vec2::<f32>::view(&bytes)?.y(), 2.0);
/// # Ok::<(), wasm_layout::LayoutError>(())
/// ```
pub use wasm_layout_derive::WasmLayout;
