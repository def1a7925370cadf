// The allocator map (arena, pools, the shared headers decoded) and the
// chart of memory statistics over time.
import { PoolSlotLayout, readArenaHeader, readPoolHeader, readPoolSlot } from "../../../layout-core/runtime/wasm-layout-runtime.ts";
import type { Demo, Sample, TrackedPool } from "./plan.ts";

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function slots(name: string, generations: readonly number[], base: number, stride: number): string {
  const cells = generations
    .map((g, i) => `<span class="slot ${g % 2 === 1 ? "live" : "free"}" data-goto="${base + i * stride}" title="slot ${i} at ${hex(base + i * stride)}: generation ${g} (${g % 2 === 1 ? "live" : "free"})">${g}</span>`)
    .join("");
  return `<div class="pool"><span class="what">${name}</span>${cells}</div>`;
}

function hostPool(name: string, p: TrackedPool): string {
  const s = p.pool.stats();
  return `${slots(`${name} at ${hex(s.base)}: ${s.live} live, ${s.free} free, high water ${s.highWater}`, p.generations, s.base, s.stride)}`;
}

function table(title: string, at: number, fields: Record<string, number>): string {
  const rows = Object.entries(fields)
    .map(([k, v]) => `<tr><td>${k}</td><td>${k === "magic" ? `${hex(v)} "${String.fromCharCode(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24)}"` : k === "base" || k === "table" ? `<a data-goto="${v}">${hex(v)}</a>` : v === 0xffffffff ? "none" : String(v)}</td></tr>`)
    .join("");
  return `<table class="header"><caption><a data-goto="${at}">${title} at ${hex(at)}</a></caption>${rows}</table>`;
}

/** The allocator map of `demo` into `el`. */
export function renderAllocators(el: HTMLElement, demo: Demo): void {
  const a = demo.arena.stats();
  const pct = (n: number) => `${((100 * n) / a.capacity).toFixed(2)}%`;
  const marks = demo.regions
    .map((r) => `<span class="mark" style="left:${pct(r.start - a.base)}" title="${r.label} at ${hex(r.start)}"></span>`)
    .join("");
  let html =
    `<div class="what">arena at ${hex(a.base)}: ${a.used} of ${a.capacity} bytes used, high water ${a.highWater}, ${a.allocations} allocations</div>` +
    `<div class="bar"><span class="high" style="width:${pct(a.highWater)}"></span><span class="used" style="width:${pct(a.used)}"></span>${marks}</div>` +
    hostPool("frame pool", demo.framePool) +
    hostPool("response pool", demo.responsePool);
  const m = demo.memory;
  if (demo.sharedArena && demo.sharedPool) {
    const view = new DataView(m.buffer);
    const ah = readArenaHeader(view, demo.sharedArena.at);
    const ph = readPoolHeader(view, demo.sharedPool.at);
    const gens = Array.from({ length: ph.slots }, (_, i) => readPoolSlot(view, ph.table + i * PoolSlotLayout.size).generation);
    html +=
      slots(`shared pool at ${hex(ph.base)}: ${ph.live} live, high water ${ph.high_water}`, gens, ph.base, ph.stride) +
      `<div class="headers">${table("ArenaHeader", demo.sharedArena.at, { ...ah })}${table("PoolHeader", demo.sharedPool.at, { ...ph })}</div>`;
  }
  el.innerHTML = html;
}

/** A line chart of the samples: pages, arena KiB used, live pool slots and live particles, each scaled to its own maximum. */
export function renderChart(canvas: HTMLCanvasElement, samples: readonly Sample[]): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const shown = samples.slice(-300);
  if (shown.length < 2) return;
  const series: [string, string, (s: Sample) => number][] = [
    ["pages", "#c33", (s) => s.pages],
    ["arena KiB", "#36c", (s) => s.arenaUsed / 1024],
    ["pool slots live", "#393", (s) => s.poolsLive],
    ["particles alive", "#a6a", (s) => s.alive],
  ];
  series.forEach(([name, colour, get], k) => {
    const max = Math.max(...shown.map(get), 1);
    ctx.strokeStyle = colour;
    ctx.beginPath();
    shown.forEach((s, i) => {
      const x = (i / (shown.length - 1)) * (w - 4) + 2;
      const y = h - 4 - (get(s) / max) * (h - 36);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.font = "11px sans-serif";
    ctx.fillText(`${name} ${Math.round(get(shown[shown.length - 1]!) * 10) / 10} (max ${Math.round(max * 10) / 10})`, 4 + (k % 2) * (w / 2), 12 + Math.floor(k / 2) * 13);
  });
}
