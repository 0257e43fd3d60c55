import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { exportAs, tag } from "./support/article-harness.ts";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

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
  await tag(page, "q", "روسيا مهتمة بتطبيع حوارنا");
  await tag(page, "s", "وزير الخارجية الروسي");
  await page.keyboard.press("Shift+R").catch(() => undefined);
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
  expect(strFromU8(zip["0001-lavrov-pompeo-sochi-2019.ann"] ?? new Uint8Array())).toMatch(
    /^T1\tSPEAKER 630 650\tوزير الخارجية الروسي$/mu,
  );
  await expect(dialog.getByRole("region", { name: "Loss report" })).toContainText("Nothing was lost.");
  // CoNLL cannot hold the speaker link: the report says so.
  await dialog.getByRole("combobox", { name: "Format" }).selectOption("doccano");
  await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  await expect(dialog.getByRole("region", { name: "Loss report" })).toContainText("What doccano could not hold");
});
