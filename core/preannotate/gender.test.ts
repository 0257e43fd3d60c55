import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cueGender, mayAgree, mentionGender } from "./gender.ts";

describe("gender for carrying a speaker over", () => {
  it("reads a cue's gender from its spelling", () => {
    // Verb forms of Arabic grammar: perfect 3ms/3fs, imperfect يـ/تـ, plural and dual.
    const cases: [string, string, "speech" | "participle", ReturnType<typeof cueGender>][] = [
      ["قال", "قال", "speech", "masculine"],
      ["وأضاف", "أضاف", "speech", "masculine"],
      ["قالت", "قال", "speech", "feminine"],
      ["وأضافت", "أضاف", "speech", "feminine"],
      ["تقول", "قال", "speech", "feminine"],
      ["يقول", "قال", "speech", "masculine"],
      ["قالوا", "قال", "speech", null],
      ["يقولون", "قال", "speech", null],
      ["تابع", "تابع", "speech", "masculine"],
      ["تابعت", "تابع", "speech", "feminine"],
      ["قائلا", "قال", "participle", "masculine"],
      ["قائلة", "قال", "participle", "feminine"],
      ["مؤكدين", "أكد", "participle", null],
    ];
    for (const [word, lemma, kind, want] of cases) assert.equal(cueGender(word, lemma, kind), want, word);
  });

  it("reads a mention's gender from its head noun only, never from a name", () => {
    assert.equal(mentionGender("الوزيرة"), "feminine");
    assert.equal(mentionGender("الحكومة العراقية"), "feminine");
    assert.equal(mentionGender("والمصادر"), "feminine");
    assert.equal(mentionGender("وزير الخارجية الروسي"), "masculine");
    // Family names take a ta marbuta too: unknown.
    assert.equal(mentionGender("السنيورة"), null);
    assert.equal(mentionGender("أسامة حمدان"), null);
    assert.equal(mentionGender("كوندوليزا رايس"), null);
  });

  it("lets unknown agree with either", () => {
    assert.equal(mayAgree("feminine", "masculine"), false);
    assert.equal(mayAgree("masculine", "feminine"), false);
    assert.equal(mayAgree("feminine", "feminine"), true);
    assert.equal(mayAgree(null, "masculine"), true);
    assert.equal(mayAgree("feminine", null), true);
  });
});
