import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { procliticSplits } from "./clitics.ts";
import { foldArabic } from "./normalize.ts";
import { snapToWords, stepWord } from "./words.ts";

describe("snapToWords", () => {
  const text = "ووصل بومبيو إلى الأمم المتحدة وبومبيو للأمم";
  const span = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    return [start, start + s.length] as const;
  };

  it("widens a partial selection to the whole word", () => {
    const [s, e] = span("مبي"); // inside بومبيو, after بو (which cannot be proclitics alone)
    assert.deepEqual(snapToWords(text, s, e), { start: text.indexOf("بومبيو"), end: text.indexOf("بومبيو") + 6 });
  });

  it("keeps a start just after an attached proclitic: و|بومبيو, ل|لأمم", () => {
    const waw = text.indexOf("وبومبيو");
    assert.deepEqual(snapToWords(text, waw + 1, waw + 4), { start: waw + 1, end: waw + 7 });
    const lil = text.indexOf("للأمم");
    assert.deepEqual(snapToWords(text, lil + 1, lil + 3), { start: lil + 1, end: lil + 5 });
  });

  it("does not keep a start after letters that cannot be proclitics alone", () => {
    const word = text.indexOf("بومبيو");
    assert.deepEqual(snapToWords(text, word + 3, word + 5), { start: word, end: word + 6 });
  });
});

describe("stepWord", () => {
  it("moves to the end of the next word and to the start of the previous one", () => {
    const text = "قال الوزير: نعم";
    assert.equal(stepWord(text, 0, "forward"), 3);
    assert.equal(stepWord(text, 3, "forward"), 10);
    assert.equal(stepWord(text, 10, "forward"), 15);
    assert.equal(stepWord(text, 15, "backward"), 12);
    assert.equal(stepWord(text, 12, "backward"), 4);
  });
});

describe("Arabic folding and proclitics", () => {
  it("folds harakat, tatweel, alef forms, ta marbuta, alef maqsura and marks", () => {
    assert.equal(foldArabic("الرَّئِيسُ"), "الرئيس");
    assert.equal(foldArabic("إسـرائيل"), "اسرائيل");
    assert.equal(foldArabic("آية مصطفى"), "ايه مصطفي");
    assert.equal(foldArabic("\u200Fبومبيو\u200E  Pompeo"), "بومبيو pompeo");
  });

  it("splits و, ف and a following ب ل ك, never leaving fewer than two letters", () => {
    assert.deepEqual(
      procliticSplits("وبومبيو").map((s) => s.rest),
      ["وبومبيو", "بومبيو", "ومبيو"],
    );
    assert.deepEqual(
      procliticSplits("لأمم").map((s) => s.rest),
      ["لأمم", "أمم"],
    );
    assert.deepEqual(
      procliticSplits("وب").map((s) => s.rest),
      ["وب"],
    );
  });
});
