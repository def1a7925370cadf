use wasm_layout::{WasmLayout, WasmPtr};

// `Self` inside a field type means the struct, also in the generated views.
#[derive(WasmLayout, Clone, Copy)]
struct ListNode {
    value: u32,
    next: WasmPtr<Self>,
    children: [WasmPtr<Self>; 2],
}

fn main() {
    assert_eq!(ListNode::SIZE, 16);
    let mut memory = [0u8; 32];
    let node = ListNode { value: 1, next: WasmPtr::new(16), children: [WasmPtr::null(); 2] };
    node.write_at(&mut memory, 16).unwrap();
    let head = ListNode::view_at(&memory, 16).unwrap();
    let next: WasmPtr<ListNode> = head.next();
    assert_eq!(next.read(&memory).unwrap().value, 1);
}
