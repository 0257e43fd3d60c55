/**
 * What a new-user trial tripped over in the interface (issue 11): refusals in plain words
 * in both languages, the status line re-worded when the language changes, dates typed as
 * YYYY-MM-DD in either language, Shift+I opening the file picker, the keyboard alive after
 * a failed import, and one Ctrl+Z taking back a name with the suggestions it made.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { runPython } from "../test-support/python.ts";
import { selectedText, spanList, spanRow } from "./support/article-harness.ts";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** Choose a language in Settings (Shift+G), then close it with Esc. */
async function chooseLanguage(page: Page, name: "English" | "العربية"): Promise<void> {
  await page.keyboard.press("Shift+G");
  const settings = page.getByRole("dialog", { name: /^(Settings|الإعدادات)$/u });
  await expect(settings).toBeVisible();
  await settings.getByRole("radio", { name, exact: true }).check();
  await page.keyboard.press("Escape");
  await expect(settings).toBeHidden();
  await expect(page.locator("html")).toHaveAttribute("lang", name === "English" ? "en" : "ar");
}

/** An empty file, which every import refuses. */
function emptyFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), "qawl-e2e-trial-")), "empty.txt");
  writeFileSync(path, "");
  return path;
}

test("refusals say what is wrong and what is allowed; the status line follows the language", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  const status = page.locator("footer.statusbar [role=status]");
  await expect(status).toHaveText("Imported 1 document");
  await page.locator("article").focus();
  // An info message made in English reads in Arabic once Arabic is chosen, and back.
  await chooseLanguage(page, "العربية");
  await expect(status).toHaveText("استُوردت وثيقة واحدة");
  await chooseLanguage(page, "English");
  await expect(status).toHaveText("Imported 1 document");

  // A display name too long: said with the limit and the length, not in zod's words.
  await page.getByRole("button", { name: "Labels…" }).click();
  const dialog = page.getByRole("dialog", { name: "Labels" });
  const add = dialog.getByRole("form", { name: "New label" });
  await add.getByLabel("Display name").fill("ع".repeat(75));
  await add.getByLabel("Name in exports").fill("TOPIC");
  await add.getByRole("button", { name: "Add" }).click();
  const said = dialog.getByRole("status");
  await expect(said).toHaveText("The display name is at most 60 characters (it has 75).");
  // A key that is not a lowercase letter or digit: the rule, with an example.
  await add.getByLabel("Display name").fill("Topic");
  await add.getByLabel("Key").fill("?");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(said).toHaveText("A key is one lowercase letter or digit, such as \u2066q\u2069.");
  // The pattern of a name in exports says itself when the browser refuses it.
  await expect(add.getByLabel("Name in exports")).toHaveAttribute("title", /1 to 40 letters, digits, _ or -/u);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The refusal still on the status line is re-worded in Arabic.
  await page.locator("article").focus();
  await chooseLanguage(page, "العربية");
  await expect(status).toHaveText("المفتاح حرف لاتيني صغير واحد أو رقم واحد، مثل \u2066q\u2069.");
  await page.getByRole("button", { name: "التسميات…" }).click();
  const arDialog = page.getByRole("dialog", { name: "التسميات", exact: true });
  const arAdd = arDialog.getByRole("form", { name: "تسمية جديدة" });
  await arAdd.getByLabel("الاسم المعروض").fill("ع".repeat(75));
  await arAdd.getByLabel("الاسم في التصدير").fill("TOPIC");
  await arAdd.getByLabel("المفتاح").fill("");
  await arAdd.getByRole("button", { name: "إضافة" }).click();
  await expect(arDialog.getByRole("status")).toHaveText("لا يزيد عدد أحرف الاسم المعروض على 60 (والمكتوب الآن 75).");
  await arDialog.screenshot({ path: test.info().outputPath("labels-refusal-ar.png") });
});

