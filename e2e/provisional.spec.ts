/**
 * Provisional spans (issue 11, "a window that never waits"): a label key paints the new
 * span at once, greyed (`qawl-provisional`), while the host has not answered; the host's
 * record then replaces it, and a refusal takes it away with the reason. The host's answer
 * is held back from outside the page (Playwright's routing), so what the page shows before
 * it is seen.
 */
import { expect, test, type Page } from "@playwright/test";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { selectWithMouse, spanRow } from "./support/article-harness.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/**
 * Open the sample article through the page's Import, as a person does; with `slowMs`, every
 * createSpan's answer is then held back that long (Playwright's routing, outside the page).
 */
async function openSample(page: Page, slowMs?: number): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  if (slowMs === undefined) return;
  await page.route("**/api/createSpan", async (route) => {
    await new Promise((r) => setTimeout(r, slowMs));
    await route.continue();
  });
}

/** Ranges held by the highlights whose names start with `prefix`. */
function ranges(page: Page, prefix: string): Promise<number> {
  return page.evaluate((prefix) => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) n += h.size;
    return n;
  }, prefix);
}

/** The text the provisional highlight covers, in the page. */
function provisionalText(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get("qawl-provisional") ?? [])].map((r) => (r as Range).toString()));
}

test("a label is painted before the host answers, greyed, then committed by its record", async ({ page }) => {
  await openSample(page);
  const before = await ranges(page, "qawl-label-");

  // Hold createSpan's answer until released.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let sent = 0;
  await page.route("**/api/createSpan", async (route) => {
    sent++;
    await held;
    await route.continue();
  });

  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("l");
  // Painted, greyed, while the request is held.
  await expect.poll(() => provisionalText(page)).toEqual(["سوتشي"]);
  expect(await ranges(page, "qawl-label-")).toBe(before + 1);
  await expect.poll(() => sent).toBe(1);
  // The span list follows when the host is slow: the row is there, greyed and busy.
  await expect(page.locator("qawl-span-panel li.provisional[aria-busy=true]")).toHaveCount(1);

  release();
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
  await expect.poll(() => provisionalText(page)).toEqual([]);
  await expect(page.locator("qawl-span-panel li.provisional")).toHaveCount(0);
  expect(await ranges(page, "qawl-label-")).toBe(before + 1);
  // The active span is the committed one: the host's id, a positive number.
  const active = await page.evaluate(
    () =>
      (document.querySelector("qawl-app") as unknown as { store: { view: { activeSpanId: number } } }).store.view
        .activeSpanId,
  );
  expect(active).toBeGreaterThan(0);
  await expect(page.locator("qawl-span-panel li.active")).toHaveAttribute("data-span-id", String(active));
});

test("a label the host refuses is taken away again and the reason is said", async ({ page }) => {
  await openSample(page);
  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("l");
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
  const painted = await ranges(page, "qawl-label-");

  // The same text and label again: the host refuses a duplicate.
  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("l");
  await expect(page.getByRole("status")).toContainText("There is already a Location span on this text.");
  await expect.poll(() => provisionalText(page)).toEqual([]);
  expect(await ranges(page, "qawl-label-")).toBe(painted);
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
});

test("a second label key pressed before the host answers relabels the new span", async ({ page }) => {
  await openSample(page, 800);
  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("m");
  await expect.poll(() => provisionalText(page)).toEqual(["سوتشي"]);
  await page.keyboard.press("l");
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
  await expect(spanRow(page, "Misc", "سوتشي")).toHaveCount(0);
  await page.reload();
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
  await expect(spanRow(page, "Misc", "سوتشي")).toHaveCount(0);
});

test("a list of 300 spans shows the rows the side panel is scrolled to", async ({ page }) => {
  await page.goto(served.url);
  const lines = Array.from({ length: 300 }, (_, i) => `سطر ${String(i + 1)} من المقال`).join("\n");
  await page.getByLabel("Import articles").setInputFiles({
    name: "long.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(lines),
  });
  await expect(page.locator("qawl-article h1")).toContainText("سطر 1");
  // 300 spans, one per line's first word, made through the page's API (setup only).
  await page.evaluate(async () => {
    type Store = {
      model: { document: { id: number; text: string } };
      api: { createSpan: (i: { documentId: number; label: string; start: number; end: number }) => Promise<unknown> };
    };
    const store = (document.querySelector("qawl-app") as unknown as { store: Store }).store;
    const doc = store.model.document;
    let at = 0;
    for (const line of doc.text.split("\n")) {
      await store.api.createSpan({ documentId: doc.id, label: "MISC", start: at, end: at + 3 });
      at += [...line].length + 1;
    }
  });
  await page.reload();
  await expect(page.locator("qawl-span-panel .count")).toHaveText("300");
  // Fewer rows than spans are in the DOM; scrolling the side panel brings the last ones.
  expect(await page.locator("qawl-span-panel li.span-row").count()).toBeLessThan(300);
  await page.locator("aside.side").hover();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2000);
  await expect(page.locator("qawl-span-panel li.span-row").last()).toBeInViewport();
  const last = await page.evaluate(() => {
    const spans = (
      document.querySelector("qawl-app") as unknown as { store: { model: { document: { spans: { id: number }[] } } } }
    ).store.model.document.spans;
    return spans[spans.length - 1]?.id;
  });
  await expect(page.locator(`qawl-span-panel li[data-span-id="${String(last)}"]`)).toBeInViewport();
});

test("Shift+N on a span not yet committed opens the committed span's note, which keeps what is typed", async ({
  page,
}) => {
  await openSample(page, 800);
  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("l");
  // The row is shown greyed while the host is slow; it has no fields yet.
  await expect(page.locator("qawl-span-panel li.provisional")).toHaveCount(1);
  await expect(page.locator("textarea.note")).toHaveCount(0);
  await page.keyboard.press("Shift+N");
  await expect(page.locator("qawl-span-panel li.provisional")).toHaveCount(0);
  await expect(page.locator("textarea.note")).toBeFocused();
  await page.keyboard.type("مدينة");
  await page.waitForTimeout(300);
  await expect(page.locator("textarea.note")).toBeFocused();
  await expect(page.locator("textarea.note")).toHaveValue("مدينة");
});
