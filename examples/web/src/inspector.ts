// The memory inspector: what each byte of the guest's memory is (which
// value of which struct, which field, or padding, or a canary), from the
// regions the demo allocated and the generated layout descriptors
// (layouts.ts), and a hex view that colours and labels every byte.
import { LAYOUTS, type TypeDescriptor } from "./layouts.ts";
import type { Region } from "./plan.ts";

/** What one byte is. */
export interface ByteLabel {
  /** `field`, `padding`, `canary`, `allocated` (arena, not typed) or `free`. */
  readonly kind: "field" | "padding" | "canary" | "allocated" | "free";
  readonly region?: Region;
  /** The index of the value within its region. */
  readonly index: number;
  /** The struct of the value the byte belongs to. */
  readonly type: string;
  /** The field path from the region's type: `pos.y`, `id`. */
  readonly path: string;
  /** The field's type as in Rust: `f32`, `ptr<Particle>`, `Kind`. */
  readonly fieldType: string;
  /** Where the field starts in memory, and its offset in its region's struct. */
  readonly fieldAt: number;
  readonly offset: number;
  readonly size: number;
}

/** Where the canary words are. */
export interface Guard {
  readonly ptr: number;
  readonly size: number;
}

/** The field (or padding) at byte `rel` of a value of `type`, descending into nested structs. */
function fieldAt(type: TypeDescriptor, rel: number): { path: string; owner: string; fieldType: string; offset: number; size: number } | undefined {
  for (const f of type.fields) {
    if (rel < f.offset || rel >= f.offset + f.size) continue;
    const array = /^(.*)\[(\d+)\]$/.exec(f.type);
    if (array) {
      const elemSize = f.size / Number(array[2]);
      const i = Math.floor((rel - f.offset) / elemSize);
      return { path: `${f.name}[${i}]`, owner: type.name, fieldType: array[1]!, offset: f.offset + i * elemSize, size: elemSize };
    }
    const nested = LAYOUTS[f.type];
    if (nested && nested.fields.length > 0) {
      const inner = fieldAt(nested, rel - f.offset);
      if (inner) return { ...inner, owner: type.name, path: `${f.name}.${inner.path}`, offset: f.offset + inner.offset };
      return { path: `${f.name}.(padding)`, owner: type.name, fieldType: "padding", offset: rel, size: 1 };
    }
    return { path: f.name, owner: type.name, fieldType: f.type, offset: f.offset, size: f.size };
  }
  return undefined;
}

/** Labels bytes from the demo's regions, guard and arena. */
export class Labeller {
  readonly regions: readonly Region[];
  readonly guards: readonly Guard[];
  readonly arena: { base: number; top: number };
  constructor(regions: readonly Region[], guards: readonly Guard[], arena: { base: number; top: number }) {
    this.regions = regions;
    this.guards = guards;
    this.arena = arena;
  }

  at(addr: number): ByteLabel {
    const none = { index: 0, type: "", path: "", fieldType: "", fieldAt: addr, offset: 0, size: 1 };
    for (const g of this.guards) {
      if ((addr >= g.ptr - 4 && addr < g.ptr) || (addr >= g.ptr + g.size && addr < g.ptr + g.size + 4)) {
        const at = addr < g.ptr ? g.ptr - 4 : g.ptr + g.size;
        return { ...none, kind: "canary", type: "canary", path: addr < g.ptr ? "before" : "after", fieldType: "u32", fieldAt: at, size: 4 };
      }
    }
    // Later regions win: they were allocated after (and may reuse) earlier ones.
    for (let r = this.regions.length - 1; r >= 0; r--) {
      const region = this.regions[r]!;
      const type = LAYOUTS[region.type];
      if (!type || addr < region.start || addr >= region.start + region.count * type.size) continue;
      const index = Math.floor((addr - region.start) / type.size);
      const valueAt = region.start + index * type.size;
      const f = fieldAt(type, addr - valueAt);
      if (!f || f.fieldType === "padding") {
        return { ...none, kind: "padding", region, index, type: f?.owner ?? type.name, path: f?.path ?? "(padding)", fieldType: "padding", offset: addr - valueAt };
      }
      return { kind: "field", region, index, type: f.owner, path: f.path, fieldType: f.fieldType, fieldAt: valueAt + f.offset, offset: f.offset, size: f.size };
    }
    if (addr >= this.arena.base && addr < this.arena.top) return { ...none, kind: "allocated", type: "arena" };
    return { ...none, kind: "free" };
  }
}

