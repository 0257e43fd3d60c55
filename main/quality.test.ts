import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { nativeJsonlProblems } from "../test-support/native-schema.ts";
import { FIXTURES } from "../test-support/temp.ts";
import { chooseTestRuns, readSplit, runName, splitGold, testPartSha256 } from "./gold-split.ts";
import { measureQuality, readGold, type Measurement } from "./quality.ts";

const gold = (name: string) => fileURLToPath(new URL(`quotes-gold/${name}`, FIXTURES));
const row = (measured: Measurement, name: string) => {
  const r = measured.report.spans.find((s) => s.name === name);
  assert.ok(r !== undefined, name);
  return r;
};

describe("gold quotes", () => {
  for (const name of ["anercorp", "sample", "unseen"]) {
    it(`${name}.jsonl is what scripts/gold_to_jsonl.py makes of ${name}.gold.txt, and schema-valid`, () => {
      const made = execFileSync(
        "python3",
        [fileURLToPath(new URL("../scripts/gold_to_jsonl.py", import.meta.url)), gold(`${name}.gold.txt`)],
        {
          encoding: "utf8",
        },
      );
      const committed = readFileSync(gold(`${name}.jsonl`), "utf8");
      assert.equal(committed, made);
      assert.deepEqual(nativeJsonlProblems(committed), []);
    });
  }
});

describe("the frozen split of the ANERcorp gold runs", () => {
  it("is whole runs, a third of them, chosen by its seed, and its test part is unchanged", async () => {
    const all = await readGold(gold("anercorp.jsonl"));
    const split = readSplit(gold("anercorp.split.json"));
    const names = all.documents.map(runName);
    assert.equal(new Set(names).size, 233, "one document per run, names unique");
    assert.equal(split.test.length, Math.ceil(233 / 3));
    assert.deepEqual(chooseTestRuns(names, split.seed, split.testShare), split.test);
    // The frozen hash, recomputed here from the committed gold: a test document edited,
    // re-annotated, added or taken away fails this line.
    assert.equal(testPartSha256(all.documents, split.test), split.testSha256);
    const { development, test } = splitGold(all, split);
    assert.equal(development.documents.length + test.documents.length, 233);
    assert.ok(development.documents.every((d) => !split.test.includes(runName(d))));
  });

  it("refuses a split whose test part no longer matches the gold, naming the file", async () => {
    const all = await readGold(gold("anercorp.jsonl"));
    const split = readSplit(gold("anercorp.split.json"));
    const edited = all.documents.map((d) =>
      d.title.startsWith(split.test[0] ?? "?") ? { ...d, spans: d.spans.slice(1) } : d,
    );
    assert.throws(
      () => splitGold({ ...all, documents: edited }, split, "s.json"),
      /^QawlError: s\.json: the test part changed/u,
    );
    assert.throws(
      () => splitGold(all, { ...split, seed: "another" }, "s.json"),
      /^QawlError: s\.json: seed another does not choose the recorded test runs$/u,
    );
    assert.throws(() => readSplit(gold("anercorp.jsonl")), /anercorp\.jsonl: not JSON/u);
  });
});

describe("quality of the pre-annotator", () => {
  it("on the held-out sample article: every direct quote, every speaker right", async () => {
    const measured = await measureQuality(await readGold(gold("sample.jsonl")));
    assert.deepEqual(row(measured, "QUOTE direct").exact, {
      gold: 3,
      predicted: 3,
      matched: 3,
      precision: 1,
      recall: 1,
      f1: 1,
    });
    assert.equal(row(measured, "QUOTE").overlap.recall, 1); // all 9 quotes found
    assert.equal(measured.report.attribution.accuracy, 1);
    assert.equal(measured.report.attribution.found, 9);
  });

  it("on the development part of the ANERcorp gold: issue 13's targets (the test part is only reported)", async () => {
    const { development } = splitGold(await readGold(gold("anercorp.jsonl")), readSplit(gold("anercorp.split.json")));
    const measured = await measureQuality(development);
    const direct = row(measured, "QUOTE direct").exact;
    const quotes = row(measured, "QUOTE").overlap;
    // Bounds, not values: a better rule must not fail the test.
    assert.ok(direct.precision >= 0.95, `direct precision ${String(direct.precision)}`);
    assert.ok(direct.recall >= 0.9, `direct recall ${String(direct.recall)}`);
    assert.ok(quotes.precision >= 0.9, `quote precision ${String(quotes.precision)}`);
    assert.ok(
      measured.report.attribution.accuracy >= 0.85,
      `attribution ${String(measured.report.attribution.accuracy)}`,
    );
    // The interval holds the figure and lies in [0, 1].
    const iv = measured.intervals.spans.find((s) => s.name === "QUOTE direct")?.exact.recall;
    assert.ok(iv !== undefined && iv.low <= direct.recall && direct.recall <= iv.high && iv.low >= 0 && iv.high <= 1);
  });

  it("refuses a gold file that is not there or not native JSONL, naming it", async () => {
    await assert.rejects(readGold("/nonexistent/gold.jsonl"), /^QawlError: \/nonexistent\/gold\.jsonl: no such file$/u);
    await assert.rejects(
      readGold(fileURLToPath(new URL("lavrov-pompeo-sochi-2019.txt", FIXTURES))),
      /lavrov-pompeo-sochi-2019.txt: cannot open as a Qawl project/u,
    );
  });
});
