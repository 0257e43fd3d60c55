import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { nativeJsonlProblems } from "../test-support/native-schema.ts";
import { python, runPython } from "../test-support/python.ts";
import {
  activate,
  chooseOption,
  exportAs,
  paintedTexts,
  selectedText,
  spanList,
  spanRow,
  tag,
} from "./support/article-harness.ts";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

// The sample article's quotes, as the guidelines delimit them.
const Q1 =
  "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي، في حال التصرف بناء على الاحترام المتبادل وأخذ مصالح بعضنا بعضا\u00a0بعين الاعتبار";
const Q2 =
  "نتفق في أهمية استعادة قنوات التواصل التي كانت مجمدة في الآونة الأخيرة، بما في ذلك نتيجة لموجة من الاتهامات العارية من الصحة والموجهة إلينا بمحاولات التأثير على نتائج الانتخابات الأميركية، وحتى بتآمر مسؤولين رفيعين في الإدارة الأميركية الحالية معنا بشكل ما";
const Q3 =
  "ناقشنا وضع القضايا الثنائية بشيء من التفصيل، وتبادلنا الآراء حول المشكلات الدولية والإقليمية الأكثر أهمية، وفي مقدمتها الوضع في فنزويلا، وشبه الجزيرة الكورية، وسورية والشرق الأوسط وشمال أفريقيا بشكل عام، وأوكرانيا، وأفغانستان، والوضع حول خطة العمل الشاملة المشتركة لتسوية المشكلة النووية الإيرانية";
const Q4 = "أن لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد في إدلب";
const Q5 = "حتى لا تتحول الأراضي السورية إلى ملاذ للإرهابيين";

/** Whole-word occurrences of a name after its first, an attached proclitic allowed (Python's `re`). */
const OTHER_MENTIONS = `
import json, re, sys
job = json.load(sys.stdin)
print(len(re.findall(r"(?<!\\w)[وفبلك]?" + re.escape(job["name"]) + r"(?!\\w)", job["text"])) - 1)
`;

async function importSample(page: Page): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.getByRole("article")).toContainText("روسيا مهتمة");
}

/** Pick the quote's speaker and cue in the active quote's details. */
async function linkActiveQuote(page: Page, speaker: string | null, cue: string): Promise<void> {
  if (speaker !== null) await chooseOption(page.getByRole("combobox", { name: "Speaker" }), speaker);
  await chooseOption(page.getByRole("combobox", { name: "Cue" }), cue);
  await expect(page.getByRole("status")).toContainText("Linked to");
}

