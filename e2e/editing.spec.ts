import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { python } from "../test-support/python.ts";
import { paintedTexts, selectWithMouse, spanList, spanRow, tag } from "./support/article-harness.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** Import a text written by the test, as a file chosen in the page. */
async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.goto(served.url);
  await page
    .getByLabel("Import articles")
    .setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text, "utf8") });
  await expect(page.getByRole("status")).toContainText("Imported 1 document");
}

/** The project's only document, as `qawl export` writes it. */
function exported(): {
  text: string;
  spans: { label: string; start: number; end: number; text: string; fragments?: { start: number; end: number }[] }[];
} {
  const out = execFileSync(process.execPath, [QAWL_BIN, "export", "--project", served.projectPath], {
    encoding: "utf8",
  });
  return JSON.parse(out.trimEnd().split("\n")[1] ?? "{}") as ReturnType<typeof exported>;
}

// The guidelines' worked example (constructed text).
const EXAMPLE =
  'وقال رئيس الوزراء الأردني بشر الخصاونة: "نرفض أي تهجير". وأضاف: "الأردن لن يقبل بذلك".\n' +
  'وأكد الخصاونة أن الحكومة ستواصل الاتصالات مع واشنطن، مؤكدا "أهمية الحوار".\n';

test("tagging the same text twice says so and makes the span already there active", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  await tag(page, "p", "بشر الخصاونة");
  await tag(page, "l", "واشنطن");
  await expect(spanRow(page, "Location", "واشنطن")).toHaveClass(/active/u);
  await selectWithMouse(page, "بشر الخصاونة");
  await page.keyboard.press("p");
  await expect(page.getByRole("status")).toHaveText("There is already a Person span on this text.");
  await expect(spanRow(page, "Person", "بشر الخصاونة")).toHaveClass(/active/u);
  // The two spans, and the surname alone (`وأكد الخصاونة`) suggested as the same person.
  await expect(spanList(page).getByRole("listitem")).toHaveCount(3);
  await expect(spanList(page).locator(".span-row.suggested")).toHaveText([/الخصاونة/u]);
  // Delete acts on it.
  await page.keyboard.press("Delete");
  await expect(page.getByRole("status")).toHaveText("Deleted Person: \u2068بشر الخصاونة\u2069");
  await expect(spanList(page).locator(".span-row:not(.suggested)")).toHaveCount(1);
});

test("a quote interrupted by a cue is one quote with two fragments", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  await tag(page, "q", "نرفض أي تهجير");
  await selectWithMouse(page, "الأردن لن يقبل بذلك");
  await page.keyboard.press("Shift+F");
  await expect(page.getByRole("status")).toContainText("The quote now has 2 fragments");
  await expect(spanList(page).getByRole("listitem")).toHaveCount(1);
  await expect(spanRow(page, "Quote", "نرفض أي تهجير")).toContainText("2 fragments");
  await expect.poll(() => paintedTexts(page, 0)).toEqual(["نرفض أي تهجير", "الأردن لن يقبل بذلك"]);
  const doc = exported();
  const quote = doc.spans[0];
  expect(quote?.text).toBe("نرفض أي تهجير الأردن لن يقبل بذلك");
  const py = python(
    doc.text,
    (quote?.fragments ?? []).map((f) => [f.start, f.end] as const),
  );
  expect(py.slices).toEqual(["نرفض أي تهجير", "الأردن لن يقبل بذلك"]);
});

test("dragging a handle resizes the active span, snapped to whole letters", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  await tag(page, "s", "رئيس الوزراء الأردني بشر الخصاونة");
  // Drag the start handle (on the right, in this right-to-left line) to the start of بشر.
  const handle = page.locator(".handle[data-edge=start]");
  await expect(handle).toBeVisible();
  const from = await handle.boundingBox();
  const target = await page.evaluate(() => {
    const p = document.querySelector("article p[data-index]");
    const node = p?.firstChild;
    if (node == null) throw new Error("no text");
    const at = (node.textContent ?? "").indexOf("بشر");
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + 1);
    const b = r.getBoundingClientRect();
    return { x: b.right - 1, y: (b.top + b.bottom) / 2 };
  });
  if (from === null) throw new Error("no handle box");
  // The knob sits just above the start's line; only the knob takes the pointer.
  await page.mouse.move(from.x + 5, from.y - 4);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => paintedTexts(page, 1)).toEqual(["بشر الخصاونة"]);
  expect(exported().spans.map((s) => s.text)).toEqual(["بشر الخصاونة"]);
});

