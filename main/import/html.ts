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
import { parseDateLine, type PublishedDate } from "../../core/text/dates.ts";
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
  const iso = /^(\d{4}-\d{2}-\d{2})/u.exec(datetime ?? "")?.[1];
  const raw = time === null ? null : visibleText(time);
  if (iso !== undefined) return { iso, raw: raw !== null && raw !== "" ? raw : iso };
  return raw === null ? null : parseDateLine(raw);
}

/**
 * Read an article page.
 * @param fileName used in messages
 * @param html the decoded page
 * @throws QawlError when no article text can be found
 */
export function readHtmlArticle(fileName: string, html: string): HtmlArticle {
  const dom = new JSDOM(html, { runScripts: undefined, resources: undefined, pretendToBeVisual: false });
  const { document } = dom.window;
  const purify = createDOMPurify(dom.window);
  const page = purify.sanitize(html, {
    WHOLE_DOCUMENT: true,
    FORBID_TAGS: ["iframe", "object", "embed", "form", "img", "video", "audio", "link", "style", "script", "base"],
    FORBID_ATTR: ["style", "srcset", "src", "background", "poster"],
  });
  const published = pageDate(document);
  const lang = document.documentElement.getAttribute("lang");
  const url = pageUrl(document);
  const outlet = metaField(document.querySelector('meta[property="og:site_name"]')?.getAttribute("content"));
  const author = metaField(document.querySelector('meta[name="author" i]')?.getAttribute("content"));
  // Readability changes the document it reads: give it a copy.
  const parsed = new Readability(new JSDOM(html).window.document, { charThreshold: 0 }).parse();
  const body = new JSDOM(purify.sanitize(parsed?.content ?? "")).window.document;
  const blocks = [...body.querySelectorAll("p, h1, h2, h3, h4, li, blockquote, figcaption")]
    .filter((el) => el.querySelector("p, li, blockquote, figcaption") === null)
    .map(visibleText)
    .filter((t) => t !== "");
  const title = (parsed?.title ?? document.title).replace(/\s+/gu, " ").trim();
  if (blocks.length === 0 && title === "")
    throw new QawlError("bad_input", `${fileName}: no article text found in the page; nothing imported`, {
      kind: "import.file",
      file: fileName,
      files: 1,
      reason: "no_article",
    });
  // The title goes first when the page shows it (Readability takes it out of the content).
  const shown = [...document.querySelectorAll("h1, h2, header, article")].some((el) => visibleText(el).includes(title));
  const parts = [...(title !== "" && shown ? [title] : []), ...blocks.filter((b) => b !== title)];
  dom.window.close();
  return { title, published, text: parts.join("\n\n"), page, lang, url, outlet, author };
}
