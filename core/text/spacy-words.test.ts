import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runPython } from "../../test-support/python.ts";
import { spacyWords } from "./spacy-words.ts";

/** spaCy builds the Doc and slices each span with strict char_span; Python slices the text. */
const REFEREE = `
import json, sys, spacy
from spacy.tokens import Doc
nlp = spacy.blank("ar")
out = []
for case in json.load(sys.stdin):
    text = case["text"]
    doc = Doc(nlp.vocab, words=case["words"], spaces=case["spaces"])
    spans = []
    for s, e in case["spans"]:
        span = doc.char_span(s, e)
        spans.append(None if span is None else [span.text == text[s:e], span.text])
    out.append({"same_text": doc.text == text, "idx": [t.idx for t in doc], "spans": spans,
                "whitespace_words": [t.text for t in doc if t.text.isspace()]})
print(json.dumps(out, ensure_ascii=False))
`;

const CASES: { text: string; spans: [number, number][] }[] = [
  {
    text: 'وقال "روسيا  مهتمة\r\nبتطبيع الحوار". نعم',
    spans: [
      [1, 4],
      [6, 34],
      [0, 1],
    ],
  },
  { text: "  يبدأ بمسافتين\tوينتهي بسطر\n", spans: [[2, 6]] },
  {
    text: "كلمة واحدة ",
    spans: [
      [0, 5],
      [5, 11],
    ],
  }, // a span that starts at a space
  { text: "أ ب ج", spans: [[0, 2]] }, // a span that ends after a space
  {
    text: "a\r\nb",
    spans: [
      [0, 2],
      [2, 4],
    ],
  }, // a boundary inside a CRLF
  {
    text: "🇷🇺 👨‍👩‍👧 مهتمة",
    spans: [
      [0, 2],
      [3, 8],
    ],
  },
  { text: "", spans: [] },
];

describe("spacyWords", () => {
  it("Doc(words, spaces) has the text exactly and strict char_span finds every span", () => {
    const jobs = CASES.map((c) => {
      const w = spacyWords(
        c.text,
        c.spans.map(([s]) => s),
        c.spans.map(([, e]) => e),
      );
      return { ...c, ...w };
    });
    const verdict = runPython<
      { same_text: boolean; idx: number[]; spans: ([boolean, string] | null)[]; whitespace_words: string[] }[]
    >(REFEREE, jobs);
    verdict.forEach((v, i) => {
      const job = jobs[i];
      assert.ok(job !== undefined);
      assert.equal(v.same_text, true, JSON.stringify(job.text));
      assert.deepEqual(v.idx, job.starts);
      v.spans.forEach((s, j) => {
        assert.ok(s?.[0] === true, `${JSON.stringify(job.text)} span ${String(j)}: ${JSON.stringify(s)}`);
      });
    });
    // spaCy's own convention: one space after a word is its trailing space, other whitespace a word.
    assert.deepEqual(verdict[0]?.whitespace_words, [" ", "\r\n"]);
    assert.deepEqual(verdict[1]?.whitespace_words, ["  ", "\t", "\n"]);
  });
});
