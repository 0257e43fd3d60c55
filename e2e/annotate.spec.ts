import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { annotateSampleArticle, checkExport } from "./support/annotate-flow.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

test("annotate the sample article in the browser (qawl serve)", async ({ page }) => {
  await page.goto(served.url);
  const { exported } = await annotateSampleArticle(page, async () => {
    await page.reload();
  });

  // The CLI reads the same project file and exports the same bytes.
  const viaCli = execFileSync(
    process.execPath,
    [QAWL_BIN, "export", "--format", "jsonl", "--project", served.projectPath],
    {
      encoding: "utf8",
    },
  );
  expect(viaCli).toBe(exported);
  checkExport(viaCli);

  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  const target =
    process.env["QAWL_UPDATE_SCREENSHOT"] === "1" ? `${docs}screenshot.png` : "test-results/screenshot.png";
  mkdirSync(target.slice(0, target.lastIndexOf("/")), { recursive: true });
  await page.screenshot({ path: target });
});

test("the page refuses to work without the token", async ({ page }) => {
  const response = await page.goto(served.url.replace(/\?token=.*/u, ""));
  expect(response?.status()).toBe(401);
  await expect(page.locator("body")).toContainText("open the URL that qawl serve printed");
});

test("import refusals show one clear line and change nothing", async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByText("No documents yet.")).toBeVisible();
  const cases = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));
  for (const [name, message] of [
    ["empty.txt", "empty.txt: the file is empty; nothing imported"],
    ["binary.txt", "binary.txt: not a text file (it holds binary data); nothing imported"],
    ["seed-cp1256.txt", "--encoding windows-1256"],
  ] as const) {
    await page.getByLabel("Import articles").setInputFiles(`${cases}${name}`);
    await expect(page.getByRole("status")).toContainText(message);
  }
  await expect(page.getByText("No documents yet.")).toBeVisible();
});
