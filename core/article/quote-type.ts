/**
 * A first guess of a new QUOTE's `type` (guidelines: a direct quote covers the words inside
 * quotation marks, marks excluded): `direct` when the span sits between an opening and a
 * closing quotation mark (spaces allowed in between), `indirect` otherwise. The annotator
 * can change it; `mixed` is never guessed.
 */

const OPENING = new Set(['"', "“", "«", "„", "'", "‘"]);
const CLOSING = new Set(['"', "”", "»", "“", "'", "’"]);

/**
 * @param text the document text
 * @param start UTF-16 offset of the span's start
 * @param end UTF-16 offset of the span's end (exclusive)
 */
export function guessQuoteType(text: string, start: number, end: number): "direct" | "indirect" {
  let before = start - 1;
  while (before >= 0 && /\s/u.test(text[before] ?? "")) before--;
  let after = end;
  while (after < text.length && /\s/u.test(text[after] ?? "")) after++;
  const inside = text.slice(start, end);
  const opened = OPENING.has(text[before] ?? "") || OPENING.has(inside[0] ?? "");
  const closed = CLOSING.has(text[after] ?? "") || CLOSING.has(inside[inside.length - 1] ?? "");
  return opened && closed ? "direct" : "indirect";
}
