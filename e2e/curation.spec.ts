/**
 * An offline team, as people would work (issue 12): two annotators each annotate the sample
 * article in their own browser and project and export it; a curator imports both files
 * (the second adds its layer to the same document), looks at each layer, reads the
 * agreement — which must equal NLTK's figures computed from the two exported files — and
 * adjudicates every disagreement into the gold layer from the keyboard; the gold layer,
 * exported by the CLI, slices exactly in Python.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { agreementOracle, runPython } from "../test-support/python.ts";
import { SAMPLE_PATH, SAMPLE_TITLE, QUOTE, PERSON } from "./support/annotate-flow.ts";
import { exportAs, paintedTexts, spanRow, tag } from "./support/article-harness.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

const servers: Served[] = [];

test.afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** One annotator's layer: a server of their own, the sample imported, `annotate` run, the JSONL exported. */
async function layerOf(browser: Browser, annotator: string, annotate: (page: Page) => Promise<void>): Promise<string> {
  const served = await startServe(annotator);
  servers.push(served);
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await annotate(page);
  const download = await exportAs(page, "jsonl");
  const content = readFileSync(await download.path(), "utf8");
  await context.close();
  return content;
}

const SHORTER = QUOTE.slice(0, QUOTE.indexOf("."));

test("two annotators' files merged as layers, scored as NLTK does, adjudicated into gold", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const amal = await layerOf(browser, "amal", async (p) => {
    await tag(p, "q", QUOTE);
    await expect(spanRow(p, "Quote", QUOTE.slice(0, 20))).toBeVisible();
    await tag(p, "p", PERSON);
    await expect(spanRow(p, "Person", PERSON)).toBeVisible();
  });
  const badr = await layerOf(browser, "badr", async (p) => {
    await tag(p, "q", SHORTER);
    await expect(spanRow(p, "Quote", SHORTER.slice(0, 20))).toBeVisible();
    await tag(p, "p", PERSON);
    await expect(spanRow(p, "Person", PERSON)).toBeVisible();
  });

  const curator = await startServe("curator");
  servers.push(curator);
  const files = join(curator.dir, "amal.jsonl");
  writeFileSync(files, amal);
  writeFileSync(join(curator.dir, "badr.jsonl"), badr);
  await page.goto(curator.url);
  await page.getByLabel("Import articles").setInputFiles(files);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await page.getByLabel("Import articles").setInputFiles(join(curator.dir, "badr.jsonl"));
  await expect(page.getByRole("status")).toContainText("Added the layers badr to 1 document");

  // Each layer alone, or both.
  const layer = page.getByRole("combobox", { name: "Layer", exact: true });
  await layer.selectOption({ label: "amal" });
  await expect.poll(() => paintedTexts(page, 0)).toEqual([QUOTE]);
  await layer.selectOption({ label: "badr" });
  await expect.poll(() => paintedTexts(page, 0)).toEqual([SHORTER]);
  // Someone else's layer is read-only here.
  await tag(page, "p", "سوتشي").catch(() => undefined);
  await expect(page.getByRole("status")).toContainText("You are looking at badr");
  await layer.selectOption({ label: "All layers" });

  // Agreement: what the dialog shows is NLTK's figure on the two exported files.
  await page.getByRole("tab", { name: "Curation" }).click();
  await page.getByRole("button", { name: "Agreement of the whole project…" }).click();
  const dialog = page.getByRole("dialog", { name: "Agreement" });
  const oracle = agreementOracle([amal, badr], ["amal", "badr"]);
  const kappa = oracle.labels["QUOTE"]?.pairs["amal|badr"]?.kappa_codepoint ?? null;
  expect(kappa).not.toBeNull();
  await expect(dialog.locator('tr[data-label="QUOTE"] td[data-measure="kappa_codepoints"]')).toContainText(
    (kappa ?? 0).toFixed(3),
  );
  await expect(dialog.locator('tr[data-label="PER"] td[data-measure="kappa_codepoints"]')).toContainText("1.000");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(readFileSync(await csv.path(), "utf8")).toContain("kappa_codepoints,QUOTE,amal,badr,");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Curation: one disagreement (the quote's extent); the person agrees.
  const panel = page.locator("qawl-curation-panel");
  await expect(panel.getByRole("status")).toHaveText("0 of 1 disagreement adjudicated · 1 agreement");
  await expect(panel.locator("li.item")).toHaveCount(1);
  await expect(panel.locator("li.item")).toContainText("Differs in: extent");
  await page.locator("qawl-article article").focus();
  await page.keyboard.press("2"); // badr's version
  await expect(panel.getByRole("status")).toHaveText("1 of 1 disagreement adjudicated · 1 agreement");
  await panel.getByRole("button", { name: "Take every agreement into gold" }).click();
  await layer.selectOption({ label: "Gold (adjudicated)" });
  await expect.poll(() => paintedTexts(page, 0)).toEqual([SHORTER]);

  // The gold layer exports like any other, and Python slices each span's text back.
  const gold = execFileSync(
    process.execPath,
    [QAWL_BIN, "export", "--format", "jsonl", "--layers", "gold", "--project", curator.projectPath],
    { encoding: "utf8" },
  );
  const sliced = runPython<[string, string, string][]>(
    `import json, sys
lines = json.load(sys.stdin).splitlines()[1:]
print(json.dumps([[s["label"], s["annotator"], json.loads(l)["text"][s["start"]:s["end"]]] for l in lines for s in json.loads(l)["spans"]]))`,
    gold,
  );
  // The Export dialog's Layer menu gives the same file.
  await page.getByRole("button", { name: "Export…" }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export" });
  await exportDialog.getByRole("combobox", { name: "Layer", exact: true }).selectOption("gold");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    exportDialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  expect(readFileSync(await file.path(), "utf8")).toBe(gold);
  expect(sliced.sort()).toEqual(
    [
      ["PER", "gold", PERSON],
      ["QUOTE", "gold", SHORTER],
    ].sort(),
  );
});
