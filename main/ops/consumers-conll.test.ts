/**
 * CoNLL / IOB2, refereed from outside: a plain IOB2 reader in Python (CoNLL-2003 layout: one
 * token a line, tag columns after the token, a blank line between sentences) decodes every
 * tag column's spans as token extents; each must be the token extent of a Qawl span (or a
 * fragment of one) of that label, and every Qawl span the file does not hold must be named
 * in the loss report. Never a truncated span.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExportResult, OperationTable } from "../../core/contract.ts";
import type { Loss } from "../../core/formats/loss.ts";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

/**
 * For each file: `text` (the document), `conll` (the file), `sep`, and Qawl's `spans`.
 * Prints, per file, the decoded entities no Qawl span has, and the Qawl spans the file lacks.
 */
const IOB2_REFEREE = `
import json, sys
job = json.load(sys.stdin)
out = []
for f in job:
    text, sep = f["text"], f["sep"]
    rows = []
    for line in f["conll"].lstrip("\\ufeff").replace("\\r\\n", "\\n").split("\\n"):
        if line.strip() == "" or line.startswith("-DOCSTART-"):
            rows.append(None)
            continue
        rows.append(line.split(sep))
    # Token extents in the text (code points), found in order.
    tokens, pos = [], 0
    for r in rows:
        if r is None:
            continue
        at = text.find(r[0], pos)
        assert at >= 0, r[0]
        tokens.append((at, at + len(r[0])))
        pos = at + len(r[0])
    ncols = max(len(r) for r in rows if r is not None)
    decoded = []
    for c in range(1, ncols):
        k, open_ = -1, None
        for r in rows + [None]:
            tag = "O" if r is None else r[c]
            if r is not None:
                k += 1
            if open_ is not None and not (tag.startswith("I-") and tag[2:] == open_[0]):
                decoded.append(open_)
                open_ = None
            if tag.startswith("B-") or (tag.startswith("I-") and open_ is None):
                open_ = [tag[2:], k, k]
            elif tag.startswith("I-"):
                open_[2] = k
    def token_extent(s, e):
        ks = [i for i, (a, b) in enumerate(tokens) if a < e and b > s]
        return [ks[0], ks[-1]] if ks and ks == list(range(ks[0], ks[-1] + 1)) else None
    pieces = []
    for sp in f["spans"]:
        frags = sp.get("fragments") or [{"start": sp["start"], "end": sp["end"]}]
        pieces.append([(sp["label"], token_extent(x["start"], x["end"])) for x in frags])
    have = {(d[0], d[1], d[2]) for d in decoded}
    qawl = {(lab, ext[0], ext[1]) for ps in pieces for lab, ext in ps if ext is not None}
    strangers = [[d[0], " ".join(text[tokens[i][0]:tokens[i][1]] for i in range(d[1], d[2] + 1))]
                 for d in decoded if (d[0], d[1], d[2]) not in qawl]
    missing = [[sp["label"], sp["text"]] for sp, ps in zip(f["spans"], pieces)
               if not all(ext is not None and (lab, ext[0], ext[1]) in have for lab, ext in ps)]
    out.append({"strangers": strangers, "missing": sorted(missing)})
print(json.dumps(out, ensure_ascii=False))
`;

interface NativeLine {
  id?: number;
  text?: string;
  spans?: { label: string; start: number; end: number; text: string; fragments?: unknown[] }[];
}

/** Qawl's documents from its native JSONL export, by id. */
async function nativeDocuments(table: OperationTable): Promise<Map<number, NativeLine>> {
  const jsonl = (await table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
  const docs = jsonl
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => JSON.parse(l) as NativeLine);
  return new Map(docs.map((d) => [d.id ?? 0, d]));
}

