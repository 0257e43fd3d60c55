/**
 * Word boundaries (UAX #29 word segmentation, by `Intl.Segmenter`) for snapping a
 * selection to whole words and moving a span's end by a word. A selection that starts just
 * after an attached proclitic (`و|بومبيو`, `ل|لأمم`) keeps that start: the guidelines keep
 * proclitics out of names. Offsets in UTF-16 units.
 */
import { isProcliticPrefix } from "./clitics.ts";

const segmenter = new Intl.Segmenter("ar", { granularity: "word" });

/**
 * Widen `[start, end)` to whole words; the start stays where it is when only proclitic
 * letters of its word lie before it.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  if (start >= end) return { start, end };
  const segments = segmenter.segment(text);
  let s = start;
  const first = segments.containing(start);
  if (first?.isWordLike === true && first.index < start) {
    const prefix = text.slice(first.index, start);
    if (!isProcliticPrefix(prefix)) s = first.index;
  }
  let e = end;
  const last = segments.containing(end - 1);
  if (last?.isWordLike === true) e = Math.max(e, last.index + last.segment.length);
  return { start: s, end: e };
}

/** The next word boundary from `u16` in a direction (skipping spaces and punctuation between words). */
export function stepWord(text: string, u16: number, direction: "forward" | "backward"): number {
  const segments = segmenter.segment(text);
  if (direction === "forward") {
    let at = u16;
    for (let seg = segments.containing(at); seg !== undefined; seg = segments.containing(at)) {
      const segEnd = seg.index + seg.segment.length;
      if (seg.isWordLike === true && segEnd > u16) return segEnd;
      at = segEnd;
    }
    return text.length;
  }
  let at = u16 - 1;
  for (let seg = segments.containing(at); seg !== undefined && at >= 0; seg = segments.containing(at)) {
    if (seg.isWordLike === true && seg.index < u16) return seg.index;
    at = seg.index - 1;
  }
  return 0;
}
