import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeChange, excerptForHistory } from "./change-message.ts";

const quote = { name: "QUOTE", displayName: "Quote" };

describe("change messages", () => {
  it("word a change in English as the undo button always did", () => {
    assert.equal(describeChange({ kind: "span.add", label: quote, text: "نتفق" }), "Add Quote «نتفق»");
    assert.equal(
      describeChange({ kind: "span.relabel", label: quote, text: "نتفق", to: { name: "MISC", displayName: "Misc" } }),
      "Change Quote «نتفق» to Misc",
    );
    assert.equal(
      describeChange({
        kind: "relation.link",
        type: { name: "attributed_to", displayName: "Speaker" },
        target: "لافروف",
        targetLabel: { name: "SPEAKER", displayName: "Speaker" },
      }),
      "Link speaker Speaker «لافروف»",
    );
    assert.equal(
      describeChange({ kind: "relation.remove", type: { name: "attributed_to", displayName: "Speaker" } }),
      "Remove a attributed to link",
    );
    assert.equal(
      describeChange({ kind: "document.status", title: "t", status: "in_progress" }),
      "Mark “t” in progress",
    );
    assert.equal(describeChange({ kind: "suggestions.accept", count: 1 }), "Accept 1 suggestion");
    assert.equal(describeChange({ kind: "suggestions.reject", count: 3 }), "Reject 3 suggestions");
    assert.equal(describeChange({ kind: "entity.merge", names: ["a", "b"], into: "c" }), "Merge a, b into c");
  });

  it("cut an excerpt at 30 graphemes, never inside one, and make whitespace one space", () => {
    assert.equal(excerptForHistory("قال\n\tالوزير"), "قال الوزير");
    const exact = "ب".repeat(30);
    assert.equal(excerptForHistory(exact), exact);
    // 31 letters each with a shadda and a fatha: 29 whole graphemes (three code points each) and an ellipsis.
    const marked = "بَّ".repeat(31);
    assert.equal(excerptForHistory(marked), `${"بَّ".repeat(29)}…`);
    // A flag is two code points, one grapheme: kept whole.
    assert.equal(excerptForHistory(`${"a".repeat(28)}🇵🇸🇵🇸🇵🇸`), `${"a".repeat(28)}🇵🇸…`);
  });
});
