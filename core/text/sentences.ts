/**
 * Sentences of a text as code point extents, and the sentence(s) around a span, for the
 * quotes table's `sentence` column. Sentences come from Unicode segmentation (UAX #29,
 * `Intl.Segmenter`, locale `ar`) within each line, as `tokens.ts` makes them: a line break
 * always ends a sentence. Offsets are code points, end-exclusive; the text is never changed.
 */
import { lineExtents } from "./lines.ts";
import { OffsetIndex } from "./offsets.ts";

/** A sentence `[start, end)` in code points, without the whitespace after it. */
export interface SentenceExtent {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("ar", { granularity: "sentence" });

/**
 * The sentences of a text, in text order; blank segments are left out.
 * @param text the document text (LF, CRLF or CR line ends)
 */
export function sentenceExtents(text: string): SentenceExtent[] {
  const offsets = new OffsetIndex(text);
  const out: SentenceExtent[] = [];
  for (const [lineStart, lineEnd] of lineExtents(text)) {
    for (const s of segmenter.segment(text.slice(lineStart, lineEnd))) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const body = s.segment.trim();
      if (body === "") continue;
      const start = lineStart + s.index + lead;
      out.push({ start: offsets.toCodePoint(start), end: offsets.toCodePoint(start + body.length) });
    }
  }
  return out;
}

/**
 * The extent from the start of the sentence that holds `start` to the end of the sentence
 * that holds `end - 1`: one sentence for a short quote, all of them for a quote over
 * several (even across line breaks). The result always covers `[start, end)`: a span
 * that starts (ends) in the whitespace between two sentences starts (ends) the result.
 * @param sentences `sentenceExtents(text)`
 * @param start code point offset of the span's first character
 * @param end code point offset after the span's last character
 */
export function sentenceAround(sentences: readonly SentenceExtent[], start: number, end: number): SentenceExtent {
  const first = sentences.find((s) => s.end > start);
  const last = sentences.findLast((s) => s.start < end);
  return {
    start: Math.min(start, first !== undefined && first.start <= start ? first.start : start),
    end: Math.max(end, last !== undefined && last.end >= end ? last.end : end),
  };
}
