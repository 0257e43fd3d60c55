/**
 * Annotator speed in the browser: pre-annotation reviewed from the keyboard, suggestions
 * painted apart from accepted spans, name propagation after tagging a name, folded search
 * that jumps to the hit, the shortcut sheet, and stepping through spans and documents.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { python, runPython } from "../test-support/python.ts";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { painted, selectWithMouse, spanList } from "./support/article-harness.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";
import { DEFAULT_CUES } from "../core/preannotate/cues.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

async function importSample(page: Page): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
}

test("pre-annotate the sample, review every suggestion with Enter, and export the three direct quotes attributed right", async ({
  page,
}) => {
  await importSample(page);
  await page.locator("article").focus();
  await page.keyboard.press("Shift+P");
  await expect(page.getByRole("status")).toContainText("Suggested 9 quotes: Enter accepts");
  // Suggestions are painted apart from accepted spans, and marked in the list.
  expect(await painted(page)).toEqual({ suggested: 23, accepted: 0 });
  await expect(page.getByRole("group", { name: "Suggestions" })).toContainText("23 suggestions to review");
  await expect(spanList(page).locator(".span-row.suggested")).toHaveCount(23);

  // The first suggestion is active: review them one by one; a quote brings its cue and speaker along.
  const first = spanList(page).locator(".span-row.active");
  await expect(first).toContainText("suggested");
  await expect(first.locator(".chip")).toHaveText("Quote");
  let presses = 0;
  while ((await page.getByRole("group", { name: "Suggestions" }).count()) > 0 && presses < 30) {
    const before = (await painted(page)).suggested;
    await page.keyboard.press("Enter");
    presses++;
    await expect.poll(async () => (await painted(page)).suggested).toBeLessThan(before);
    await expect(page.getByRole("status")).toContainText(/^Accepted /u);
  }
  // One Enter per suggested quote (the status said 9): each brings its cue and speaker along.
  expect(presses).toBe(9);
  expect(await painted(page)).toEqual({ suggested: 0, accepted: 23 });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await page.keyboard.press("Shift+O");
      const dialog = page.getByRole("dialog", { name: "Export" });
      await dialog.getByRole("button", { name: "Export", exact: true }).click();
    })(),
  ]);
  const jsonl = readFileSync(await download.path(), "utf8");
  const doc = JSON.parse(jsonl.split("\n")[1] ?? "{}") as {
    text: string;
    spans: {
      id: number;
      label: string;
      start: number;
      end: number;
      text: string;
      attributes: Record<string, string>;
    }[];
    relations: { type: string; from: number; to?: number }[];
  };
  const direct = doc.spans.filter((s) => s.label === "QUOTE" && s.attributes["type"] === "direct");
  const view = python(
    doc.text,
    direct.map((s) => [s.start, s.end]),
  );
  expect(view.slices).toEqual(direct.map((s) => s.text));
  const linked = (quote: number, type: string) =>
    doc.spans.find((s) => s.id === doc.relations.find((r) => r.type === type && r.from === quote)?.to)?.text;
  expect(direct.map((q) => [q.text.slice(0, 11), linked(q.id, "cue"), linked(q.id, "attributed_to")])).toEqual([
    ["روسيا مهتمة", "قال", "وزير الخارجية الروسي"],
    ["نتفق في أهم", "أضاف", "وزير الخارجية الروسي"],
    ["ناقشنا وضع ", "تابع قائلا", "وزير الخارجية الروسي"],
  ]);
});

test("Backspace rejects a suggestion, ] and [ step between suggestions, j and k between spans", async ({ page }) => {
  await importSample(page);
  await page.getByRole("button", { name: "Pre-annotate" }).click();
  await expect(page.getByRole("status")).toContainText("Suggested 9 quotes");
  await page.keyboard.press("]");
  const active = () => spanList(page).locator(".span-row.active .span-text");
  const second = await active().textContent();
  await page.keyboard.press("[");
  const firstText = await active().textContent();
  expect(firstText).not.toBe(second);
  await page.keyboard.press("Backspace");
  await expect(page.getByRole("status")).toContainText(/^Rejected [123] suggestions?$/u);
  await expect(spanList(page).getByText(firstText ?? "", { exact: true })).toHaveCount(0);
  await page.keyboard.press("j");
  const afterJ = await active().textContent();
  await page.keyboard.press("k");
  await expect(active()).not.toHaveText(afterJ ?? "");
  // With nothing active, Enter starts the review at the first suggestion (it accepts nothing yet).
  await page.keyboard.press("Escape");
  await expect(spanList(page).locator(".span-row.active")).toHaveCount(0);
  const before = await painted(page);
  await page.keyboard.press("Enter");
  await expect(spanList(page).locator(".span-row.active.suggested")).toHaveCount(1);
  expect(await painted(page)).toEqual(before);
  // Pre-annotating again finds nothing new, and the rejected quote stays away.
  await page.keyboard.press("Shift+P");
  await expect(page.getByRole("status")).toHaveText(
    `Nothing new to suggest here; ${String(before.suggested)} suggestions are still to review`,
  );
  await expect(spanList(page).getByText(firstText ?? "", { exact: true })).toHaveCount(0);
  expect(await painted(page)).toEqual(before);
});

test("tagging a name suggests its other mentions, after a و but never covering it", async ({ page }) => {
  await importSample(page);
  await selectWithMouse(page, "بومبيو", "أكد بومبيو");
  await page.keyboard.press("p");
  const text = readFileSync(SAMPLE_PATH, "utf8");
  // Python counts the occurrences; every one but the tagged one is suggested (`وبومبيو` holds one).
  const all = runPython<number>(`import json, sys\nprint(json.load(sys.stdin)["text"].count("بومبيو"))`, { text });
  await expect(page.getByRole("status")).toContainText(`${String(all - 1)} other mentions of`);
  const suggested = await page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith("qawl-suggested-"))
      .flatMap(([, h]) => [...h].map((r) => (r instanceof Range ? r.toString() : ""))),
  );
  expect(suggested).toEqual(Array.from({ length: all - 1 }, () => "بومبيو"));
});

test("search finds a name typed without harakat where the text has them, and shows the hit in the article", async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-search-"));
  const file = join(dir, "harakat.txt");
  writeFileSync(file, "تصريح\nقال وزيرُ الخارجيّة سيرغي لافروفُ إنّ المحادثات مفيدة.\n");
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, file]);
  await expect(page.getByRole("status")).toContainText("Imported 2 documents");
  await page.locator("article").focus();
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox");
  await expect(box).toBeFocused();
  await box.fill("وزير الخارجية");
  await box.press("Enter");
  const hits = page.getByRole("list", { name: "Search results" }).getByRole("button");
  // Python counts the plain occurrences in the sample; the new file holds one more, with harakat.
  const inSample = runPython<number>(`import json, sys\nprint(json.load(sys.stdin)["text"].count("وزير الخارجية"))`, {
    text: readFileSync(SAMPLE_PATH, "utf8"),
  });
  await expect(hits).toHaveCount(inSample + 1);
  await hits.filter({ hasText: "وزيرُ الخارجيّة" }).click();
  await expect(page.locator("qawl-article h1")).toHaveText("تصريح");
  const shown = await page.evaluate(() =>
    [...(CSS.highlights.get("qawl-found") ?? [])].map((r) => (r instanceof Range ? r.toString() : "")),
  );
  expect(shown).toEqual(["وزيرُ الخارجيّة"]);
  await expect(page.locator("article")).toBeFocused();
  // Back in the box, Esc empties it, and Esc again returns the keyboard to the article.
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(page.locator("article")).toBeFocused();
});

test("? shows every shortcut and gives the focus back; Alt+↓ opens the next document", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-keys-"));
  const other = join(dir, "other.txt");
  writeFileSync(other, 'خبر ثان\nقال الوزير: "نعم".\n');
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, other]);
  await expect(page.getByRole("status")).toContainText("Imported 2 documents");
  await page.locator("qawl-document-list .document-item").first().click();
  await page.locator("article").focus();
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  for (const action of [
    "Pre-annotate this document",
    "Accept the active suggestion",
    "Next quote",
    "Search the corpus",
    "Quote",
  ]) {
    await expect(sheet).toContainText(action);
  }
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(page.locator("article")).toBeFocused();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.locator("qawl-article h1")).toHaveText("خبر ثان");
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
});

test("the Cues dialog saves the list as it was, multi-word forms whole, and restores the defaults", async ({
  page,
}) => {
  await importSample(page);
  await page.locator("article").focus();
  const cuesNow = () =>
    JSON.parse(
      execFileSync(process.execPath, [QAWL_BIN, "cues", "--json", "--project", served.projectPath], {
        encoding: "utf8",
      }),
    ) as unknown;
  await page.keyboard.press("Shift+U");
  const dialog = page.getByRole("dialog", { name: "Reporting cues" });
  await expect(dialog).toBeVisible();
  // A form of two words (وفقا ل) shows whole between commas.
  await expect(dialog.locator("[name=forms]").nth(DEFAULT_CUES.findIndex((c) => c.lemma === "بحسب"))).toHaveValue(
    /(^|، )وفقا ل(،|$)/u,
  );
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  expect(cuesNow()).toEqual(DEFAULT_CUES);
  // Edit أضاف's forms, then remove قال above it: the edit stays with أضاف; save.
  await page.keyboard.press("Shift+U");
  // A lemma listed twice is refused, and the dialog says so itself (the page behind it is inert).
  await dialog.getByRole("button", { name: "Add a cue" }).click();
  await dialog.locator("input[name=lemma]").last().fill("قال");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("status")).toHaveText("The cue \u2068قال\u2069 is listed twice.");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove this cue" }).click();
  const added = dialog.getByRole("group", { name: "Cue أضاف" }).locator("[name=forms]");
  await added.fill(`${await added.inputValue()}، زاد`);
  await dialog.getByRole("button", { name: "Remove قال" }).click();
  await expect(added).toHaveValue(/، زاد$/u);
  // Focus stays in the list, on the next row's ✕.
  await expect(dialog.getByRole("button", { name: "Remove أضاف" })).toBeFocused();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const saved = cuesNow() as { lemma: string; forms: string[] }[];
  expect(saved.some((c) => c.lemma === "قال")).toBe(false);
  expect(saved.find((c) => c.lemma === "أضاف")?.forms.at(-1)).toBe("زاد");
  await page.keyboard.press("Shift+U");
  await dialog.getByRole("button", { name: "Restore the defaults" }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  expect(cuesNow()).toEqual(DEFAULT_CUES);
});
