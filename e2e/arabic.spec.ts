/**
 * The interface in Arabic: chosen in Settings from the keyboard, the whole chrome mirrored,
 * the article's direction its own; and the sample article annotated from the keyboard
 * alone in that interface — pre-annotation reviewed, names tagged and propagated, an
 * entity made, the document marked done and exported with every offset right.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { python, runPython } from "../test-support/python.ts";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { painted, selectedText } from "./support/article-harness.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** Choose Arabic in Settings with the keyboard only (Shift+G, arrow keys, Esc). */
async function chooseArabic(page: Page): Promise<void> {
  await page.keyboard.press("Shift+G");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  // The dialog's own name turns Arabic as soon as Arabic is chosen.
  const settings = page.getByRole("dialog", { name: /^(Settings|الإعدادات)$/u });
  // The choices run: the system's, English, العربية; the system's (English here) is checked.
  await expect(settings.getByRole("radio", { checked: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(settings.getByRole("radio", { name: "العربية" })).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "الإعدادات" })).toBeHidden();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
}

test("Arabic chrome is mirrored and stays chosen; an English article keeps its own direction", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-ar-"));
  const english = join(dir, "english.txt");
  writeFileSync(english, 'Talks resume\nThe minister said: "We agreed to talk again."\n');
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, english]);
  await expect(page.getByRole("status")).toContainText("Imported 2 documents");
  await page.locator("article").focus();
  await chooseArabic(page);

  // The chrome speaks Arabic…
  await expect(page.getByRole("button", { name: "وسم مسبق" })).toBeVisible();
  await expect(page.getByRole("list", { name: "الوثائق" })).toBeVisible();
  await expect(page.getByRole("toolbar", { name: "التسميات" }).getByRole("button", { name: "اقتباس" })).toBeVisible();
  // …and is mirrored: the document list on the right, the side panel on the left.
  const box = async (selector: string) => {
    const b = await page.locator(selector).boundingBox();
    if (b === null) throw new Error(`${selector} is not shown`);
    return b;
  };
  const list = await box("qawl-document-list");
  const reader = await box("qawl-article");
  const side = await box(".side");
  expect(list.x).toBeGreaterThan(reader.x);
  expect(reader.x).toBeGreaterThan(side.x);

  // The English article keeps left-to-right inside the right-to-left chrome.
  await page.locator("qawl-document-list .document-item").filter({ hasText: "Talks resume" }).click();
  await expect(page.locator("qawl-article h1")).toHaveText("Talks resume");
  // Its paragraphs run left to right (the article's dir is `auto`, resolved from its text).
  const directions = await page
    .locator("article p[data-index]")
    .evaluateAll((ps) => ps.filter((p) => p.textContent !== "").map((p) => getComputedStyle(p).direction));
  expect(directions).toEqual(["ltr", "ltr"]);

  // The Labels dialog edits the project's display names (English by default) and says how
  // the Arabic interface shows them.
  await page.getByRole("button", { name: "التسميات…" }).click();
  const labelsDialog = page.getByRole("dialog", { name: "التسميات", exact: true });
  await expect(labelsDialog.getByRole("form", { name: /اقتباس/u })).toContainText("يظهر في الواجهة باسم اقتباس");
  await page.keyboard.press("Escape");
  await expect(labelsDialog).toBeHidden();

  // A refusal is worded in Arabic too, with a hint that names the app's own menus.
  const empty = join(dir, "empty.txt");
  writeFileSync(empty, "");
  await page.getByLabel("استيراد مقالات").setInputFiles(empty);
  await expect(page.getByRole("status")).toHaveText("\u2068empty.txt\u2069: الملف فارغ. لم يُستورد شيء.");
  const cp1256 = join(dir, "cp1256.txt");
  writeFileSync(
    cp1256,
    Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xc7, 0xe1, 0xda, 0xc7, 0xe1, 0xe3, 0x0a]),
  );
  await page.getByLabel("استيراد مقالات").setInputFiles(cp1256);
  await expect(page.getByRole("status")).toContainText("السطر 1 ليس نصًا صالحًا بترميز UTF-8");
  await expect(page.getByRole("status")).toContainText("اختره في الترميز ثم استورد الملف من جديد");

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "وسم مسبق" })).toBeVisible();
});

