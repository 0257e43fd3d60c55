/**
 * Text out of newsroom files: DOCX by mammoth (its raw text: one paragraph of the document a
 * paragraph), PDF by pdf.js (its legacy Node build: text items joined into lines by their
 * baselines, lines into paragraphs by vertical gaps). Both give paragraphs separated by a
 * blank line, as the HTML reader does; a paragraph's lines are joined by a space (one
 * paragraph a line). Nothing is fetched: pdf.js runs without a worker script or font loading.
 *
 * Arabic in PDFs: pdf.js gives each text item's string in logical order, but the items of a
 * line come in the order the producer drew them (LibreOffice draws right-to-left lines run
 * by run). A line with Arabic on a mostly Arabic page (or a mostly Arabic line) is therefore
 * ordered by its items' x from the right, runs of Latin letters and digits inside it kept
 * left to right, and a small item drawn inside another item's box (punctuation from a
 * fallback font) is put back at the word boundary nearest its position. Known limits: pdf.js
 * may split a lam-alef ligature drawn as two glyphs with a space ("أصل ا" for "أصلا"); one
 * column a page (multi-column layouts are read line by line across the columns).
 */
import { createRequire } from "node:module";
import { unzipSync, strFromU8 } from "fflate";

/** Formats extracted here. */
export type ExtractKind = "docx" | "pdf";

/** The text of a file, or why there is none. */
export type ExtractAnswer =
  | {
      ok: true;
      /** Paragraphs separated by a blank line (`\n\n`), exactly as stored. */
      text: string;
      /** The document's own title (docx core properties, PDF info), or null. */
      metadataTitle: string | null;
      /** Library and version, e.g. `mammoth 1.13.0`. */
      extractor: string;
      /** PDF pages. */
      pages?: number;
    }
  | { ok: false; reason: "unreadable" | "no_text_layer"; detail: string };

const require = createRequire(import.meta.url);

/** Version of an installed package, from its package.json. */
function versionOf(name: string): string {
  const pkg = require(`${name}/package.json`) as { version: string };
  return pkg.version;
}

/** `dc:title` of a DOCX's `docProps/core.xml` (ECMA-376 Part 2 core properties), or null. */
function docxCoreTitle(bytes: Uint8Array): string | null {
  const files = unzipSync(bytes, { filter: (f) => f.name === "docProps/core.xml" });
  const core = files["docProps/core.xml"];
  if (core === undefined) return null;
  const title = /<dc:title>([^<]*)<\/dc:title>/u.exec(strFromU8(core))?.[1];
  if (title === undefined) return null;
  const text = title
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, "&")
    .trim();
  return text === "" ? null : text;
}

/**
 * Extract a DOCX's paragraphs with mammoth's `extractRawText` (each paragraph ends with a
 * blank line there); empty paragraphs are left out.
 * @param _name used in messages by the caller
 * @param bytes the file
 */
export async function extractDocx(_name: string, bytes: Uint8Array): Promise<ExtractAnswer> {
  const mammoth = (await import("mammoth")).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    return { ok: false, reason: "unreadable", detail: (e as Error).message };
  }
  const paragraphs = raw
    .split(/\n\n/u)
    .map((p) => p.replace(/^\n+|\n+$/gu, ""))
    .filter((p) => p.trim() !== "");
  let metadataTitle: string | null;
  try {
    metadataTitle = docxCoreTitle(bytes);
  } catch {
    metadataTitle = null; // a core.xml fflate cannot unpack: mammoth read the body, the title comes from it
  }
  return { ok: true, text: paragraphs.join("\n\n"), metadataTitle, extractor: `mammoth ${versionOf("mammoth")}` };
}

/** A text item as pdf.js gives it, reduced to what lines need: its string, its origin (x, y), width and type size, in PDF units. */
export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

