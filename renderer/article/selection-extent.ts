/**
 * From what a person selected to the extent of a new span: order the two ends, leave out
 * surrounding whitespace, widen to whole grapheme clusters (never a letter without its
 * harakat, never half an emoji), then convert to code points for the contract.
 */
import { snapToGraphemes } from "../../core/text/graphemes.ts";
import type { OffsetIndex } from "../../core/text/offsets.ts";

/**
 * The span extent of a selection.
 * @param offsets offset index of the document text
 * @param graphemes grapheme boundaries of the same text (UTF-16 units)
 * @param anchor one end of the selection, UTF-16 units
 * @param focus the other end, UTF-16 units
 * @returns `[start, end)` in code points, or null when the selection holds only whitespace
 */
export function spanExtentOfSelection(
  offsets: OffsetIndex,
  graphemes: Uint32Array,
  anchor: number,
  focus: number,
): { start: number; end: number } | null {
  const text = offsets.text;
  let start = Math.min(anchor, focus);
  let end = Math.max(anchor, focus);
  while (start < end && /\s/u.test(text[start] ?? "")) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
  if (start >= end) return null;
  const snapped = snapToGraphemes(graphemes, start, end);
  return { start: offsets.toCodePoint(snapped.start), end: offsets.toCodePoint(snapped.end) };
}
