import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { runPython } from "../../test-support/python.ts";

/** Start offsets (code points) of every whole-word occurrence of `name`, a proclitic و allowed, by Python's `re`. */
function mentions(text: string, name: string): number[] {
  return runPython<number[]>(
    `import json, re, sys
job = json.load(sys.stdin)
print(json.dumps([m.start(1) for m in re.finditer(r"(?<!\\w)و?(" + re.escape(job["name"]) + r")(?!\\w)", job["text"])]))`,
    { text, name },
  );
}

describe("propagation in the undo history", () => {
  it("names the step after the name and how many other mentions it suggested, in English and as data", (t) => {
    const { table } = emptyProject(t);
    const text = "قال أحمد إن أحمد وصل، وأحمد غادر.\n";
    const documentId =
      table.importDocuments({ files: [{ name: "a.txt", contentBase64: Buffer.from(text).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const starts = mentions(text, "أحمد");
    assert.equal(starts.length, 3);
    const [first = 0] = starts;
    const span = table.createSpan({ documentId, label: "PER", start: first, end: first + [..."أحمد"].length });
    const result = table.propagateNames({ spanId: span.id });
    assert.equal(result.suggested, starts.length - 1);
    assert.deepEqual(
      result.inDocument.map((s) => s.start),
      starts.slice(1),
    );
    const undo = table.getHistory({}).undo;
    assert.equal(undo?.description, "Suggest 2 other mentions of «أحمد»");
    assert.deepEqual(undo.message, { kind: "propagate.name", text: "أحمد", count: 2 });
    // Undone, the suggestions go and the tagged name stays (its own step, below).
    assert.equal(table.undo({}).undone?.description, "Suggest 2 other mentions of «أحمد»");
    assert.deepEqual(
      table.getDocument({ documentId }).spans.map((s) => s.id),
      [span.id],
    );
    assert.equal(table.getHistory({}).undo?.description, "Add Person «أحمد»");
  });
});
