/**
 * brat standoff, refereed from outside. brat's standoff parser is not on pip, so the referee
 * is Python following brat's documented rule (https://brat.nlplab.org/standoff.html): a
 * `T` line's fragments `start end;start end` slice the `.txt` (`txt[start:end]`, code
 * points), the slices joined with one space are the third column, and no fragment holds a
 * line break (brat's server refuses such an annotation: "text-bound annotation text …
 * shorter than marked span").
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

/** Every T line of every `.ann` checked against its `.txt`: the problems found, and the fragments read. */
const BRAT_RULE = `
import json, re, sys
job = json.load(sys.stdin)
problems = []
read = {}
for name, pair in job.items():
    txt, ann = pair["txt"], pair["ann"]
    read[name] = []
    for n, line in enumerate(ann.split("\\n"), 1):
        if not line.startswith("T"):
            continue
        fields = line.split("\\t")
        if len(fields) != 3:
            problems.append(f"{name}:{n}: not three tab-separated fields")
            continue
        head = fields[1].split(" ", 1)
        if len(head) != 2 or not re.fullmatch(r"\\d+ \\d+(;\\d+ \\d+)*", head[1]):
            problems.append(f"{name}:{n}: bad offsets {fields[1]!r}")
            continue
        frags = [tuple(map(int, p.split(" "))) for p in head[1].split(";")]
        pieces = []
        for s, e in frags:
            if not 0 <= s < e <= len(txt):
                problems.append(f"{name}:{n}: [{s}, {e}) outside the text")
            piece = txt[s:e]
            if "\\n" in piece or "\\r" in piece:
                problems.append(f"{name}:{n}: fragment [{s}, {e}) holds a line break")
            pieces.append(piece)
        if " ".join(pieces) != fields[2]:
            problems.append(f"{name}:{n}: text {fields[2]!r} is not {' '.join(pieces)!r}")
        read[name].append({"label": head[0], "fragments": frags})
print(json.dumps({"problems": problems, "read": read}, ensure_ascii=False))
`;

describe("brat standoff, checked by brat's rule in Python", () => {
  it("every T line of the hard cases slices its .txt, no fragment holds a line break; round trip whole", async (t) => {
    const { table, extents } = hardCasesProject(t);
    const result = await table.exportDocuments({ format: "brat" });
    const pairs: Record<string, { txt: string; ann: string }> = {};
    for (const f of result.files) {
      const m = /^(.*)\.(txt|ann)$/u.exec(f.path);
      if (m === null) continue;
      const entry = (pairs[m[1] ?? ""] ??= { txt: "", ann: "" });
      entry[m[2] === "txt" ? "txt" : "ann"] = f.content;
    }
    assert.equal(Object.keys(pairs).length, 2);
    const checked = runPython<{
      problems: string[];
      read: Record<string, { label: string; fragments: [number, number][] }[]>;
    }>(BRAT_RULE, pairs);
    assert.deepEqual(checked.problems, []);
    // The quote across the CRLF: two fragments, the CR LF in neither.
    const hardName = Object.keys(pairs).find((n) => pairs[n]?.txt.includes("حالات صعبة")) ?? "";
    const quote1 = checked.read[hardName]?.find(
      (s) => s.label === "QUOTE" && s.fragments[0]?.[0] === extents.quote1.start,
    );
    assert.equal(quote1?.fragments.length, 2);
    assert.equal(quote1.fragments.at(-1)?.[1], extents.quote1.end);
    // The report names the split, and no longer claims a one-line text with exact offsets.
    const hardLoss = result.report.documents.find((d) => d.losses.some((l) => l.kind === "split_at_line_ends"));
    assert.deepEqual(
      hardLoss?.losses.filter((l) => l.kind === "split_at_line_ends" || l.kind === "line_ends"),
      [{ kind: "split_at_line_ends", count: 1, changed: 0 }],
    );

    // Read back by Qawl: the split quote is one contiguous span again, the discontinuous one stays so.
    const other = emptyProject(t, "brat-back.qawl");
    const report = other.table.importDocuments({
      files: result.files
        .filter((f) => f.path !== "annotation.conf")
        .map((f) => ({ name: f.path, contentBase64: Buffer.from(f.content, "utf8").toString("base64") })),
      format: "brat",
    });
    const backId = report.outcomes.find((o) => o.file.includes("hard"))?.documentId;
    const back = other.table.getDocument({ documentId: backId ?? 0 });
    const quotes = back.spans
      .filter((s) => s.label === "QUOTE")
      .map((s) => ({ start: s.start, end: s.end, fragments: s.fragments ?? null }))
      .sort((a, b) => a.start - b.start);
    assert.deepEqual(quotes, [
      { ...extents.quote1, fragments: null },
      { start: extents.quote2a.start, end: extents.quote2b.end, fragments: [extents.quote2a, extents.quote2b] },
      { ...extents.quote3, fragments: null },
    ]);
  });
});
