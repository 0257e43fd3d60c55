import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { DEFAULT_CUES } from "../core/preannotate/cues.ts";
import { python } from "../test-support/python.ts";
import { FIXTURES, SAMPLE, tempDir } from "../test-support/temp.ts";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
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
    // Without --accept, the list shows what is left to review.
    await qawl(["preannotate", "--project", p]);
    assert.match(
      (await qawl(["list", "--project", p])).stdout,
      /^1\t2019-05-14\tin_progress\t0 spans\t23 to review\t/u,
    );
    const result = await qawl(["preannotate", "--accept", "--project", p]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^1\t9 quotes, 9 cues, 5 speakers \(4 carried over\)\t/u);
    // The second run finds nothing new: the 23 suggestions of the first are accepted.
    assert.match(
      result.stderr,
      /^0 new spans suggested by the quote rules \(23 earlier suggestions still there\), 0 names by propagation; all accepted$/mu,
    );
    const csv = await qawl(["export", "--format", "quotes-csv", "--project", p]);
    // One row a quote, after the header.
    assert.equal(csv.stdout.trim().split("\n").length, 1 + 9);
  });

  it("accepts, with --accept, the names propagation suggested too: nothing is left to review", async (t) => {
    const p = join(tempDir(t), "p.qawl");
    await qawl(["import", samplePath, "--project", p]);
    // A person tagged in the app: سيرغي لافروف, where Python finds it.
    const text = readFileSync(SAMPLE, "utf8");
    const at = python(text, [], ["سيرغي لافروف"]).finds[0] ?? -1;
    const store = new ProjectStore(p);
    createOperationTable(store, { annotator: "me" }).createSpan({
      documentId: 1,
      label: "PER",
      start: at,
      end: at + 12,
    });
    store.close();
    const result = await qawl(["preannotate", "--accept", "--project", p]);
    assert.match(result.stderr, /^23 new spans suggested by the quote rules, 6 names by propagation; all accepted$/mu);
    // 1 tagged + 20 quote spans + 6 surnames, all accepted.
    assert.match(
      (await qawl(["list", "--project", p])).stdout,
      /^1\t2019-05-14\tin_progress\t30 spans\t0 to review\t/u,
    );
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
    // A label by its display name in any case; an unknown label or nothing to find is refused.
    await qawl(["preannotate", "--accept", "--project", p]);
    const cues = await qawl(["search", "--label", "cue", "--project", p]);
    assert.match(cues.stderr, /^9 hits$/mu);
    const unknown = await qawl(["search", "--label", "Nope", "--project", p]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^qawl: no label called Nope \(the labels: QUOTE, /u);
    assert.equal((await qawl(["search", "--project", p])).code, 1);
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
    assert.match(bad.stderr, /^qawl: .*cues\.json: entry 1 kind: /u);
    // An empty list, a duplicate lemma, a file that is not JSON: each named, nothing written.
    for (const [content, reason] of [
      ["[]", /cues\.json: a cue list needs at least one lemma/u],
      [
        JSON.stringify([
          { lemma: "قال", kind: "speech", forms: ["قال"], participles: [], introducers: [] },
          { lemma: "قال", kind: "speech", forms: ["قالت"], participles: [], introducers: [] },
        ]),
        /cues\.json: cue lemma قال is listed twice/u,
      ],
      ["[{", /cues\.json: not JSON/u],
      [JSON.stringify([{ lemma: "قال", forms: ["قال"], participles: [], introducers: [] }]), /entry 1 kind: required/u],
    ] as const) {
      writeFileSync(file, content);
      const refused = await qawl(["cues", "--set", file, "--project", p]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, reason);
      assert.equal(refused.stderr.trimEnd().split("\n").length, 1);
    }
    assert.equal((JSON.parse((await qawl(["cues", "--json", "--project", p])).stdout) as unknown[]).length, 1);
    // --reset brings Qawl's defaults back; the plain listing shows a multi-word form whole.
    assert.equal((await qawl(["cues", "--reset", "--project", p])).code, 0);
    assert.deepEqual(JSON.parse((await qawl(["cues", "--json", "--project", p])).stdout), DEFAULT_CUES);
    const plain = (await qawl(["cues", "--project", p])).stdout.split("\n");
    assert.equal(plain[0], "lemma\tkind\tforms\tparticiples\tintroducers");
    assert.ok(plain.some((line) => line.split("\t")[2]?.split("، ").includes("وفقا ل")));
  });

  it("measures the pre-annotator against a gold file", async () => {
    const result = await qawl(["quality", "--gold", fileURLToPath(new URL("quotes-gold/sample.jsonl", FIXTURES))]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^QUOTE direct +gold 3, found 3\n {2}exact P +100\.0% \[100\.0%–100\.0%\]$/mu);
    assert.match(result.stdout, /^speaker of found +100\.0% \[100\.0%–100\.0%\] \(9\/9\)$/mu);
  });

  it("scores the development and the test part side by side, and refuses a split that does not hold", async () => {
    const goldFile = fileURLToPath(new URL("quotes-gold/anercorp.jsonl", FIXTURES));
    const splitFile = fileURLToPath(new URL("quotes-gold/anercorp.split.json", FIXTURES));
    const result = await qawl(["quality", "--gold", goldFile, "--split", splitFile, "--json"]);
    assert.equal(result.code, 0);
    const parts = JSON.parse(result.stdout) as Record<string, { report: { documents: number } }>;
    assert.deepEqual(Object.keys(parts), ["development", "test"]);
    assert.equal(parts["development"]?.report.documents, 155);
    assert.equal(parts["test"]?.report.documents, 78);
    const wrong = await qawl([
      "quality",
      "--gold",
      fileURLToPath(new URL("quotes-gold/sample.jsonl", FIXTURES)),
      "--split",
      splitFile,
    ]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /anercorp\.split\.json: seed .* does not choose the recorded test runs/u);
  });
});
