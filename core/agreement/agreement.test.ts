/**
 * Agreement coefficients against NLTK's `nltk.metrics.agreement.AnnotationTask` run on the
 * same codings, and against Krippendorff's published worked example; span F1 on spans whose
 * matches are counted by hand.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { runPython } from "../../test-support/python.ts";
import { cohenKappa, krippendorffAlphaNominal, type Coding } from "./coefficients.ts";
import { codePointUnits, type AnnotatedSpan } from "./units.ts";
import { exactMatch, overlapMatch } from "./span-match.ts";

const NLTK = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
job = json.load(sys.stdin)
out = []
for codings in job:
    task = AnnotationTask(data=[(c["annotator"], c["unit"], c["value"]) for c in codings])
    coders = sorted({c["annotator"] for c in codings})
    try:
        kappa = task.kappa_pairwise(coders[0], coders[1])
    except ZeroDivisionError:
        kappa = None
    try:
        alpha = task.alpha()
    except ZeroDivisionError:
        alpha = None
    out.append({"kappa": kappa, "alpha": alpha})
json.dump(out, sys.stdout)
`;

/** Every annotator codes every unit (NLTK's κ expects that). */
const complete = fc
  .record({
    annotators: fc.integer({ min: 2, max: 4 }),
    units: fc.integer({ min: 2, max: 30 }),
    values: fc.integer({ min: 2, max: 4 }),
  })
  .chain(({ annotators, units, values }) =>
    fc
      .array(fc.integer({ min: 0, max: values - 1 }), { minLength: annotators * units, maxLength: annotators * units })
      .map((picked) =>
        picked.map((v, i): Coding => ({
          annotator: `a${String(Math.floor(i / units))}`,
          unit: `u${String(i % units)}`,
          value: `v${String(v)}`,
        })),
      ),
  );

test("Cohen's κ and Krippendorff's α equal NLTK's on the same codings", () => {
  const samples = fc.sample(complete, { numRuns: 60, seed: 20261202 });
  const nltk = runPython<{ kappa: number | null; alpha: number | null }[]>(NLTK, samples);
  // NLTK divides by zero only when one value is used throughout: rare in these samples.
  assert.ok(nltk.filter((r) => r.kappa !== null && r.alpha !== null).length >= 55);
  samples.forEach((codings, i) => {
    const expected = nltk[i];
    assert.ok(expected !== undefined);
    const kappa = cohenKappa(codings, "a0", "a1");
    if (expected.kappa !== null)
      assert.ok(Math.abs(kappa - expected.kappa) < 1e-9, `κ ${String(kappa)} vs ${String(expected.kappa)}`);
    const alpha = krippendorffAlphaNominal(codings);
    if (expected.alpha !== null)
      assert.ok(Math.abs(alpha - expected.alpha) < 1e-9, `α ${String(alpha)} vs ${String(expected.alpha)}`);
  });
});

test("Krippendorff's nominal worked example with missing values gives α = 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 × 12 example; "." is missing.
  const rows: Record<string, string> = {
    A: "1 2 3 3 2 1 4 1 2 . . .",
    B: "1 2 3 3 2 2 4 1 2 5 . 3",
    C: ". 3 3 3 2 3 4 2 2 5 1 .",
    D: "1 2 3 3 2 4 4 1 2 5 1 .",
  };
  const codings: Coding[] = Object.entries(rows).flatMap(([annotator, row]) =>
    row
      .split(" ")
      .map((value, i) => ({ annotator, unit: String(i + 1), value }))
      .filter((c) => c.value !== "."),
  );
  assert.equal(Math.round(krippendorffAlphaNominal(codings) * 1000) / 1000, 0.743);
});

test("code point units: per label, whitespace left out, overlapping spans each counted", () => {
  const text = "قال لافروف: نعم";
  const spans: AnnotatedSpan[] = [
    { documentId: 1, annotator: "amal", label: "PER", fragments: [{ start: 4, end: 10 }] },
    { documentId: 1, annotator: "amal", label: "Quote", fragments: [{ start: 0, end: 15 }] },
    { documentId: 1, annotator: "badr", label: "PER", fragments: [{ start: 4, end: 8 }] },
  ];
  const per = codePointUnits([{ id: 1, text }], spans, ["amal", "badr"], "PER");
  // 15 code points, 2 spaces: 13 units per annotator.
  assert.equal(per.filter((c) => c.annotator === "amal").length, 13);
  assert.deepEqual(
    per.filter((c) => c.value === "in").map((c) => `${c.annotator}@${c.unit}`),
    [
      "amal@1:4",
      "amal@1:5",
      "amal@1:6",
      "amal@1:7",
      "amal@1:8",
      "amal@1:9",
      "badr@1:4",
      "badr@1:5",
      "badr@1:6",
      "badr@1:7",
    ],
  );
  const nltk = runPython<{ kappa: number | null; alpha: number | null }[]>(NLTK, [per]);
  assert.ok(Math.abs(cohenKappa(per, "amal", "badr") - (nltk[0]?.kappa ?? Number.NaN)) < 1e-9);
  assert.ok(Math.abs(krippendorffAlphaNominal(per) - (nltk[0]?.alpha ?? Number.NaN)) < 1e-9);
});

test("span F1: exact and overlap matches, one to one", () => {
  const span = (annotator: string, start: number, end: number): AnnotatedSpan => ({
    documentId: 1,
    annotator,
    label: "PER",
    fragments: [{ start, end }],
  });
  const spans = [
    span("a", 0, 5),
    span("a", 10, 20),
    span("a", 30, 35),
    span("b", 0, 5),
    span("b", 12, 18),
    span("b", 14, 22),
  ];
  const exact = exactMatch(spans, "PER", "a", "b");
  assert.deepEqual([exact.matched, exact.first, exact.second], [1, 3, 3]);
  assert.equal(exact.f1, 1 / 3);
  // [10,20) overlaps both [12,18) (6 points) and [14,22) (6 points): one match only.
  const overlap = overlapMatch(spans, "PER", "a", "b");
  assert.deepEqual([overlap.matched, overlap.precision, overlap.recall], [2, 2 / 3, 2 / 3]);
  assert.ok(Number.isNaN(exactMatch(spans, "LOC", "a", "b").f1));
});
