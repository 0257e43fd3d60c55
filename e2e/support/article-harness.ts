/**
 * Acts on the article view as a person does: selects text by dragging the mouse or with
 * Shift+arrow keys, presses keys, reads what the page shows. Text is located by searching
 * the article's paragraphs; positions come from the browser's own layout.
 */
import { expect, type Download, type Locator, type Page } from "@playwright/test";

interface CharBoxes {
  first: { left: number; right: number; top: number; bottom: number };
  last: { left: number; right: number; top: number; bottom: number };
}

/**
 * Screen boxes of the first and last character of `text` in the article: its first
 * occurrence, or its first occurrence inside the first occurrence of `within`.
 */
async function charBoxes(page: Page, text: string, within?: string): Promise<CharBoxes> {
  return page.evaluate(
    ([needle, context]) => {
      for (const p of document.querySelectorAll("article p[data-index]")) {
        const node = p.firstChild;
        if (node === null) continue;
        const data = node.textContent ?? "";
        const around = context === "" ? 0 : data.indexOf(context);
        if (around < 0) continue;
        const at = data.indexOf(needle, around);
        if (at < 0) continue;
        const box = (start: number, end: number) => {
          const r = document.createRange();
          r.setStart(node, start);
          r.setEnd(node, end);
          const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
          return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        };
        node.parentElement?.scrollIntoView({ block: "center" });
        // Paragraphs out of view are not laid out (content-visibility), and the web font may
        // still be loading: measure once the fonts are in and two frames in a row agree.
        const measure = () => ({ first: box(at, at + 1), last: box(at + needle.length - 1, at + needle.length) });
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        return (async () => {
          await document.fonts.ready;
          let last = JSON.stringify(measure());
          for (let i = 0; i < 20; i++) {
            await frame();
            await frame();
            node.parentElement?.scrollIntoView({ block: "center" });
            const now = JSON.stringify(measure());
            if (now === last) break;
            last = now;
          }
          return JSON.parse(last) as CharBoxes;
        })();
      }
      throw new Error(`text not in the article: ${needle}`);
    },
    [text, within ?? ""] as const,
  );
}

/** The page's current selection as text (no-break spaces as spaces). */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const sel = document.getSelection();
    return (sel === null || sel.rangeCount === 0 ? "" : sel.getRangeAt(0).toString()).replace(/\u00a0/gu, " ");
  });
}

/**
 * Select `text` by dragging the mouse from its first to its last character (right to left
 * in an Arabic paragraph); `within` picks the occurrence (see `charBoxes`).
 */
export async function selectWithMouse(page: Page, text: string, within?: string): Promise<void> {
  const rtl = await page.evaluate(() => document.querySelector("article")?.getAttribute("dir") === "rtl");
  // Latin letters and digits run left to right even in an Arabic line.
  const ltr = (ch: string) => !rtl || /[\p{Script=Latin}\p{Nd}]/u.test(ch);
  const wanted = text.replace(/\u00a0/gu, " ");
  const drag = async ({ first, last }: CharBoxes, margin: number) => {
    const startX = ltr(text[0] ?? "") ? first.left + margin : first.right - margin;
    const endX = ltr(text[text.length - 1] ?? "") ? last.right - margin : last.left + margin;
    await page.mouse.move(startX, (first.top + first.bottom) / 2);
    await page.mouse.down();
    await page.mouse.move(endX, (last.top + last.bottom) / 2, { steps: 8 });
    await page.mouse.up();
  };
  // Press just inside the first character's outer edge and release just inside the last's,
  // as a person aims; inside a ligature (لا) a letter's box is too narrow to aim at, and a
  // person would press just outside the word instead. If the page moved under the pointer
  // (a late answer repainting it), look again and aim again, as a person would.
  for (let attempt = 0; attempt === 0 || (attempt < 3 && (await selectedText(page)) !== wanted); attempt++) {
    const boxes = await charBoxes(page, text, within);
    await drag(boxes, 1);
    if ((await selectedText(page)) !== wanted) await drag(boxes, -1);
  }
  expect(await selectedText(page)).toBe(wanted);
}

/**
 * Select `text` from the keyboard: click just before its first character, then
 * Shift+ArrowLeft once per character (an Arabic line runs right to left).
 */
export async function selectWithKeyboard(page: Page, text: string, within?: string): Promise<void> {
  const { first } = await charBoxes(page, text, within);
  await page.mouse.click(first.right - 1, (first.top + first.bottom) / 2);
  for (const _ of text) await page.keyboard.press("Shift+ArrowLeft");
  expect(await selectedText(page)).toBe(text);
}

/** Select `text` (its first occurrence) by setting the page's selection, as a script or assistive technology would. */
export async function selectByText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    for (const p of document.querySelectorAll("article p[data-index]")) {
      const node = p.firstChild;
      const at = node?.textContent?.indexOf(needle) ?? -1;
      if (node == null || at < 0) continue;
      document.getSelection()?.setBaseAndExtent(node, at, node, at + needle.length);
      return;
    }
    throw new Error(`text not in the article: ${needle}`);
  }, text);
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

/** The row of the span panel that shows the accepted span (not a suggestion) `text` under label `labelName`. */
export function spanRow(page: Page, labelName: string, text: string): Locator {
  return spanList(page)
    .locator("li.span-row:not(.suggested)")
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
 * Choose the option of a `<select>` that shows `text` as one of its ` · `-separated parts
 * (options read `start–end · text` or `name · type`, Arabic wrapped in directional
 * isolates, U+2066–U+2069).
 */
export async function chooseOption(select: Locator, text: string): Promise<void> {
  await expect(select.locator("option", { hasText: text }).first()).toBeAttached();
  const options = await select.locator("option").allTextContents();
  const index = options.findIndex((o) =>
    o
      .replace(/[\u2066-\u2069]/gu, "")
      .trim()
      .split(" · ")
      .includes(text),
  );
  expect(index, `an option showing ${text}`).toBeGreaterThanOrEqual(0);
  await select.selectOption({ index });
}

/** Tag `text` (inside `within`) with a label key, selecting it with the mouse. */
export async function tag(page: Page, key: string, text: string, within?: string): Promise<void> {
  await selectWithMouse(page, text, within);
  await page.keyboard.press(key);
  await expect(page.getByRole("status")).not.toHaveClass(/error/u);
}

/** Make the span shown in the span panel with `text` under `labelName` active. */
export async function activate(page: Page, labelName: string, text: string): Promise<void> {
  await spanRow(page, labelName, text)
    .getByRole("button", { name: new RegExp(`^${labelName}`, "u") })
    .first()
    .click();
}

/** Export through the Export dialog (all documents) and wait for the download. */
export async function exportAs(page: Page, format: string, scope = "All documents"): Promise<Download> {
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export" });
  await dialog.getByRole("combobox", { name: "Format" }).selectOption(format);
  await dialog.getByRole("radio", { name: new RegExp(`^${scope}`, "u") }).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export", exact: true }).click(),
  ]);
  await expect(dialog.getByRole("region", { name: "Loss report" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  return download;
}

/** How many ranges are painted as unreviewed suggestions, and how many as accepted spans (all labels). */
export async function painted(page: Page): Promise<{ suggested: number; accepted: number }> {
  return page.evaluate(() => {
    let suggested = 0;
    let accepted = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith("qawl-suggested-")) suggested += highlight.size;
      if (name.startsWith("qawl-label-")) accepted += highlight.size;
    }
    return { suggested, accepted };
  });
}
