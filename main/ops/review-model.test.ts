import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { emptyProject } from "../../test-support/annotated-sample.ts";

/** Import one text document; its id. */
function importText(table: OperationTable, name: string, text: string): number {
  const outcome = table.importDocuments({ files: [{ name, contentBase64: Buffer.from(text).toString("base64") }] })
    .outcomes[0];
  assert.ok(outcome?.documentId !== undefined, `${name} imported`);
  return outcome.documentId;
}

// Each reviewed article: a mayor's own words after a colon (a quote), and a project's name in
// quotation marks right after the cue, which the rules take for direct speech.
const places = ["طريق الحرير", "جسر النور", "حديقة الأمل", "سوق الخضار"];
const article = (i: number) =>
  `وقال رئيس البلدية: "نحن مستعدون للعمل في الحي رقم ${String(i)}".\n\n` +
  `وقال رئيس البلدية "${places[i] ?? ""}" مشروع كبير للمدينة.\n`;

/** The quote suggestions of a document, by their text. */
function suggestedQuotes(table: OperationTable, documentId: number): string[] {
  return table
    .getDocument({ documentId })
    .spans.filter((s) => s.label === "QUOTE" && s.suggested === "rules")
    .map((s) => s.text);
}

describe("learning from review", () => {
  it("holds back, in the next documents, the kind of suggestion reviewers rejected", (t) => {
    const { table } = emptyProject(t);
    const reviewed = places.map((_, i) => importText(table, `a${String(i)}.txt`, article(i)));
    const first = table.preannotate({});
    assert.equal(first.heldBack, 0);
    assert.equal(first.learnedFrom, 0, "nothing reviewed yet: the rules alone");
    for (const [i, id] of reviewed.entries()) {
      const quotes = table.getDocument({ documentId: id }).spans.filter((s) => s.label === "QUOTE");
      assert.deepEqual(
        quotes.map((q) => q.text),
        [`نحن مستعدون للعمل في الحي رقم ${String(i)}`, places[i]],
      );
      table.reviewSuggestions({ decision: "accept", spanIds: [quotes[0]?.id ?? 0] });
      table.reviewSuggestions({ decision: "reject", spanIds: [quotes[1]?.id ?? 0] });
    }
    const next = importText(
      table,
      "next.txt",
      'وقال المحافظ: "سنعمل معا من أجل المدينة".\n\nوقال المحافظ "سوق الذهب" مكان جميل للزوار.\n',
    );
    const second = table.preannotate({ documentIds: [next] });
    assert.equal(second.learnedFrom, 4);
    assert.equal(second.heldBack, 1);
    assert.deepEqual(suggestedQuotes(table, next), ["سنعمل معا من أجل المدينة"]);
  });

  it("learns nothing from suggestions nobody has reviewed", (t) => {
    const { table } = emptyProject(t);
    places.forEach((_, i) => importText(table, `a${String(i)}.txt`, article(i)));
    table.preannotate({});
    const again = table.preannotate({});
    assert.equal(again.learnedFrom, 0);
    assert.equal(again.heldBack, 0);
  });
});
