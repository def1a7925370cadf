// A property of the generated TypeScript (../../golden/corpus.ts) over
// random and hostile numbers: every write, whole-value or through a view,
// either succeeds and reads back, or throws a RangeError with memory
// unchanged. `cargo test --test bindings` runs this on a fresh copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as bindings from "../../golden/corpus.ts";

type Kind = "u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "u64" | "i64" | "f32" | "f64" | "bool";

const INT_RANGE: Partial<Record<Kind, [number, number]>> = {
  u8: [0, 255],
  u16: [0, 65535],
  u32: [0, 4294967295],
  i8: [-128, 127],
  i16: [-32768, 32767],
  i32: [-2147483648, 2147483647],
};

/** Whether `value` is a valid `kind`, by the Rust type's own range. */
function valid(kind: Kind, value: unknown): boolean {
  const range = INT_RANGE[kind];
  if (range !== undefined) {
    return typeof value === "number" && Number.isInteger(value) && value >= range[0] && value <= range[1];
  }
  if (kind === "u64") return typeof value === "bigint" && value >= 0n && value < 2n ** 64n;
  if (kind === "i64") return typeof value === "bigint" && value >= -(2n ** 63n) && value < 2n ** 63n;
  if (kind === "bool") return typeof value === "boolean";
  return typeof value === "number";
}

/** What a valid `value` of `kind` reads back as (an integer -0 as 0). */
function stored(kind: Kind, value: unknown): unknown {
  if (INT_RANGE[kind] !== undefined && value === 0) return 0;
  return kind === "f32" ? Math.fround(value as number) : value;
}

const hostileNumber = fc.oneof(
  fc.integer({ min: -300, max: 70000 }),
  fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, -1, 2 ** 31, 2 ** 32, 2 ** 32 + 8, 2 ** 53, 255, 256, 65536),
);
const hostileBigint = fc.oneof(
  fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }),
  fc.constantFrom(2n ** 64n, 2n ** 64n - 1n, 2n ** 63n, -(2n ** 63n), -(2n ** 63n) - 1n, -1n, 0n),
);
const hostile = (kind: Kind): fc.Arbitrary<unknown> =>
  kind === "u64" || kind === "i64"
    ? fc.oneof({ weight: 4, arbitrary: hostileBigint }, { weight: 1, arbitrary: hostileNumber })
    : kind === "bool"
      ? fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom(0, 1, "true", null) })
      : fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 1, arbitrary: fc.constantFrom("1", null, 1n) });

const SCALARS: Record<keyof bindings.AllScalars, Kind> = {
  a_u8: "u8",
  a_u16: "u16",
  a_u32: "u32",
  a_u64: "u64",
  a_i8: "i8",
  a_i16: "i16",
  a_i32: "i32",
  a_i64: "i64",
  a_f32: "f32",
  a_f64: "f64",
  a_bool: "bool",
};
const fields = Object.keys(SCALARS) as (keyof bindings.AllScalars)[];
const SIZE = bindings.AllScalarsLayout.size;

/** A valid value of `kind`. */
const validOf = (kind: Kind): fc.Arbitrary<unknown> => {
  const range = INT_RANGE[kind];
  if (range !== undefined) return fc.integer({ min: range[0], max: range[1] });
  if (kind === "u64") return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
  if (kind === "i64") return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
  if (kind === "bool") return fc.boolean();
  return fc.double();
};
// Records as a caller writes them: fast-check otherwise also makes objects
// without a prototype, which `deepStrictEqual` never finds equal to what a
// reader returns.
const PLAIN = { noNullPrototype: true } as const;
type Fields = Record<keyof bindings.AllScalars, unknown>;
const arbitraryOf = (of: (kind: Kind) => fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(fields.map((f) => [f, of(SCALARS[f])])) as Record<keyof bindings.AllScalars, fc.Arbitrary<unknown>>, PLAIN);
// Mostly a valid value with one hostile field, so each check is exercised
// alone; sometimes hostile throughout.
const allScalars: fc.Arbitrary<Fields> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(arbitraryOf(validOf), fc.constantFrom(...fields))
      .chain(([base, f]) => hostile(SCALARS[f]).map((bad) => ({ ...base, [f]: bad }) as Fields)),
  },
  { weight: 1, arbitrary: arbitraryOf(hostile) },
);
const pointer = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 65536 - SIZE }) },
  { weight: 1, arbitrary: fc.integer({ min: 65536 - SIZE + 1, max: 65536 + 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -1, 1.5, 2 ** 32, -0, Infinity) },
);

