import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { python } from "../../test-support/python.ts";
import { OffsetIndex, codePointLength } from "./offsets.ts";

const CASES = new URL("../../fixtures/cases/", import.meta.url);
const emojiFlag = readFileSync(new URL("emoji-flag.txt", CASES), "utf8");

describe("OffsetIndex", () => {
  it("slices the emoji-flag case exactly as Python does", () => {
    const needle = "نرفض ذلك رفضا قاطعا";
    const py = python(emojiFlag, [], [needle]);
    const start = py.finds[0] ?? -1;
    assert.ok(start > 0, "Python finds the quote");
    const index = new OffsetIndex(emojiFlag);
    assert.equal(index.codePointLength, py.length);
    assert.equal(index.slice(start, start + [...needle].length), needle);
    // The flags before the quote are astral: UTF-16 and code point offsets differ.
    assert.notEqual(index.toUtf16(start), start);
    assert.equal(emojiFlag.slice(index.toUtf16(start), index.toUtf16(start) + needle.length), needle);
  });

  it("agrees with Python on every boundary of astral, ZWJ and flag sequences", () => {
    const text = "قال 👨‍👩‍👧 ثم 🇸🇦🇪🇬 و𝒳 test";
    const index = new OffsetIndex(text);
    const ranges: [number, number][] = [];
    for (let s = 0; s <= index.codePointLength; s++) ranges.push([s, Math.min(s + 3, index.codePointLength)]);
    const py = python(text, ranges);
    assert.equal(index.codePointLength, py.length);
    ranges.forEach(([s, e], i) => {
      assert.equal(index.slice(s, e), py.slices[i], `slice ${String(s)}:${String(e)}`);
    });
  });

  it("maps UTF-16 offsets back to code points (round trip, property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const index = new OffsetIndex(text);
        const codePoints = [...text];
        assert.equal(index.codePointLength, codePoints.length);
        assert.equal(codePointLength(text), codePoints.length);
        for (let cp = 0; cp <= codePoints.length; cp++) {
          const u16 = index.toUtf16(cp);
          assert.equal(u16, codePoints.slice(0, cp).join("").length);
          assert.equal(index.toCodePoint(u16), cp);
        }
      }),
    );
  });

  it("moves an offset inside a surrogate pair back to the character's start", () => {
    const index = new OffsetIndex("a😀b");
    assert.equal(index.toCodePoint(2), 1);
    assert.equal(index.toCodePoint(3), 2);
  });

  it("refuses offsets outside the text", () => {
    const index = new OffsetIndex("سلام");
    assert.throws(() => index.toUtf16(5), RangeError);
    assert.throws(() => index.toUtf16(-1), RangeError);
    assert.throws(() => index.toCodePoint(9), RangeError);
  });
});
