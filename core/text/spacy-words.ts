/**
 * Words and spaces for spaCy's `Doc(vocab, words=…, spaces=…)` constructor
 * (https://spacy.io/api/doc#init): a text is cut into tokens so that
 * `"".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text` exactly, and every
 * given boundary (each span's and each fragment's start and end, code points) falls between
 * two tokens — then `doc.char_span(start, end)` with spaCy's default strict alignment finds
 * each span. Tokens are Unicode words and punctuation marks (UAX #29, `Intl.Segmenter`,
 * locale `ar`), cut again at every boundary (`و|واشنطن`, `الحوار|".`). Whitespace is kept
 * the way spaCy's own tokenizer keeps it: one `" "` after a token is that token's trailing
 * space (`spaces[i] = true`); any other whitespace — a line end (`"\r\n"`), a second space,
 * a tab — is a token of its own. A space that a span starts at or ends after is a token of
 * its own too, so that the span can hold it.
 */
import { OffsetIndex } from "./offsets.ts";

/** The arguments of `Doc(vocab, words, spaces)`, and where each word starts (code points). */
export interface SpacyWords {
  words: string[];
  /** `spaces[i]`: word `i` is followed by one `" "` that belongs to it. */
  spaces: boolean[];
  /** Code point offset of each word in the text. */
  starts: number[];
}

const segmenter = new Intl.Segmenter("ar", { granularity: "word" });

/** Whitespace as spaCy's tokenizer sees it (Python's `str.isspace`, close enough for text). */
const WHITESPACE = /^\s+$/u;

/**
 * Cut `text` into spaCy words and spaces.
 * @param text the document text (any line ends)
 * @param starts code point offsets where a span or fragment starts
 * @param ends code point offsets where a span or fragment ends (end-exclusive)
 * @returns words, spaces and word offsets; no word is empty
 */
export function spacyWords(text: string, starts: Iterable<number> = [], ends: Iterable<number> = []): SpacyWords {
  const offsets = new OffsetIndex(text);
  const clamp = (b: number) => offsets.toUtf16(Math.min(Math.max(b, 0), offsets.codePointLength));
  const startSet = new Set<number>();
  const endSet = new Set<number>();
  for (const b of starts) startSet.add(clamp(b));
  for (const b of ends) endSet.add(clamp(b));
  const cuts = new Set<number>([...startSet, ...endSet]);

  // Pieces [from, to) in UTF-16 units: word segments cut at every boundary.
  const pieces: [number, number][] = [];
  for (const seg of segmenter.segment(text)) {
    const from = seg.index;
    const to = from + seg.segment.length;
    let piece = from;
    for (let u = from + 1; u < to; u++) {
      if (cuts.has(u)) {
        pieces.push([piece, u]);
        piece = u;
      }
    }
    pieces.push([piece, to]);
  }

  const out: SpacyWords = { words: [], spaces: [], starts: [] };
  let last = -1; // index of the last word, which may take a trailing space
  let i = 0;
  while (i < pieces.length) {
    const [from, firstTo] = pieces[i] ?? [0, 0];
    const piece = text.slice(from, firstTo);
    if (!WHITESPACE.test(piece)) {
      out.words.push(piece);
      out.spaces.push(false);
      out.starts.push(offsets.toCodePoint(from));
      last = out.words.length - 1;
      i++;
      continue;
    }
    // A run of whitespace pieces up to the next boundary.
    let to = firstTo;
    let j = i + 1;
    while (j < pieces.length && !cuts.has(to)) {
      const next = pieces[j] ?? [0, 0];
      if (!WHITESPACE.test(text.slice(next[0], next[1]))) break;
      to = next[1];
      j++;
    }
    let runStart = from;
    if (text[from] === " " && last >= 0 && last === out.words.length - 1 && !out.spaces[last] && !startSet.has(from)) {
      if (!endSet.has(from + 1)) {
        out.spaces[last] = true;
        runStart = from + 1;
      }
    }
    if (runStart < to) {
      out.words.push(text.slice(runStart, to));
      out.spaces.push(false);
      out.starts.push(offsets.toCodePoint(runStart));
    }
    last = -1; // a whitespace word takes no trailing space: the next space is a word
    i = j;
  }
  return out;
}
