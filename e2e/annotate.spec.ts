import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { python } from "../test-support/python.ts";
import { paintedTexts, selectWithMouse, spanRow } from "./support/article-harness.ts";
import { SAMPLE_PATH, annotateSampleArticle, checkExport } from "./support/annotate-flow.ts";
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
    ["empty.txt", "empty.txt\u2069: the file is empty. Nothing was imported."],
    ["binary.txt", "binary.txt\u2069: this is not a text file. Nothing was imported."],
    // The hint names the app's Encoding menu, not the CLI's --encoding.
    ["seed-cp1256.txt", "it looks like \u2066windows-1256\u2069: choose it under Encoding and import the file again"],
  ] as const) {
    await page.getByLabel("Import articles").setInputFiles(`${cases}${name}`);
    await expect(page.getByRole("status")).toContainText(message);
  }
  await expect(page.getByText("No documents yet.")).toBeVisible();

  // Naming the encoding imports the Windows-1256 file as the sample article's text.
  await page.getByRole("combobox", { name: "Encoding" }).selectOption("windows-1256");
  await page.getByLabel("Import articles").setInputFiles(`${cases}seed-cp1256.txt`);
  await expect(page.getByRole("status")).toContainText("Imported 1 document");
  await expect(page.getByRole("article")).toContainText("روسيا مهتمة بتطبيع حوارنا");
  // The UTF-8 original is the same text: the message names the document that has it.
  await page.getByRole("combobox", { name: "Encoding" }).selectOption("");
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.getByRole("status")).toContainText(
    "Imported 0 documents; 1 file holds the text of a document already in the project (lavrov-pompeo-sochi-2019.txt: «\u2068لافروف وبومبيو",
  );
});

test("files dropped on the window are imported; astral characters keep highlights and offsets exact", async ({
  page,
}) => {
  await page.goto(served.url);
  await expect(page.getByText("No documents yet.")).toBeVisible();
  const cases = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));
  const files = ["emoji-flag.txt", "crlf-bom.txt"].map((name) => ({
    name,
    base64: readFileSync(`${cases}${name}`).toString("base64"),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: "text/plain" }));
    }
    return transfer;
  }, files);
  await page.dispatchEvent("qawl-app", "dragover", { dataTransfer });
  await expect(page.getByText("Drop articles to import")).toBeAttached();
  await page.dispatchEvent("qawl-app", "drop", { dataTransfer });
  await expect(page.getByRole("list", { name: "Documents" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("status")).toContainText("Imported 2 documents");

  // The emoji article: flags before the quote, an emoji after it.
  await page.getByRole("list", { name: "Documents" }).getByRole("button", { name: /عاجل/u }).click();
  const quote = "نرفض ذلك رفضا قاطعا";
  await selectWithMouse(page, quote);
  await page.keyboard.press("q");
  await expect(spanRow(page, "Quote", quote)).toHaveCount(1);
  expect(await paintedTexts(page, 0)).toEqual([quote]);

  const exported = execFileSync(
    process.execPath,
    [QAWL_BIN, "export", "--format", "jsonl", "--project", served.projectPath],
    {
      encoding: "utf8",
    },
  );
  const doc = exported
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => JSON.parse(line) as { text: string; spans: { start: number; end: number; text: string }[] })
    .find((d) => d.spans.length > 0);
  expect(doc?.spans[0]?.text).toBe(quote);
  const py = python(doc?.text ?? "", [[doc?.spans[0]?.start ?? 0, doc?.spans[0]?.end ?? 0]], [quote]);
  expect(py.slices[0]).toBe(quote);
  expect(doc?.spans[0]?.start).toBe(py.finds[0]);
});
