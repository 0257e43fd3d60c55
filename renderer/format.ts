/**
 * Small text helpers for the chrome: excerpts, plurals, and directional isolation of
 * Arabic text inside English messages.
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

/** `1 quote`, `2 quotes`; `many` for irregular plurals (`entities`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}