test("the whole attribution of the sample article, entities linked, undone and redone, exported exactly", async ({
  page,
}) => {
  await importSample(page);

  // First quote: its speaker (a nominal mention) and cue (قال without the و).
  await tag(page, "q", Q1);
  await tag(page, "s", "وزير الخارجية الروسي");
  await tag(page, "c", "قال", "وقال وزير");
  await activate(page, "Quote", Q1);
  await linkActiveQuote(page, "وزير الخارجية الروسي", "قال");

  // Lavrov's three mentions become one entity: created from the full name; his surname alone
  // is suggested as his (propagation by entity), and tagging that suggestion accepts it, still
  // his; the entity is chosen for the nominal speaker mention.
  await tag(page, "p", "سيرغي لافروف");
  await page.keyboard.press("Shift+E");
  await expect(page.getByRole("status")).toContainText("New entity");
  const others = runPython<number>(OTHER_MENTIONS, { text: readFileSync(SAMPLE_PATH, "utf8"), name: "لافروف" });
  // Every other لافروف (the one inside the full name is covered by it).
  await expect(spanList(page).locator(".span-row.suggested")).toHaveCount(others);
  await tag(page, "p", "لافروف", "وأعرب لافروف");
  await expect(page.getByRole("status")).toContainText("Person: ⁨لافروف⁩");
  // Accepted, not added: one suggestion fewer.
  await expect(spanList(page).locator(".span-row.suggested")).toHaveCount(others - 1);
  await expect(page.locator(".suggestion")).toContainText("Show سيرغي لافروف");
  await activate(page, "Speaker", "وزير الخارجية الروسي");
  await chooseOption(page.getByRole("combobox", { name: "Entity" }), "سيرغي لافروف");
  await expect(page.getByRole("status")).toContainText("Refers to");

  // Second and third quotes continue the first speaker (وأضاف، وتابع قائلا).
  await tag(page, "q", Q2);
  await page.keyboard.press("Shift+R");
  await expect(page.getByRole("status")).toContainText("Same speaker as the previous quote: ⁨سيرغي لافروف⁩");
  await tag(page, "c", "أضاف", "وأضاف:");
  await activate(page, "Quote", Q2);
  await linkActiveQuote(page, null, "أضاف");
  await tag(page, "q", Q3);
  await page.keyboard.press("Shift+R");
  await tag(page, "c", "تابع قائلا");
  await activate(page, "Quote", Q3);
  await linkActiveQuote(page, null, "تابع قائلا");
  await expect(spanRow(page, "Quote", Q3).locator(".span-links")).toContainText("Speaker: سيرغي لافروف (carried over)");

  // Indirect speech: type guessed, speaker and cue linked; then a short direct quote after مؤكدا.
  await tag(page, "q", Q4);
  await expect(spanRow(page, "Quote", Q4)).toContainText("indirect");
  await tag(page, "s", "بومبيو", "أكد بومبيو");
  await tag(page, "c", "أكد", "أكد بومبيو");
  await activate(page, "Quote", Q4);
  await linkActiveQuote(page, "بومبيو", "أكد");
  await tag(page, "q", Q5);
  await expect(spanRow(page, "Quote", Q5)).toContainText("direct");
  await page.keyboard.press("Shift+R");
  await tag(page, "c", "مؤكدا", "إدلب، مؤكدا");
  await activate(page, "Quote", Q5);
  await linkActiveQuote(page, null, "مؤكدا");

  // Named entities, one of each type.
  await tag(page, "l", "سوتشي");
  await tag(page, "l", "واشنطن", "وواشنطن");
  await tag(page, "o", "مجلس القطب الشمالي");
  await tag(page, "m", "خطة العمل الشاملة المشتركة");
  await tag(page, "p", "مايك بومبيو");

  // The entity panel: one Lavrov with his three mentions and the two quotes carried over to him.
  await page.getByRole("tab", { name: "Entities" }).click();
  await page
    .getByRole("list", { name: "Entities" })
    .getByRole("button", { name: /سيرغي لافروف/u })
    .click();
  const mentions = page.locator(".mention");
  await expect(mentions).toHaveCount(5);
  await expect(mentions.filter({ hasText: "quote (carried over)" })).toHaveCount(2);
  for (const text of ["سيرغي لافروف", "لافروف", "وزير الخارجية الروسي"]) {
    await expect(mentions.locator("bdi").filter({ hasText: new RegExp(`^${text}$`, "u") })).toHaveCount(1);
  }
  await page.getByRole("tab", { name: "Spans" }).click();

  // Undo the last two spans added, redo one; the history outlives a reload. Suggesting a
  // name's other mentions is a step of its own in the history, undone on the way.
  const accepted = spanList(page).locator("li.span-row:not(.suggested)");
  const count = await accepted.count();
  await page.keyboard.press("Escape");
  const undoUntil = async (description: string) => {
    const status = page.getByRole("status");
    for (let i = 0; i < 4; i++) {
      const before = (await status.textContent()) ?? "";
      await page.keyboard.press("Control+z");
      await expect(status).not.toHaveText(before);
      await expect(status).toContainText("Undone: ");
      if ((await status.textContent())?.includes(description) === true) return;
    }
    throw new Error(`never undid ${description}`);
  };
  await undoUntil("Add Person «مايك بومبيو»");
  await expect(accepted).toHaveCount(count - 1);
  await undoUntil("Add Misc «خطة العمل الشاملة المشتركة»");
  await expect(accepted).toHaveCount(count - 2);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.getByRole("status")).toContainText("Redone: Add Misc «خطة العمل الشاملة المشتركة»");
  await page.reload();
  await expect(accepted).toHaveCount(count - 1);
  // Redo with the button: the Person comes back (after the suggestions its name made, if
  // the annotator paused long enough for them before undoing).
  const redo = page.getByRole("button", { name: "Redo" });
  await expect(redo).toHaveAttribute(
    "title",
    /Redo: (Add Person «مايك بومبيو»|Suggest \d+ other mentions? of «[^»]+»)/u,
  );
  for (let i = 0; i < 3 && (await accepted.count()) < count; i++) {
    const before = (await page.getByRole("status").textContent()) ?? "";
    await redo.click();
    await expect(page.getByRole("status")).not.toHaveText(before);
  }
  await expect(page.getByRole("status")).toContainText("Redone: Add Person «مايك بومبيو»");
  await expect(accepted).toHaveCount(count);

  // The export: valid, and Python slices every span back to its text.
  const download = await exportAs(page, "jsonl");
  const exported = readFileSync(await download.path(), "utf8");
  expect(nativeJsonlProblems(exported)).toEqual([]);
  const doc = JSON.parse(exported.trimEnd().split("\n")[1] ?? "{}") as {
    text: string;
    spans: {
      id: number;
      label: string;
      start: number;
      end: number;
      text: string;
      entity?: number;
      suggested?: string;
    }[];
    relations: { type: string; from: number; to?: number; to_entity?: number }[];
  };
  const py = python(
    doc.text,
    doc.spans.map((s) => [s.start, s.end] as const),
  );
  doc.spans.forEach((s, i) => {
    expect(py.slices[i], `span ${String(s.id)} (${s.label})`).toBe(s.text);
  });
  const quotes = doc.spans.filter((s) => s.label === "QUOTE");
  expect(quotes.map((q) => q.text)).toEqual([Q1, Q2, Q3, Q4, Q5]);
  for (const quote of quotes) {
    const links = doc.relations.filter((r) => r.from === quote.id);
    expect(links.map((r) => r.type).sort(), quote.text.slice(0, 20)).toEqual(["attributed_to", "cue"]);
  }
  const lavrov = doc.spans.find((s) => s.text === "سيرغي لافروف")?.entity;
  // Accepted mentions; the other mentions of his names stay suggestions until someone reviews them.
  expect(doc.spans.filter((s) => s.entity === lavrov && s.suggested === undefined).map((s) => s.text)).toEqual([
    "سيرغي لافروف",
    "لافروف",
    "وزير الخارجية الروسي",
  ]);
  expect(doc.relations.filter((r) => r.to_entity === lavrov)).toHaveLength(2);
});