/** The spans the report says were left out, as `[label, text]`, sorted. */
function leftOutInReport(result: ExportResult, documentId: number): string[][] {
  const losses: Loss[] = result.report.documents.find((d) => d.documentId === documentId)?.losses ?? [];
  return losses
    .flatMap((l) => (l.kind === "spans_left_out" ? l.spans.map((s) => [s.label, s.text]) : []))
    .sort((a, b) => (a.join("\t") < b.join("\t") ? -1 : 1));
}

describe("CoNLL / IOB2, decoded by a Python IOB2 reader", () => {
  it("multi-layer export of the hard cases: crossing and nested names left out whole and named", async (t) => {
    const { table, hardId } = hardCasesProject(t);
    const native = await nativeDocuments(table);
    const result = await table.exportDocuments({ format: "conll" });
    const files = result.files.map((f) => {
      const id = Number(f.path.slice(0, 4));
      return { id, text: native.get(id)?.text ?? "", conll: f.content, sep: "\t", spans: native.get(id)?.spans ?? [] };
    });
    assert.equal(files.length, 2);
    const checked = runPython<{ strangers: string[][]; missing: string[][] }[]>(IOB2_REFEREE, files);
    checked.forEach((c, i) => {
      const id = files[i]?.id ?? 0;
      assert.deepEqual(c.strangers, [], `document ${String(id)}: decoded spans Qawl does not have`);
      assert.deepEqual(c.missing, leftOutInReport(result, id), `document ${String(id)}: missing spans not reported`);
    });
    const hard = checked[files.findIndex((f) => f.id === hardId)];
    // MISC over tokens 1–2 is kept, the ORG crossing it (2–3) left out whole.
    assert.ok(hard?.missing.some(([label, text]) => label === "ORG" && text === "الخارجية لافروف"));
  });

  it("a document from a CoNLL file, in its own dialect: crossing and nested names left out whole and named", async (t) => {
    const { table } = emptyProject(t, "conll-origin.qawl");
    const conll = [
      "قال\tO",
      "رئيس\tO",
      "بلدية\tB-ORG",
      "موسكو\tI-ORG",
      "إن\tO",
      "وزير\tO",
      "الخارجية\tO",
      "لافروف\tB-PER",
      "سيزور\tO",
      "",
      "في\tO",
      "مؤتمر\tB-MISC",
      "سوتشي\tB-LOC",
      "",
    ].join("\n");
    const report = table.importDocuments({
      files: [{ name: "names.conll", contentBase64: Buffer.from(conll).toString("base64") }],
      format: "conll",
    });
    const documentId = report.outcomes[0]?.documentId ?? 0;
    const docText = table.getDocument({ documentId }).text;
    const [loc, misc, org] = runPython<[number, number][]>(
      'import json, sys\nj = json.load(sys.stdin)\nprint(json.dumps([[j["t"].find(n), j["t"].find(n) + len(n)] for n in j["n"]]))',
      { t: docText, n: ["موسكو", "وزير الخارجية", "الخارجية لافروف"] },
    );
    for (const [label, at] of [
      ["LOC", loc],
      ["MISC", misc],
      ["ORG", org],
    ] as const) {
      table.createSpan({ documentId, label, start: at?.[0] ?? 0, end: at?.[1] ?? 0 });
    }
    const native = await nativeDocuments(table);
    const result = await table.exportDocuments({ format: "conll" });
    assert.deepEqual(
      result.files.map((f) => f.path),
      ["names.conll"],
    );
    const [checked] = runPython<{ strangers: string[][]; missing: string[][] }[]>(IOB2_REFEREE, [
      { text: docText, conll: result.files[0]?.content ?? "", sep: "\t", spans: native.get(documentId)?.spans ?? [] },
    ]);
    assert.deepEqual(checked?.strangers, []);
    assert.deepEqual(checked.missing, [
      ["LOC", "موسكو"],
      ["ORG", "الخارجية لافروف"],
    ]);
    assert.deepEqual(checked.missing, leftOutInReport(result, documentId));
  });
});
