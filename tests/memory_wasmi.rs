//! A Rust host allocating inside a wasm guest's memory (run by wasmi): the
//! allocators work on the engine's memory seen as `&mut [u8]`, and the
//! guest reads what the host placed.

use wasm_layout::memory::{Arena, Bump, MemoryError, SharedArena, PAGE_SIZE};
use wasm_layout::{WasmLayout, WasmPtr};
use wasmi::{Engine, Linker, Module, Store};

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(WasmLayout, Debug, Clone, Copy, PartialEq)]
struct Segment {
    a: WasmPtr<Point>,
    b: WasmPtr<Point>,
    weight: u32,
}

const GUEST: &str = r#"
(module
  (memory (export "memory") 1 4)
  ;; x + y of the Point at $p
  (func (export "sum") (param $p i32) (result f64)
    (f64.add (f64.load (local.get $p)) (f64.load offset=8 (local.get $p))))
  ;; the Segment at $s: weight * (a.x + b.y), following both pointers
  (func (export "segment") (param $s i32) (result f64)
    (f64.mul
      (f64.convert_i32_u (i32.load offset=8 (local.get $s)))
      (f64.add
        (f64.load (i32.load (local.get $s)))
        (f64.load offset=8 (i32.load offset=4 (local.get $s))))))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
"#;

#[test]
fn host_places_values_in_guest_memory() -> Result<(), Box<dyn std::error::Error>> {
    let engine = Engine::default();
    let module = Module::new(&engine, wat::parse_str(GUEST)?)?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module)?;
    let memory = instance.get_memory(&store, "memory").ok_or("no memory export")?;
    let sum = instance.get_typed_func::<u32, f64>(&store, "sum")?;
    let segment = instance.get_typed_func::<u32, f64>(&store, "segment")?;
    let grow = instance.get_typed_func::<u32, i32>(&store, "grow")?;

    // A host-side arena over part of the guest's memory.
    let mut arena = Arena::new(1024, 16 * 1024)?;
    let a = arena.place(memory.data_mut(&mut store), &Point { x: 1.5, y: 2.0 })?;
    let b = arena.place(memory.data_mut(&mut store), &Point { x: 10.0, y: 0.25 })?;
    let s = arena.place(memory.data_mut(&mut store), &Segment { a, b, weight: 4 })?;
    assert_eq!(sum.call(&mut store, a.offset())?, 3.5);
    assert_eq!(segment.call(&mut store, s.offset())?, 4.0 * (1.5 + 0.25));
    assert_eq!(s.read(memory.data(&store))?.b.read(memory.data(&store))?.x, 10.0);

    // The engine's memory is a fixed slice to the host: a bump allocator
    // refuses to pass its end (and changes nothing) until the guest grows.
    let mut bump = Bump::new(PAGE_SIZE as u32 - 8).unwrap();
    let before = bump.clone();
    let err = bump.place(memory.data_mut(&mut store), &Point { x: 0.0, y: 7.0 }).map(|_| ()).unwrap_err();
    assert!(matches!(err, MemoryError::CannotGrow { .. }), "{err}");
    assert_eq!(bump, before);
    assert_eq!(grow.call(&mut store, 1)?, 1);
    let p = bump.place(memory.data_mut(&mut store), &Point { x: 0.0, y: 7.0 })?;
    assert_eq!(sum.call(&mut store, p.offset())?, 7.0);

    // A shared arena: its header lives in the guest's memory.
    let shared = SharedArena::init(memory.data_mut(&mut store), 32, 40_000, 1024)?;
    let q = shared.place(memory.data_mut(&mut store), &Point { x: 2.0, y: 3.0 })?;
    assert_eq!(q.offset(), 40_000);
    assert_eq!(sum.call(&mut store, q.offset())?, 5.0);
    assert_eq!(shared.stats(memory.data(&store))?.used, 16);
    Ok(())
}
