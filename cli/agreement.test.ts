/** `qawl agreement`: the report of two layers merged from files, as text, JSON and CSV. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { annotatedSample } from "../test-support/annotated-sample.ts";
import { qawl } from "../test-support/cli-run.ts";
import { runPython } from "../test-support/python.ts";
import { exportJsonl, tempDir } from "../test-support/temp.ts";

describe("qawl agreement", () => {
  it("scores a layer merged from a second file: JSON numbers, a table, a CSV", async (t) => {
    const dir = tempDir(t);
    const tester = await exportJsonl(annotatedSample(t).table);
    // Badr: the same annotation without the Misc name, under Badr's name (edited by Python).
    const badr = runPython<string>(
      `import json, sys
lines = [json.loads(l) for l in json.load(sys.stdin).splitlines() if l.strip()]
head, docs = lines[0], lines[1:]
head["annotators"] = [{"id": 1, "name": "badr"}]
for d in docs:
    d["spans"] = [dict(s, annotator="badr") for s in d["spans"] if s["label"] != "MISC"]
    d["relations"] = [dict(r, annotator="badr") for r in d["relations"]]
print(json.dumps("\\n".join(json.dumps(x, ensure_ascii=False) for x in [head] + docs) + "\\n"))`,
      tester,
    );
    writeFileSync(join(dir, "tester.jsonl"), tester);
    writeFileSync(join(dir, "badr.jsonl"), badr);
    const project = join(dir, "team.qawl");
    assert.equal((await qawl(["import", "--project", project, join(dir, "tester.jsonl")])).code, 0);
    const merged = await qawl(["import", "--project", project, join(dir, "badr.jsonl")]);
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(merged.stdout, /^merged lavrov\.txt into document 1 ".+": layers badr \(\d+ spans\)$/mu);

    const json = await qawl(["agreement", "--project", project, "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as {
      layers: string[];
      labels: { label: string; pairs: { exact: { f1: number | null } }[]; alphaCodePoints: number | null }[];
    };
    assert.deepEqual(report.layers, ["badr", "tester"]);
    const f1 = (label: string) => report.labels.find((l) => l.label === label)?.pairs[0]?.exact.f1;
    assert.equal(f1("QUOTE"), 1);
    assert.equal(f1("MISC"), 0); // one span against none
    const alpha = report.labels.find((l) => l.label === "MISC")?.alphaCodePoints;
    assert.ok(typeof alpha === "number" && alpha < 1);

    const csvPath = join(dir, "agreement.csv");
    const text = await qawl(["agreement", "--project", project, "--csv", csvPath]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^MISC\s+badr–tester\s+0\.000/mu);
    assert.match(readFileSync(csvPath, "utf8"), /\r\nf1_exact,MISC,badr,tester,0,1\r\n/u);

    const wrong = await qawl(["agreement", "--project", project, "--layers", "badr,nobody"]);
    assert.equal(wrong.code, 1);
    assert.equal(wrong.stderr.trim().split("\n").length, 1);
    assert.match(wrong.stderr, /no layer called "nobody" \(layers: badr, tester\)/u);
  });
});
