/**
 * `npm run bench`: how fast the article view is on a long document (issue: 6,000 tokens,
 * 500 spans, 100 relations), in Debian's Chromium against the real `qawl serve` host.
 *
 * - open: from navigation start to every span painted (ms, median of 5 loads);
 * - label: from a label key's keydown to the new span's highlight painted, which happens
 *   only after the API has answered, i.e. after the change is committed to SQLite
 *   (ms, p50 / p95 / max over 100 actions).
 *
 * Targets: open < 500 ms; label p95 < 50 ms. Not part of `npm test` (timings vary by machine).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { longArticle } from "./long-article.ts";

const SEED = 20261129;
/** `--trace FILE`: write a Chromium trace of one labelling action (open it in chrome://tracing or DevTools). */
const TRACE = process.argv.includes("--trace")
  ? (process.argv[process.argv.indexOf("--trace") + 1] ?? "trace.json")
  : null;
const article = longArticle(SEED, 6000, 500, 100);
const dir = mkdtempSync(join(tmpdir(), "qawl-bench-"));
const projectPath = join(dir, "bench.qawl");
const store = new ProjectStore(projectPath);
const table = createOperationTable(store, { annotator: "bench" });
const documentId =
  table.importDocuments({ files: [{ name: "long.txt", contentBase64: Buffer.from(article.text).toString("base64") }] })
    .outcomes[0]?.documentId ?? 0;
const ids = article.spans.map((s) => table.createSpan({ documentId, label: s.label, start: s.start, end: s.end }).id);
for (const [q, s] of article.relations) {
  table.createRelation({ type: "attributed_to", fromSpanId: ids[q] ?? 0, toSpanId: ids[s] ?? 0 });
}
store.close();
// The host runs in its own process, as `qawl serve` does for a person.
const server = spawn(process.execPath, [
  fileURLToPath(new URL("../bin/qawl.mjs", import.meta.url)),
  "serve",
  "--project",
  projectPath,
]);
let url: string | undefined;
for await (const line of createInterface({ input: server.stdout })) {
  url = /http:\/\/\S+/u.exec(line)?.[0];
  if (url !== undefined) break;
}
if (url === undefined) throw new Error("qawl serve printed no URL");
const browser = await chromium.launch({
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
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const painted = () =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith("qawl-label-")) n += h.size;
    return n;
  });

const opens: number[] = [];
for (let i = 0; i < 5; i++) {
  await page.goto(url);
  await page.waitForFunction((expected) => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith("qawl-label-")) n += h.size;
    return n >= expected;
  }, article.spans.length);
  opens.push(await page.evaluate(() => performance.now()));
}

const actions: number[] = [];
const targets = article.freeTokens.filter((_, i) => i % 7 === 0).slice(0, 100);
for (const target of targets) {
  const before = await painted();
  await page.evaluate(
    ([start, end]) => {
      // Select the token. Each line of the text is one paragraph element, and this text has
      // no astral character, so code points and the DOM's UTF-16 units agree.
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
      const w = window as unknown as { __t0: number };
      window.addEventListener("keydown", () => (w.__t0 = performance.now()), { capture: true, once: true });
    },
    [target.start, target.end] as const,
  );
  const done = page.evaluate((count) => {
    return new Promise<number>((resolve) => {
      const tick = () => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith("qawl-label-")) n += h.size;
        if (n > count) resolve(performance.now() - (window as unknown as { __t0: number }).__t0);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }, before);
  const tracing = TRACE !== null && actions.length === 10;
  if (tracing)
    await browser.startTracing(page, {
      path: TRACE,
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
    });
  await page.keyboard.press("p");
  actions.push(await done);
  if (tracing) await browser.stopTracing();
}

await browser.close();
server.kill();
rmSync(dir, { recursive: true, force: true });

const round = (n: number) => Math.round(n * 10) / 10;
const report = {
  document: {
    tokens: article.tokenCount,
    codePoints: [...article.text].length,
    spans: article.spans.length,
    relations: article.relations.length,
  },
  openMs: { median: round(percentile(opens, 50)), runs: opens.map(round) },
  labelMs: {
    p50: round(percentile(actions, 50)),
    p95: round(percentile(actions, 95)),
    max: round(Math.max(...actions)),
    actions: actions.length,
  },
  targets: { openMs: 500, labelP95Ms: 50 },
};
console.log(JSON.stringify(report, null, 2));
const ok = report.openMs.median < 500 && report.labelMs.p95 < 50;
console.log(ok ? "targets met" : "targets NOT met");
process.exitCode = ok ? 0 : 1;
