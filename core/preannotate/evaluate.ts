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

/** The labels a report scores, quote label first. */
export interface EvaluatedLabels {
  quote: string;
  cue: string;
  speaker: string;
}

const DEFAULT_LABELS: EvaluatedLabels = { quote: "QUOTE", cue: "CUE", speaker: "SPEAKER" };

/**
 * The raw counts of one gold document against its prediction: per report row, gold and
 * predicted spans and the matches (exact, overlap); and the attribution counts. Counts add up
 * over documents, which is what a report and its bootstrap (`bootstrap.ts`) sum.
 */
export interface DocumentCounts {
  rows: { name: string; gold: number; predicted: number; exact: number; overlap: number }[];
  found: number;
  correct: number;
}

function rowPicks(labels: EvaluatedLabels): { name: string; pick: (s: NativeSpan) => boolean }[] {
  return [
    { name: labels.quote, pick: (s) => s.label === labels.quote },
    ...["direct", "indirect", "mixed"].map((type) => ({
      name: `${labels.quote} ${type}`,
      pick: (s: NativeSpan) => s.label === labels.quote && s.attributes["type"] === type,
    })),
    { name: labels.cue, pick: (s) => s.label === labels.cue },
    { name: labels.speaker, pick: (s) => s.label === labels.speaker },
  ];
}

/**
 * Count one gold document against its predicted version (`undefined`: nothing predicted).
 * @param labels which labels to count (default QUOTE, CUE, SPEAKER)
 */
export function countDocument(
  g: NativeDocument,
  p: NativeDocument | undefined,
  labels: EvaluatedLabels = DEFAULT_LABELS,
): DocumentCounts {
  const pSpans = p?.spans ?? [];
  const rows = rowPicks(labels).map((row) => {
    const gs = g.spans.filter(row.pick);
    const ps = pSpans.filter(row.pick);
    return {
      name: row.name,
      gold: gs.length,
      predicted: ps.length,
      exact: match(gs, ps, true).length,
      overlap: match(gs, ps, false).length,
    };
  });
  let found = 0;
  let correct = 0;
  if (p !== undefined) {
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
  return { rows, found, correct };
}

/**
 * Sum documents' counts into a report. All counts must come from the same labels.
 * @param counts one entry per document (an empty list gives a report of zeros)
 * @param labels the labels the counts were made with (names the rows of an empty report)
 */
export function sumCounts(counts: readonly DocumentCounts[], labels: EvaluatedLabels = DEFAULT_LABELS): QualityReport {
  const totals = rowPicks(labels).map((r) => ({ name: r.name, gold: 0, predicted: 0, exact: 0, overlap: 0 }));
  let found = 0;
  let correct = 0;
  for (const c of counts) {
    c.rows.forEach((row, i) => {
      const t = totals[i];
      if (t === undefined) return;
      t.gold += row.gold;
      t.predicted += row.predicted;
      t.exact += row.exact;
      t.overlap += row.overlap;
    });
    found += c.found;
    correct += c.correct;
  }
  return {
    documents: counts.length,
    spans: totals.map((t) => ({
      name: t.name,
      exact: score(t.gold, t.predicted, t.exact),
      overlap: score(t.gold, t.predicted, t.overlap),
    })),
    attribution: { found, correct, accuracy: found === 0 ? 0 : correct / found },
  };
}

/**
 * Compare predicted annotation with gold annotation, document by document (paired by
 * `text_sha256`; predicted documents without a gold one are ignored).
 * @param labels which labels to score, quote label first (default QUOTE, CUE, SPEAKER)
 */
export function evaluate(
  gold: readonly NativeDocument[],
  predicted: readonly NativeDocument[],
  labels: EvaluatedLabels = DEFAULT_LABELS,
): QualityReport {
  return sumCounts(countAll(gold, predicted, labels), labels);
}

/** `countDocument` for every gold document, paired with its prediction by `text_sha256`. */
export function countAll(
  gold: readonly NativeDocument[],
  predicted: readonly NativeDocument[],
  labels: EvaluatedLabels = DEFAULT_LABELS,
): DocumentCounts[] {
  const bySha = new Map(predicted.map((d) => [d.text_sha256, d]));
  return gold.map((g) => countDocument(g, bySha.get(g.text_sha256), labels));
}
