/**
 * `npm run bench`: how fast the article view is on a long document (6,000 tokens, 500
 * spans, 100 relations), in Debian's Chromium against the real `qawl serve` host.
 *
 * - open: from navigation start to every span painted (ms, median of 5 loads);
 * - label: from a label key's keydown to the new span's highlight painted (provisional:
 *   greyed until the host answers), and to it committed (the API answered, the change is
 *   in SQLite, the page applied its record and the grey went) (ms, p50 / p95 / max over
 *   100 actions);
 * - relabel: from the key that gives the active span another label to its highlight
 *   moving, and to the move committed (ms, p50 / p95 / max over 50 actions);
 * - floor: the same page doing the least a persisted label needs, one round trip to the
 *   server (`getHistory`) and one frame, measured in the same run; the committed figures
 *   are also given as a ratio to it;
 * - paint floor: the same page on the same key adding the selection's range to a label's
 *   highlight and nothing else, until painted (Chromium painting the bare text with its
 *   highlights); the painted figures are also given as a ratio to it;
 * - requests: the API requests one action sends, counted until the page has been idle for
 *   a second (the change feed's open stream not counted): labelling a quote, labelling a
 *   name (which then suggests its other mentions: a second write), relabelling.
 *
 * `--before DIR`: measure a built checkout of an earlier commit too (e.g.
 * `git worktree add /tmp/qawl-before <commit>`, link `node_modules`, `npm run build`), on a
 * copy of the same project, in the same run, and report the ratio of each figure to its.
 * `--trace FILE`: write a Chromium trace of one labelling action.
 *
 * Targets: open < 500 ms; label p95 ≤ 25 ms; one request per labelling and per relabel.
 * Not part of `npm test` (timings vary by machine).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import {
  launchChromium,
  percentile,
  round,
  selectToken,
  serveProject,
  summary,
  waitForPainted,
  watchLabel,
} from "./browser.ts";
import { longArticle } from "./long-article.ts";

const SEED = 20261129;
const option = (name: string) =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? null) : null;
const TRACE = option("--trace");
const BEFORE = option("--before");

const article = longArticle(SEED, 6000, 500, 100);
const dir = mkdtempSync(join(tmpdir(), "qawl-bench-"));
const projectPath = join(dir, "bench.qawl");
{
  const store = new ProjectStore(projectPath);
  const table = createOperationTable(store, { annotator: "bench" });
  const documentId =
    table.importDocuments({
      files: [{ name: "long.txt", contentBase64: Buffer.from(article.text).toString("base64") }],
    }).outcomes[0]?.documentId ?? 0;
  const ids = article.spans.map((s) => table.createSpan({ documentId, label: s.label, start: s.start, end: s.end }).id);
  for (const [q, s] of article.relations) {
    table.createRelation({ type: "attributed_to", fromSpanId: ids[q] ?? 0, toSpanId: ids[s] ?? 0 });
  }
  store.close();
}

const browser = await launchChromium();

/** Every measure, against the checkout at `checkout` (its `dist/` built). */
async function measure(checkout: string, name: string) {
  const copy = join(dir, `${name}.qawl`);
  copyFileSync(projectPath, copy);
  const { url, stop } = await serveProject(checkout, copy);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const labelIndex = (label: string) =>
    page.evaluate((label) => {
      type Lookup = { labelIndex: (n: string) => number };
      const store = (document.querySelector("qawl-app") as unknown as { store: Lookup & { model?: Lookup } }).store;
      return (store.model ?? store).labelIndex(label);
    }, label);

  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(url);
    await waitForPainted(page, article.spans.length);
    opens.push(await page.evaluate(() => performance.now()));
  }

  const labels: number[] = [];
  const labelsCommitted: number[] = [];
  for (const target of article.freeTokens.filter((_, i) => i % 7 === 0).slice(0, 100)) {
    await selectToken(page, target.start, target.end);
    const shown = await watchLabel(page, "qawl-label-");
    const tracing = TRACE !== null && name === "now" && labels.length === 10;
    if (tracing)
      await browser.startTracing(page, {
        path: TRACE,
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"],
      });
    await page.keyboard.press("p");
    const { painted, committed } = await shown.shown();
    labels.push(painted);
    labelsCommitted.push(committed);
    if (tracing) await browser.stopTracing();
  }
  // The names just tagged are propagated once the keys pause: let that finish first.
  await page.waitForTimeout(3000);

  // Relabel: the span just labelled (active, caret after it) becomes a Location.
  const per = `qawl-label-${String(await labelIndex("PER"))}`;
  const loc = `qawl-label-${String(await labelIndex("LOC"))}`;
  const relabels: number[] = [];
  const relabelsCommitted: number[] = [];
  for (const target of article.freeTokens.filter((_, i) => i % 7 === 3).slice(0, 50)) {
    await selectToken(page, target.start, target.end);
    const labelled = await watchLabel(page, per);
    await page.keyboard.press("p");
    await labelled.shown();
    const moved = await watchLabel(page, loc);
    await page.keyboard.press("l");
    const { painted, committed } = await moved.shown();
    relabels.push(painted);
    relabelsCommitted.push(committed);
  }

  // The floor: one API round trip and one frame, in the same page.
  const floor: number[] = [];
  for (let i = 0; i < 50; i++) {
    floor.push(
      await page.evaluate(async () => {
        const token = new URLSearchParams(location.search).get("token") ?? "";
        const t0 = performance.now();
        await fetch("/api/getHistory", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Qawl-Token": token },
          body: "{}",
        });
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }),
    );
  }

  // The paint floor: the same page, on the same key, adding the selection's range to a
  // label's highlight and nothing else (the app does not see the key), until painted.
  const paintFloor: number[] = [];
  await page.evaluate(() => {
    const added: Range[] = [];
    const onKey = (e: KeyboardEvent) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      const sel = document.getSelection();
      const highlight = CSS.highlights.get("qawl-label-0");
      if (sel === null || sel.rangeCount === 0 || highlight === undefined) return;
      const range = sel.getRangeAt(0).cloneRange();
      highlight.add(range);
      added.push(range);
    };
    document.addEventListener("keydown", onKey, { capture: true });
    (window as unknown as { __floorDone: () => void }).__floorDone = () => {
      document.removeEventListener("keydown", onKey, { capture: true });
      for (const r of added) CSS.highlights.get("qawl-label-0")?.delete(r);
    };
  });
  for (const target of article.freeTokens.filter((_, i) => i % 7 === 6).slice(0, 50)) {
    await selectToken(page, target.start, target.end);
    const shown = await watchLabel(page, "qawl-label-");
    await page.keyboard.press("p");
    paintFloor.push(await shown.painted());
  }
  await page.evaluate(() => {
    (window as unknown as { __floorDone: () => void }).__floorDone();
  });

  // Requests per action, counted until the page is idle for a second.
  const requests: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/") && path !== "/api/changes") requests.push(path.slice(5));
  });
  const idle = async () => {
    let seen = -1;
    while (seen !== requests.length) {
      seen = requests.length;
      await page.waitForTimeout(1000);
    }
  };
  const count = async (act: () => Promise<void>) => {
    await idle();
    requests.length = 0;
    await act();
    await idle();
    return [...requests];
  };
  const spare = article.freeTokens.filter((_, i) => i % 7 === 5);
  const perAction: Record<"labelQuote" | "relabel" | "labelName", string[][]> = {
    labelQuote: [],
    relabel: [],
    labelName: [],
  };
  for (let i = 0; i < 5; i++) {
    const quote = spare[2 * i];
    const name = spare[2 * i + 1];
    if (quote === undefined || name === undefined) break;
    perAction.labelQuote.push(
      await count(async () => {
        await selectToken(page, quote.start, quote.end);
        await page.keyboard.press("q");
      }),
    );
    perAction.relabel.push(await count(() => page.keyboard.press("m")));
    perAction.labelName.push(
      await count(async () => {
        await selectToken(page, name.start, name.end);
        await page.keyboard.press("p");
      }),
    );
  }
  await page.close();
  stop();
  return {
    openMs: { median: round(percentile(opens, 50)), runs: opens.map(round) },
    labelMs: summary(labels),
    labelCommittedMs: summary(labelsCommitted),
    relabelMs: summary(relabels),
    relabelCommittedMs: summary(relabelsCommitted),
    floorMs: summary(floor),
    paintFloorMs: summary(paintFloor),
    ratioToFloor: {
      labelP95: round(percentile(labels, 95) / percentile(floor, 95)),
      relabelP95: round(percentile(relabels, 95) / percentile(floor, 95)),
      labelCommittedP95: round(percentile(labelsCommitted, 95) / percentile(floor, 95)),
    },
    ratioToPaintFloor: {
      labelP95: round(percentile(labels, 95) / percentile(paintFloor, 95)),
      relabelP95: round(percentile(relabels, 95) / percentile(paintFloor, 95)),
    },
    requestsPerAction: Object.fromEntries(
      Object.entries(perAction).map(([k, runs]) => [
        k,
        { max: Math.max(...runs.map((r) => r.length)), requests: [...new Set(runs.flat())] },
      ]),
    ) as Record<keyof typeof perAction, { max: number; requests: string[] }>,
  };
}

