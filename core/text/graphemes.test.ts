import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { graphemeBoundaries, isGraphemeBoundary, isGraphemeBoundaryQuick, snapToGraphemes } from "./graphemes.ts";

const diacritics = readFileSync(new URL("../../fixtures/cases/diacritics.txt", import.meta.url), "utf8");

describe("grapheme boundaries (UAX #29)", () => {
  it("never separates an Arabic letter from its harakat", () => {
    const boundaries = graphemeBoundaries(diacritics);
    for (let i = 0; i < diacritics.length; i++) {
      const ch = diacritics.codePointAt(i) ?? 0;
      // U+064B..U+0652 (harakat, shadda, sukun) are Mn: by UAX #29 (GB9) they extend the previous cluster.
      if (ch >= 0x064b && ch <= 0x0652) assert.equal(isGraphemeBoundary(boundaries, i), false, `offset ${String(i)}`);
    }
  });

  it("keeps a shadda with its letter and vowel: الرَّئِيسُ", () => {
    const word = "الرَّئِيسُ";
    // Clusters by hand from the code points: ا ل رَّ ئِ ي سُ
    assert.deepEqual([...graphemeBoundaries(word)], [0, 1, 2, 5, 7, 8, 10]);
  });

  it("keeps flags and ZWJ families whole", () => {
    const text = "🇷🇺x👨‍👩‍👧";
    // 🇷🇺 = 2 regional indicators (4 UTF-16 units, GB12); the family = 5 code points joined by ZWJ (GB11).
    assert.deepEqual([...graphemeBoundaries(text)], [0, 4, 5, 13]);
  });

  it("widens a selection to whole clusters", () => {
    const word = "الرَّئِيسُ";
    assert.deepEqual(snapToGraphemes(graphemeBoundaries(word), 3, 6), { start: 2, end: 7 });
    assert.deepEqual(snapToGraphemes(graphemeBoundaries(word), 2, 5), { start: 2, end: 5 });
  });
});

describe("isGraphemeBoundaryQuick", () => {
  it("agrees with the full segmentation at every offset (property, with marks, emoji, CRLF, Hangul, prepends)", () => {
    const pieces = [
      "ا",
      "ل",
      "َ",
      "ّ",
      "ُ",
      "\r",
      "\n",
      " ",
      "👨",
      "\u200D",
      "👩",
      "🇷",
      "🇺",
      "\uFE0F",
      "한",
      "ᄀ",
      "ᅡ",
      "\u0600",
      "a",
      "\u0301",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const full = graphemeBoundaries(text);
        for (let i = 0; i <= text.length; i++) {
          assert.equal(
            isGraphemeBoundaryQuick(text, i, () => full),
            isGraphemeBoundary(full, i),
            `offset ${String(i)} of ${JSON.stringify(text)}`,
          );
        }
      }),
    );
  });
});