test("from the keyboard alone: Tab into the article, select by word, tag, resize, undo", async ({ page }) => {
  await importSample(page);
  await page.getByRole("list", { name: "Documents" }).getByRole("button").focus();
  // Tab from the document list (past the status menu and the header buttons) to the article; the caret starts at the first letter.
  const article = page.getByRole("article");
  for (let i = 0; i < 6 && !(await article.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(article).toBeFocused();
  await page.keyboard.press("Control+Shift+ArrowLeft");
  expect((await selectedText(page)).trim()).toBe("لافروف");
  await page.keyboard.press("p");
  await expect(spanRow(page, "Person", "لافروف")).toHaveCount(1);
  // Tagging a name suggests its other mentions once the annotator pauses (600 ms), and Ctrl+Z
  // cancels a propagation still waiting for that pause. Wait for the suggestions here, so the
  // undo below never races them: every other occurrence of the word (with or without an
  // attached proclitic), counted by Python.
  const mentions = runPython<number>(OTHER_MENTIONS, { text: readFileSync(SAMPLE_PATH, "utf8"), name: "لافروف" });
  expect(mentions).toBeGreaterThan(0);
  await expect(spanList(page).locator(".span-row.suggested")).toHaveCount(mentions);
  // Extend the person by the next word with Alt+Ctrl+ArrowLeft (forward in a right-to-left line)…
  await page.keyboard.press("Control+Alt+ArrowLeft");
  await expect(spanRow(page, "Person", "لافروف وبومبيو")).toHaveCount(1);
  // …shrink it back by seven characters, one at a time…
  for (let i = 0; i < 8; i++) await page.keyboard.press("Alt+ArrowRight");
  await expect.poll(() => paintedTexts(page, 3)).toEqual(["لافروف"]);
  // …move its start forward by one letter, then undo that.
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await expect.poll(() => paintedTexts(page, 3)).toEqual(["افروف"]);
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("status")).toContainText("Undone: Resize Person «لافروف»");
  await expect.poll(() => paintedTexts(page, 3)).toEqual(["لافروف"]);
  // Shift+N reaches the note; the note is saved when it loses focus.
  await page.keyboard.press("Shift+N");
  await page.keyboard.type("Russian foreign minister");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("status")).toContainText("Note saved");
  await expect(spanRow(page, "Person", "لافروف").locator(".span-links")).toContainText(
    "Note: Russian foreign minister",
  );
  // Delete removes the active span (the other mentions tagging it suggested stay, as suggestions).
  await activate(page, "Person", "لافروف");
  await page.keyboard.press("Delete");
  await expect(spanList(page).locator(".span-row:not(.suggested)")).toHaveCount(0);
  await expect(spanList(page).locator(".span-row.suggested")).toHaveCount(mentions);
});
