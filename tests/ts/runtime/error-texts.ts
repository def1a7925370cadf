// Prints, as a JSON array, the message of each error case that
// tests/memory_ts.rs also produces in Rust, to compare the texts.
import { Arena, ErrorText, Guarded, Pool, RequestBuffer, SharedArena } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof RangeError) return e.message;
    throw e;
  }
  return "no error";
}

const memory = new WebAssembly.Memory({ initial: 1 });
const arena = new Arena(1024, 64);
const pool = new Pool(4096, 16, 8, 1);
const h = pool.alloc();
const rb = new RequestBuffer(new Arena(0x8000, 1024), 100);
const g = Guarded.alloc(new Arena(0x9000, 256), memory, 8, 8);
new Uint8Array(memory.buffer)[g.ptr + 8] = 0x11;
SharedArena.init(memory, 0x100, 0x200, 64);
new DataView(memory.buffer).setUint16(0x104, 2, true);

console.log(
  JSON.stringify([
    message(() => arena.alloc(0, 8)),
    message(() => arena.alloc(8, 12)),
    message(() => arena.alloc(2 ** 32, 8)),
    message(() => arena.alloc(100, 16)),
    message(() => pool.alloc()),
    message(() => pool.handleAt(0x2000)),
    message(() => pool.handleAt(0x1004)),
    message(() => {
      pool.free(h);
      pool.free(h);
    }),
    message(() => {
      const h2 = pool.alloc();
      pool.free(h2);
      pool.alloc();
      pool.free(h2);
    }),
    message(() => rb.writeRequest(memory, new Uint8Array(101))),
    message(() => rb.response(memory, 200)),
    message(() => g.check(memory)),
    message(() => SharedArena.open(memory, 0x100)),
    message(() => new Arena(0xffff_fff0, 32)),
    ErrorText.growFailed(2, 3, 4),
    ErrorText.notAllocated(0x1000),
  ]),
);
