import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { python } from "../../../test-support/python.ts";
import { readConll, tagsFor, writeConll, ConllError } from "./conll.ts";

const DATA = new URL("../../../fixtures/arabic-ner/", import.meta.url);
const anercorp = readFileSync(new URL("anercorp_head40k.txt", DATA), "utf8");
const newsfane = readFileSync(new URL("newsfane_gold_head40k.tsv", DATA), "utf8");

/** Write a file back from its own tags (stray I- repaired to B- by the IOB2 rule). */
function roundTrip(content: string): string {
  const file = readConll(content);
  return writeConll(
    file.dialect,
    file.documents.map((d) => ({
      sentences: d.sentences,
      extraLines: d.extraLines,
      tags: tagsFor(d.sentences.flat(), d.spans, file.dialect.tagScheme),
    })),
  );
}

describe("CoNLL: ANERcorp (space-separated, LF, no sentence separators)", () => {
  const file = readConll(anercorp);

  it("records the dialect", () => {
    assert.deepEqual(file.dialect, {
      separator: " ",
      bom: false,
      lineEnd: "\n",
      sentenceSeparator: null,
      trailingNewline: true,
      tagScheme: "IOB2",
    });
  });

  it("keeps the gold entities: 3,163 B- plus the 11 stray I- read as starts (data README)", () => {
    const spans = file.documents.flatMap((d) => d.spans);
    assert.equal(file.documents.length, 1);
    assert.equal(file.strayInside.length, 11);
    assert.equal(spans.length, 3163 + 11);
    assert.equal(file.documents[0]?.sentences.flat().length, 40026);
  });

  it("every span's text is its tokens joined by spaces, sliced right by Python", () => {
    const doc = file.documents[0];
    assert.ok(doc !== undefined);
    const sample = doc.spans.filter((_, i) => i % 50 === 0);
    const py = python(
      doc.text,
      sample.map((s) => [s.start, s.end] as const),
    );
    const tokens = doc.sentences.flat();
    sample.forEach((s, i) => {
      const inside = tokens.filter((t) => t.start >= s.start && t.end <= s.end).map((t) => t.text);
      assert.equal(py.slices[i], inside.join(" "));
    });
  });

  it("writes back byte for byte, apart from the reported stray I- lines now B-", () => {
    const written = roundTrip(anercorp);
    const a = anercorp.split("\n");
    const b = written.split("\n");
    assert.equal(b.length, a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
    assert.deepEqual(
      changed,
      file.strayInside.map((s) => s.line),
    );
    for (const line of changed) assert.equal(b[line - 1], a[line - 1]?.replace(/ I-(\S+)$/u, " B-$1"));
  });

  it("keeps a token that holds a space whole (last-space split)", () => {
    const content = "الصالحية ونايفة O\nقال O\n";
    const read = readConll(content);
    assert.deepEqual(
      read.documents[0]?.sentences[0]?.map((t) => t.text),
      ["الصالحية ونايفة", "قال"],
    );
    assert.equal(roundTrip(content), content);
  });
});

describe("CoNLL: NewsFANE Gold (tab, BOM, CRLF, a TAB line between sentences, LRM before tokens)", () => {
  const file = readConll(newsfane);

  it("records the dialect", () => {
    assert.deepEqual(file.dialect, {
      separator: "\t",
      bom: true,
      lineEnd: "\r\n",
      sentenceSeparator: "\t",
      trailingNewline: true,
      tagScheme: "IOB2",
    });
  });

  it("keeps the 2,700 gold entities and 40,059 tokens (data README), the LRMs inside the tokens", () => {
    assert.equal(file.documents.flatMap((d) => d.spans).length, 2700);
    assert.equal(file.documents[0]?.sentences.flat().length, 40059);
    assert.equal(file.strayInside.length, 0);
    const first = file.documents.flatMap((d) => d.sentences.flat())[0];
    assert.equal(first?.text.startsWith("\u200E"), true);
  });

  it("writes back byte for byte", () => {
    assert.ok(roundTrip(newsfane) === newsfane, "NewsFANE written back differs");
  });
});

describe("CoNLL: tag schemes and bad input", () => {
  it("reads IOB1 and writes it back as IOB1", () => {
    const content = "Wolff I-PER\n, O\ncurrently O\nin O\nEuropean I-ORG\nUnion I-ORG\nB B-ORG\n\n";
    const file = readConll(content);
    assert.equal(file.dialect.tagScheme, "IOB1");
    assert.deepEqual(
      file.documents[0]?.spans.map((s) => s.label),
      ["PER", "ORG", "ORG"],
    );
    assert.ok(roundTrip(content) === content);
  });

  it("splits documents at -DOCSTART- and keeps the line", () => {
    const content = "-DOCSTART- -X- -X- O\n\nقال O\n\n-DOCSTART- -X- -X- O\n\nبوتين B-PER\n\n";
    const file = readConll(content);
    assert.equal(file.documents.length, 2);
    assert.equal(file.documents[1]?.text, "بوتين");
    assert.ok(roundTrip(content) === content);
  });

  it("refuses a bad tag, a line without a tag, and mixed line ends, naming the line", () => {
    assert.throws(
      () => readConll("قال O\nبوتين PER\n"),
      (e: unknown) => e instanceof ConllError && e.message === 'line 2: "PER" is not an IOB tag (O, B-TYPE or I-TYPE)',
    );
    assert.throws(() => readConll("قال\tO\nبوتين\n"), /line 2: expected a token and a tag separated by a tab/u);
    assert.throws(() => readConll("a O\r\nb O\nc O\r\n"), /line 2: line ends with LF where the file uses CRLF/u);
    assert.throws(() => readConll("\n\n"), /the file holds no tokens/u);
  });
});
