/**
 * Metadata of a plain-text news article, read from its first lines: the title (the first
 * non-blank line, shortened when it is a paragraph rather than a headline) and the
 * published date — the first of the opening lines that is a date line (`parseDateLine`) or
 * opens with a dateline (`parseDateline`: `موسكو - 20 يونيو 2019`), else a date near the
 * start of the body's first line (`findDateIn`). The text itself is never changed.
 */
import { findDateIn, parseDateLine, parseDateline, type PublishedDate } from "../text/dates.ts";

/** How many non-blank lines from the top are searched for a date line. */
const DATE_SEARCH_LINES = 8;
/** A first line longer than this (code points) is a paragraph, not a headline. */
export const TITLE_MAX_CHARACTERS = 150;
/** How many words a paragraph's title keeps when its first sentence is too long too. */
const TITLE_WORDS = 12;

/** Metadata found in an article's text. */
export interface ArticleMetadata {
  /**
   * The first non-blank line without surrounding whitespace; when that line is a paragraph
   * (over 150 code points, or more than one sentence), its first sentence, or its first 12
   * words and an ellipsis `…`. Empty when the text has no non-blank line.
   */
  title: string;
  /** The published date, when the opening lines name one. */
  published: PublishedDate | null;
}

const sentences = new Intl.Segmenter("ar", { granularity: "sentence" });
const codePoints = (s: string) => [...s].length;

/**
 * A title from the first non-blank line: the line itself when it is a headline (one
 * sentence of at most 150 code points); else its first sentence when that one is short
 * enough; else its first 12 words (cut at a word boundary, at most 150 code points) and `…`.
 * @param line the first non-blank line, trimmed
 */
export function titleFromLine(line: string): string {
  const first = [...sentences.segment(line)][0]?.segment.trim() ?? "";
  const oneSentence = first === line;
  if (oneSentence && codePoints(line) <= TITLE_MAX_CHARACTERS) return line;
  if (!oneSentence && first !== "" && codePoints(first) <= TITLE_MAX_CHARACTERS) return first;
  const words = line.split(/\s+/u).slice(0, TITLE_WORDS);
  while (words.length > 1 && codePoints(words.join(" ")) > TITLE_MAX_CHARACTERS - 1) words.pop();
  let title = words.join(" ");
  // One word longer than the limit (a URL, a run without spaces): cut it by code points.
  if (codePoints(title) > TITLE_MAX_CHARACTERS - 1) title = [...title].slice(0, TITLE_MAX_CHARACTERS - 1).join("");
  return `${title.replace(/[\s،,.:;؛-]+$/u, "")}…`;
}

/**
 * Read the title and date of a plain-text article.
 * @param text the stored text (LF or CRLF line ends)
 */
export function readArticleMetadata(text: string): ArticleMetadata {
  const lines = text.split(/\r\n|\n|\r/u);
  const nonBlank = lines.filter((l) => l.trim() !== "");
  const firstLine = (nonBlank[0] ?? "").trim();
  const title = firstLine === "" ? "" : titleFromLine(firstLine);
  let published: PublishedDate | null = null;
  for (const line of nonBlank.slice(0, DATE_SEARCH_LINES)) {
    published = parseDateLine(line) ?? parseDateline(line);
    if (published !== null) break;
  }
  // The date inside the body's first line (the line after a headline, or the first line when it is a paragraph).
  const body = title === firstLine ? nonBlank[1] : nonBlank[0];
  if (published === null && body !== undefined) published = findDateIn(body);
  return { title, published };
}
