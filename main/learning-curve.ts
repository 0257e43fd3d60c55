/**
 * The learning curve of pre-annotation from review (`npm run bench`, `main/ops/review-model.ts`):
 * precision and recall on held-out documents after 0, 5, 10, 20… reviewed documents of the
 * same gold set. A gold set is cut into folds (whole documents, in file order); each fold in
 * turn is held out and pre-annotated in a scratch project that holds the first N documents of
 * the other folds as reviewed (imported with their gold annotation). The counts of all folds
 * add up to one report per N, with 95 % bootstrap intervals over documents, so every document
 * is scored once and never by a model that saw it (k-fold cross-validation: Hastie, Tibshirani
 * & Friedman, *The Elements of Statistical Learning*, 2nd ed., §7.10).
 */
import { bootstrapIntervals } from "../core/preannotate/bootstrap.ts";
import { countAll, sumCounts, type DocumentCounts } from "../core/preannotate/evaluate.ts";
import type { NativeDocument } from "../core/formats/native-jsonl.ts";
import { predictGold, type Gold, type Measurement } from "./quality.ts";

/** One point of a curve: how many documents were reviewed, and the figures on the held-out ones. */
export interface CurvePoint {
  reviewed: number;
  measurement: Measurement;
}

/** The numbers of reviewed documents a curve is measured at, as the issue asks. */
export const CURVE_SIZES: readonly number[] = [0, 5, 10, 20];

/**
 * Cut documents into `folds` runs of consecutive documents, as equal as they can be.
 * @throws RangeError when `folds` is not a whole number from 2 to the number of documents
 */
export function folds<T>(documents: readonly T[], count: number): T[][] {
  if (!Number.isInteger(count) || count < 2 || count > documents.length) {
    throw new RangeError(`cannot cut ${String(documents.length)} documents into ${String(count)} folds`);
  }
  const out: T[][] = [];
  for (let f = 0; f < count; f++) {
    out.push(
      documents.slice(Math.floor((f * documents.length) / count), Math.floor(((f + 1) * documents.length) / count)),
    );
  }
  return out;
}

/**
 * Measure the learning curve of a gold set.
 * @param sizes reviewed documents at each point; each must leave enough documents outside a fold
 * @param foldCount folds of the cross-validation
 * @throws RangeError when a size exceeds the documents outside the largest fold
 */
export async function learningCurve(
  gold: Gold,
  sizes: readonly number[] = CURVE_SIZES,
  foldCount = 5,
): Promise<CurvePoint[]> {
  const parts = folds(gold.documents, foldCount);
  const points: CurvePoint[] = [];
  for (const size of sizes) {
    const counts: DocumentCounts[] = [];
    for (const [f, heldOut] of parts.entries()) {
      const others: NativeDocument[] = parts.filter((_, g) => g !== f).flat();
      if (size > others.length) {
        throw new RangeError(`${String(size)} reviewed documents: only ${String(others.length)} outside a fold`);
      }
      const predicted = await predictGold({ ...gold, documents: heldOut }, undefined, others.slice(0, size));
      counts.push(...countAll(heldOut, predicted));
    }
    points.push({ reviewed: size, measurement: { report: sumCounts(counts), intervals: bootstrapIntervals(counts) } });
  }
  return points;
}

/** One measured curve: the gold set's name and its points. */
export interface MeasuredCurve {
  name: string;
  points: CurvePoint[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The curves as a plain-text table: per set and number of reviewed documents, quotes by
 * overlap (P, R) and direct quotes by exact match (P, R), each with its 95 % interval, and the
 * speaker of found quotes.
 */
export function formatCurves(curves: readonly MeasuredCurve[]): string {
  const widths = [14, 10, 24, 24, 24, 24, 24];
  const row = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 24))
      .join("")
      .trimEnd();
  const lines = [row(["set", "reviewed", "quotes P", "quotes R", "direct P", "direct R", "speaker"])];
  for (const curve of curves) {
    for (const p of curve.points) {
      const { report, intervals } = p.measurement;
      const at = (i: number, kind: "exact" | "overlap", key: "precision" | "recall") => {
        const value = report.spans[i]?.[kind][key] ?? 0;
        const iv = intervals.spans[i]?.[kind][key];
        return iv === undefined ? pct(value) : `${pct(value)} [${pct(iv.low)}–${pct(iv.high)}]`;
      };
      const speaker = `${pct(report.attribution.accuracy)} [${pct(intervals.attribution.low)}–${pct(intervals.attribution.high)}]`;
      lines.push(
        row([
          curve.name,
          String(p.reviewed),
          at(0, "overlap", "precision"),
          at(0, "overlap", "recall"),
          at(1, "exact", "precision"),
          at(1, "exact", "recall"),
          speaker,
        ]),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Whether a curve never falls below the rules alone (its first point) in precision — of all
 * quotes by overlap and of direct quotes by exact match — and by how much its last point
 * rises above the first in quote precision (points of a percentage).
 */
export function curveVerdict(curve: MeasuredCurve): { neverLower: boolean; rise: number } {
  const first = curve.points[0]?.measurement.report;
  const last = curve.points.at(-1)?.measurement.report;
  if (first === undefined || last === undefined) return { neverLower: true, rise: 0 };
  const p = (r: typeof first, i: number, kind: "exact" | "overlap") => r.spans[i]?.[kind].precision ?? 0;
  const neverLower = curve.points.every(
    (pt) =>
      p(pt.measurement.report, 0, "overlap") >= p(first, 0, "overlap") &&
      p(pt.measurement.report, 1, "exact") >= p(first, 1, "exact"),
  );
  return { neverLower, rise: 100 * (p(last, 0, "overlap") - p(first, 0, "overlap")) };
}
