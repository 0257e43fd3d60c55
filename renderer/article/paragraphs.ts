/**
 * How the article view lays a document's text out: one paragraph per line, the line
 * terminators (LF, CRLF, CR) between paragraphs and not shown. The text is never changed;
 * each paragraph element holds exactly `text.slice(start, end)`.
 *
 * Offsets here are UTF-16 units (the DOM's unit).
 */

/** A line of the text, `[start, end)` in UTF-16 units, without its terminator. */
export interface Paragraph {
  start: number;
  end: number;
}

/** The lines of `text` (blank ones included, so positions stay exact). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\r\n|\n|\r/gu;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Index of the paragraph that holds UTF-16 offset `u16` (the last one starting at or before it). */
export function paragraphAt(paragraphs: readonly Paragraph[], u16: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((paragraphs[mid]?.start ?? Infinity) <= u16) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
