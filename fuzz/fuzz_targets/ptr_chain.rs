//! Chains of `WasmPtr`s through a guest-controlled memory: linked lists
//! (possibly cyclic), pointers to pointers and pointer arithmetic, each
//! checked against a reference that decodes the bytes by hand.
#![no_main]
#![forbid(unsafe_code)]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use wasm_layout::{LayoutError, ViewMut, ViewRef, WasmLayout, WasmPtr};
use wasm_layout_fuzz::shapes::Node;

#[derive(Arbitrary, Debug)]
struct Input {
    head: u32,
    steps: u8,
    count: usize,
    add: u32,
    memory: Vec<u8>,
}

/// The reference: what reading a `SIZE`-byte value at `ptr` must give.
fn expect(memory: &[u8], ptr: u32, size: usize, name: &'static str) -> Result<usize, LayoutError> {
    if ptr == 0 {
        return Err(LayoutError::NullPointer { type_name: name });
    }
    let at = ptr as usize;
    if at + size > memory.len() {
        return Err(LayoutError::OutOfBounds { offset: at, needed: size, available: memory.len() });
    }
    Ok(at)
}

fn le32(memory: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([memory[at], memory[at + 1], memory[at + 2], memory[at + 3]])
}

fuzz_target!(|input: Input| {
    let memory = &input.memory[..];

    // A linked list of `Node`s, followed by read and by view.
    let mut p = WasmPtr::<Node>::new(input.head);
    for _ in 0..input.steps {
        let want = expect(memory, p.offset(), Node::SIZE, "Node");
        let read = p.read(memory);
        let view = p.view(memory);
        match want {
            Ok(at) => {
                let node = read.expect("an in-bounds node reads");
                let v = view.expect("an in-bounds node views");
                assert_eq!(node.value, le32(memory, at));
                assert_eq!(node.next.offset(), le32(memory, at + 4));
                assert_eq!(v.next(), node.next);
                assert_eq!(v.read(), Ok(node));
                p = node.next;
            }
            Err(e) => {
                assert_eq!(read.err(), Some(e));
                assert_eq!(view.err(), Some(e));
                break;
            }
        }
    }

    // A pointer to a pointer to a u16 array.
    let pp = WasmPtr::<WasmPtr<[u16; 3]>>::new(input.head);
    match expect(memory, pp.offset(), 4, "WasmPtr") {
        Ok(at) => {
            let inner = pp.read(memory).expect("in bounds");
            assert_eq!(inner.offset(), le32(memory, at));
            match expect(memory, inner.offset(), 6, "array") {
                Ok(a) => {
                    let arr = inner.read(memory).expect("in bounds");
                    assert_eq!(arr[2], u16::from_le_bytes([memory[a + 4], memory[a + 5]]));
                }
                Err(e) => assert_eq!(inner.read(memory).err(), Some(e)),
            }
        }
        Err(e) => assert_eq!(pp.read(memory).err(), Some(e)),
    }

    // Pointer arithmetic never wraps.
    let q = WasmPtr::<Node>::new(input.head);
    let want = u64::from(input.head) + u64::from(input.add) * 8;
    assert_eq!(
        q.checked_add(input.add).map(|p| u64::from(p.offset())),
        (want <= u64::from(u32::MAX)).then_some(want)
    );

    // Slice views from the pointer: exactly when `count` nodes fit.
    let fits = |len: usize| {
        !q.is_null()
            && input
                .count
                .checked_mul(Node::SIZE)
                .and_then(|n| n.checked_add(q.offset() as usize))
                .is_some_and(|e| e <= len)
    };
    let s = q.view_slice(memory, input.count);
    assert_eq!(s.is_ok(), fits(memory.len()));
    if let Ok(s) = s {
        for (i, n) in s.iter().enumerate().take(16) {
            assert_eq!(n.value(), le32(memory, q.offset() as usize + 8 * i));
        }
    }

    // Writing through the pointer: exactly the 8 bytes of the node change.
    let mut copy = memory.to_vec();
    let node = Node { value: 0xDEAD_BEEF, next: WasmPtr::new(input.add) };
    match expect(memory, input.head, 8, "Node") {
        Ok(at) => {
            q.write(&mut copy, &node).expect("in bounds");
            assert_eq!(&copy[..at], &memory[..at]);
            assert_eq!(&copy[at + 8..], &memory[at + 8..]);
            let mut m = q.view_mut(&mut copy).expect("in bounds");
            m.set_value(7);
            m.next_mut().set(WasmPtr::null());
            assert_eq!(ViewMut::read(&m), Ok(Node { value: 7, next: WasmPtr::null() }));
            let mut sm = q.view_slice_mut(&mut copy, 1).expect("one node fits");
            assert!(sm.set(1, &node).is_err());
        }
        Err(e) => {
            assert_eq!(q.write(&mut copy, &node).err(), Some(e));
            assert_eq!(copy, memory, "a failed write wrote");
            assert!(q.view_mut(&mut copy).is_err());
        }
    }
});
