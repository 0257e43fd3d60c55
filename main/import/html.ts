/**
 * Reader for HTML article pages: the main text is found by Mozilla's Readability (the
 * engine of Firefox Reader View), the page is sanitized by DOMPurify (no script, no event
 * handler, no `javascript:` URL, no iframe or remote load) and kept as the document's
 * origin. Nothing in the page runs and nothing is fetched: jsdom parses it with scripts and
 * resource loading off. The stored text is only text of the page's article: the title (when
 * the page shows it) and the blocks — paragraphs, subheadings, list items, block quotes and
 * figure captions — in reading order, separated by blank lines. The date is metadata
 * (`published`), never added to the text; so are the page's address (`og:url`, canonical
 * link), site name (`og:site_name`) and author (`<meta name="author">`).
 */
import { Readability } from "@mozilla/readability";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { webUrlProblem } from "../../core/contract.ts";
import { isIsoDate, parseDateLine, type PublishedDate } from "../../core/text/dates.ts";
import { QawlError } from "../../core/errors.ts";

/** An article read from a page. */
export interface HtmlArticle {
  title: string;
  published: PublishedDate | null;
  /** Title and blocks of the article, separated by blank lines. */
  text: string;
  /** The page, sanitized. */
  page: string;
  lang: string | null;
  /** The article's address: `og:url`, else `<link rel="canonical">`; absolute http(s) only. */
  url: string | null;
  /** The site's name (`og:site_name`), one line of at most 200 characters. */
  outlet: string | null;
  /** `<meta name="author">`, one line of at most 200 characters. */
  author: string | null;
}

/** A `<meta>` value as a one-line field of at most 200 characters (whitespace collapsed), or null. */
function metaField(value: string | null | undefined): string | null {
  const v = (value ?? "").replace(/\s+/gu, " ").trim();
  return v === "" || v.length > 200 ? null : v;
}

/** The page's own address: the first of `og:url` and `<link rel="canonical">` that is an absolute http(s) URL. */
function pageUrl(document: Document): string | null {
  const candidates = [
    document.querySelector('meta[property="og:url"]')?.getAttribute("content"),
    document.querySelector('link[rel~="canonical" i]')?.getAttribute("href"),
  ];
  for (const c of candidates) {
    const u = (c ?? "").trim();
    if (u !== "" && u.length <= 2048 && webUrlProblem(u) === null) return u;
  }
  return null;
}

/** Text of an element with its whitespace collapsed, as a reader sees it. */
function visibleText(node: Element): string {
  return node.textContent.replace(/\s+/gu, " ").trim();
}

/** The page's date: a `<time datetime>` (its text kept as written) or `article:published_time`. */
function pageDate(document: Document): PublishedDate | null {
  const time = document.querySelector("article time[datetime], time[datetime]");
  const datetime =
    time?.getAttribute("datetime") ??
    document.querySelector('meta[property="article:published_time"]')?.getAttribute("content");
  const found = /^(\d{4}-\d{2}-\d{2})/u.exec(datetime ?? "")?.[1];
  // A day that does not exist (`2019-02-30`) is no date.
  const iso = found !== undefined && isIsoDate(found) ? found : undefined;
  const raw = time === null ? null : visibleText(time);
  if (iso !== undefined) return { iso, raw: raw !== null && raw !== "" ? raw : iso };
  return raw === null ? null : parseDateLine(raw);
}

/** Nesting deeper than this is no article page's (they keep well under 100 levels). */
export const MAX_NESTING = 128;

/**
 * Nesting deeper than this is refused before the page is parsed at all: parsing and
 * serializing such a page take time that grows with the square of its depth, and
 * recursion in them runs out of stack.
 */
export const MAX_PARSED_NESTING = 2000;

/** Elements that never hold others, or whose next sibling closes them (`<p>a<p>b`, `<li>`). */
const NO_NESTING = new Set(
  "area base br col embed hr img input link meta param source track wbr p li dt dd option tr td th".split(" "),
);

/**
 * How deep a page's elements nest, read from its tags in one linear scan before any parse
 * (comments, scripts and styles skipped, end tags matched to their elements as the HTML
 * parser does): an estimate that leaves out void elements and those their next sibling
 * closes (`<p>a<p>b`).
 */
export function scannedDepth(html: string): number {
  // Each alternative stops at the next `<` or at the end: one pass, never a rescan.
  const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w-]*)\b[^<>]*>/gu;
  const open: string[] = [];
  const counts = new Map<string, number>();
  let deepest = 0;
  for (const m of html.matchAll(tag)) {
    const name = m[3]?.toLowerCase();
    if (name === undefined || NO_NESTING.has(name)) continue;
    if (m[2] !== "/") {
      // `<div/>` opens a div: HTML ignores the slash on elements that are not void.
      open.push(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (open.length > deepest) deepest = open.length;
      continue;
    }
    // An end tag closes up to its element; one with no open element of its name is ignored.
    if ((counts.get(name) ?? 0) === 0) continue;
    for (let top = open.pop(); top !== undefined; top = open.pop()) {
      counts.set(top, (counts.get(top) ?? 1) - 1);
      if (top === name) break;
    }
  }
  return deepest;
}

