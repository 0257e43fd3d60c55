/** Curation groups on spans whose overlaps and differences are worked out by hand. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SpanView } from "../contract.ts";
import { curationItems } from "./disagreements.ts";

let next = 1;
function span(annotator: string, label: string, start: number, end: number, extra: Partial<SpanView> = {}): SpanView {
  return {
    id: next++,
    documentId: 1,
    label,
    start,
    end,
    fragments: null,
    text: "x".repeat(end - start),
    attributes: {},
    entityId: null,
    note: null,
    annotator,
    suggested: null,
    createdAt: "",
    updatedAt: "",
    ...extra,
  };
}
const kinds: Record<string, string> = { QUOTE: "quote", SPEAKER: "speaker", PER: "entity", LOC: "entity" };

test("groups overlapping spans of one kind and names what the two layers differ in", () => {
  const aQuote = span("amal", "QUOTE", 10, 40, { attributes: { type: "direct" } });
  const bQuote = span("badr", "QUOTE", 12, 40, { attributes: { type: "direct" } });
  const same1 = span("amal", "PER", 50, 55, { entityId: 7 });
  const same2 = span("badr", "PER", 50, 55, { entityId: 7 });
  const label1 = span("amal", "PER", 60, 66);
  const label2 = span("badr", "LOC", 60, 66);
  const alone = span("badr", "QUOTE", 80, 90, { attributes: { type: "indirect" } });
  const goldQuote = span("gold", "QUOTE", 12, 40);
  const suggestion = span("rules", "QUOTE", 95, 99, { suggested: "rules" });
  const items = curationItems(
    {
      spans: [aQuote, bQuote, same1, same2, label1, label2, alone, goldQuote, suggestion],
      relations: [],
    },
    "amal",
    "badr",
    (s) => kinds[s.label],
    "gold",
  );
  assert.deepEqual(
    items.map((i) => [i.key, i.a.map((s) => s.id), i.b.map((s) => s.id), i.differences, i.adjudicated]),
    [
      ["quote:10-40", [aQuote.id], [bQuote.id], ["extent"], true],
      ["entity:50-55", [same1.id], [same2.id], [], false],
      ["entity:60-66", [label1.id], [label2.id], ["label"], false],
      ["quote:80-90", [], [alone.id], ["missing"], false],
    ],
  );
});