test("dates are typed YYYY-MM-DD in either language, with the format shown", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await page.locator("article").focus();
  await chooseLanguage(page, "العربية");

  await page.getByRole("button", { name: "تعديل البيانات…" }).click();
  const dialog = page.getByRole("dialog", { name: "تعديل البيانات" });
  const date = dialog.getByLabel("التاريخ");
  // A text field, not the browser's date widget (which draws mm/dd/yyyy under an English browser).
  await expect(date).toHaveAttribute("type", "text");
  await expect(date).toHaveValue("2019-05-14");
  await expect(dialog.locator("#details-date-hint")).toContainText("\u2066YYYY-MM-DD\u2069");
  await date.fill("");
  await expect(date).toHaveAttribute("placeholder", "\u200eسنة\u200e-\u200eشهر\u200e-\u200eيوم");
  await dialog.screenshot({ path: test.info().outputPath("details-date-ar.png") });
  // Arabic-Indic digits count as 0–9.
  await date.fill("٢٠١٩-٠٥-١٥");
  await dialog.getByRole("button", { name: "احفظ" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("qawl-article header time")).toHaveText("2019-05-15");
  // A day that does not exist is refused in Arabic, with the format and an example.
  await page.getByRole("button", { name: "تعديل البيانات…" }).click();
  await date.fill("2019-02-29");
  await dialog.getByRole("button", { name: "احفظ" }).click();
  await expect(dialog.getByRole("status")).toHaveText(
    "يُكتب التاريخ بالشكل \u2066YYYY-MM-DD\u2069 ولا بد أن يكون يومًا موجودًا، مثل \u20662019-06-20\u2069.",
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The document list's date filter: the same text fields; a date half typed does not filter.
  await page.locator("qawl-document-list .doc-filters summary").click();
  const from = page.locator("qawl-document-list .doc-filter-dates input").first();
  await expect(from).toHaveAttribute("type", "text");
  await expect(from).toHaveAttribute("placeholder", "\u200eسنة\u200e-\u200eشهر\u200e-\u200eيوم");
  await page.locator("qawl-document-list .doc-filter-dates").screenshot({
    path: test.info().outputPath("filters-date-ar.png"),
  });
  const items = page.locator("qawl-document-list .document-item");
  await from.fill("2019-05-1");
  await expect(items).toHaveCount(1);
  await from.fill("2019-05-16");
  await expect(items).toHaveCount(0);
  await from.fill("٢٠١٩-٠٥-١٥");
  await expect(items).toHaveCount(1);
});

test("Shift+I opens the file picker, and the keyboard works after a refused import", async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByText("No documents yet.")).toBeVisible();
  // Shift+I opens the picker (not just the focus on the Import button).
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Shift+I")]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(emptyFile());
  const status = page.locator("footer.statusbar [role=status]");
  await expect(status).toHaveText("\u2068empty.txt\u2069: the file is empty. Nothing was imported.");
  // No document: the file input does not keep the focus, and Shift+I works again.
  await expect(page.locator("#import-input")).not.toBeFocused();
  // Even on the file input (where deleting the last document leaves it), shortcuts work.
  await page.locator("#import-input").focus();
  await page.keyboard.press("Shift+G");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeHidden();
  const [again] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Shift+I")]);
  await again.setFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);

  // Chosen with the mouse (the Import button): a refusal gives the focus back to the article.
  const [picked] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.locator("label[for=import-input]").click(),
  ]);
  await picked.setFiles(emptyFile());
  await expect(status).toHaveText("\u2068empty.txt\u2069: the file is empty. Nothing was imported.");
  await expect(page.locator("qawl-article article")).toBeFocused();
  // A shortcut works at once: Shift+G opens Settings.
  await page.keyboard.press("Shift+G");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
});

/** Every other occurrence of a name in the text (with or without an attached proclitic), as Python counts them. */
const OTHER_MENTIONS = `
import json, re, sys
a = json.load(sys.stdin)
print(json.dumps(len(re.findall(r"(?<!\\w)[وفبلك]?" + re.escape(a["name"]) + r"(?!\\w)", a["text"])) - 1))
`;

test("one Ctrl+Z takes back a name tagged with the suggestions it made; one redo brings both", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  const article = page.locator("article");
  await article.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  expect((await selectedText(page)).trim()).toBe("لافروف");
  await page.keyboard.press("p");
  await expect(spanRow(page, "Person", "لافروف")).toHaveCount(1);
  // Wait for the pause that propagates the name: its other mentions become suggestions.
  const mentions = runPython<number>(OTHER_MENTIONS, { text: readFileSync(SAMPLE_PATH, "utf8"), name: "لافروف" });
  expect(mentions).toBeGreaterThan(0);
  const suggested = spanList(page).locator(".span-row.suggested");
  await expect(suggested).toHaveCount(mentions);
  // The Undo button names the tagging: that is what it takes back, with the suggestions.
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute(
    "title",
    "Undo: Add Person «لافروف» (Ctrl+Z)",
  );

  await page.keyboard.press("Control+z");
  const status = page.locator("footer.statusbar [role=status]");
  await expect(status).toHaveText("Undone: Add Person «لافروف»");
  await expect(spanRow(page, "Person", "لافروف")).toHaveCount(0);
  await expect(suggested).toHaveCount(0);

  await page.keyboard.press("Control+Shift+z");
  await expect(status).toHaveText("Redone: Add Person «لافروف»");
  await expect(spanRow(page, "Person", "لافروف")).toHaveCount(1);
  await expect(suggested).toHaveCount(mentions);
});
