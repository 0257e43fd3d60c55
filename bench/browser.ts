/**
 * What the browser benchmarks share: `qawl serve` started on a project in its own process,
 * Debian's Chromium, selecting a token of the long article, and percentiles.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium, type Browser, type Page } from "@playwright/test";

/** The `p`th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** A number to one decimal. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** p50 / p95 / max of timings in ms, and how many. */
export function summary(values: readonly number[]): { p50: number; p95: number; max: number; actions: number } {
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
    actions: values.length,
  };
}

/**
 * Start `qawl serve` of a checkout (its `dist/` built) on a project, in its own process, as
 * a person runs it.
 * @returns the URL it printed (with its token) and a way to stop it
 * @throws Error when it printed no URL
 */
export async function serveProject(checkout: string, project: string): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [join(checkout, "bin/qawl.mjs"), "serve", "--project", project]);
  let url: string | undefined;
  for await (const line of createInterface({ input: server.stdout })) {
    url = /http:\/\/\S+/u.exec(line)?.[0];
    if (url !== undefined) break;
  }
  if (url === undefined) throw new Error(`qawl serve (${checkout}) printed no URL`);
  return { url, stop: () => server.kill() };
}

/** Debian's Chromium (or `CHROMIUM_PATH`), headless, with background work turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Select the text between two offsets of the long article in the page. Each line of its
 * text is one paragraph element and it has no astral character, so code points and the
 * DOM's UTF-16 units agree.
 * @throws Error (in the page) when the offset is past the text
 */
export function selectToken(page: Page, start: number, end: number): Promise<void> {
  return page.evaluate(
    ([start, end]) => {
      const paragraphs = [...document.querySelectorAll("article p[data-index]")];
      let offset = 0;
      let index = 0;
      for (; index < paragraphs.length; index++) {
        const length = paragraphs[index]?.textContent.length ?? 0;
        if (start < offset + length) break;
        offset += length + 1;
      }
      const node = paragraphs[index]?.firstChild;
      if (node == null) throw new Error("token not found");
      document.getSelection()?.setBaseAndExtent(node, start - offset, node, end - offset);
    },
    [start, end] as const,
  );
}

/** How many ranges the highlights whose names start with `prefix` hold in the page. */
export function paintedRanges(page: Page, prefix = "qawl-label-"): Promise<number> {
  return page.evaluate((prefix) => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) n += h.size;
    return n;
  }, prefix);
}

/** Wait until the page has painted at least `expected` label ranges (the open document shown). */
export async function waitForPainted(page: Page, expected: number): Promise<void> {
  await page.waitForFunction((expected) => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith("qawl-label-")) n += h.size;
    return n >= expected;
  }, expected);
}

/** When a label action showed: its highlight painted, and committed (no provisional span left). */
export interface Shown {
  /** ms from the keydown to the frame that first held the new range (provisional or not). */
  painted: number;
  /** ms from the keydown to the frame in which it was committed: the host answered and the page applied it. */
  committed: number;
  /** The keydown, in the page's clock (ms). */
  at: number;
}

/** A label action being watched (see `watchLabel`). */
export interface Watch {
  /** Resolves once the new range was painted: ms since the keydown. */
  painted: () => Promise<number>;
  /** Resolves once it was committed too. */
  shown: () => Promise<Shown>;
}

let watches = 0;

/**
 * Arm a watch for the next keydown: how many ranges the highlights named `prefix…` hold
 * now. From the keydown on, the page checks every frame whether they hold more (painted)
 * and whether the provisional highlight (`qawl-provisional`) is empty (committed); each
 * time is taken once that frame has been rendered (a task posted from its animation frame
 * callback runs after the frame's paint). A build with no provisional spans has both at
 * the same frame.
 */
export async function watchLabel(page: Page, prefix = "qawl-label-"): Promise<Watch> {
  const id = ++watches;
  await page.evaluate(
    ([prefix, id]) => {
      type Slot = { painted: Promise<number>; shown: Promise<Shown> };
      const w = window as unknown as { __watches?: Map<number, Slot> };
      w.__watches ??= new Map();
      const count = () => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) n += h.size;
        return n;
      };
      const before = count();
      let paintedDone: (ms: number) => void = () => undefined;
      const painted = new Promise<number>((resolve) => (paintedDone = resolve));
      const shown = new Promise<Shown>((resolve) => {
        window.addEventListener(
          "keydown",
          () => {
            const t0 = performance.now();
            let paintedMs: number | null = null;
            const afterPaint = (then: () => void) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = then;
              channel.port2.postMessage(null);
            };
            const tick = () => {
              const n = count();
              const committed = n > before && (CSS.highlights.get("qawl-provisional")?.size ?? 0) === 0;
              const first = paintedMs === null && n > before;
              if (!first && !committed) {
                requestAnimationFrame(tick);
                return;
              }
              afterPaint(() => {
                const now = performance.now() - t0;
                if (first) {
                  paintedMs = now;
                  paintedDone(now);
                }
                if (committed) resolve({ painted: paintedMs ?? now, committed: now, at: t0 });
                else requestAnimationFrame(tick);
              });
            };
            requestAnimationFrame(tick);
          },
          { capture: true, once: true },
        );
      });
      w.__watches.set(id, { painted, shown });
    },
    [prefix, id] as const,
  );
  type Slots = { __watches: Map<number, { painted: Promise<number>; shown: Promise<Shown> }> };
  return {
    painted: () => page.evaluate((id) => (window as unknown as Slots).__watches.get(id)?.painted ?? -1, id),
    shown: () =>
      page.evaluate((id) => {
        const slots = (window as unknown as Slots).__watches;
        const slot = slots.get(id);
        slots.delete(id);
        return slot?.shown ?? { painted: -1, committed: -1, at: -1 };
      }, id),
  };
}
