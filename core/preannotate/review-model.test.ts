import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CUES } from "./cues.ts";
import { preannotateQuotes } from "./rules.ts";
import {
  FEWEST_EXAMPLES,
  holdsBack,
  keepProbability,
  promotes,
  suggestionFeatures,
  trainReviewModel,
  type ReviewExample,
} from "./review-model.ts";

/** Examples: `n` kept with the feature `good`, `m` dropped with `bad`, every one with `common`. */
function examples(n: number, m: number): ReviewExample[] {
  return [
    ...Array.from({ length: n }, (_, i) => ({
      features: ["common", "good", `k${String(i)}`],
      origin: "rules" as const,
      kept: true,
    })),
    ...Array.from({ length: m }, (_, i) => ({
      features: ["common", "bad", `d${String(i)}`],
      origin: "rules" as const,
      kept: false,
    })),
  ];
}

describe("the review model", () => {
  it("learns what reviewers drop and keeps the rest", () => {
    const model = trainReviewModel(examples(20, 5));
    assert.equal(model.examples, 25);
    assert.equal(model.dropped, 5);
    assert.ok(keepProbability(model, ["common", "bad"]) < 0.2, "a dropped kind is unlikely to be kept");
    assert.ok(keepProbability(model, ["common", "good"]) > 0.9, "a kept kind is likely to be kept");
    assert.equal(holdsBack(model, ["common", "bad"]), true);
    assert.equal(holdsBack(model, ["common", "good"]), false);
    // A feature never seen weighs nothing: the base rate decides, and most suggestions were kept.
    assert.equal(holdsBack(model, ["common", "unseen"]), false);
  });

  it("acts on nothing until it has seen enough of a kind", () => {
    const model = trainReviewModel(examples(20, FEWEST_EXAMPLES - 1));
    assert.ok(keepProbability(model, ["common", "bad"]) < 0.5);
    assert.equal(holdsBack(model, ["common", "bad"]), false);
    const empty = trainReviewModel([]);
    assert.equal(keepProbability(empty, ["anything"]), 0.5);
    assert.equal(holdsBack(empty, ["anything"]), false);
    assert.equal(promotes(empty, ["anything"]), false);
  });

  it("promotes quoted segments only after reviewers kept such segments as quotes", () => {
    const marks = (kept: boolean, feature: string, i: number): ReviewExample => ({
      features: ["origin=marks", feature, `m${String(i)}`],
      origin: "marks",
      kept,
    });
    const reviewed = [
      ...Array.from({ length: 6 }, (_, i) => marks(true, "colon=true", i)),
      ...Array.from({ length: 6 }, (_, i) => marks(false, "colon=false", i + 6)),
    ];
    const model = trainReviewModel(reviewed);
    assert.equal(model.promoted, 6);
    assert.equal(promotes(model, ["origin=marks", "colon=true"]), true);
    assert.equal(promotes(model, ["origin=marks", "colon=false"]), false);
  });

  it("is the same model for the same reviews", () => {
    const a = trainReviewModel(examples(12, 4));
    const b = trainReviewModel([...examples(12, 4)]);
    assert.deepEqual([...a.weights], [...b.weights]);
    assert.equal(a.bias, b.bias);
  });

  it("describes a suggestion by its segment, cue and speaker, and by where it came from", () => {
    const text = 'وقال رئيس البلدية: "نحن مستعدون للعمل".';
    const [s] = preannotateQuotes(text, DEFAULT_CUES);
    assert.ok(s !== undefined);
    const features = suggestionFeatures(text, s, "rules");
    for (const f of [
      "origin=rules",
      "type=direct",
      "lemma=قال",
      "speaker=own",
      "colon=true",
      "marks=true",
      "first=نحن",
      "rules:length=2-3",
    ]) {
      assert.ok(features.includes(f), `${f} in ${features.join(" ")}`);
    }
    assert.equal(new Set(features).size, features.length);
  });
});
