import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OffsetIndex } from "../text/offsets.ts";
import { runPython } from "../../test-support/python.ts";
import { nearestOnLine } from "./nearest.ts";

// The trial's case: the quote's own speaker is further back on its line than the next
// paragraph's speaker is after it.
const TEXT =
  'قال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: "إن الرئيس مستعد للقاء في أي وقت".\n\nوأضاف بيسكوف أن الموعد لم يحدد بعد.';

const FIND = `
import json, sys
job = json.load(sys.stdin)
t = job["text"]
print(json.dumps([[t.find(n), t.find(n) + len(n)] for n in job["needles"]]))
`;

describe("nearestOnLine", () => {
  const [quote, own, next] = runPython<[number, number][]>(FIND, {
    text: TEXT,
    needles: ["إن الرئيس مستعد للقاء في أي وقت", "المتحدث باسم الكرملين دميتري بيسكوف", "بيسكوف أن"],
  }).map(([start, end]) => ({ start, end }));
  const offsets = new OffsetIndex(TEXT);

  it("takes the speaker on the quote's line over a closer one after a line break", () => {
    assert.ok(quote !== undefined && own !== undefined && next !== undefined);
    const nextSpeaker = { start: next.start, end: next.start + [..."بيسكوف"].length };
    // The one after the break is closer in code points: the rule, not the distance, decides.
    assert.ok(nextSpeaker.start - quote.end < quote.start - own.end);
    assert.deepEqual(nearestOnLine(offsets, quote, [own, nextSpeaker]), own);
  });

  it("takes the closest anywhere when the line has none", () => {
    assert.ok(quote !== undefined && next !== undefined);
    const nextSpeaker = { start: next.start, end: next.start + 6 };
    assert.deepEqual(nearestOnLine(offsets, quote, [nextSpeaker]), nextSpeaker);
    const none: { start: number; end: number }[] = [];
    assert.ok(nearestOnLine(offsets, quote, none) === undefined);
  });
});
