// The web demo's page: picks a guest, runs the end-to-end plan and then the
// live simulation, draws the particles, and shows the memory inspector, the
// allocator map and the statistics chart. `window.wasmLayoutDemo` is what the
// browser test reads.
import { ParticleLayout, ParticleView } from "../../../tests/ts/e2e/schema.ts";
import { E2E_PLAN } from "../../../tests/ts/e2e/plan.ts";
import { Demo, type Plan } from "./plan.ts";
import { Labeller, decode, renderHex, type ByteLabel } from "./inspector.ts";
import { renderAllocators, renderChart } from "./panels.ts";
import { formatMemoryStats, memoryStats } from "../../../layout-core/runtime/wasm-layout-runtime.ts";

interface GuestEntry {
  name: string;
  url: string;
}

/** What the browser test reads. */
interface DemoHandle {
  state: "loading" | "live" | "failed";
  error?: string;
  demo?: Demo;
  label(addr: number): ByteLabel;
  planMemoryHex(): string;
  /** Keeps a view of the particle at `ptr`, made now; `kept` reads it later (after memory.grow). */
  keep(ptr: number): void;
  kept(): { id: string; pos: number[] } | undefined;
}

declare global {
  interface Window {
    wasmLayoutDemo: DemoHandle;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const plan: Plan = (() => {
  const p = params.get("plan")?.split(",").map(Number);
  return p?.length === 4 && p.every(Number.isInteger) ? { first: p[0]!, firstFrames: p[1]!, spawned: p[2]!, secondFrames: p[3]! } : E2E_PLAN;
})();
const ROWS = 24;

let demo: Demo | undefined;
let viewStart = 0;
let selected = -1;
let running = params.get("paused") === null;
let timer = 0;

const handle: DemoHandle = {
  state: "loading",
  label: (addr) => labeller().at(addr),
  planMemoryHex: () => Array.from(demo?.planMemory ?? [], (b) => b.toString(16).padStart(2, "0")).join(""),
  keep: (ptr) => {
    kept = new ParticleView(demo!.memory, ptr);
  },
  kept: () => kept && { id: kept.id.toString(16), pos: [kept.pos.x, kept.pos.y, kept.pos.z] },
};
let kept: ParticleView | undefined;
window.wasmLayoutDemo = handle;

function labeller(): Labeller {
  const d = demo!;
  return new Labeller(d.regions, d.guarded ? [d.guarded] : [], { base: d.arena.base, top: d.arena.base + d.arena.used });
}

function draw(): void {
  const d = demo!;
  const canvas = $<HTMLCanvasElement>("scene");
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#10141c";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const colours = ["#c8b27a", "#ffb347", "#9aa4b1"];
  const view = new ParticleView(d.memory, d.buffers.front());
  for (let i = 0; i < d.count; i++) {
    view.ptr = d.buffers.front() + i * ParticleLayout.size;
    if (!view.alive) continue;
    const pos = view.pos;
    const x = canvas.width / 2 + pos.x * 40 + pos.z * 8;
    const y = canvas.height - 10 - pos.y * 28;
    ctx.fillStyle = colours[view.kind] ?? "#fff";
    ctx.fillRect(x, y, 2, 2);
  }
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function select(addr: number): void {
  const d = demo!;
  selected = addr;
  const label = labeller().at(addr);
  const view = new DataView(d.memory.buffer);
  const value = label.kind === "field" || label.kind === "canary" ? decode(view, label) : { text: "" };
  const where = label.region ? `${label.region.label}, ${label.region.type}[${label.index}]` : "";
  $("details").innerHTML =
    `<b>0x${addr.toString(16)}</b> ${label.kind}` +
    (label.kind === "field" ? ` <b>${label.type}.${label.path}</b> : ${escape(label.fieldType)}, offset ${label.offset}, size ${label.size}` : "") +
    (label.kind === "padding" ? ` in ${label.type} at offset ${label.offset}` : "") +
    (where ? `<br>${where}` : "") +
    (value.text ? `<br>value: <span id="value">${escape(value.text)}</span>` : "") +
    (value.target !== undefined ? ` <button id="jump" data-goto="${value.target}">jump to target</button>` : "");
  $("details").dataset["field"] = label.kind === "field" ? `${label.type}.${label.path}` : label.kind;
  $("details").dataset["offset"] = String(label.offset);
}

function goTo(addr: number): void {
  viewStart = Math.max(0, (addr & ~15) - 32);
  select(addr);
  refresh();
}

function refresh(): void {
  const d = demo!;
  renderHex($("hex"), new Uint8Array(d.memory.buffer), viewStart, ROWS, labeller(), selected);
  renderAllocators($("allocators"), d);
  renderChart($<HTMLCanvasElement>("chart"), d.history);
  $("stats").textContent = `${formatMemoryStats(memoryStats(d.memory))} · frame ${d.frame} · ${d.count} particles`;
  const regions = $<HTMLSelectElement>("regions");
  const options = d.regions.map((r) => `<option value="${r.start}">${r.label}: ${r.type}×${r.count} at 0x${r.start.toString(16)}</option>`).join("");
  if (regions.dataset["shown"] !== options) {
    regions.innerHTML = options;
    regions.dataset["shown"] = options;
  }
  $<HTMLButtonElement>("spawn").disabled = !d.canSpawn(400);
}

function tick(): void {
  const d = demo!;
  if (running) {
    d.liveFrame();
    draw();
    if (d.frame % 6 === 0) refresh();
  }
  timer = requestAnimationFrame(tick);
}

async function start(url: string): Promise<void> {
  cancelAnimationFrame(timer);
  handle.state = "loading";
  try {
    demo = await Demo.load(url);
    handle.demo = demo;
    demo.runPlan(plan);
    $("report").textContent = demo.report.join("\n");
    demo.startLive();
    viewStart = demo.heapBase;
    draw();
    goTo(demo.buffers.front() + ParticleLayout.offsets.id);
    handle.state = "live";
    timer = requestAnimationFrame(tick);
  } catch (e) {
    handle.state = "failed";
    handle.error = String(e);
    $("report").textContent = `failed: ${e}`;
    console.error(e);
  }
}

document.addEventListener("click", (e) => {
  const t = e.target as HTMLElement;
  const goto = t.closest<HTMLElement>("[data-goto]")?.dataset["goto"];
  if (goto !== undefined) goTo(Number(goto));
  else if (t.dataset["addr"] !== undefined) {
    // A click selects a byte; on a pointer, it follows the pointer.
    select(Number(t.dataset["addr"]));
    const target = document.getElementById("jump")?.dataset["goto"];
    if (target !== undefined) {
      // The view moves under a still mouse: keep the target shown until it moves.
      still = [e.clientX, e.clientY];
      goTo(Number(target));
    } else refresh();
  }
});
let still: [number, number] | undefined;
$("hex").addEventListener("mouseover", (e) => {
  const addr = (e.target as HTMLElement).dataset["addr"];
  if (still?.[0] === e.clientX && still[1] === e.clientY) return;
  still = undefined;
  if (addr !== undefined) select(Number(addr));
});
$("regions").addEventListener("change", (e) => goTo(Number((e.target as HTMLSelectElement).value)));
$("pause").addEventListener("click", () => {
  running = !running;
  $("pause").textContent = running ? "pause" : "run";
});
$("spawn").addEventListener("click", () => {
  const grown = demo!.spawn(400);
  $("report").textContent += `\nspawned 400 particles: memory grew by ${grown} pages`;
  refresh();
});
$("up").addEventListener("click", () => goTo(Math.max(0, viewStart + 32 - ROWS * 16)));
$("down").addEventListener("click", () => goTo(viewStart + 32 + ROWS * 16));

const guests = (await (await fetch("guests.json")).json()) as GuestEntry[];
const pick = $<HTMLSelectElement>("guest");
pick.innerHTML = guests.map((g) => `<option value="${g.url}">${g.name} guest</option>`).join("");
const wanted = guests.find((g) => g.name.toLowerCase() === params.get("guest")?.toLowerCase());
if (wanted) pick.value = wanted.url;
pick.addEventListener("change", () => void start(pick.value));
await start(pick.value);
