// Drives the web demo (examples/web) in a headless Chromium through
// playwright-core, pointed at the system's Chromium (nothing is downloaded).
// The Rust test tests/browser.rs serves the page, runs this, and compares
// what it wrote with the Node host's output.
//
// Usage: node --import tsx browser/demo.ts URL OUT_DIR CHROMIUM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES
// Writes OUT_DIR/memory.bin (the guest's memory right after the plan),
// report.txt (the plan's report), checks.json (what the page showed) and
// demo.png (a screenshot of the running demo).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { Demo } from "../../../examples/web/src/plan.ts";

declare global {
  interface Window {
    wasmLayoutDemo: {
      state: string;
      error?: string;
      demo?: Demo;
      planMemoryHex(): string;
      keep(ptr: number): void;
      kept(): { id: string; pos: number[] } | undefined;
    };
    wasmLayoutConformance: { done: boolean; passed: number; failed: string[] };
  }
}

interface Details {
  field: string | undefined;
  offset: string | undefined;
  text: string;
}

const [url, outDir, executablePath, ...plan] = process.argv.slice(2);
if (url === undefined || outDir === undefined || executablePath === undefined || plan.length !== 4) {
  throw new Error("usage: demo.ts URL OUT_DIR CHROMIUM FIRST FIRST_FRAMES SPAWNED SECOND_FRAMES");
}
// The whole run is bounded: a hung browser must not hang the test.
const deadline = setTimeout(() => {
  console.error("the browser test took longer than 90 s");
  process.exit(2);
}, 90_000);

const browser = await chromium.launch({ executablePath, headless: true, timeout: 30_000, args: ["--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1320, height: 900 } });
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));

  await page.goto(`${url}?paused=1&plan=${plan.join(",")}`);
  await page.waitForFunction(() => window.wasmLayoutDemo?.state !== "loading");
  const state = await page.evaluate(() => ({ state: window.wasmLayoutDemo.state, error: window.wasmLayoutDemo.error ?? "" }));
  if (state.state !== "live") throw new Error(`the demo failed: ${state.error}\n${errors.join("\n")}`);

  const memoryHex = await page.evaluate(() => window.wasmLayoutDemo.planMemoryHex());
  const facts = await page.evaluate(() => {
    const d = window.wasmLayoutDemo.demo!;
    const request = d.regions.find((r) => r.label === "last request")!;
    return {
      report: d.report.join("\n") + "\n",
      viewsSurvivedGrow: d.viewsSurvivedGrow,
      front: d.buffers.front(),
      request: request.start,
      guests: Array.from(document.querySelectorAll("#guest option"), (o) => o.textContent),
    };
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "memory.bin"), Buffer.from(memoryHex, "hex"));
  writeFileSync(join(outDir, "report.txt"), facts.report);

  const details = (): Promise<Details> =>
    page.$eval("#details", (el) => ({ field: (el as HTMLElement).dataset["field"], offset: (el as HTMLElement).dataset["offset"], text: el.textContent ?? "" }));

  // The inspector labels the second particle's `id` (offset 32) in the front buffer.
  const idAt = facts.front + 40 + 32;
  await page.hover(`#hex [data-addr="${idAt + 3}"]`);
  const id = await details();

  // A pointer: the last request's `particles`; its target is the front buffer.
  await page.selectOption("#regions", String(facts.request));
  await page.hover(`#hex [data-addr="${facts.request + 1}"]`);
  const pointer = await details();
  await page.click(`#hex [data-addr="${facts.request + 1}"]`);
  const target = await details();

  // Run live for a moment, spawn (memory grows mid-run), and take the picture.
  await page.click("#pause");
  await page.waitForTimeout(800);
  await page.click("#pause");
  // A view made before the spawn's memory.grow, read before and after it.
  const grow = await page.evaluate(() => {
    const handle = window.wasmLayoutDemo;
    const d = handle.demo!;
    handle.keep(d.buffers.front() + 40);
    return { pages: d.memory.buffer.byteLength / 65536, view: handle.kept() };
  });
  await page.click("#spawn");
  const grown = await page.evaluate(() => {
    const handle = window.wasmLayoutDemo;
    return { pages: handle.demo!.memory.buffer.byteLength / 65536, view: handle.kept() };
  });
  const liveGrow = { pagesBefore: grow.pages, pagesAfter: grown.pages, same: JSON.stringify(grow.view) === JSON.stringify(grown.view) };
  await page.click("#pause");
  await page.waitForTimeout(1500);
  await page.click("#pause");
  const front = await page.evaluate(() => window.wasmLayoutDemo.demo!.buffers.front());
  await page.selectOption("#regions", String(front));
  await page.hover(`#hex [data-addr="${front + 40 + 32}"]`);
  await page.screenshot({ path: join(outDir, "demo.png") });
  const live = await page.evaluate(() => {
    const d = window.wasmLayoutDemo.demo!;
    return { frame: d.frame, pages: d.memory.buffer.byteLength / 65536, samples: d.history.length };
  });

  await page.goto(`${url}conformance.html`);
  await page.waitForFunction(() => window.wasmLayoutConformance?.done === true);
  const conformance = await page.evaluate(() => window.wasmLayoutConformance);

  writeFileSync(
    join(outDir, "checks.json"),
    JSON.stringify({ viewsSurvivedGrow: facts.viewsSurvivedGrow, liveGrow, guests: facts.guests, id, pointer, target, front: facts.front, live, conformance, errors }, null, 2),
  );
} finally {
  await browser.close();
  clearTimeout(deadline);
}
