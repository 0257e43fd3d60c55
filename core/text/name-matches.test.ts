import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { python } from "../../test-support/python.ts";
import { findName } from "./name-matches.ts";
import { foldArabic, foldedShadow } from "./normalize.ts";

/** Code point extent of `needle` in `text` (after the first `skip` characters), by Python. */
function found(text: string, needle: string, from = ""): { start: number; end: number } {
  const view = python(text, [], [from + needle]);
  const at = view.finds[0] ?? -1;
  assert.ok(at >= 0, `Python finds ${from}${needle}`); // str.find: -1 when absent, else an offset
  const start = at + python(from).length;
  return { start, end: start + python(needle).length };
}

describe("folded shadow", () => {
  it("maps a match back to the text with its harakat, tatweel and alef forms", () => {
    const text = "وقال سَيرغي لافروفُ إنّ إسـرائيل";
    const shadow = foldedShadow(text);
    const at = shadow.folded.indexOf("سيرغي لافروف");
    // Nothing before the name folds away (وقال has no harakat), so its offset in the shadow is
    // the text's own, by Python.
    assert.equal(at, python(text, [], ["سَيرغي"]).finds[0]);
    const end = at + "سيرغي لافروف".length;
    // The damma after the last letter belongs to it: the match covers it.
    assert.deepEqual({ start: shadow.starts[at], end: shadow.ends[end - 1] }, found(text, "سَيرغي لافروفُ"));
    assert.equal(foldArabic("إسـرائيل"), "اسرائيل");
    assert.equal(foldArabic("مكتبةٌ على"), "مكتبه علي");
  });

  it("every match of a folded needle covers text that folds to the needle (property)", () => {
    const letters = ["ا", "أ", "إ", "ل", "م", "ة", "ه", "ى", "ي", "َ", "ُ", "ّ", "ـ", " ", "\u200f", "و", "ب"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { maxLength: 40 }),
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 1, max: 6 }),
        (chars, from, length) => {
          const text = chars.join("");
          const shadow = foldedShadow(text);
          const needle = shadow.folded.slice(from, from + length).trim();
          if (needle === "") return;
          const cps = [...text];
          for (let at = shadow.folded.indexOf(needle); at >= 0; at = shadow.folded.indexOf(needle, at + 1)) {
            const start = shadow.starts[at] ?? 0;
            const end = shadow.ends[at + needle.length - 1] ?? 0;
            assert.equal(foldArabic(cps.slice(start, end).join("")), needle);
          }
        },
      ),
    );
  });
});

describe("findName", () => {
  const text = "وقال سيرغي لافروف، ثم التقى بومبيو. وبومبيو قال إن الأمم المتحدة وللأمم المتحدة دور. الفيروسات وفيروس.";

  it("peels attached proclitics: وبومبيو holds بومبيو, never the و", () => {
    const matches = findName(foldedShadow(text), "بومبيو");
    assert.deepEqual(
      matches,
      [found(text, "بومبيو"), found(text, "بومبيو", "وبومبيو".slice(0, 1))].sort((a, b) => a.start - b.start),
    );
    // The second match starts one code point after وبومبيو's start.
    assert.equal(matches[1]?.start, found(text, "وبومبيو").start + 1);
  });

  it("finds الأمم المتحدة inside للأمم المتحدة as لأمم المتحدة (the guidelines' span)", () => {
    const matches = findName(foldedShadow(text), "الأمم المتحدة");
    assert.deepEqual(matches, [found(text, "الأمم المتحدة"), found(text, "لأمم المتحدة", "ول")]);
  });

  it("matches whole words only unless asked: فيروس is not inside الفيروسات", () => {
    assert.deepEqual(findName(foldedShadow(text), "فيروس"), [found(text, "فيروس", "و")]);
    const partial = findName(foldedShadow(text), "فيروس", { partialWords: true });
    assert.deepEqual(partial, [found(text, "فيروس", "ال"), found(text, "فيروس", "و")]);
  });

  it("matches through ta marbuta, alef maqsura and hamza forms, and not a blank name", () => {
    const t = "قال مصطفي إن مكتبةً ومكتبه أغلقتا";
    assert.deepEqual(findName(foldedShadow(t), "مصطفى"), [found(t, "مصطفي")]);
    assert.deepEqual(findName(foldedShadow(t), "مكتبة"), [found(t, "مكتبةً"), found(t, "مكتبه")]);
    assert.deepEqual(findName(foldedShadow(t), "  "), []);
  });
});
