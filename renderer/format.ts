/**
 * Small text helpers for the chrome: excerpts, and directional isolation of user text
 * inside messages (plurals are in `i18n/messages.ts`).
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Short, one-line excerpt of span text for messages and lists: at most `max` UTF-16 units,
 * cut after a whole word when one ends in the second half, else after a whole grapheme
 * (never inside a letter and its harakat, or an emoji), and marked with `…`.
 */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/gu, " ");
  if (flat.length <= max) return flat;
  let end = 0;
  for (const { index, segment } of graphemes.segment(flat)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  const space = flat.lastIndexOf(" ", end);
  const cut = space > max / 2 ? space : end;
  return `${flat.slice(0, cut)}…`;
}

/**
 * `text` wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9), for places
 * that cannot hold a `<bdi>` (an `<option>`, a status line): Arabic text then keeps its
 * order and does not reorder the numbers and punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
