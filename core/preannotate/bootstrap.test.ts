import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bootstrapIntervals, quantile } from "./bootstrap.ts";
import type { DocumentCounts } from "./evaluate.ts";

/** A document's counts with only the QUOTE row filled: g gold, p predicted, m matched (exact and overlap). */
const doc = (g: number, p: number, m: number, found = 0, correct = 0): DocumentCounts => ({
  rows: ["QUOTE", "QUOTE direct", "QUOTE indirect", "QUOTE mixed", "CUE", "SPEAKER"].map((name) => ({
    name,
    gold: name === "QUOTE" ? g : 0,
    predicted: name === "QUOTE" ? p : 0,
    exact: name === "QUOTE" ? m : 0,
    overlap: name === "QUOTE" ? m : 0,
  })),
  found,
  correct,
});

describe("bootstrap intervals over documents", () => {
  it("quantile interpolates between ranks (R's type 7)", () => {
    // R: quantile(c(1, 2, 3, 4), c(0.025, 0.5, 0.975)) → 1.075 2.5 3.925
    assert.ok(Math.abs(quantile([1, 2, 3, 4], 0.025) - 1.075) < 1e-12);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.ok(Math.abs(quantile([1, 2, 3, 4], 0.975) - 3.925) < 1e-12);
  });

  it("is a single point when every document scores the same", () => {
    const iv = bootstrapIntervals([doc(2, 2, 1), doc(4, 4, 2), doc(2, 2, 1)], { resamples: 200 });
    assert.deepEqual(iv.spans[0]?.exact.precision, { low: 0.5, high: 0.5 });
  });

  it("holds the figure, widens for fewer documents, and repeats under its seed", () => {
    // Ten documents, half found entirely and half not at all: recall 0.5.
    const few = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? doc(2, 2, 2) : doc(2, 0, 0)));
    const many = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? doc(2, 2, 2) : doc(2, 0, 0)));
    const a = bootstrapIntervals(few).spans[0]?.exact.recall;
    const b = bootstrapIntervals(many).spans[0]?.exact.recall;
    assert.ok(a !== undefined && b !== undefined);
    assert.ok(a.low < 0.5 && a.high > 0.5 && b.low < 0.5 && b.high > 0.5);
    assert.ok(a.high - a.low > b.high - b.low, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    // Normal approximation for 200 documents: 0.5 ± 1.96·√(0.25/200) ≈ [0.431, 0.569].
    assert.ok(Math.abs(b.low - 0.431) < 0.02 && Math.abs(b.high - 0.569) < 0.02, JSON.stringify(b));
    assert.deepEqual(bootstrapIntervals(few), bootstrapIntervals(few));
  });

  it("leaves undefined figures out: a set with nothing predicted has an empty precision interval at 0", () => {
    const iv = bootstrapIntervals([doc(3, 0, 0, 2, 1), doc(1, 0, 0)], { resamples: 100 });
    assert.deepEqual(iv.spans[0]?.exact.precision, { low: 0, high: 0 });
    assert.ok(iv.attribution.high <= 1);
  });
});
