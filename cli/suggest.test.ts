import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DEFAULT_CUES } from "../core/preannotate/cues.ts";
import { python } from "../test-support/python.ts";
import { FIXTURES, SAMPLE, tempDir } from "../test-support/temp.ts";
import { run } from "./main.ts";

async function qawl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const samplePath = fileURLToPath(SAMPLE);

describe("qawl preannotate, search, cues, quality", () => {
  it("pre-annotates and accepts for batch use; the quotes then export", async (t) => {
    const p = join(tempDir(t), "p.qawl");
    await qawl(["import", samplePath, "--project", p]);
    const result = await qawl(["preannotate", "--accept", "--project", p]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^1\t8 quotes, 8 cues, 4 speakers \(4 carried over\)\t/u);
    assert.match(result.stderr, /^20 spans suggested by the quote rules, 0 names by propagation; all accepted$/mu);
    const csv = await qawl(["export", "--format", "quotes-csv", "--project", p]);
    // One row a quote, after the header.
    assert.equal(csv.stdout.trim().split("\n").length, 1 + 8);
  });

  it("searches through folding and prints code point offsets Python agrees with", async (t) => {
    const p = join(tempDir(t), "p.qawl");
    await qawl(["import", samplePath, "--project", p]);
    const found = await qawl(["search", "وزير الخارجيه الروسي", "--project", p]);
    assert.equal(found.code, 0);
    const [, range] = found.stdout.split("\t");
    const [start, end] = (range ?? "").split("-").map(Number);
    const text = python(readFileSync(SAMPLE, "utf8"), [[start ?? 0, end ?? 0]]);
    assert.equal(text.slices[0], "وزير الخارجية الروسي");
    assert.match(found.stderr, /^1 hit$/mu);
  });

  it("prints and replaces the cue list, refusing a bad file with its name and reason", async (t) => {
    const dir = tempDir(t);
    const p = join(dir, "p.qawl");
    assert.match((await qawl(["cues", "--project", p])).stderr, /^qawl: no project at /u);
    await qawl(["import", samplePath, "--project", p]);
    const listed = await qawl(["cues", "--json", "--project", p]);
    assert.deepEqual(JSON.parse(listed.stdout), DEFAULT_CUES);
    const file = join(dir, "cues.json");
    writeFileSync(
      file,
      JSON.stringify([{ lemma: "قال", kind: "speech", forms: ["قال"], participles: [], introducers: [] }]),
    );
    const set = await qawl(["cues", "--set", file, "--project", p]);
    assert.equal(set.code, 0);
    assert.match(set.stderr, /^1 cue lemma now in /u);
    writeFileSync(
      file,
      JSON.stringify([{ lemma: "قال", kind: "verb", forms: ["قال"], participles: [], introducers: [] }]),
    );
    const bad = await qawl(["cues", "--set", file, "--project", p]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^qawl: .*cues\.json: 0\.kind: /u);
  });

  it("measures the pre-annotator against a gold file", async () => {
    const result = await qawl(["quality", "--gold", fileURLToPath(new URL("quotes-gold/sample.jsonl", FIXTURES))]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^QUOTE direct +3 +3 +100\.0% 100\.0% 100\.0%/mu);
    assert.match(result.stdout, /^speaker attribution: 8 of 8 found quotes with a gold speaker \(100\.0%\)$/mu);
  });
});
