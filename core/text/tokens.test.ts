import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { python } from "../../test-support/python.ts";
import { tokenize } from "./tokens.ts";

describe("tokenize", () => {
  it("splits lines into sentences and words, punctuation apart, and cuts tokens at span boundaries", () => {
    const text = 'وقال بومبيو: "نعم". ووصل 🇺🇸 إلى سوتشي.\nسطر ثان';
    // A span over وصل inside ووصل: code points 21–24 (Python: text.index("ووصل") + 1).
    const sentences = tokenize(text, [21, 24]);
    const all = sentences.flat();
    const py = python(
      text,
      all.map((t) => [t.start, t.end] as const),
    );
    assert.deepEqual(py.slices, [
      "وقال",
      "بومبيو",
      ":",
      '"',
      "نعم",
      '"',
      ".",
      "و",
      "وصل",
      "🇺🇸",
      "إلى",
      "سوتشي",
      ".",
      "سطر",
      "ثان",
    ]);
    // Two sentences on the first line (each ends at its full stop) and one on the second.
    assert.deepEqual(
      sentences.map((sentence) => sentence.map((t) => py.slices[all.indexOf(t)]).join(" ")),
      ['وقال بومبيو : " نعم " .', "و وصل 🇺🇸 إلى سوتشي .", "سطر ثان"],
    );
    assert.equal(sentences[sentences.length - 1]?.map((t) => py.slices[all.indexOf(t)]).join(" "), "سطر ثان");
  });
});
