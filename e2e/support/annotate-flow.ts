/**
 * The first end-to-end story, shared by the browser (`qawl serve`) and Electron specs:
 * import the sample article through the page's file picker, tag the first direct quote
 * (mouse), its speaker (keyboard) and cue, link them, reload, find everything again, and
 * export JSONL whose every offset Python slices back to the span's text.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { nativeJsonlProblems } from "../../test-support/native-schema.ts";
import { python } from "../../test-support/python.ts";
import {
  chooseOption,
  exportAs,
  paintedTexts,
  pressOnArabicLayout,
  selectWithKeyboard,
  selectWithMouse,
  spanList,
  spanRow,
} from "./article-harness.ts";

/** The sample article kept in the repository. */
export const SAMPLE_PATH = fileURLToPath(new URL("../../fixtures/lavrov-pompeo-sochi-2019.txt", import.meta.url));
export const SAMPLE_TITLE = "لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية";

/** The first direct quote, as in the article (a no-break space before بعين). */
export const QUOTE =
  "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي، في حال التصرف بناء على الاحترام المتبادل وأخذ مصالح بعضنا بعضا\u00a0بعين الاعتبار";
export const SPEAKER = "وزير الخارجية الروسي";
export const CUE = "قال";
export const PERSON = "سيرغي لافروف";

/** What the story leaves behind for the caller to check further. */
export interface FlowResult {
  exported: string;
}

/**
 * Run the story on a page showing an empty project.
 * @param reload reloads the page the way its host does (browser reload, or window reload)
 */
export async function annotateSampleArticle(page: Page, reload: () => Promise<void>): Promise<FlowResult> {
  const cspViolations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/u.test(m.text())) cspViolations.push(m.text());
  });

  // The chrome: an empty project, label buttons named and keyed.
  await expect(page.getByText("No documents yet.")).toBeVisible();
  const labels: [string, string][] = [
    ["Quote", "Q"],
    ["Speaker", "S"],
    ["Cue", "C"],
    ["Person", "P"],
    ["Organization", "O"],
    ["Location", "L"],
    ["Misc", "M"],
  ];
  const toolbar = page.getByRole("toolbar", { name: "Labels" });
  for (const [name, key] of labels) {
    const button = toolbar.getByRole("button", { name, exact: true });
    await expect(button).toHaveAttribute("aria-keyshortcuts", key);
    await expect(button).toContainText(key.toLowerCase());
  }

  // Import through the page's file picker.
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.getByRole("list", { name: "Documents" }).getByRole("button")).toContainText(SAMPLE_TITLE);
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "ar");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expect(article.locator("p[dir=rtl]").first()).toBeVisible();

  // The quote, selected with the mouse, tagged with its key.
  await selectWithMouse(page, QUOTE);
  await page.keyboard.press("q");
  const quoteRow = spanRow(page, "Quote", QUOTE);
  await expect(quoteRow).toHaveCount(1);
  await expect(quoteRow).toContainText("direct");
  expect(await paintedTexts(page, 0)).toEqual([QUOTE]);

  // The speaker, selected from the keyboard, tagged with its button.
  await selectWithKeyboard(page, SPEAKER);
  await toolbar.getByRole("button", { name: "Speaker", exact: true }).click();
  await expect(spanRow(page, "Speaker", SPEAKER)).toHaveCount(1);
  expect(await paintedTexts(page, 1)).toEqual([SPEAKER]);

  // The cue inside وقال, and a person tagged on an Arabic keyboard layout (ح on the P key).
  await selectWithKeyboard(page, CUE);
  await page.keyboard.press("c");
  await expect(spanRow(page, "Cue", CUE)).toHaveCount(1);
  await selectWithMouse(page, PERSON);
  await pressOnArabicLayout(page, "ح", "KeyP");
  await expect(spanRow(page, "Person", PERSON)).toHaveCount(1);

  // Link the quote to its speaker and cue.
  await quoteRow.getByRole("button", { name: /Quote/u }).first().click();
  await chooseOption(page.getByRole("combobox", { name: "Speaker" }), SPEAKER);
  await chooseOption(page.getByRole("combobox", { name: "Cue" }), CUE);
  await expect(quoteRow.locator(".span-links")).toContainText(`Speaker: ${SPEAKER}`);
  await expect(quoteRow.locator(".span-links")).toContainText(`Cue: ${CUE}`);

  // Letters stay joined: no element was put inside any paragraph.
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll("article p[data-index]")].every((p) =>
        [...p.childNodes].every((n) => n.nodeType === Node.TEXT_NODE),
      ),
    ),
  ).toBe(true);

  // Everything survives a reload.
  await reload();
  // The four spans, beside the suggestions the person's surname made.
  await expect(spanList(page).locator(".span-row:not(.suggested)")).toHaveCount(4);
  const reloadedQuote = spanRow(page, "Quote", QUOTE);
  await expect(reloadedQuote.locator(".span-links")).toContainText(`Speaker: ${SPEAKER}`);
  await expect(page.getByRole("list", { name: "Documents" })).toContainText("1 quote · 1 speaker · 1 name");
  expect(await paintedTexts(page, 0)).toEqual([QUOTE]);

  // Export as a download; the file fits the schema and Python slices every span right.
  const download = await exportAs(page, "jsonl");
  expect(download.suggestedFilename()).toBe("qawl-export.jsonl");
  const exported = readFileSync(await download.path(), "utf8");
  checkExport(exported);

  // Leave the quote active for the screenshot.
  await reloadedQuote.getByRole("button", { name: /Quote/u }).first().click();
  expect(cspViolations).toEqual([]);
  return { exported };
}

/** The export fits the schema, and Python's slicing gives each span's text. */
export function checkExport(exported: string): void {
  expect(nativeJsonlProblems(exported)).toEqual([]);
  const lines = exported.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  const doc = JSON.parse(lines[1] ?? "{}") as {
    text: string;
    spans: { id: number; label: string; start: number; end: number; text: string; suggested?: string }[];
    relations: { type: string; from: number; to: number }[];
  };
  const py = python(
    doc.text,
    doc.spans.map((s) => [s.start, s.end] as const),
    [QUOTE, SPEAKER, PERSON],
  );
  doc.spans.forEach((span, i) => {
    expect(py.slices[i]).toBe(span.text);
  });
  // The spans the annotator made (propagation suggests the person's surname beside them).
  const byLabel = Object.fromEntries(doc.spans.filter((s) => s.suggested === undefined).map((s) => [s.label, s]));
  expect(
    doc.spans.filter((s) => s.suggested !== undefined).every((s) => s.label === "PER" && s.text === "لافروف"),
  ).toBe(true);
  expect(byLabel["QUOTE"]?.text).toBe(QUOTE);
  expect(byLabel["QUOTE"]?.start).toBe(py.finds[0]);
  expect(byLabel["SPEAKER"]?.start).toBe(py.finds[1]);
  expect(byLabel["PER"]?.start).toBe(py.finds[2]);
  expect(byLabel["CUE"]?.text).toBe(CUE);
  expect(doc.relations.map((r) => [r.type, r.from, r.to]).sort()).toEqual(
    [
      ["attributed_to", byLabel["QUOTE"]?.id, byLabel["SPEAKER"]?.id],
      ["cue", byLabel["QUOTE"]?.id, byLabel["CUE"]?.id],
    ].sort(),
  );
  expect(doc.text).toBe(readFileSync(SAMPLE_PATH, "utf8"));
}
