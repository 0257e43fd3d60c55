/**
 * Quality of pre-annotation against gold annotation of the same texts: precision, recall
 * and F1 of spans by exact match (same start and end) and by overlap (one-to-one, largest
 * overlap first), per label and per quote type; and speaker attribution — of the quotes found
 * (overlap-matched), the share whose predicted speaker is the gold speaker, compared by
 * entity: the predicted speaker mention overlaps a gold mention of the gold quote's speaker
 * entity (or the gold speaker mention itself when it has no entity). Offsets in code points.
 */
import type { NativeDocument, NativeSpan } from "../formats/native-jsonl.ts";

/** Counts and scores of one comparison. */
export interface Score {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One row of the report: spans of a label (and quote type), exact and overlapping. */
export interface SpanScores {
  /** `QUOTE`, `QUOTE direct`, `CUE`, `SPEAKER`, … */
  name: string;
  exact: Score;
  overlap: Score;
}

/** The whole report. */
export interface QualityReport {
  documents: number;
  spans: SpanScores[];
  /** Of the gold quotes that were found and have a gold speaker: how many got the right one. */
  attribution: { found: number; correct: number; accuracy: number };
}

interface Extent {
  start: number;
  end: number;
}

function score(gold: number, predicted: number, matched: number): Score {
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matched, precision, recall, f1 };
}

const overlap = (a: Extent, b: Extent) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one matching of predicted to gold spans; returns pairs [goldIndex, predictedIndex]. */
function match(gold: readonly Extent[], predicted: readonly Extent[], exact: boolean): [number, number][] {
  const candidates: { g: number; p: number; size: number }[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (exact ? g.start === p.start && g.end === p.end : overlap(g, p) > 0) {
        candidates.push({ g: gi, p: pi, size: overlap(g, p) });
      }
    });
  });
  candidates.sort((a, b) => b.size - a.size || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs;
}

/** The speaker of a quote: the extents that count as it (its entity's mentions, or its mention). */
function speakerExtents(doc: NativeDocument, quote: NativeSpan): Extent[] | null {
  const relation = doc.relations.find((r) => r.type === "attributed_to" && r.from === quote.id);
  if (relation === undefined) return null;
  const entity =
    relation.to_entity ?? (relation.to === undefined ? undefined : doc.spans.find((s) => s.id === relation.to)?.entity);
  if (entity !== undefined) {
    const mentions = doc.spans.filter((s) => s.entity === entity);
    if (mentions.length > 0) return mentions;
  }
  const mention = relation.to === undefined ? undefined : doc.spans.find((s) => s.id === relation.to);
  return mention === undefined ? null : [mention];
}

/**
 * Compare predicted annotation with gold annotation, document by document (paired by
 * `text_sha256`; predicted documents without a gold one are ignored).
 * @param labels which labels to score, quote label first (default QUOTE, CUE, SPEAKER)
 */
export function evaluate(
  gold: readonly NativeDocument[],
  predicted: readonly NativeDocument[],
  labels: { quote: string; cue: string; speaker: string } = { quote: "QUOTE", cue: "CUE", speaker: "SPEAKER" },
): QualityReport {
  const bySha = new Map(predicted.map((d) => [d.text_sha256, d]));
  const rows: { name: string; pick: (s: NativeSpan) => boolean }[] = [
    { name: labels.quote, pick: (s) => s.label === labels.quote },
    ...["direct", "indirect", "mixed"].map((type) => ({
      name: `${labels.quote} ${type}`,
      pick: (s: NativeSpan) => s.label === labels.quote && s.attributes["type"] === type,
    })),
    { name: labels.cue, pick: (s) => s.label === labels.cue },
    { name: labels.speaker, pick: (s) => s.label === labels.speaker },
  ];
  const totals = rows.map(() => ({ gold: 0, predicted: 0, exact: 0, overlap: 0 }));
  let found = 0;
  let correct = 0;
  let documents = 0;
  for (const g of gold) {
    const p = bySha.get(g.text_sha256);
    const pSpans = p?.spans ?? [];
    documents++;
    rows.forEach((row, i) => {
      const gs = g.spans.filter(row.pick);
      const ps = pSpans.filter(row.pick);
      const t = totals[i];
      if (t === undefined) return;
      t.gold += gs.length;
      t.predicted += ps.length;
      t.exact += match(gs, ps, true).length;
      t.overlap += match(gs, ps, false).length;
    });
    if (p === undefined) continue;
    const gq = g.spans.filter((s) => s.label === labels.quote);
    const pq = p.spans.filter((s) => s.label === labels.quote);
    for (const [gi, pi] of match(gq, pq, false)) {
      const goldQuote = gq[gi];
      const predictedQuote = pq[pi];
      if (goldQuote === undefined || predictedQuote === undefined) continue;
      const want = speakerExtents(g, goldQuote);
      if (want === null) continue;
      found++;
      const got = speakerExtents(p, predictedQuote);
      if (got !== null && got.some((x) => want.some((w) => overlap(x, w) > 0))) correct++;
    }
  }
  return {
    documents,
    spans: rows.map((row, i) => {
      const t = totals[i] ?? { gold: 0, predicted: 0, exact: 0, overlap: 0 };
      return {
        name: row.name,
        exact: score(t.gold, t.predicted, t.exact),
        overlap: score(t.gold, t.predicted, t.overlap),
      };
    }),
    attribution: { found, correct, accuracy: found === 0 ? 0 : correct / found },
  };
}