const ARABIC = /[\p{Script=Arabic}]/gu;
const LATIN = /[\p{Script=Latin}]/gu;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/gu;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * Join the items of one line in reading order (see the module's note on Arabic).
 * @param items the line's items, in any order
 * @param pageRtl whether the page is mostly Arabic: its lines with any Arabic read right to left
 * @returns the line's text, its whitespace runs folded to one space
 */
export function lineText(items: Item[], pageRtl: boolean): string {
  const letters = items.map((i) => i.str).join("");
  const arabicLetters = count(letters, ARABIC);
  const latinLetters = count(letters, LATIN);
  // Right to left: a line with Arabic on an Arabic page, or mostly Arabic; a line without letters as its page.
  const rtl =
    arabicLetters + latinLetters === 0 ? pageRtl : arabicLetters > 0 && (pageRtl || arabicLetters >= latinLetters);
  // Items drawn inside a longer item's box (a glyph from a fallback font) go in by position.
  const inside = new Map<Item, Item[]>();
  const outer: Item[] = [];
  for (const item of items) {
    const host = items.find(
      (h) =>
        h !== item &&
        h.str.length > item.str.length &&
        item.x > h.x + 0.5 &&
        item.x + item.width < h.x + h.width - 0.5 &&
        item.str.trim().length <= 2,
    );
    if (host === undefined) outer.push(item);
    else inside.set(host, [...(inside.get(host) ?? []), item]);
  }
  const texts = new Map<Item, string>();
  for (const item of outer) {
    let text = item.str;
    for (const guest of (inside.get(item) ?? []).sort((a, b) => a.x - b.x)) {
      const share = rtl ? (item.x + item.width - guest.x - guest.width) / item.width : (guest.x - item.x) / item.width;
      const estimate = Math.round(share * text.length);
      let at = estimate;
      for (let d = 0; d <= text.length; d++) {
        if (text[estimate - d] === " ") {
          at = estimate - d;
          break;
        }
        if (text[estimate + d] === " ") {
          at = estimate + d;
          break;
        }
      }
      text = text.slice(0, at) + guest.str.trim() + text.slice(at);
    }
    texts.set(item, text);
  }
  const visual = [...outer].sort((a, b) => (rtl ? b.x + b.width - (a.x + a.width) : a.x - b.x));
  let ordered = visual;
  if (rtl) {
    // Runs of left-to-right items (Latin, digits, with neutrals between them) read left to right.
    ordered = [];
    let run: Item[] = [];
    const flush = () => {
      ordered.push(...run.reverse());
      run = [];
    };
    const strongLtr = (i: Item) => count(i.str, LATIN_OR_DIGIT) > 0 && count(i.str, ARABIC) === 0;
    const arabic = (i: Item) => count(i.str, ARABIC) > 0;
    visual.forEach((item, k) => {
      const next = visual.slice(k + 1).find((n) => arabic(n) || strongLtr(n));
      const neutralBetween = run.length > 0 && !arabic(item) && next !== undefined && strongLtr(next);
      if (strongLtr(item) || neutralBetween) run.push(item);
      else {
        flush();
        ordered.push(item);
      }
    });
    flush();
  }
  let out = "";
  let previous: Item | null = null;
  for (const item of ordered) {
    const text = texts.get(item) ?? item.str;
    if (previous !== null) {
      const gap = rtl
        ? Math.max(previous.x - (item.x + item.width), item.x - (previous.x + previous.width))
        : item.x - (previous.x + previous.width);
      const spaced = /\s$/u.test(out) || /^\s/u.test(text);
      if (!spaced && gap > 0.15 * Math.max(item.size, previous.size)) out += " ";
    }
    out += text;
    previous = item;
  }
  return out.replace(/\s+/gu, " ").trim();
}

/** The paragraphs of one page: lines by baseline, a new paragraph at a gap wider than usual or a new type size. */
function pageParagraphs(items: Item[]): string[] {
  const all = items.map((i) => i.str).join("");
  const pageRtl = count(all, ARABIC) > count(all, LATIN);
  const lines: Item[][] = [];
  for (const item of items) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line !== undefined && first !== undefined && Math.abs(first.y - item.y) < 0.5 * Math.max(first.size, 1))
      line.push(item);
    else lines.push([item]);
  }
  const rows = lines
    .map((line) => ({
      text: lineText(line, pageRtl),
      y: line[0]?.y ?? 0,
      size: Math.max(...line.map((i) => i.size)),
    }))
    .filter((r) => r.text !== "");
  const steps = rows.slice(1).map((r, k) => Math.abs((rows[k]?.y ?? 0) - r.y));
  const sorted = [...steps].sort((a, b) => a - b);
  const usual = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const paragraphs: string[][] = [];
  rows.forEach((row, k) => {
    const prev = rows[k - 1];
    const step = steps[k - 1] ?? 0;
    const fresh =
      prev === undefined || step > usual * 1.3 || Math.abs(prev.size - row.size) > 0.1 * Math.max(prev.size, row.size);
    if (fresh) paragraphs.push([row.text]);
    else paragraphs[paragraphs.length - 1]?.push(row.text);
  });
  return paragraphs.map((p) => p.join(" "));
}

/**
 * Extract a PDF's text layer with pdf.js (no worker script, no font loading, no eval, no
 * network; character maps and standard fonts read from the installed package's folders;
 * pdf.js 6 has no eval path left, so its old `isEvalSupported` option is gone).
 * @param _name used in messages by the caller
 * @param bytes the file
 * @returns the paragraphs of every page, pages separated by a blank line; `no_text_layer`
 *   when no page has any text (a scan)
 */
export async function extractPdf(_name: string, bytes: Uint8Array): Promise<ExtractAnswer> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // The "fake worker" of pdf.js runs in this thread from this module: nothing is loaded by URL.
  // (The module ships no types: imported by a plain string.)
  const workerModule: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= (await import(workerModule)) as unknown;
  const root = require.resolve("pdfjs-dist/package.json").replace(/package\.json$/u, "");
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapUrl: `${root}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${root}standard_fonts/`,
    }).promise;
  } catch (e) {
    return { ok: false, reason: "unreadable", detail: (e as Error).message };
  }
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        // transform: [a, b, c, d, e, f], the text matrix (ISO 32000-1 §9.4.2): e, f the origin, |(c, d)| the size.
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height });
      }
      const paragraphs = pageParagraphs(items);
      if (paragraphs.length > 0) pages.push(paragraphs.join("\n\n"));
      page.cleanup();
    }
    if (pages.length === 0) {
      return { ok: false, reason: "no_text_layer", detail: "has no text layer (a scanned page?); run OCR first" };
    }
    const info = (await doc.getMetadata()).info as { Title?: unknown };
    const metadataTitle = typeof info.Title === "string" && info.Title.trim() !== "" ? info.Title.trim() : null;
    return {
      ok: true,
      text: pages.join("\n\n"),
      metadataTitle,
      extractor: `pdf.js ${pdfjs.version}`,
      pages: doc.numPages,
    };
  } finally {
    await doc.loadingTask.destroy();
  }
}
