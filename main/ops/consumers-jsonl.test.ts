/**
 * The native JSONL and plain-text exports in a consumer's hands: Python's `jsonschema`
 * (Draft 2020-12) validates every line of the export against the repository's schema, and
 * Python slices every span, fragment and relation end from the document's own text. The
 * text export, written to disk, reads back in Python as the same characters and bytes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { hardCasesProject, HARD_TEXT } from "../../test-support/hard-cases.ts";
import { runPython } from "../../test-support/python.ts";

const SCHEMA = readFileSync(new URL("../../schema/qawl-jsonl-v1.schema.json", import.meta.url), "utf8");

/** jsonschema's errors per line, and every span checked in Python. */
const CHECK_JSONL = `
import json, sys
import jsonschema
job = json.load(sys.stdin)
schema = json.loads(job["schema"])
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
lines = job["content"].split("\\n")
assert lines[-1] == "", "the file ends with a newline"
errors, spans, wrong, dangling = [], 0, [], []
for n, line in enumerate(lines[:-1], start=1):
    value = json.loads(line)
    for e in validator.iter_errors(value):
        errors.append(f"line {n}: {e.json_path}: {e.message}")
    if n == 1:
        continue
    text = value["text"]
    ids = {s["id"] for s in value["spans"]}
    for s in value["spans"]:
        spans += 1
        pieces = s.get("fragments") or [{"start": s["start"], "end": s["end"]}]
        got = " ".join(text[p["start"]:p["end"]] for p in pieces)
        if got != s["text"] or pieces[0]["start"] != s["start"] or pieces[-1]["end"] != s["end"]:
            wrong.append([s["id"], s["text"], got])
    for r in value["relations"]:
        if r["from"] not in ids or ("to" in r and r["to"] not in ids):
            dangling.append(r["id"])
print(json.dumps({"errors": errors, "spans": spans, "wrong": wrong, "dangling": dangling, "documents": len(lines) - 2}))
`;

describe("native JSONL in Python's jsonschema", () => {
  it("every line fits the schema and every span is text[start:end]", async (t) => {
    const { table } = hardCasesProject(t);
    const result = await table.exportDocuments({ format: "jsonl" });
    const content = result.files[0]?.content ?? "";
    const checked = runPython<{
      errors: string[];
      spans: number;
      wrong: unknown[];
      dangling: number[];
      documents: number;
    }>(CHECK_JSONL, { schema: SCHEMA, content });
    assert.deepEqual(checked.errors, []);
    assert.deepEqual(checked.wrong, []);
    assert.deepEqual(checked.dangling, []);
    assert.equal(checked.documents, 2);
    const spanCount = [1, 2].reduce((n, id) => n + table.getDocument({ documentId: id }).spans.length, 0);
    assert.equal(checked.spans, spanCount);
  });

  it("a line Python would refuse is refused by the schema too (the check can fail)", async (t) => {
    const { table } = hardCasesProject(t);
    const content = (await table.exportDocuments({ format: "jsonl" })).files[0]?.content ?? "";
    const broken = content.replace('"offset_unit":"codepoint"', '"offset_unit":"utf16"');
    assert.notEqual(broken, content);
    const checked = runPython<{ errors: string[] }>(CHECK_JSONL, { schema: SCHEMA, content: broken });
    assert.ok(checked.errors.length > 0, "jsonschema finds the wrong offset unit");
  });
});

describe("plain text in Python", () => {
  it("the hard document's text export is its text, CRLF and emoji included", async (t) => {
    const { table, hardId } = hardCasesProject(t);
    const result = await table.exportDocuments({ format: "text", documentIds: [hardId] });
    const file = result.files[0];
    assert.ok(file !== undefined);
    const same = runPython<{ equal: boolean; crlf: number }>(
      `
import json, sys
job = json.load(sys.stdin)
data = job["content"].encode("utf-8")
print(json.dumps({"equal": data.decode("utf-8") == job["text"], "crlf": data.count(b"\\r\\n")}))
`,
      { content: file.content, text: HARD_TEXT },
    );
    assert.deepEqual(same, { equal: true, crlf: 4 });
  });
});
