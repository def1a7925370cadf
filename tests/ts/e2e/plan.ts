// What the end-to-end hosts in Node share with the Rust host
// (tests/e2e-support/src/lib.rs): the time step, gravity, the particles they
// create, and how an f64 is printed.
import { Kind, type Particle, type Vec3 } from "./schema.ts";

/** Time step: exact in f32 and in JavaScript numbers. */
export const DT = 1 / 16;
/** Gravity, pulling down along y. */
export const GRAVITY: Vec3 = { x: 0, y: -9.75, z: 0 };

/** The i-th particle, as `host::particle` in Rust: every number exact in f32. */
export function particle(i: number): Particle {
  const kinds = [Kind.Dust, Kind.Spark, Kind.Smoke] as const;
  return {
    pos: { x: (i % 32) * 0.25 - 4, y: 1 + (i % 7) * 0.5, z: (Math.floor(i / 32) % 8) * 0.125 },
    vel: { x: (((i * 7) % 11) - 5) * 0.5, y: ((i * 3) % 13) * 0.75 - 3, z: (((i * 5) % 9) - 4) * 0.25 },
    mass: 0.5 + (i % 4) * 0.25,
    kind: kinds[i % 3]!,
    alive: true,
    flags: 0,
    id: 0x5eed000000000000n | BigInt(i),
  };
}

/** An f64's bits as 16 hex digits, as Rust's `{:016x}` of `to_bits()`. */
export function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x, true);
  return v.getBigUint64(0, true).toString(16).padStart(16, "0");
}
