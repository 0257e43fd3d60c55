/**
 * From what a person selected to the extent of a new span: order the two ends, leave out
 * what the guidelines keep outside spans — surrounding whitespace and quotation marks for
 * every label (a quote covers the words inside the marks), and also punctuation such as
 * `،` `.` `:` for names, speakers and cues — then widen to whole grapheme clusters (never
 * a letter without its harakat, never half an emoji) — or, when asked, to whole words — and
 * convert to code points.
 */
import { snapToGraphemes } from "../../core/text/graphemes.ts";
import type { OffsetIndex } from "../../core/text/offsets.ts";
import { snapToWords } from "../../core/text/words.ts";

/** How a selection becomes a span. */
export interface ExtentOptions {
  /** Also leave out punctuation at both ends (every label but quotes). */
  trimPunctuation?: boolean;
  /** Widen to whole words, keeping a start placed just after an attached proclitic. */
  snapWords?: boolean;
}

/** Whitespace and quotation marks: never at the edge of a span. */
const ALWAYS_OUTSIDE = /[\s"'“”„‟«»‹›‘’]/u;
/** Punctuation kept outside names, speakers and cues (a quote may end with its own `.`). */
const PUNCTUATION = /[\s"'“”„‟«»‹›‘’()[\]{}،؛؟!?.,;:…-]/u;

/**
 * The span extent of a selection.
 * @param offsets offset index of the document text
 * @param graphemes grapheme boundaries of the same text (UTF-16 units)
 * @param anchor one end of the selection, UTF-16 units
 * @param focus the other end, UTF-16 units
 * @param options punctuation trimming and word snapping
 * @returns `[start, end)` in code points, or null when nothing but whitespace and marks is selected
 */
export function spanExtentOfSelection(
  offsets: OffsetIndex,
  graphemes: Uint32Array,
  anchor: number,
  focus: number,
  options: ExtentOptions = {},
): { start: number; end: number } | null {
  const text = offsets.text;
  const outside = options.trimPunctuation === true ? PUNCTUATION : ALWAYS_OUTSIDE;
  let start = Math.min(anchor, focus);
  let end = Math.max(anchor, focus);
  while (start < end && outside.test(text[start] ?? "")) start++;
  while (end > start && outside.test(text[end - 1] ?? "")) end--;
  if (start >= end) return null;
  if (options.snapWords === true) ({ start, end } = snapToWords(text, start, end));
  const snapped = snapToGraphemes(graphemes, start, end);
  return { start: offsets.toCodePoint(snapped.start), end: offsets.toCodePoint(snapped.end) };
}
