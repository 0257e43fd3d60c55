import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NativeDocument, NativeSpan } from "../formats/native-jsonl.ts";
import { evaluate } from "./evaluate.ts";

const span = (id: number, label: string, start: number, end: number, extra: Partial<NativeSpan> = {}): NativeSpan => ({
  id,
  label,
  start,
  end,
  text: "",
  attributes: {},
  annotator: "a",
  created_at: "2026-11-29T00:00:00.000Z",
  updated_at: "2026-11-29T00:00:00.000Z",
  ...extra,
});

const doc = (spans: NativeSpan[], relations: NativeDocument["relations"] = []): NativeDocument => ({
  id: 1,
  title: "t",
  published: null,
  source: null,
  url: null,
  lang: "ar",
  text: "x".repeat(100),
  text_sha256: "same",
  had_bom: false,
  status: "done",
  created_at: "2026-11-29T00:00:00.000Z",
  updated_at: "2026-11-29T00:00:00.000Z",
  spans,
  relations,
});

const rel = (id: number, type: string, from: number, to: { to?: number; to_entity?: number }) => ({
  id,
  type,
  from,
  ...to,
  annotator: "a",
  created_at: "2026-11-29T00:00:00.000Z",
});

describe("evaluate", () => {
  it("scores exact and overlapping matches one to one (counted by hand)", () => {
    const direct = { attributes: { type: "direct" } };
    const gold = doc([
      span(1, "QUOTE", 0, 10, direct),
      span(2, "QUOTE", 20, 30, direct),
      span(3, "QUOTE", 40, 50, direct),
    ]);
    // One exact, one overlapping, one spurious; the third gold quote is missed.
    const predicted = doc([
      span(1, "QUOTE", 0, 10, direct),
      span(2, "QUOTE", 22, 35, direct),
      span(3, "QUOTE", 60, 70, direct),
    ]);
    const row = evaluate([gold], [predicted]).spans.find((s) => s.name === "QUOTE direct");
    assert.deepEqual(row?.exact, { gold: 3, predicted: 3, matched: 1, precision: 1 / 3, recall: 1 / 3, f1: 1 / 3 });
    assert.deepEqual(row.overlap, { gold: 3, predicted: 3, matched: 2, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });

  it("compares speakers by entity: any mention of the gold speaker's entity counts, a carried-over one too", () => {
    const gold = doc(
      [
        span(1, "SPEAKER", 0, 5, { entity: 7 }),
        span(2, "QUOTE", 10, 20),
        span(3, "QUOTE", 30, 40),
        span(4, "SPEAKER", 50, 55, { entity: 8 }),
        span(5, "QUOTE", 60, 70),
      ],
      [
        rel(1, "attributed_to", 2, { to: 1 }),
        rel(2, "attributed_to", 3, { to_entity: 7 }),
        rel(3, "attributed_to", 5, { to: 4 }),
      ],
    );
    const predicted = doc(
      [span(1, "SPEAKER", 0, 5), span(2, "QUOTE", 10, 20), span(3, "QUOTE", 30, 40), span(5, "QUOTE", 60, 70)],
      // Right, right (carried over to the same mention), wrong (entity 7's mention for entity 8's quote).
      [
        rel(1, "attributed_to", 2, { to: 1 }),
        rel(2, "attributed_to", 3, { to: 1 }),
        rel(3, "attributed_to", 5, { to: 1 }),
      ],
    );
    assert.deepEqual(evaluate([gold], [predicted]).attribution, { found: 3, correct: 2, accuracy: 2 / 3 });
  });
});
