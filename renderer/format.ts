/**
 * Small text helpers for the chrome: excerpts, and directional isolation of user text
 * inside messages (plurals are in `i18n/messages.ts`).
 */

/** Short, one-line excerpt of span text for messages and lists. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/gu, " ");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * `text` wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9), for places
 * that cannot hold a `<bdi>` (an `<option>`, a status line): Arabic text then keeps its
 * order and does not reorder the numbers and punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
