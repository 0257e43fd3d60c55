import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { python } from "../test-support/python.ts";
import { activate, exportAs, tag } from "./support/article-harness.ts";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

/** The quote and its speaker in the sample article (each occurs once in it). */
const QUOTE = "روسيا مهتمة بتطبيع حوارنا";
const SPEAKER = "وزير الخارجية الروسي";

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

test("a gold CoNLL corpus imports with its entities shown, and goes back out in its own dialect", async ({ page }) => {
  await page.goto(served.url);
  const path = fileURLToPath(new URL("../fixtures/arabic-ner/newsfane_gold_head40k.tsv", import.meta.url));
  await page.getByLabel("Import articles").setInputFiles(path);
  await expect(page.getByRole("status")).toContainText("Imported 1 document", { timeout: 20_000 });
  await expect(page.getByRole("list", { name: "Documents" })).toContainText("2,700 names");
  await expect(page.getByRole("article")).toContainText("فرانكفورت");
  // Every gold entity is painted (the highlights hold 2,700 ranges).
  await expect
    .poll(() =>
      page.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith("qawl-label-")) n += h.size;
        return n;
      }),
    )
    .toBe(2700);
  const download = await exportAs(page, "conll");
  expect(readFileSync(await download.path())).toEqual(readFileSync(path));
});

test("exporting chosen documents as brat downloads a zip; the loss report is shown", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.getByRole("article")).toContainText("روسيا");
  await tag(page, "q", QUOTE);
  await tag(page, "s", SPEAKER);
  // No earlier quote has a speaker, so Shift+R (same speaker as the previous quote) has
  // nothing to carry over: link the quote to the nearest speaker span instead (Shift+S).
  await activate(page, "Quote", QUOTE);
  await page.keyboard.press("Shift+S");
  await expect(page.getByRole("status")).toContainText("Linked to");
  await expect(page.getByRole("status")).not.toHaveClass(/error/u);
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export" });
  await dialog.getByRole("combobox", { name: "Format" }).selectOption("brat");
  await dialog.getByRole("radio", { name: "Documents I choose" }).check();
  await dialog.getByRole("list", { name: "Documents to export" }).getByRole("checkbox").first().check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("qawl-brat.zip");
  const zip = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(zip).sort()).toEqual([
    "0001-lavrov-pompeo-sochi-2019.ann",
    "0001-lavrov-pompeo-sochi-2019.txt",
    "annotation.conf",
  ]);
  // The extents come from Python's str.find over the sample (code points, end-exclusive).
  const text = readFileSync(SAMPLE_PATH, "utf8");
  const [quoteAt = -1, speakerAt = -1] = python(text, [], [QUOTE, SPEAKER]).finds;
  expect([quoteAt, speakerAt]).toEqual([653, 630]);
  const ann = strFromU8(zip["0001-lavrov-pompeo-sochi-2019.ann"] ?? new Uint8Array());
  const speakerT = new RegExp(
    `^(T\\d+)\tSPEAKER ${String(speakerAt)} ${String(speakerAt + [...SPEAKER].length)}\t${SPEAKER}$`,
    "mu",
  ).exec(ann)?.[1];
  const quoteT = new RegExp(
    `^(T\\d+)\tQUOTE ${String(quoteAt)} ${String(quoteAt + [...QUOTE].length)}\t${QUOTE}$`,
    "mu",
  ).exec(ann)?.[1];
  expect(speakerT, ann).toBe("T1");
  expect(quoteT, ann).toBeDefined();
  // The Shift+S link: the quote is attributed to the speaker span.
  expect(ann.split("\n")).toContainEqual(
    expect.stringMatching(new RegExp(`^R\\d+\tattributed_to Arg1:${quoteT ?? "?"} Arg2:${speakerT ?? "?"}$`, "u")),
  );
  // brat has no place for the document's details; each loss line names the document by id and title.
  await expect(dialog.getByRole("region", { name: "Loss report" }).locator("li")).toHaveText(
    /^Document 1 \(\u2068.+\u2069\): document details not in this format: title, published date, source file$/u,
  );
  // doccano cannot hold the speaker link: the report says so.
  await dialog.getByRole("combobox", { name: "Format" }).selectOption("doccano");
  await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  await expect(dialog.getByRole("region", { name: "Loss report" })).toContainText("What doccano could not hold");
});
