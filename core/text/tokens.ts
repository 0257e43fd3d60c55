/**
 * Tokens and sentences for the token-based exports (CoNLL, HuggingFace, WebAnno TSV), for
 * documents that do not bring their own: each line of the text is split into sentences and
 * words by Unicode segmentation (UAX #29, `Intl.Segmenter`, locale `ar`); punctuation marks
 * are tokens of their own, whitespace is not a token; then every token that a span boundary
 * falls inside is split there, so that spans always fall on token boundaries (`و|بومبيو`).
 * Offsets are code points, end-exclusive.
 */
import { lineExtents } from "./lines.ts";
import { OffsetIndex } from "./offsets.ts";

/** A token `[start, end)` in code points. */
export interface Token {
  start: number;
  end: number;
}

const sentences = new Intl.Segmenter("ar", { granularity: "sentence" });
const words = new Intl.Segmenter("ar", { granularity: "word" });

/**
 * Sentences of tokens.
 * @param text the document text
 * @param boundaries code point offsets where a token must start or end (span boundaries)
 * @param keepTogether code point ranges no sentence boundary may cut (spans: a quote of two
 *   sentences stays in one, so token formats can hold it whole)
 */
export function tokenize(
  text: string,
  boundaries: Iterable<number> = [],
  keepTogether: readonly { start: number; end: number }[] = [],
): Token[][] {
  const sentences = splitSentences(text, boundaries);
  if (keepTogether.length === 0) return sentences;
  const merged: Token[][] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    const first = sentence[0];
    const last = previous?.[previous.length - 1];
    const cut =
      first !== undefined && last !== undefined && keepTogether.some((r) => r.start < first.start && last.end < r.end);
    if (cut && previous !== undefined) previous.push(...sentence);
    else merged.push([...sentence]);
  }
  return merged;
}

function splitSentences(text: string, boundaries: Iterable<number>): Token[][] {
  const offsets = new OffsetIndex(text);
  const cuts = new Set<number>();
  for (const b of boundaries) cuts.add(offsets.toUtf16(Math.min(Math.max(b, 0), offsets.codePointLength)));
  const out: Token[][] = [];
  for (const [from, to] of lineExtents(text)) {
    const line = text.slice(from, to);
    for (const sentence of sentences.segment(line)) {
      const tokens: Token[] = [];
      for (const word of words.segment(sentence.segment)) {
        if (word.segment.trim() === "") continue;
        const start = from + sentence.index + word.index;
        const end = start + word.segment.length;
        let piece = start;
        for (let u = start + 1; u < end; u++) {
          if (cuts.has(u)) {
            tokens.push({ start: offsets.toCodePoint(piece), end: offsets.toCodePoint(u) });
            piece = u;
          }
        }
        tokens.push({ start: offsets.toCodePoint(piece), end: offsets.toCodePoint(end) });
      }
      if (tokens.length > 0) out.push(tokens);
    }
  }
  return out;
}

/** How tokens were made, for loss reports and headers. */
export const TOKENIZATION_NOTE =
  "tokens and sentences from Unicode segmentation (UAX #29, Intl.Segmenter, locale ar) within each line, punctuation as separate tokens, tokens split at every span boundary, sentences joined where a span crosses them";
