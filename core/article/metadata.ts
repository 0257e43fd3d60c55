/**
 * Metadata of a plain-text news article, read from its first lines: the title (the first
 * non-blank line) and the published date (the first of the opening lines that is a date
 * line, see `parseDateLine`). The text itself is never changed.
 */
import { parseDateLine, type PublishedDate } from "../text/dates.ts";

/** How many non-blank lines from the top are searched for a date line. */
const DATE_SEARCH_LINES = 8;

/** Metadata found in an article's text. */
export interface ArticleMetadata {
  /** The first non-blank line, without surrounding whitespace; empty when there is none. */
  title: string;
  /** The published date, when one of the opening lines is a date line. */
  published: PublishedDate | null;
}

/**
 * Read the title and date of a plain-text article.
 * @param text the stored text (LF or CRLF line ends)
 */
export function readArticleMetadata(text: string): ArticleMetadata {
  const lines = text.split(/\r\n|\n|\r/u);
  const nonBlank = lines.filter((l) => l.trim() !== "");
  const title = (nonBlank[0] ?? "").trim();
  let published: PublishedDate | null = null;
  for (const line of nonBlank.slice(0, DATE_SEARCH_LINES)) {
    published = parseDateLine(line);
    if (published !== null) break;
  }
  return { title, published };
}
