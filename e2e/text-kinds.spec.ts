import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { python } from "../test-support/python.ts";
import { paintedTexts, selectByText, selectWithMouse, spanRow, tag } from "./support/article-harness.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

let served: Served;
const errors: string[] = [];

test.beforeEach(async ({ page }) => {
  served = await startServe();
  errors.length = 0;
  page.on("pageerror", (e) => errors.push(e.message));
});

test.afterEach(async () => {
  expect(errors, "no script error in the page").toEqual([]);
  await served.stop();
});

async function importBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles({ name, mimeType: "text/plain", buffer: bytes });
  await expect(page.getByRole("status")).toContainText("Imported 1 document");
}

interface Exported {
  text: string;
  spans: { label: string; start: number; end: number; text: string }[];
}

function exported(): Exported {
  const out = execFileSync(process.execPath, [QAWL_BIN, "export", "--project", served.projectPath], {
    encoding: "utf8",
  });
  return JSON.parse(out.trimEnd().split("\n")[1] ?? "{}") as Exported;
}

/** Every exported span against Python: `text[start:end]` equals the span's text, and the texts are `expected`. */
function checkWithPython(expected: string[]): Exported {
  const doc = exported();
  const py = python(
    doc.text,
    doc.spans.map((s) => [s.start, s.end] as const),
    expected,
  );
  expect(py.slices).toEqual(doc.spans.map((s) => s.text));
  expect([...doc.spans].sort((a, b) => a.start - b.start).map((s) => s.text)).toEqual(expected);
  doc.spans.forEach((s) => {
    expect(py.finds).toContain(s.start);
  });
  return doc;
}

test("Latin names and digits inside Arabic keep their order and their highlights", async ({ page }) => {
  const text = 'قال John Smith إن عام 2024 شهد 15 لقاء مع NATO، وأضاف: "نعم".\n';
  await importBytes(page, "latin.txt", Buffer.from(text, "utf8"));
  await tag(page, "p", "John Smith");
  await tag(page, "m", "2024");
  await tag(page, "o", "NATO");
  expect(await paintedTexts(page, 3)).toEqual(["John Smith"]);
  // A left-to-right run inside a right-to-left line: J is left of h, 2 left of 4.
  const order = await page.evaluate(() => {
    const node = document.querySelector("article p[data-index]")?.firstChild;
    if (node == null) throw new Error("no text");
    const data = node.textContent ?? "";
    const x = (i: number) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect().left;
    };
    const j = data.indexOf("John");
    const y = data.indexOf("2024");
    const q = data.indexOf("قال");
    return { jBeforeH: x(j) < x(j + 9), twoBeforeFour: x(y) < x(y + 3), arabicRightOfLatin: x(q) > x(j) };
  });
  expect(order).toEqual({ jBeforeH: true, twoBeforeFour: true, arabicRightOfLatin: true });
  checkWithPython(["John Smith", "2024", "NATO"]);
});

test("bidi control marks are counted as code points and never break the view", async ({ page }) => {
  // RLM, LRM, ALM and the isolates (LRI, RLI, FSI, PDI) around and between words.
  const text = "\u200Fقال\u200E الوزير \u2067مرحبا\u2069 و\u061Cنعم \u2066ABC\u2069 \u2068موسكو\u2069.\n";
  await importBytes(page, "marks.txt", Buffer.from(text, "utf8"));
  expect(python(text).length).toBe([...text].length);
  // Selections made in the page (the mouse cannot aim inside an isolate reliably).
  for (const [key, word] of [
    ["s", "الوزير"],
    ["m", "مرحبا"],
    ["o", "ABC"],
    ["l", "موسكو"],
  ] as const) {
    await selectByText(page, word);
    await page.keyboard.press(key);
  }
  await expect(spanRow(page, "Location", "موسكو")).toHaveCount(1);
  checkWithPython(["الوزير", "مرحبا", "ABC", "موسكو"]);
});

test("a selection never ends between a letter and its harakat", async ({ page }) => {
  const cases = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));
  await importBytes(page, "diacritics.txt", readFileSync(`${cases}diacritics.txt`));
  // Select الرَّئِيسُ but stop after its last letter, before the damma: the span takes the mark.
  const word = "الرَّئِيسُ";
  await page.evaluate((w) => {
    const node = document.querySelector("article p[data-index]")?.firstChild;
    if (node == null) throw new Error("no text");
    const at = (node.textContent ?? "").indexOf(w);
    document.getSelection()?.setBaseAndExtent(node, at, node, at + w.length - 1);
  }, word);
  await page.keyboard.press("p");
  await expect(spanRow(page, "Person", word)).toHaveCount(1);
  // And one that starts and ends inside clusters: it widens to ف and to the kasra of س.
  await page.evaluate(() => {
    const node = document.querySelector("article p[data-index]")?.firstChild;
    if (node == null) throw new Error("no text");
    const data = node.textContent ?? "";
    // From the fatha after ف to between س and its kasra: both ends inside a cluster.
    const at = data.indexOf("الفَرَنْسِيُّ") + 3;
    document.getSelection()?.setBaseAndExtent(node, at, node, at + 6);
  });
  await page.keyboard.press("m");
  const doc = checkWithPython([word, "فَرَنْسِ"]);
  expect(doc.spans.map((s) => s.text)).toContain("فَرَنْسِ");
});

test("BOM and CRLF: offsets after each line end still slice right", async ({ page }) => {
  const cases = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));
  await importBytes(page, "crlf-bom.txt", readFileSync(`${cases}crlf-bom.txt`));
  await tag(page, "s", "المتحدث");
  await tag(page, "q", "لا تعليق");
  await selectWithMouse(page, "عنوان الخبر");
  await page.keyboard.press("m");
  const doc = checkWithPython(["عنوان الخبر", "المتحدث", "لا تعليق"]);
  expect(doc.text).toContain("\r\n\r\n14 مايو 2019\r\n\r\n");
});
