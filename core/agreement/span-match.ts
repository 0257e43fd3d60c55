/**
 * Span F1 between two annotators for one label: exact (the same fragments) and overlap (at
 * least one code point in common, matched one to one, each span at most once). With one
 * annotator taken as reference, precision is the share of the other's spans matched and
 * recall the share of the reference's; F1 is the same whichever is the reference.
 */
import type { AnnotatedSpan } from "./units.ts";

/** Precision, recall and F1 (NaN when neither has a span), and the counts behind them. */
export interface SpanScore {
  matched: number;
  /** Spans of the first annotator. */
  first: number;
  /** Spans of the second. */
  second: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(matched: number, first: number, second: number): SpanScore {
  const precision = second === 0 ? Number.NaN : matched / second;
  const recall = first === 0 ? Number.NaN : matched / first;
  const f1 = first + second === 0 ? Number.NaN : (2 * matched) / (first + second);
  return { matched, first, second, precision, recall, f1 };
}

const key = (s: AnnotatedSpan) =>
  `${String(s.documentId)}|${s.fragments.map((f) => `${String(f.start)}-${String(f.end)}`).join(",")}`;

/** Exact-match F1 of the spans of `label` of annotators `a` (reference) and `b`. */
export function exactMatch(spans: readonly AnnotatedSpan[], label: string, a: string, b: string): SpanScore {
  const first = spans.filter((s) => s.label === label && s.annotator === a);
  const second = spans.filter((s) => s.label === label && s.annotator === b);
  const pool = new Map<string, number>();
  for (const s of second) pool.set(key(s), (pool.get(key(s)) ?? 0) + 1);
  let matched = 0;
  for (const s of first) {
    const left = pool.get(key(s)) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(key(s), left - 1);
    }
  }
  return score(matched, first.length, second.length);
}

function overlaps(x: AnnotatedSpan, y: AnnotatedSpan): number {
  let common = 0;
  for (const f of x.fragments)
    for (const g of y.fragments) common += Math.max(0, Math.min(f.end, g.end) - Math.max(f.start, g.start));
  return common;
}

/**
 * Pairs of spans sharing at least one code point (same document), matched greedily by the
 * most code points in common (ties: earlier spans first), one to one.
 * @returns index pairs into `first` and `second`
 */
export function overlapPairs<S extends AnnotatedSpan>(
  first: readonly S[],
  second: readonly S[],
): { i: number; j: number }[] {
  const pairs: { i: number; j: number; common: number }[] = [];
  first.forEach((x, i) => {
    second.forEach((y, j) => {
      if (x.documentId !== y.documentId) return;
      const common = overlaps(x, y);
      if (common > 0) pairs.push({ i, j, common });
    });
  });
  pairs.sort((p, q) => q.common - p.common || p.i - q.i || p.j - q.j);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const out: { i: number; j: number }[] = [];
  for (const p of pairs) {
    if (usedI.has(p.i) || usedJ.has(p.j)) continue;
    usedI.add(p.i);
    usedJ.add(p.j);
    out.push({ i: p.i, j: p.j });
  }
  return out.sort((p, q) => p.i - q.i);
}

/** Overlap-match F1 of the spans of `label` (`overlapPairs`). */
export function overlapMatch(spans: readonly AnnotatedSpan[], label: string, a: string, b: string): SpanScore {
  const first = spans.filter((s) => s.label === label && s.annotator === a);
  const second = spans.filter((s) => s.label === label && s.annotator === b);
  return score(overlapPairs(first, second).length, first.length, second.length);
}
