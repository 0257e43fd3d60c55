/**
 * The document list: progress (documents done, quotes confirmed) and filters by status,
 * unreviewed suggestions, source and published date; Alt+↓ steps through the filtered list.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** Titles the list shows, in order. */
async function titles(page: Page): Promise<string[]> {
  return page.locator("qawl-document-list .doc-title").allTextContents();
}

test("progress and filters by status, suggestions, source and date", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-list-"));
  // Two more articles: an HTML page with a published date, and a plain text without one.
  const page2 = join(dir, "wire-2021.html");
  writeFileSync(
    page2,
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر الوكالة</title>
<meta property="article:published_time" content="2021-03-02T10:00:00Z"></head>
<body><article><h1>خبر الوكالة</h1><p>قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا في العاصمة، وأضاف أن جدول الأعمال لم يحدد بعد.</p>
<p>وأوضح المتحدث أن الوفود ستصل تباعا.</p></article></body></html>`,
  );
  const text3 = join(dir, "notes.txt");
  writeFileSync(text3, "ملاحظات\nنص بلا اقتباس.\n");
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, page2, text3]);
  await expect(page.getByRole("status")).toContainText("Imported 3 documents");
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE, "خبر الوكالة", "ملاحظات"]);
  const list = page.locator("qawl-document-list");
  await expect(list.locator(".doc-progress")).toContainText("0 of 3 documents done");

  // Pre-annotate the sample and accept its suggestions; mark it done.
  await page.locator("qawl-document-list .document-item").filter({ hasText: SAMPLE_TITLE }).click();
  await page.locator("article").focus();
  await page.keyboard.press("Shift+P");
  await expect(page.getByRole("status")).toContainText("Suggested 9 quotes");
  await page.keyboard.press("Shift+Enter");
  await expect(page.getByRole("status")).toContainText("Accepted 23 suggestions");
  await page.keyboard.press("Shift+D");
  await expect(page.getByRole("status")).toHaveText("Marked done");
  await expect(list.locator(".doc-progress")).toContainText("1 of 3 documents done");
  await expect(list.locator(".doc-progress")).toContainText("9 quotes confirmed in all documents");
  // Pre-annotate the wire story and leave its suggestions unreviewed.
  await page.locator("qawl-document-list .document-item").filter({ hasText: "خبر الوكالة" }).click();
  await page.locator("article").focus();
  await page.keyboard.press("Shift+P");
  await expect(page.getByRole("status")).toContainText("Suggested");
  await expect(list.locator(".document-item").filter({ hasText: "خبر الوكالة" })).toContainText("to review");
  // Marking it done says what is left to review (those would not be exported); undo it.
  await page.keyboard.press("Shift+D");
  await expect(page.getByRole("status")).toHaveText(/^Marked done; \d+ suggestions? (is|are) still to review$/u);
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("status")).toContainText("Undone: ");
  await expect(list.locator(".doc-progress")).toContainText("1 of 3 documents done");

  await list.getByText("Filter", { exact: true }).click();
  // By status.
  await list.getByLabel("Status").selectOption("done");
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE]);
  await expect(list.locator(".doc-filter-count")).toHaveText("1 of 3 documents");
  await list.getByLabel("Status").selectOption("any");
  // By unreviewed suggestions.
  await list.getByLabel("Has unreviewed suggestions").check();
  await expect.poll(() => titles(page)).toEqual(["خبر الوكالة"]);
  await list.getByLabel("Has unreviewed suggestions").uncheck();
  // By source (part of the file name).
  await list.getByLabel("Source").fill("NOTES");
  await expect.poll(() => titles(page)).toEqual(["ملاحظات"]);
  await list.getByLabel("Source").fill("");
  // By published date: the sample (2019-05-14) and the wire story (2021-03-02); the notes have none.
  await list.getByLabel("From").fill("2020-01-01");
  await expect.poll(() => titles(page)).toEqual(["خبر الوكالة"]);
  await list.getByLabel("To").fill("2020-12-31");
  await expect.poll(() => titles(page)).toEqual([]);
  await expect(list.locator(".doc-no-match")).toBeVisible();
  await list.getByRole("button", { name: "Clear filters" }).click();
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE, "خبر الوكالة", "ملاحظات"]);

  // Alt+↓ steps through the list as filtered: only the notes are still new.
  await list.getByLabel("Status").selectOption("new");
  await expect.poll(() => titles(page)).toEqual(["ملاحظات"]);
  await page.locator("qawl-document-list .document-item").first().click();
  await page.locator("article").focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByRole("status")).toContainText("No more in this direction");
  await expect(page.locator("qawl-article h1")).toHaveText("ملاحظات");
});

test("a document is deleted only after asking, and the next one opens", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-delete-"));
  const garbled = join(dir, "garbled.txt");
  writeFileSync(garbled, "ظ‚ظژط§ظ„ظژ ط§ظ„ط±ظژ…\n");
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, garbled]);
  await expect(page.getByRole("status")).toContainText("Imported 2 documents");
  await page.locator("qawl-document-list .document-item").filter({ hasText: "ظ‚ظژط§ظ„ظژ" }).click();
  await expect(page.locator("qawl-article h1")).toHaveText("ظ‚ظژط§ظ„ظژ ط§ظ„ط±ظژ…");

  // Asked first, with Cancel focused: Enter keeps the document.
  await page.getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this document?" });
  await expect(dialog).toContainText("Undo (Ctrl+Z) brings it back");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE, "ظ‚ظژط§ظ„ظژ ط§ظ„ط±ظژ…"]);

  // A search that finds the garbled text; its hit goes when the document does.
  await page.locator("article").focus();
  await page.keyboard.press("/");
  await page.getByRole("searchbox").fill("ط§ظ„ط±");
  await page.getByRole("searchbox").press("Enter");
  const hits = page.getByRole("list", { name: "Search results" }).getByRole("button");
  await expect(hits).toHaveCount(1);

  await page.getByRole("button", { name: "Delete…" }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Deleted «\u2068ظ‚ظژط§ظ„ظژ ط§ظ„ط±ظژ…\u2069»");
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE]);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await expect(page.getByRole("article")).toBeFocused();
  // Deleting is a step of the undo history.
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", /^Undo: Delete “/u);
  await expect(hits).toHaveCount(0);
  // Ctrl+Z brings the document back, in its place in the list.
  await page.keyboard.press("Control+z");
  await expect.poll(() => titles(page)).toEqual([SAMPLE_TITLE, "ظ‚ظژط§ظ„ظژ ط§ظ„ط±ظژ…"]);
});
