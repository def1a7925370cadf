// The golden conformance corpus in the browser: the generated bindings of
// tests/golden/corpus.ts read and write the bytes Rust wrote
// (tests/golden/fixtures.json), as tests/ts/bindings/corpus.test.ts checks
// in Node. Results go to the page and `window.wasmLayoutConformance`.
import * as bindings from "../../../tests/golden/corpus.ts";

type Reader = (view: DataView, ptr: number) => unknown;
type Writer = (view: DataView, ptr: number, value: unknown) => void;
type ViewClass = new (memory: WebAssembly.Memory, ptr: number) => Record<string, unknown>;
interface ValueFixture {
  type: string;
  fingerprint: bigint;
  hex: string;
  value: Record<string, unknown>;
}
interface InvalidFixture {
  type: string;
  hex: string;
  field: string;
  offset: number;
}
interface Results {
  done: boolean;
  passed: number;
  failed: string[];
}

declare global {
  interface Window {
    wasmLayoutConformance: Results;
  }
}

const results: Results = { done: false, passed: 0, failed: [] };
window.wasmLayoutConformance = results;
const api = bindings as unknown as Record<string, unknown>;
const PTR = 8;

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Deep equality of decoded values: numbers (NaN equal to NaN), bigints, booleans, arrays, objects. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || a === b;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function check(name: string, ok: () => boolean): void {
  try {
    if (ok()) results.passed += 1;
    else results.failed.push(name);
  } catch (e) {
    results.failed.push(`${name}: ${e}`);
  }
}

const text = await (await fetch("golden/fixtures.json")).text();
const fixtures = JSON.parse(text, (_key, v: unknown) => {
  if (typeof v !== "string") return v;
  if (/^-?\d+n$/.test(v)) return BigInt(v.slice(0, -1));
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return v;
}) as { values: ValueFixture[]; invalid: InvalidFixture[] };

for (const f of fixtures.values) {
  const bytes = bytesOf(f.hex);
  const placed = new Uint8Array(bytes.length + 2 * PTR).fill(0xff);
  placed.set(bytes, PTR);
  check(`read${f.type}`, () => same((api[`read${f.type}`] as Reader)(new DataView(placed.buffer), PTR), f.value));
  check(`write${f.type}`, () => {
    const out = new Uint8Array(bytes.length + 2 * PTR).fill(0xff);
    (api[`write${f.type}`] as Writer)(new DataView(out.buffer), PTR, f.value);
    const outside = [...out.subarray(0, PTR), ...out.subarray(PTR + bytes.length)];
    return hexOf(out.subarray(PTR, PTR + bytes.length)) === f.hex && outside.every((b) => b === 0xff);
  });
  check(`${f.type}Fingerprint`, () => api[`${f.type}Fingerprint`] === f.fingerprint);
  check(`${f.type}View`, () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    new Uint8Array(memory.buffer).set(bytes, 64);
    const view = new (api[`${f.type}View`] as ViewClass)(memory, 64);
    memory.grow(1); // the views must survive it
    return Object.entries(f.value).every(([field, expected]) => {
      const got = view[field];
      return (typeof got === "object" && got !== null && !Array.isArray(got)) || same(got, expected);
    });
  });
}
for (const f of fixtures.invalid) {
  check(`read${f.type} rejects ${f.field}`, () => {
    const placed = new Uint8Array(f.hex.length / 2 + 2 * PTR).fill(0xff);
    placed.set(bytesOf(f.hex), PTR);
    try {
      (api[`read${f.type}`] as Reader)(new DataView(placed.buffer), PTR);
      return false;
    } catch (e) {
      return e instanceof RangeError && e.message.includes(f.field) && e.message.includes(`offset ${PTR + f.offset}`);
    }
  });
}
results.done = true;
const out = document.getElementById("results")!;
out.textContent =
  `${results.passed} checks passed, ${results.failed.length} failed (${fixtures.values.length} value fixtures, ${fixtures.invalid.length} invalid)` +
  results.failed.map((f) => `\nFAILED ${f}`).join("");
