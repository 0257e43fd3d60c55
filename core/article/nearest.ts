/**
 * Which speaker or cue a quote's "nearest" link takes (Shift+S, Shift+C): the closest span of
 * that kind on the quote's own line — a reporting sentence names its speaker and cue on the
 * line that holds the quote (`وقال المتحدث: "…"`, `"…"، قال المتحدث`) — and only when the
 * line has none, the closest anywhere. A speaker after a line break belongs to the next
 * paragraph's quote (`وأضاف بيسكوف أن …`) however close it is.
 */
import type { OffsetIndex } from "../text/offsets.ts";

/** A span's extent in code points. */
export interface Extent {
  start: number;
  end: number;
}

/** Code points between two extents (0 when they overlap). */
function gap(a: Extent, b: Extent): number {
  return b.end <= a.start ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0;
}

/**
 * The candidate nearest to `from`, preferring candidates with no line break between them and it.
 * @param offsets the document's text with its offset index
 * @param from the quote
 * @param candidates spans of the kind wanted (not `from` itself)
 * @returns the chosen candidate, or undefined when there is none
 */
export function nearestOnLine<T extends Extent>(
  offsets: OffsetIndex,
  from: Extent,
  candidates: readonly T[],
): T | undefined {
  const sameLine = (s: Extent) => {
    const between =
      s.end <= from.start
        ? offsets.slice(s.end, from.start)
        : s.start >= from.end
          ? offsets.slice(from.end, s.start)
          : "";
    return !/[\r\n\u2028\u2029]/u.test(between);
  };
  const closest = (list: readonly T[]) =>
    list.reduce<T | undefined>(
      (best, s) => (best === undefined || gap(from, s) < gap(from, best) ? s : best),
      undefined,
    );
  return closest(candidates.filter(sameLine)) ?? closest(candidates);
}