test("with the interface in Arabic, the sample article is annotated from the keyboard alone", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await page.locator("article").focus();
  await chooseArabic(page);

  // Tab from the document list into the article: the caret starts at the first letter.
  await page.getByRole("list", { name: "الوثائق" }).getByRole("button").focus();
  const article = page.getByRole("article");
  for (let i = 0; i < 4 && !(await article.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(article).toBeFocused();

  // Pre-annotate, then review every suggestion with Enter (a quote brings its cue and speaker).
  await page.keyboard.press("Shift+P");
  await expect(page.getByRole("status")).toContainText("اقتُرح");
  const first = await painted(page);
  expect(first.suggested).toBeGreaterThan(0);
  for (let guard = 0; (await painted(page)).suggested > 0 && guard < 40; guard++) {
    const before = (await painted(page)).suggested;
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await painted(page)).suggested).toBeLessThan(before);
  }
  expect(await painted(page)).toEqual({ suggested: 0, accepted: first.suggested });
  await expect(page.getByRole("status")).toContainText("قُبل");

  // Tag the first word, لافروف, as a person: its other mentions are suggested; accept them all.
  await article.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  expect((await selectedText(page)).trim()).toBe("لافروف");
  await page.keyboard.press("p");
  await expect(page.getByRole("status")).toContainText("لافروف");
  await expect.poll(async () => (await painted(page)).suggested).toBeGreaterThan(0);
  // Shift+E makes an entity of the active mention.
  await page.keyboard.press("Shift+E");
  await expect(page.getByRole("status")).toContainText("لافروف");
  await page.keyboard.press("Shift+Enter");
  await expect.poll(async () => (await painted(page)).suggested).toBe(0);

  // Then بومبيو, past the و of وبومبيو: the caret moves by letters, Shift+← selects.
  await article.focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < "لافروف و".length; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < "بومبيو".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  expect(await selectedText(page)).toBe("بومبيو");
  await page.keyboard.press("p");
  await expect.poll(async () => (await painted(page)).suggested).toBeGreaterThan(0);
  await page.keyboard.press("Shift+Enter");
  await expect.poll(async () => (await painted(page)).suggested).toBe(0);

  // Done, from the keyboard; the list says so in Arabic.
  await page.keyboard.press("Shift+D");
  await expect(page.getByRole("status")).toHaveText("صارت الوثيقة منجزة");
  await expect(page.getByRole("list", { name: "الوثائق" })).toContainText("منجز");
  // Undo and redo name the change in Arabic too (the history keeps it as data), the title
  // cut to 29 letters and an ellipsis.
  const status = page.getByRole("status");
  const undoTitle = "لافروف وبومبيو يتفقان على است…";
  await page.keyboard.press("Control+z");
  await expect(status).toHaveText(`تم التراجع عن: \u2068جعل «\u2068${undoTitle}\u2069» منجزة\u2069`);
  await expect(page.getByRole("list", { name: "الوثائق" })).not.toContainText("منجز");
  await expect(page.getByRole("button", { name: "إعادة", exact: true })).toHaveAttribute(
    "title",
    `إعادة: \u2068جعل «\u2068${undoTitle}\u2069» منجزة\u2069 (Ctrl+Shift+Z)`,
  );
  await page.keyboard.press("Control+Shift+z");
  await expect(status).toHaveText(`أُعيد تنفيذ: \u2068جعل «\u2068${undoTitle}\u2069» منجزة\u2069`);
  await expect(page.getByRole("list", { name: "الوثائق" })).toContainText("منجز");
  // Shift+J makes the first quote active: the picture for the README.
  await page.keyboard.press("Shift+J");
  await expect(page.locator("qawl-span-panel .span-row.active")).toHaveCount(1);
  const target =
    process.env["QAWL_UPDATE_SCREENSHOT"] === "1"
      ? fileURLToPath(new URL("../docs/screenshot-ar.png", import.meta.url))
      : "test-results/screenshot-ar.png";
  mkdirSync(dirname(target), { recursive: true });
  await page.screenshot({ path: target });

  // Export (Shift+O, then Enter on the dialog's button) and check it from outside.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await page.keyboard.press("Shift+O");
      const dialog = page.getByRole("dialog", { name: "تصدير" });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "تصدير", exact: true }).focus();
      await page.keyboard.press("Enter");
    })(),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\n");
  const doc = JSON.parse(lines[1] ?? "{}") as {
    text: string;
    status: string;
    spans: { id: number; label: string; start: number; end: number; text: string; suggested?: string }[];
  };
  expect(doc.status).toBe("done");
  expect(doc.spans.filter((s) => s.suggested !== undefined)).toEqual([]);
  // Every span slices right in Python.
  const view = python(
    doc.text,
    doc.spans.map((s) => [s.start, s.end] as const),
  );
  expect(view.slices).toEqual(doc.spans.map((s) => s.text));
  // Every whole-word mention of the two names (with an attached و, ب or ل peeled) is a person, as Python's regex finds them.
  const mentions = runPython<[number, number][]>(
    `import json, re, sys
text = json.load(sys.stdin)["text"]
found = [[m.start(2), m.end(2)] for m in re.finditer(r"(^|(?<=\\s)[وبل]?)(لافروف|بومبيو)(?!\\w)", text, re.M)]
print(json.dumps(found))`,
    { text: doc.text },
  );
  const persons = doc.spans
    .filter((s) => s.label === "PER")
    .map((s) => [s.start, s.end])
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  expect(persons).toEqual(mentions);
  // The nine quotes pre-annotation finds in the sample, all accepted with Enter (the same
  // nine that main/ops/newsroom-quotes.test.ts lists by their opening words).
  expect(doc.spans.filter((s) => s.label === "QUOTE")).toHaveLength(9);

  // doccano cannot hold the quotes' types nor the entity links: the loss report says so in
  // Arabic; the notes about the format stay English, marked as such.
  const exportDialog = page.getByRole("dialog", { name: "تصدير" });
  await exportDialog.getByRole("combobox", { name: "الصيغة" }).selectOption("doccano");
  await Promise.all([
    page.waitForEvent("download"),
    exportDialog.getByRole("button", { name: "تصدير", exact: true }).click(),
  ]);
  const report = exportDialog.getByRole("region", { name: "تقرير الفقد" });
  await expect(report).toContainText("ما لم تستطع صيغة doccano حفظه");
  await expect(report.locator("li")).toContainText("(مثل نوع الاقتباس)");
  await expect(report.locator("li")).toContainText(/رابط كيان|رابطا كيان|روابط كيانات/u);
  await expect(report.locator("li")).not.toContainText("attributes of");
  await expect(report).toContainText("عن الصيغة (بالإنجليزية):");
  await expect(report.locator('p[lang="en"]')).toContainText("offsets count code points");
});
