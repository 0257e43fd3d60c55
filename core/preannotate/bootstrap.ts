/**
 * Confidence intervals for a quality report: the percentile bootstrap over documents
 * (Efron & Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13). The gold sets are
 * small and their quotes cluster in documents, so the unit resampled is the document, not the
 * span: each resample draws as many documents as the set has, with replacement, sums their
 * counts (`sumCounts`) and recomputes every figure; the interval is the 2.5th and 97.5th
 * percentile of the figures over the resamples. The generator is pure-rand's xoroshiro128+
 * with a fixed seed, so an interval is the same on every run.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { sumCounts, type DocumentCounts, type EvaluatedLabels, type QualityReport } from "./evaluate.ts";

/** A closed interval of a share, both ends in [0, 1]. */
export interface Interval {
  low: number;
  high: number;
}

/** The intervals of one report row (precision, recall, F1 by exact and by overlap match). */
export interface RowIntervals {
  name: string;
  exact: { precision: Interval; recall: Interval; f1: Interval };
  overlap: { precision: Interval; recall: Interval; f1: Interval };
}

/** The intervals of a whole report, in the order of its rows. */
export interface ReportIntervals {
  /** The share of the distribution inside each interval (0.95). */
  level: number;
  resamples: number;
  spans: RowIntervals[];
  attribution: Interval;
}

/** Options of `bootstrapIntervals`. */
export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  resamples?: number;
  /** Seed of the generator (default 20261202). */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, by linear interpolation between ranks (Hyndman & Fan type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.ceil(at);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (at - below);
}

/**
 * Percentile bootstrap intervals of every figure of `sumCounts(counts)`.
 * @param counts one entry per document (`countAll`)
 * @returns intervals; with no documents every interval is [0, 0]
 */
export function bootstrapIntervals(
  counts: readonly DocumentCounts[],
  options: BootstrapOptions = {},
  labels?: EvaluatedLabels,
): ReportIntervals {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const rng = xoroshiro128plus(options.seed ?? 20261202);
  const reports: QualityReport[] = [];
  for (let r = 0; r < resamples && counts.length > 0; r++) {
    const drawn: DocumentCounts[] = [];
    for (let i = 0; i < counts.length; i++) {
      const picked = counts[uniformInt(rng, 0, counts.length - 1)];
      if (picked !== undefined) drawn.push(picked);
    }
    reports.push(sumCounts(drawn, labels));
  }
  const tail = (1 - level) / 2;
  // A resample in which a figure is undefined (no predicted span for a precision, no gold span
  // for a recall) says nothing about that figure and is left out of its distribution.
  const interval = (figure: (report: QualityReport) => number | null): Interval => {
    const values = reports
      .map(figure)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
  };
  const template = sumCounts(counts, labels);
  return {
    level,
    resamples,
    spans: template.spans.map((row, i) => {
      const of = (kind: "exact" | "overlap", key: "precision" | "recall" | "f1") =>
        interval((report) => {
          const score = report.spans[i]?.[kind];
          if (score === undefined) return null;
          const defined =
            key === "precision"
              ? score.predicted > 0
              : key === "recall"
                ? score.gold > 0
                : score.gold + score.predicted > 0;
          return defined ? score[key] : null;
        });
      return {
        name: row.name,
        exact: { precision: of("exact", "precision"), recall: of("exact", "recall"), f1: of("exact", "f1") },
        overlap: { precision: of("overlap", "precision"), recall: of("overlap", "recall"), f1: of("overlap", "f1") },
      };
    }),
    attribution: interval((report) => (report.attribution.found > 0 ? report.attribution.accuracy : null)),
  };
}
