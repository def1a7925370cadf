//! Every error the TypeScript runtime can throw, made in Rust the same way
//! as `tests/ts/runtime/error-texts.ts` makes it, case by case.

use wasm_layout::memory::{
    hex_dump, Arena, Bump, Guarded, GuestAllocFns, GuestAllocator, LinearMemory, Memory, MemoryError, Pool,
    RequestBuffer, SharedArena, SharedPool, PAGE_SIZE,
};

type Cases = Vec<(&'static str, String)>;

fn push<T>(cases: &mut Cases, name: &'static str, result: Result<T, MemoryError>) {
    cases.push((name, result.map_or_else(|e| e.to_string(), |_| "no error".into())));
}

fn fresh() -> LinearMemory {
    LinearMemory::new(1, 2).unwrap()
}

fn put_u32(memory: &mut LinearMemory, at: usize, value: u32) {
    memory.bytes_mut()[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

const PAGE: u32 = PAGE_SIZE as u32;

/// The cases, named as in `error-texts.ts`, in its order.
pub fn rust_cases() -> Cases {
    let mut c = Cases::new();
    let mut arena = Arena::new(1024, 64).unwrap();
    push(&mut c, "zero size", arena.alloc(0, 8));
    push(&mut c, "bad align", arena.alloc(8, 12));
    push(&mut c, "address space", arena.alloc(1 << 32, 8));
    push(&mut c, "exhausted", arena.alloc(100, 16));
    push(&mut c, "arena at 0", Arena::new(0, 64));
    push(&mut c, "arena past 4 GiB", Arena::new(0xffff_fff0, 32));
    push(&mut c, "bump at 0", Bump::with_capacity(0, 64));
    push(
        &mut c,
        "place past the memory",
        Arena::new(PAGE - 4, 64).and_then(|mut a| a.place(&mut fresh(), &7u64)),
    );

    let mut pool = Pool::new(4096, 16, 8, 2).unwrap();
    let a = pool.alloc().unwrap();
    pool.alloc().unwrap();
    push(&mut c, "pool exhausted", pool.alloc());
    push(&mut c, "outside the pool", pool.handle_at(0x2000));
    push(&mut c, "not a slot start", pool.handle_at(0x1004));
    pool.free(a).unwrap();
    push(&mut c, "not allocated", pool.handle_at(0x1000));
    push(&mut c, "double free", pool.free(a));
    pool.alloc().unwrap();
    push(&mut c, "stale handle", pool.free(a));
    push(&mut c, "foreign handle", Pool::new(8192, 16, 8, 2).and_then(|mut p| p.free(a)));
    push(&mut c, "slot too small", Pool::new(0x3000, 4, 4, 2).and_then(|mut p| p.place(&mut fresh(), &7u64)));
    push(&mut c, "pool at 0", Pool::new(0, 16, 8, 4));
    push(&mut c, "pool slot of 2^33 bytes", Pool::new(4096, 1 << 33, 8, 1));
    push(&mut c, "pool past 4 GiB", Pool::new(0xffff_0000, 4096, 8, 32));

    let mut memory = fresh();
    let g = Guarded::alloc(&mut Arena::new(0x9000, 256).unwrap(), &mut memory, 8, 8).unwrap();
    memory.bytes_mut()[g.ptr() as usize + 8] = 0x11;
    push(&mut c, "canary after", g.check(&memory));
    memory.bytes_mut()[g.ptr() as usize - 1] = 0x22;
    push(&mut c, "canary before", g.check(&memory));
    push(&mut c, "guard past 4 GiB", Guarded::at(0xffff_fff0, 0x20).write(&mut memory));
    push(&mut c, "guard below 4", Guarded::at(2, 4).check(&memory));
    push(&mut c, "guard past the memory", Guarded::at(PAGE - 2, 4).write(&mut memory));
    let rb = RequestBuffer::new(&mut Arena::new(0x8000, 1024).unwrap(), 100).unwrap();
    push(&mut c, "request too large", rb.write_request(&mut memory, &[0; 101]));
    push(&mut c, "response too large", rb.response(&memory, 200));
    push(&mut c, "grow failed", memory.ensure_capacity(3 * PAGE_SIZE as u64));
    push(&mut c, "hex dump past the memory", hex_dump(memory.bytes(), PAGE_SIZE - 4, 8));

    let shared_arena = || {
        let mut m = fresh();
        SharedArena::init(&mut m, 0x100, 0x200, 64).unwrap();
        m
    };
    for (name, offset, value) in [
        ("shared arena magic", 0, 0x1234_5678),
        ("shared arena capacity", 12, 0),
        ("shared arena used", 16, 65),
        ("shared arena high_water", 20, 65),
        ("shared arena base", 8, 0x110),
        ("shared arena base 0", 8, 0),
        ("shared arena capacity past the memory", 12, PAGE),
        ("shared arena flags", 4, 0x10001),
    ] {
        let mut m = shared_arena();
        put_u32(&mut m, 0x100 + offset, value);
        push(&mut c, name, SharedArena::open(&m, 0x100));
    }
    let mut m = shared_arena();
    m.bytes_mut()[0x104..0x106].copy_from_slice(&2u16.to_le_bytes());
    push(&mut c, "shared arena version", SharedArena::open(&m, 0x100).and_then(|a| a.alloc(&mut m, 8, 8)));
    let mut m = shared_arena();
    push(
        &mut c,
        "shared arena exhausted",
        SharedArena::open(&m, 0x100).and_then(|a| a.alloc(&mut m, 100, 8)),
    );
    push(&mut c, "shared arena over its header", SharedArena::init(&mut fresh(), 0x100, 0xf0, 64));
    push(&mut c, "shared arena at 0", SharedArena::init(&mut fresh(), 0x100, 0, 64));
    push(
        &mut c,
        "shared arena region past the memory",
        SharedArena::init(&mut fresh(), 0x100, PAGE - 32, 64),
    );
    push(&mut c, "shared arena header past the memory", SharedArena::init(&mut fresh(), PAGE - 8, 0x200, 64));

    let shared_pool = || {
        let mut m = fresh();
        SharedPool::init(&mut m, 0x100, 16, 8, 4).unwrap();
        m
    };
    for (name, offset, value) in [
        ("shared pool magic", 0, 0),
        ("shared pool stride", 12, 0),
        ("shared pool slots", 16, 0),
        ("shared pool table", 20, PAGE - 8),
        ("shared pool free_head", 24, 9),
        ("shared pool live", 28, 5),
        ("shared pool base", 8, 0x108),
        ("shared pool base 0", 8, 0),
        ("shared pool high_water", 32, 5),
        ("shared pool version", 4, 2),
        ("shared pool table over its header", 20, 0x110),
        ("shared pool slots over its table", 8, 0x130),
    ] {
        let mut m = shared_pool();
        put_u32(&mut m, 0x100 + offset, value);
        push(&mut c, name, SharedPool::open(&m, 0x100));
    }
    let mut m = shared_pool();
    put_u32(&mut m, 0x100 + 40, 1); // the first free slot's generation: odd, as if live
    push(&mut c, "shared pool free list", SharedPool::open(&m, 0x100).and_then(|p| p.alloc(&mut m)));
    put_u32(&mut m, 0x100 + 40, 0);
    put_u32(&mut m, 0x100 + 28, 4); // live: every slot, though the free list has one
    push(
        &mut c,
        "shared pool live when allocating",
        SharedPool::open(&m, 0x100).and_then(|p| p.alloc(&mut m)),
    );
    let mut m = shared_pool();
    let p = SharedPool::open(&m, 0x100).unwrap();
    let h = p.alloc(&mut m).unwrap();
    p.free(&mut m, h).unwrap();
    push(&mut c, "shared pool double free", p.free(&mut m, h));
    let foreign = Pool::new(8192, 16, 8, 2).unwrap().alloc().unwrap();
    push(&mut c, "shared pool foreign handle", p.free(&mut m, foreign));
    let small = SharedPool::init(&mut m, 0x800, 4, 4, 2).unwrap();
    push(&mut c, "shared pool slot too small", small.place(&mut m, &7u64));
    for _ in 0..4 {
        p.alloc(&mut m).unwrap();
    }
    push(&mut c, "shared pool exhausted", p.alloc(&mut m));
    push(&mut c, "shared pool table past the memory", SharedPool::init(&mut fresh(), PAGE - 64, 16, 8, 4));

    // A guest whose allocator returns a misaligned pointer.
    let mut guest = Returning(fresh(), 0x1004);
    push(&mut c, "guest pointer misaligned", GuestAllocator::new(0x1000).alloc(&mut guest, 8, 8));
    push(&mut c, "guest pointer below the heap", GuestAllocator::new(0x2000).alloc(&mut guest, 8, 8));
    c
}

/// A guest allocator that returns one pointer, whatever is asked.
struct Returning(LinearMemory, u32);

impl GuestAllocFns for Returning {
    type Error = MemoryError;
    fn alloc(&mut self, _size: u32, _align: u32) -> Result<u32, MemoryError> {
        Ok(self.1)
    }
    fn free(&mut self, _ptr: u32) -> Result<(), MemoryError> {
        Ok(())
    }
    fn memory(&mut self) -> &mut [u8] {
        self.0.bytes_mut()
    }
}

/// The strings of a JSON value made only of arrays and strings (what
/// `JSON.stringify` gives for `[string, string][]`), in order.
pub fn json_strings(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = json.chars();
    while let Some(ch) = chars.next() {
        if ch != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(ch) = chars.next() {
            match ch {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        s.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    Some(other) => s.push(other),
                    None => break,
                },
                other => s.push(other),
            }
        }
        out.push(s);
    }
    out
}