const here = resolve(fileURLToPath(new URL("..", import.meta.url)));
const now = await measure(here, "now");
const before = BEFORE === null ? null : await measure(resolve(BEFORE), "before");
await browser.close();
rmSync(dir, { recursive: true, force: true });

const report = {
  document: {
    tokens: article.tokenCount,
    codePoints: [...article.text].length,
    spans: article.spans.length,
    relations: article.relations.length,
  },
  ...now,
  ...(before === null
    ? {}
    : {
        before: { checkout: BEFORE, ...before },
        ratioToBefore: {
          labelP95: round(now.labelMs.p95 / before.labelMs.p95),
          labelCommittedP95: round(now.labelCommittedMs.p95 / before.labelCommittedMs.p95),
          relabelP95: round(now.relabelMs.p95 / before.relabelMs.p95),
          openMedian: round(now.openMs.median / before.openMs.median),
        },
      }),
  targets: { openMs: 500, labelP95Ms: 25, requestsPerLabel: 1, requestsPerRelabel: 1 },
};
console.log(JSON.stringify(report, null, 2));
const ok =
  now.openMs.median < 500 &&
  now.labelMs.p95 <= 25 &&
  now.requestsPerAction.labelQuote.max === 1 &&
  now.requestsPerAction.relabel.max === 1;
console.log(ok ? "targets met" : "targets NOT met");
process.exitCode = ok ? 0 : 1;
