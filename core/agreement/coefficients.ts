/**
 * Chance-corrected agreement over coded units: Cohen's κ for a pair of annotators and
 * Krippendorff's α (nominal) for any number, with missing values allowed. Units and
 * values are opaque strings; `units.ts` builds them from spans.
 *
 * Sources: J. Cohen, "A coefficient of agreement for nominal scales" (1960); K.
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), §A (nominal data, the
 * coincidence matrix). Tests compare with NLTK's `nltk.metrics.agreement.AnnotationTask`.
 */

/** One annotator's value for one unit. */
export interface Coding {
  annotator: string;
  unit: string;
  value: string;
}

/**
 * Cohen's κ of two annotators over the units both coded: (p_o − p_e) / (1 − p_e), with
 * p_e from each annotator's own value distribution.
 * @returns κ in [−1, 1]; 1 when both agree on every unit and use one value only (p_e = 1);
 *   NaN when they share no unit
 */
export function cohenKappa(codings: readonly Coding[], a: string, b: string): number {
  const of = (who: string) => new Map(codings.filter((c) => c.annotator === who).map((c) => [c.unit, c.value]));
  const first = of(a);
  const second = of(b);
  const shared = [...first.keys()].filter((u) => second.has(u));
  const n = shared.length;
  if (n === 0) return Number.NaN;
  let same = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const unit of shared) {
    const va = first.get(unit) ?? "";
    const vb = second.get(unit) ?? "";
    if (va === vb) same++;
    countA.set(va, (countA.get(va) ?? 0) + 1);
    countB.set(vb, (countB.get(vb) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [value, k] of countA) expected += (k / n) * ((countB.get(value) ?? 0) / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's α for nominal values: 1 − D_o / D_e from the coincidence matrix of the
 * units coded by at least two annotators (a unit coded once is not pairable and left out).
 * @returns α ≤ 1; 1 when every pairable value is the same and only one value occurs;
 *   NaN when no unit is coded twice
 */
export function krippendorffAlphaNominal(codings: readonly Coding[]): number {
  const byUnit = new Map<string, string[]>();
  for (const c of codings) {
    const values = byUnit.get(c.unit) ?? [];
    values.push(c.value);
    byUnit.set(c.unit, values);
  }
  // o[c][k]: coincidences of values c and k; n_c: their margins; n: all pairable values.
  const margins = new Map<string, number>();
  let disagreeing = 0;
  let n = 0;
  for (const values of byUnit.values()) {
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, k] of counts) {
      margins.set(v, (margins.get(v) ?? 0) + k);
      // Pairs within the unit whose values differ, each weighted 1/(m − 1).
      disagreeing += (k * (m - k)) / (m - 1);
    }
    n += m;
  }
  if (n === 0) return Number.NaN;
  let expectedPairs = 0;
  for (const k of margins.values()) expectedPairs += k * (n - k);
  if (expectedPairs === 0) return 1;
  return 1 - ((n - 1) * disagreeing) / expectedPairs;
}