/** The elements whose text is a block of the article. */
const BLOCKS = "p, h1, h2, h3, h4, li, blockquote, figcaption";
const BLOCK_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "LI", "BLOCKQUOTE", "FIGCAPTION"]);

/**
 * A deep page as a flat one: its title and language, its metadata, and its innermost blocks
 * (a block holding no other block) as paragraphs and headings in reading order — one pass,
 * with an explicit stack.
 */
function flattened(document: Document): string {
  for (const code of [...document.querySelectorAll("script, style, template")]) code.remove();
  const out = document.implementation.createHTMLDocument(document.title);
  const lang = document.documentElement.getAttribute("lang");
  if (lang !== null) out.documentElement.setAttribute("lang", lang);
  for (const meta of document.querySelectorAll("meta[property], meta[name], link[rel=canonical]")) {
    out.head.append(out.importNode(meta, false));
  }
  // Post-order: an element is an innermost block when no block lies under it.
  const holdsBlock = new Map<Element, boolean>();
  const order: Element[] = [];
  const stack: Element[] = [document.documentElement];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    order.push(el);
    for (let child = el.lastElementChild; child !== null; child = child.previousElementSibling) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    if (el === undefined) continue;
    let below = false;
    for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) {
      below ||= BLOCK_TAGS.has(child.tagName) || holdsBlock.get(child) === true;
    }
    holdsBlock.set(el, below);
  }
  for (const el of order) {
    if (!BLOCK_TAGS.has(el.tagName) || holdsBlock.get(el) === true) continue;
    const text = visibleText(el);
    if (text === "") continue;
    const block = out.createElement(el.tagName.startsWith("H") ? el.tagName.toLowerCase() : "p");
    block.textContent = text;
    out.body.append(block);
  }
  return `<!doctype html>${out.documentElement.outerHTML}`;
}

/**
 * Read an article page.
 * @param fileName used in messages
 * @param html the decoded page
 * @throws QawlError when no article text can be found
 */
export function readHtmlArticle(fileName: string, html: string): HtmlArticle {
  const scanned = scannedDepth(html);
  if (scanned > MAX_PARSED_NESTING) {
    throw new QawlError(
      "bad_input",
      `${fileName}: elements nested ${String(scanned)} levels deep (Qawl reads pages up to ${String(MAX_PARSED_NESTING)}); nothing imported`,
      { kind: "import.file", file: fileName, files: 1, reason: "too_deep", depth: scanned, most: MAX_PARSED_NESTING },
    );
  }
  const parsedPage = new JSDOM(html, { runScripts: undefined, resources: undefined, pretendToBeVisual: false });
  const original = parsedPage.window.document;
  // The page's details, read from the page as written (a flattened page keeps no <time>).
  const published = pageDate(original);
  const lang = original.documentElement.getAttribute("lang");
  const url = pageUrl(original);
  const outlet = metaField(original.querySelector('meta[property="og:site_name"]')?.getAttribute("content"));
  const author = metaField(original.querySelector('meta[name="author" i]')?.getAttribute("content"));
  // Readability's time grows faster than the page when elements nest deep (a 50 KB page 1,000
  // levels deep took minutes), and serializers recurse: a page nested deeper than any article
  // page is read from its blocks alone, flattened, in one pass.
  const deep = scanned > MAX_NESTING;
  if (deep) {
    html = flattened(original);
    parsedPage.window.close();
  }
  const dom = deep ? new JSDOM(html) : parsedPage;
  // Closed however the read ends (a refused page too): an open window holds its whole DOM.
  try {
    const { document } = dom.window;
    const purify = createDOMPurify(dom.window);
    const page = purify.sanitize(html, {
      WHOLE_DOCUMENT: true,
      FORBID_TAGS: ["iframe", "object", "embed", "form", "img", "video", "audio", "link", "style", "script", "base"],
      FORBID_ATTR: ["style", "srcset", "src", "background", "poster"],
    });
    // What the page shows as headings, and its <title>, read before Readability changes the
    // document (it reads the one parse, not a second one: a parse costs more than the rest).
    const pageTitle = document.title;
    const headings = [...document.querySelectorAll("h1, h2, header, article")].map(visibleText);
    const parsed = new Readability(document, { charThreshold: 0 }).parse();
    const body = purify.sanitize(parsed?.content ?? "", { RETURN_DOM_FRAGMENT: true });
    const blocks = [...body.querySelectorAll(BLOCKS)]
      .filter((el) => el.querySelector("p, li, blockquote, figcaption") === null)
      .map(visibleText)
      .filter((t) => t !== "");
    const title = (parsed?.title ?? pageTitle).replace(/\s+/gu, " ").trim();
    if (blocks.length === 0 && title === "")
      throw new QawlError("bad_input", `${fileName}: no article text found in the page; nothing imported`, {
        kind: "import.file",
        file: fileName,
        files: 1,
        reason: "no_article",
      });
    // The title goes first when the page shows it (Readability takes it out of the content).
    const shown = headings.some((text) => text.includes(title));
    const parts = [...(title !== "" && shown ? [title] : []), ...blocks.filter((b) => b !== title)];
    return { title, published, text: parts.join("\n\n"), page, lang, url, outlet, author };
  } finally {
    dom.window.close();
  }
}
