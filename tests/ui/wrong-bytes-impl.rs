// A hand-written impl whose `Bytes` is not `SIZE` bytes is rejected when a
// derived struct uses it as a field, instead of misreading memory.
use wasm_layout::{LayoutError, TypeLayout, ValueMut, WasmLayout};

#[derive(Clone, Copy)]
struct Liar(u32);

impl WasmLayout for Liar {
    const SIZE: usize = 4;
    const ALIGN: usize = 4;
    const NAME: &'static str = "Liar";
    const LAYOUT: &'static TypeLayout = u32::LAYOUT;
    type Bytes = [u8; 3];
    type Ref<'a> = u32;
    type Mut<'a> = ValueMut<'a, Liar>;
    fn __validate(_: &[u8; 3]) -> Result<(), LayoutError> {
        Ok(())
    }
    fn __decode(b: &[u8; 3]) -> Self {
        Liar(u32::from(b[0]))
    }
    fn __encode(&self, b: &mut [u8; 3]) {
        b[0] = self.0 as u8;
    }
    fn __get(b: &[u8; 3], _: usize) -> u32 {
        u32::from(b[0])
    }
    fn __get_mut(b: &mut [u8; 3], _: usize) -> ValueMut<'_, Liar> {
        ValueMut::new(b)
    }
}

#[derive(WasmLayout)]
struct Holder {
    liar: Liar,
}

fn main() {
    let _ = Holder::read_from(&[0u8; 4]);
}

impl wasm_layout::WholeValue for Liar {}
