/**
 * Grapheme cluster boundaries (Unicode UAX #29, extended grapheme clusters, as
 * implemented by `Intl.Segmenter`). A span boundary must never split a cluster: a letter
 * and its harakat, an emoji with its modifiers, a flag's two regional indicators.
 *
 * All offsets here are UTF-16 units (the unit of `Intl.Segmenter`); convert with
 * `OffsetIndex` from `./offsets.ts` at the edges.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Every grapheme boundary of `text`, ascending, in UTF-16 units: 0, each cluster start,
 * and `text.length`.
 */
export function graphemeBoundaries(text: string): Uint32Array {
  const out: number[] = [];
  for (const seg of segmenter.segment(text)) out.push(seg.index);
  out.push(text.length);
  return Uint32Array.from(out);
}

/** Index of the last boundary ≤ `u16` (binary search); -1 when there is none. */
function floorIndex(boundaries: Uint32Array, u16: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((boundaries[mid] ?? 0) <= u16) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether `u16` (UTF-16 units) is a grapheme boundary in the text `boundaries` came from. */
export function isGraphemeBoundary(boundaries: Uint32Array, u16: number): boolean {
  const i = floorIndex(boundaries, u16);
  return i >= 0 && boundaries[i] === u16;
}

/**
 * Widen `[start, end)` (UTF-16 units) to the nearest grapheme boundaries: `start` moves
 * back to the start of its cluster, `end` forward to the end of its cluster.
 */
export function snapToGraphemes(boundaries: Uint32Array, start: number, end: number): { start: number; end: number } {
  const s = boundaries[Math.max(0, floorIndex(boundaries, start))] ?? 0;
  const ei = floorIndex(boundaries, end);
  const atBoundary = ei >= 0 && boundaries[ei] === end;
  const e = atBoundary ? end : (boundaries[ei + 1] ?? end);
  return { start: s, end: e };
}

/**
 * The grapheme boundary next to `u16` in a direction: the first boundary after it
 * (`forward`) or the last one before it (`backward`); `u16` itself when there is none.
 * Offsets in UTF-16 units.
 */
export function stepGrapheme(boundaries: Uint32Array, u16: number, direction: "forward" | "backward"): number {
  const i = floorIndex(boundaries, u16);
  if (direction === "backward") {
    const at = boundaries[i] === u16 ? i - 1 : i;
    return boundaries[Math.max(at, 0)] ?? u16;
  }
  return boundaries[i + 1] ?? u16;
}

/**
 * Characters around which a grapheme boundary needs the full UAX #29 rules: combining and
 * spacing marks, joiners and variation selectors, surrogates (emoji, regional indicators,
 * tags), Hangul jamo and syllables, prepended concatenation marks (U+0600–0605, U+06DD,
 * U+070F, U+08E2, U+110BD), and CR (CR LF is one cluster).
 */
const MARK = /\p{M}/u;
const RULE_RANGES: readonly (readonly [number, number])[] = [
  [0x000d, 0x000d],
  [0x0600, 0x0605],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x08e2, 0x08e2],
  [0x1100, 0x11ff],
  [0x200c, 0x200d],
  [0xac00, 0xd7a3],
  [0xd800, 0xdfff],
  [0xfe00, 0xfe0f],
];

function needsRules(unit: string): boolean {
  const code = unit.charCodeAt(0);
  return RULE_RANGES.some(([low, high]) => code >= low && code <= high) || MARK.test(unit);
}

/**
 * Whether a UTF-16 offset is a grapheme boundary, deciding from the two characters around
 * it when both are plain (no rule of UAX #29 joins them) and asking the full segmentation
 * only otherwise — so checking spans on long plain texts does not segment them.
 * @param full the text's boundaries (see `graphemeBoundaries`), computed on demand
 */
export function isGraphemeBoundaryQuick(text: string, u16: number, full: () => Uint32Array): boolean {
  if (u16 <= 0 || u16 >= text.length) return u16 === 0 || u16 === text.length;
  const before = text[u16 - 1] ?? "";
  const after = text[u16] ?? "";
  if (!needsRules(before) && !needsRules(after)) return true;
  return isGraphemeBoundary(full(), u16);
}
