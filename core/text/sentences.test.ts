import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runPython } from "../../test-support/python.ts";
import { sentenceAround, sentenceExtents } from "./sentences.ts";

const TEXT = [
  "عنوان الخبر",
  'وقال الوزير 🇷🇺: "روسيا مهتمة',
  'بتطبيع الحوار". وأضاف: "نتفق على أهمية الحوار". وتابع أن التعاون ممكن.',
].join("\r\n");

/** Python's `text.find(needle)` and `text[start:end]`: the referee of every offset below. */
const FIND = `
import json, sys
job = json.load(sys.stdin)
t = job["text"]
print(json.dumps({"at": [[t.find(n), t.find(n) + len(n)] for n in job["needles"]],
                  "slices": [t[s:e] for s, e in job["ranges"]]}, ensure_ascii=False))
`;

function python(needles: string[], ranges: { start: number; end: number }[] = []) {
  return runPython<{ at: [number, number][]; slices: string[] }>(FIND, {
    text: TEXT,
    needles,
    ranges: ranges.map((r) => [r.start, r.end]),
  });
}

describe("sentenceAround", () => {
  const sentences = sentenceExtents(TEXT);

  it("gives the sentence of a quote inside one sentence, in code points", () => {
    const [[start, end] = [0, 0]] = python(["نتفق على أهمية الحوار"]).at;
    const around = sentenceAround(sentences, start, end);
    assert.deepEqual(python([], [around]).slices, ['وأضاف: "نتفق على أهمية الحوار".']);
  });

  it("gives every sentence of a quote across a line break, emoji flag before it", () => {
    const [[start, end] = [0, 0]] = python(["روسيا مهتمة\r\nبتطبيع الحوار"]).at;
    const around = sentenceAround(sentences, start, end);
    assert.deepEqual(python([], [around]).slices, ['وقال الوزير 🇷🇺: "روسيا مهتمة\r\nبتطبيع الحوار".']);
  });

  it("covers the span even when it starts in the space between sentences", () => {
    const [[start, end] = [0, 0]] = python([" وتابع أن التعاون"]).at;
    const around = sentenceAround(sentences, start, end);
    assert.equal(around.start, start);
    assert.deepEqual(python([], [around]).slices, [" وتابع أن التعاون ممكن."]);
  });

  it("never runs a sentence over a line end, and leaves out the spaces after it", () => {
    for (const s of python([], sentences).slices) {
      assert.ok(!/[\r\n]/u.test(s), s);
      assert.equal(s, s.trim());
    }
  });
});
