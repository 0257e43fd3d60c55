/**
 * doccano JSONL, refereed by doccano's documented import rules checked in Python (doccano is
 * not on pip): in the file for a project with doccano's defaults no two entities of a line
 * overlap; in every file each relation's `from_id` and `to_id` is an entity of its line; each
 * entity's `text[start_offset:end_offset]` is the Qawl span's text from the native JSONL (a
 * discontinuous span's fragments, joined with one space); and every span and relation the
 * default file leaves out is named in the loss report.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExportResult } from "../../core/contract.ts";
import { HARD_TEXT, hardCasesProject } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

const DOCCANO_RULES = `
import json, sys
job = json.load(sys.stdin)
native = {d["id"]: d for d in map(json.loads, job["jsonl"].strip().split("\\n")[1:])}
out = {}
for name, content in job["files"].items():
    problems, missing, relations_missing = [], {}, {}
    for n, line in enumerate(content.strip().split("\\n"), 1):
        d = json.loads(line)
        q = native[d["id"]]
        text = d["text"]
        if text != q["text"]:
            problems.append(f"{name}:{n}: the text is not Qawl's")
        if "entities" in d:
            ents = [(e["id"], e["start_offset"], e["end_offset"], e["label"]) for e in d["entities"]]
        else:
            ents = [(None, s, e, lab) for s, e, lab in d["label"]]
        if job["default"][name]:
            for i, a in enumerate(ents):
                for b in ents[i + 1:]:
                    if a[1] < b[2] and b[1] < a[2]:
                        problems.append(f"{name}:{n}: {a} overlaps {b}")
        ids = {e[0] for e in ents}
        for r in d.get("relations", []):
            if r["from_id"] not in ids or r["to_id"] not in ids:
                problems.append(f"{name}:{n}: relation {r['id']} points at nothing")
        # Each Qawl span: its pieces in the file, by label and extent.
        have = {(lab, s, e) for _, s, e, lab in ents}
        lost = []
        for sp in q["spans"]:
            frags = sp.get("fragments") or [{"start": sp["start"], "end": sp["end"]}]
            found = [(sp["label"], f["start"], f["end"]) in have for f in frags]
            if all(found):
                joined = " ".join(text[f["start"]:f["end"]] for f in frags)
                if joined != sp["text"]:
                    problems.append(f"{name}:{n}: {joined!r} is not Qawl's {sp['text']!r}")
            elif any(found):
                problems.append(f"{name}:{n}: part of {sp['label']} {sp['text']!r}")
            else:
                lost.append([sp["label"], sp["text"]])
        missing[d["id"]] = sorted(lost)
        if "relations" in d:
            span_rels = [r for r in q["relations"] if r.get("to") is not None]
            relations_missing[d["id"]] = len(span_rels) - len(d["relations"])
    out[name] = {"problems": problems, "missing": missing, "relations_missing": relations_missing}
print(json.dumps(out, ensure_ascii=False))
`;

interface Checked {
  problems: string[];
  missing: Record<string, string[][]>;
  relations_missing: Record<string, number>;
}

/** What the report says the default file left out, per document id. */
function reported(result: ExportResult): { spans: Record<string, string[][]>; relations: Record<string, number> } {
  const spans: Record<string, string[][]> = {};
  const relations: Record<string, number> = {};
  for (const d of result.report.documents) {
    const id = String(d.documentId);
    spans[id] = d.losses
      .flatMap((l) => (l.kind === "spans_left_out" ? l.spans.map((s) => [s.label, s.text]) : []))
      .sort((a, b) => (a.join("\t") < b.join("\t") ? -1 : 1));
    relations[id] = d.losses.reduce((n, l) => n + (l.kind === "relations_left_out" ? l.count : 0), 0);
  }
  return { spans, relations };
}

describe("doccano JSONL, checked by doccano's import rules in Python", () => {
  for (const variant of ["relations", "spans"] as const) {
    it(`${variant} layout: a file for default projects without overlaps or dangling relations, each drop reported`, async (t) => {
      const { table, hardId } = hardCasesProject(t);
      // A name that starts before the first speaker and overlaps it: the speaker is left out
      // of the default file, and with it its attributed_to relation.
      const [at] = runPython<[number, number][]>(
        'import json, sys\nj = json.load(sys.stdin)\nprint(json.dumps([[j["t"].find(j["n"]), j["t"].find(j["n"]) + len(j["n"])]]))',
        { t: HARD_TEXT, n: "وقال الوزيرُ" },
      );
      table.createSpan({ documentId: hardId, label: "MISC", start: at?.[0] ?? 0, end: at?.[1] ?? 0 });
      const jsonl = (await table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
      const result = await table.exportDocuments({ format: "doccano", variant });
      assert.deepEqual(
        result.files.map((f) => f.path),
        ["doccano.jsonl", "doccano-no-overlap.jsonl"],
      );
      const files = Object.fromEntries(result.files.map((f) => [f.path, f.content]));
      const checked = runPython<Record<string, Checked>>(DOCCANO_RULES, {
        jsonl,
        files,
        default: { "doccano.jsonl": false, "doccano-no-overlap.jsonl": true },
      });
      const all = checked["doccano.jsonl"];
      const defaults = checked["doccano-no-overlap.jsonl"];
      assert.deepEqual(all?.problems, []);
      assert.deepEqual(defaults?.problems, []);
      // The full file holds every span (and, in the relation layout, every span-to-span relation).
      assert.ok(Object.values(all.missing).every((m) => m.length === 0));
      assert.ok(Object.values(all.relations_missing).every((n) => n === 0));
      // What the default file lacks is exactly what the report names.
      const said = reported(result);
      for (const [id, missing] of Object.entries(defaults.missing)) {
        assert.deepEqual(missing, said.spans[id] ?? [], `document ${id}: spans`);
        if (variant === "relations")
          assert.equal(defaults.relations_missing[id], said.relations[id] ?? 0, `document ${id}: relations`);
      }
      assert.ok((defaults.missing[String(hardId)] ?? []).length > 0, "the hard cases overlap");
      if (variant === "relations") assert.ok((defaults.relations_missing[String(hardId)] ?? 0) > 0);
      const notes = result.report.notes.join("\n");
      assert.match(notes, /"Allow overlapping entity"/u);
      if (variant === "relations") assert.match(notes, /"Use relation labeling"/u);
      else assert.doesNotMatch(notes, /"Use relation labeling"/u);
    });
  }
});