/** The value of the field `label` names, decoded from `view`, and a pointer's target if it is one. */
export function decode(view: DataView, label: ByteLabel): { text: string; target?: number } {
  const at = label.fieldAt;
  if (at + label.size > view.byteLength) return { text: "(past the end)" };
  const t = label.fieldType;
  const ptr = /^ptr<(.*)>$/.exec(t);
  if (ptr) {
    const target = view.getUint32(at, true);
    return { text: `0x${target.toString(16)} → ${ptr[1]}`, target };
  }
  const e = LAYOUTS[t];
  if (e?.variants) {
    const raw = decode(view, { ...label, fieldType: e.repr ?? "u8" }).text;
    return { text: `${e.variants[Number(raw)] ?? "(invalid)"} (${raw})` };
  }
  switch (t) {
    case "u8": return { text: String(view.getUint8(at)) };
    case "i8": return { text: String(view.getInt8(at)) };
    case "u16": return { text: `${view.getUint16(at, true)} (0x${view.getUint16(at, true).toString(16)})` };
    case "i16": return { text: String(view.getInt16(at, true)) };
    case "u32": return { text: `${view.getUint32(at, true)} (0x${view.getUint32(at, true).toString(16)})` };
    case "i32": return { text: String(view.getInt32(at, true)) };
    case "u64": return { text: `0x${view.getBigUint64(at, true).toString(16)}` };
    case "i64": return { text: String(view.getBigInt64(at, true)) };
    case "f32": return { text: String(view.getFloat32(at, true)) };
    case "f64": return { text: String(view.getFloat64(at, true)) };
    case "bool": return { text: String(view.getUint8(at) === 1) };
    default: return { text: "" };
  }
}

/** A stable colour for a struct field. */
export function colourOf(label: ByteLabel): string {
  switch (label.kind) {
    case "padding": return "repeating-linear-gradient(45deg,#ddd 0 3px,#fff 3px 6px)";
    case "canary": return "#f4a3a3";
    case "allocated": return "#eee";
    case "free": return "transparent";
    default: {
      let h = 0;
      for (const c of `${label.type}.${label.path.replace(/\[\d+\]/g, "")}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
      return `hsl(${h % 360} 70% ${label.index % 2 === 0 ? 82 : 74}%)`;
    }
  }
}

/** The hex view: `rows` lines of 16 bytes from `start`, each byte a coloured cell with a legend column. */
export function renderHex(el: HTMLElement, bytes: Uint8Array, start: number, rows: number, labels: Labeller, selected: number): void {
  const out: string[] = [];
  let lastValue = "";
  for (let row = 0; row < rows; row++) {
    const lineAt = start + row * 16;
    if (lineAt >= bytes.length) break;
    const cells: string[] = [];
    const legend: string[] = [];
    for (let i = 0; i < 16; i++) {
      const addr = lineAt + i;
      const label = labels.at(addr);
      const cls = addr === selected ? "b sel" : "b";
      const title = label.kind === "field" ? `${label.type}.${label.path}` : label.kind;
      cells.push(`<span class="${cls}" data-addr="${addr}" title="${title}" style="background:${colourOf(label)}">${bytes[addr]!.toString(16).padStart(2, "0")}</span>`);
      const starts = label.kind === "field" ? label.fieldAt === addr : label.kind === "canary" && label.fieldAt === addr;
      if (starts) {
        const value = label.kind === "canary" ? "canary" : `${label.region?.type ?? label.type}[${label.index}]`;
        if (value !== lastValue) legend.push(`<b>${value}</b>`);
        lastValue = value;
        legend.push(label.path);
      }
    }
    out.push(`<div class="row"><span class="addr">${lineAt.toString(16).padStart(8, "0")}</span>${cells.join("")}<span class="legend">${legend.join(" ")}</span></div>`);
  }
  el.innerHTML = out.join("");
}
