#![allow(non_snake_case, non_camel_case_types)]
// Names the derive's expansion once used internally are free for the user:
// a struct and fields named like them expand as any other.
use wasm_layout::WasmLayout;

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
struct __wl_shape {
    __wl_field_bounds: u32,
    __wl_host_check: u8,
}

#[derive(WasmLayout, Clone, Copy, PartialEq, Debug)]
#[repr(C)]
struct __wl_host_check {
    __SHAPE: __wl_shape,
    __N: u64,
}

fn main() {
    let v = __wl_shape { __wl_field_bounds: 5, __wl_host_check: 1 };
    let w = __wl_host_check { __SHAPE: v, __N: 9 };
    let mut bytes = [0u8; 16];
    w.write_to(&mut bytes).unwrap();
    assert_eq!(__wl_host_check::read_from(&bytes).unwrap(), w);
    assert_eq!(__wl_host_check::view(&bytes).unwrap().__SHAPE().__wl_field_bounds(), 5);
}
