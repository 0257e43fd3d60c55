/**
 * A long Arabic article for benchmarks, made reproducibly from real newswire: sentences of
 * ANERcorp (fixtures/arabic-ner, CC BY-SA 4.0) drawn with a fixed seed, plus a fixed set of
 * spans and relations on token boundaries. Offsets are code points.
 */
import { readFileSync } from "node:fs";

/** mulberry32: a small seeded PRNG (Tommy Ettinger's public-domain generator). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A span to create: label and code point extent. */
export interface PlannedSpan {
  label: string;
  start: number;
  end: number;
}

/** The generated article and its annotation plan. */
export interface LongArticle {
  text: string;
  tokenCount: number;
  spans: PlannedSpan[];
  /** Pairs of indexes into `spans`: quote → speaker. */
  relations: [number, number][];
  /** Token extents (code points) that carry no span, for labelling actions in the benchmark. */
  freeTokens: { start: number; end: number }[];
}

/** ANERcorp sentences (token lists); a sentence ends with a `.` token. */
function sentences(corpus: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of corpus.split("\n")) {
    const cut = line.lastIndexOf(" ");
    if (cut <= 0) continue;
    const token = line.slice(0, cut);
    current.push(token);
    if (token === ".") {
      if (current.length >= 5) out.push(current);
      current = [];
    }
  }
  return out;
}

/**
 * Build the article.
 * @param tokens how many tokens the body holds (at least)
 * @param spanCount spans to plan (a fifth quotes, a fifth speakers, a tenth cues, the rest names)
 * @param relationCount quote → speaker relations
 */
export function longArticle(seed: number, tokens: number, spanCount: number, relationCount: number): LongArticle {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const corpus = readFileSync(new URL("../fixtures/arabic-ner/anercorp_head40k.txt", import.meta.url), "utf8");
  const pool = sentences(corpus);
  const paragraphs: string[][] = [];
  let count = 0;
  while (count < tokens) {
    const paragraph: string[] = [];
    for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) paragraph.push(...pick(pool));
    paragraphs.push(paragraph);
    count += paragraph.length;
  }
  // Lay the text out and remember each token's code point extent.
  const extents: { start: number; end: number; paragraph: number }[] = [];
  let text = "مقال طويل لاختبار السرعة\n\n";
  let at = [...text].length;
  paragraphs.forEach((paragraph, p) => {
    paragraph.forEach((token, i) => {
      if (i > 0) {
        text += " ";
        at += 1;
      }
      const length = [...token].length;
      if (token !== "." && /\p{L}/u.test(token)) extents.push({ start: at, end: at + length, paragraph: p });
      text += token;
      at += length;
    });
    text += "\n\n";
    at += 2;
  });

  const kinds = [
    ...Array<string>(Math.floor(spanCount / 5)).fill("QUOTE"),
    ...Array<string>(Math.floor(spanCount / 5)).fill("SPEAKER"),
    ...Array<string>(Math.floor(spanCount / 10)).fill("CUE"),
  ];
  const names = ["PER", "ORG", "LOC", "MISC"];
  while (kinds.length < spanCount) kinds.push(pick(names));
  const used = new Set<string>();
  const taken = new Set<number>();
  const spans: PlannedSpan[] = [];
  for (const label of kinds) {
    for (;;) {
      const first = Math.floor(random() * extents.length);
      const width =
        label === "QUOTE" ? 8 + Math.floor(random() * 18) : label === "CUE" ? 1 : 1 + Math.floor(random() * 3);
      const a = extents[first];
      const b = extents[Math.min(first + width - 1, extents.length - 1)];
      if (a === undefined || b === undefined || a.paragraph !== b.paragraph) continue;
      const key = `${label}:${String(a.start)}:${String(b.end)}`;
      if (used.has(key)) continue;
      used.add(key);
      for (let i = first; i < first + width; i++) taken.add(i);
      spans.push({ label, start: a.start, end: b.end });
      break;
    }
  }
  const quotes = spans.flatMap((s, i) => (s.label === "QUOTE" ? [i] : []));
  const speakers = spans.flatMap((s, i) => (s.label === "SPEAKER" ? [i] : []));
  const relations: [number, number][] = quotes.slice(0, relationCount).map((q) => [q, pick(speakers)]);
  const freeTokens = extents.filter((_, i) => !taken.has(i)).map(({ start, end }) => ({ start, end }));
  return { text, tokenCount: count, spans, relations, freeTokens };
}