function expectRefused(run: () => void, memory: WebAssembly.Memory, what: string): void {
  const before = new Uint8Array(memory.buffer).slice();
  assert.throws(run, RangeError, what);
  assert.deepStrictEqual(new Uint8Array(memory.buffer), before, `${what}: memory changed`);
}

const validPtr = (ptr: number) => Number.isInteger(ptr) && ptr >= 0 && ptr < 2 ** 32;
const inBounds = (ptr: number, size: number) => validPtr(ptr) && ptr + size <= 65536;

test("writeAllScalars: succeeds and reads back, or a RangeError with memory unchanged", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  new Uint8Array(memory.buffer).fill(0x5a);
  fc.assert(
    fc.property(allScalars, pointer, (value, ptr) => {
      const dv = new DataView(memory.buffer);
      const ok = fields.every((f) => valid(SCALARS[f], value[f])) && inBounds(ptr, SIZE);
      const write = () => bindings.writeAllScalars(dv, ptr, value as unknown as bindings.AllScalars);
      if (!ok) return expectRefused(write, memory, JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)));
      write();
      const back = bindings.readAllScalars(dv, ptr);
      for (const f of fields) assert.ok(Object.is(back[f], stored(SCALARS[f], value[f])) || back[f] === value[f], f);
    }),
    { numRuns: 500 },
  );
});

test("AllScalarsView setters: succeed and read back, or a RangeError with memory unchanged", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  new Uint8Array(memory.buffer).fill(0x5a);
  const field = fc.constantFrom(...fields);
  fc.assert(
    fc.property(
      field.chain((f) => fc.tuple(fc.constant(f), hostile(SCALARS[f]))),
      pointer,
      ([f, value], ptr) => {
        if (!validPtr(ptr)) {
          return expectRefused(() => new bindings.AllScalarsView(memory, ptr), memory, `new view at ${ptr}`);
        }
        const view = new bindings.AllScalarsView(memory, ptr) as unknown as Record<string, unknown>;
        const set = () => {
          view[f] = value;
        };
        if (!valid(SCALARS[f], value) || !inBounds(ptr, SIZE)) return expectRefused(set, memory, `${f} = ${String(value)}`);
        set();
        const back = view[f];
        assert.ok(Object.is(back, stored(SCALARS[f], value)) || back === value, `${f}: ${String(back)}`);
      },
    ),
    { numRuns: 500 },
  );
});

test("writeRect: enums, arrays, pointers and nested structs, all or nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  new Uint8Array(memory.buffer).fill(0x5a);
  const kinds = [1, 2, 200];
  const rect = fc.record({
    min: fc.record({ x: fc.double(), y: hostile("f64") }, PLAIN),
    max: fc.record({ x: fc.double(), y: fc.double() }, PLAIN),
    kind: fc.oneof(fc.constantFrom(...kinds), hostileNumber),
    alive: hostile("bool"),
    tags: fc.array(hostile("u16"), { minLength: 0, maxLength: 4 }),
    next: hostile("u32"),
  }, PLAIN);
  fc.assert(
    fc.property(rect, pointer, (value, ptr) => {
      const dv = new DataView(memory.buffer);
      const ok =
        valid("f64", value.min.y) &&
        kinds.includes(value.kind as number) &&
        valid("bool", value.alive) &&
        value.tags.length === 3 &&
        value.tags.every((t) => valid("u16", t)) &&
        valid("u32", value.next) &&
        inBounds(ptr, bindings.RectLayout.size);
      const write = () => bindings.writeRect(dv, ptr, value as unknown as bindings.Rect);
      if (!ok) return expectRefused(write, memory, "writeRect");
      write();
      const read = {
        ...value,
        kind: stored("u8", value.kind),
        tags: value.tags.map((t) => stored("u16", t)),
        next: stored("u32", value.next),
      };
      assert.deepStrictEqual(bindings.readRect(dv, ptr), read);
    }),
    { numRuns: 500 },
  );
});