test("the label schema can be edited: add a label with its key, recolour, retire a label in use", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  await tag(page, "m", "واشنطن");
  await page.getByRole("button", { name: "Labels…" }).click();
  const dialog = page.getByRole("dialog", { name: "Labels" });
  await expect(dialog).toBeVisible();
  const added = dialog.getByRole("form", { name: "New label" });
  await added.getByLabel("Display name").fill("Event");
  await added.getByLabel("Name in exports").fill("EVENT");
  await added.getByLabel("Key").fill("v");
  await added.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByRole("form", { name: "Label Event" })).toBeVisible();
  const misc = dialog.getByRole("form", { name: "Label Misc" });
  await expect(misc).toContainText("1 span");
  await misc.getByRole("button", { name: "Retire" }).click();
  await expect(misc.getByRole("button", { name: "Bring back" })).toBeVisible();
  const person = dialog.getByRole("form", { name: "Label Person" });
  await person.getByLabel("Display name").fill("Persona");
  await person.getByLabel("Key").fill("x");
  await person.getByLabel("Colour").fill("#112233");
  await person.getByRole("button", { name: "Save" }).click();
  await dialog.getByRole("button", { name: "Close" }).click();

  const toolbar = page.getByRole("toolbar", { name: "Labels" });
  await expect(toolbar.getByRole("button", { name: "Misc", exact: true })).toHaveCount(0);
  await expect(toolbar.getByRole("button", { name: "Event", exact: true })).toHaveAttribute("aria-keyshortcuts", "V");
  const persona = toolbar.getByRole("button", { name: "Persona", exact: true });
  await expect(persona).toHaveAttribute("aria-keyshortcuts", "X");
  await expect(persona.locator(".swatch")).toHaveCSS("background-color", "rgb(17, 34, 51)");
  // The retired label's span is still there; the new key tags with the new label.
  await expect(spanRow(page, "Misc", "واشنطن")).toHaveCount(1);
  await tag(page, "v", "الحوار");
  await expect(spanRow(page, "Event", "الحوار")).toHaveCount(1);
  await tag(page, "x", "الخصاونة", "وأكد الخصاونة");
  await expect(spanRow(page, "Persona", "الخصاونة")).toHaveCount(1);
});

test("status of a document: set from the article, shown in the list", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  const list = page.getByRole("list", { name: "Documents" });
  await expect(list).toContainText("New");
  await tag(page, "p", "بشر الخصاونة");
  await expect(list).toContainText("In progress");
  await expect(list).toContainText("0 quotes · 0 speakers · 1 name");
  await page.getByRole("combobox", { name: "Status" }).selectOption("done");
  await expect(list).toContainText("Done");
  await page.reload();
  await expect(list).toContainText("Done");
});

test("zero-width and whitespace selections are refused with a message, never an empty highlight", async ({ page }) => {
  await importText(page, "example.txt", EXAMPLE);
  // Nothing selected.
  await selectWithMouse(page, "نرفض");
  await page.keyboard.press("Escape");
  await page.keyboard.press("q");
  await expect(page.getByRole("status")).toHaveText("Select some text in the article first");
  // Only a space and a quotation mark.
  await selectWithMouse(page, ' "', 'الخصاونة: "');
  await page.keyboard.press("q");
  await expect(page.getByRole("status")).toHaveText("Select some text in the article first");
  await expect(spanList(page).getByRole("listitem")).toHaveCount(0);
  expect(await paintedTexts(page, 0)).toEqual([]);
});
