/**
 * A window that never waits (issue 11): an import through the page shows a progress bar
 * with Cancel (`<qawl-job-progress>`, fed by the change stream's `event: progress`), and
 * Cancel stops it with nothing imported.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

test("an import shows its progress, and Cancel stops it with nothing imported", async ({ page }) => {
  const sample = readFileSync(SAMPLE_PATH, "utf8");
  const files = Array.from({ length: 3000 }, (_, i) => ({
    name: `a${String(i)}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`مقال ${String(i)}\n\n${sample}`),
  }));
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(files);
  const bar = page.locator("qawl-job-progress .job");
  // The bar says which file the host is reading; Cancel is there while it reads.
  const cancel = bar.getByRole("button", { name: "Cancel" });
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await expect(bar).toContainText(/Importing: (file|indexing document) \d+ of 3000/u);
  await cancel.click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Import cancelled; nothing was written.");
  await expect(page.getByRole("list", { name: "Documents" }).getByRole("listitem")).toHaveCount(0);
});
