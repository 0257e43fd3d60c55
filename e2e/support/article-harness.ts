/**
 * Acts on the article view as a person does: selects text by dragging the mouse or with
 * Shift+arrow keys, presses keys, reads what the page shows. Text is located by searching
 * the article's paragraphs; positions come from the browser's own layout.
 */
import { expect, type Locator, type Page } from "@playwright/test";

interface CharBoxes {
  first: { left: number; right: number; top: number; bottom: number };
  last: { left: number; right: number; top: number; bottom: number };
}

/** Screen boxes of the first and last character of an occurrence of `text` in the article. */
async function charBoxes(page: Page, text: string): Promise<CharBoxes> {
  return page.evaluate((needle) => {
    for (const p of document.querySelectorAll("article p[data-index]")) {
      const node = p.firstChild;
      if (node === null) continue;
      const data = node.textContent ?? "";
      const at = data.indexOf(needle);
      if (at < 0) continue;
      const box = (start: number, end: number) => {
        const r = document.createRange();
        r.setStart(node, start);
        r.setEnd(node, end);
        const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      };
      node.parentElement?.scrollIntoView({ block: "center" });
      return { first: box(at, at + 1), last: box(at + needle.length - 1, at + needle.length) };
    }
    throw new Error(`text not in the article: ${needle}`);
  }, text);
}

/** The page's current selection as text (no-break spaces as spaces). */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.getSelection()?.toString() ?? "").replace(/\u00a0/gu, " "));
}

/**
 * Select `text` by dragging the mouse from its first to its last character (right to left
 * in an Arabic paragraph).
 */
export async function selectWithMouse(page: Page, text: string): Promise<void> {
  await charBoxes(page, text);
  const { first, last } = await charBoxes(page, text);
  const rtl = await page.evaluate(() => document.querySelector("article")?.getAttribute("dir") === "rtl");
  const startX = rtl ? first.right - 1 : first.left + 1;
  const endX = rtl ? last.left + 1 : last.right - 1;
  await page.mouse.move(startX, (first.top + first.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move(endX, (last.top + last.bottom) / 2, { steps: 8 });
  await page.mouse.up();
  expect(await selectedText(page)).toBe(text.replace(/\u00a0/gu, " "));
}

/**
 * Select `text` from the keyboard: click just before its first character, then
 * Shift+ArrowLeft once per character (an Arabic line runs right to left).
 */
export async function selectWithKeyboard(page: Page, text: string): Promise<void> {
  const { first } = await charBoxes(page, text);
  await page.mouse.click(first.right - 1, (first.top + first.bottom) / 2);
  for (const _ of text) await page.keyboard.press("Shift+ArrowLeft");
  expect(await selectedText(page)).toBe(text);
}

/** Press a label's key as an Arabic keyboard layout reports it (`key` is the Arabic letter). */
export async function pressOnArabicLayout(page: Page, key: string, code: string): Promise<void> {
  await page.evaluate(
    ([k, c]) => {
      window.dispatchEvent(new KeyboardEvent("keydown", { key: k, code: c, bubbles: true }));
    },
    [key, code] as const,
  );
}

/** The span panel's list. */
export function spanList(page: Page): Locator {
  return page.getByRole("list", { name: "Spans" });
}

/** The row of the span panel that shows `text` under label `labelName`. */
export function spanRow(page: Page, labelName: string, text: string): Locator {
  return spanList(page)
    .getByRole("listitem")
    .filter({ has: page.locator(".chip", { hasText: labelName }) })
    .filter({ hasText: text.slice(0, 20) });
}

/** The texts of the ranges painted for one label (CSS Custom Highlight API). */
export async function paintedTexts(page: Page, labelIndex: number): Promise<string[]> {
  return page.evaluate((i) => {
    const highlight = CSS.highlights.get(`qawl-label-${String(i)}`);
    return highlight === undefined ? [] : [...highlight].map((r) => (r instanceof Range ? r.toString() : ""));
  }, labelIndex);
}

/**
 * Choose the option of a `<select>` that shows `text` (options read `start–end · text`, the
 * text wrapped in directional isolates, U+2066–U+2069).
 */
export async function chooseOption(select: Locator, text: string): Promise<void> {
  await expect(select.locator("option", { hasText: text })).toHaveCount(1);
  const options = await select.locator("option").allTextContents();
  const index = options.findIndex((o) => o.replace(/[\u2066-\u2069]/gu, "").endsWith(` · ${text}`));
  expect(index, `an option showing ${text}`).toBeGreaterThanOrEqual(0);
  await select.selectOption({ index });
}
