import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { nativeJsonlProblems } from "../test-support/native-schema.ts";
import { FIXTURES } from "../test-support/temp.ts";
import { measureQuality, readGold } from "./quality.ts";

const gold = (name: string) => fileURLToPath(new URL(`quotes-gold/${name}`, FIXTURES));
const row = (report: Awaited<ReturnType<typeof measureQuality>>, name: string) => {
  const r = report.spans.find((s) => s.name === name);
  assert.ok(r !== undefined, name);
  return r;
};

describe("gold quotes", () => {
  for (const name of ["anercorp", "sample"]) {
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

describe("quality of the pre-annotator", () => {
  it("on the held-out sample article: every direct quote, every speaker right", async () => {
    const report = await measureQuality(await readGold(gold("sample.jsonl")));
    assert.deepEqual(row(report, "QUOTE direct").exact, {
      gold: 3,
      predicted: 3,
      matched: 3,
      precision: 1,
      recall: 1,
      f1: 1,
    });
    assert.equal(report.attribution.accuracy, 1);
    assert.equal(report.attribution.found, 8);
  });

  it("on the ANERcorp gold set: direct quotes at precision ≥ 0.93 and recall ≥ 0.90, speakers ≥ 0.85 of found quotes (issue 5's targets)", async () => {
    const report = await measureQuality(await readGold(gold("anercorp.jsonl")));
    const direct = row(report, "QUOTE direct").exact;
    assert.equal(direct.gold, 85);
    // Bounds, not values: these are issue 5's targets for a held-out set, and a better rule
    // must not fail the test (the exact counts on the sample are pinned in the test above).
    assert.ok(direct.precision >= 0.93, `direct precision ${String(direct.precision)}`);
    assert.ok(direct.recall >= 0.9, `direct recall ${String(direct.recall)}`);
    assert.ok(report.attribution.accuracy >= 0.85, `attribution ${String(report.attribution.accuracy)}`);
  });

  it("refuses a gold file that is not there or not native JSONL, naming it", async () => {
    await assert.rejects(readGold("/nonexistent/gold.jsonl"), /^QawlError: \/nonexistent\/gold\.jsonl: no such file$/u);
    await assert.rejects(
      readGold(fileURLToPath(new URL("lavrov-pompeo-sochi-2019.txt", FIXTURES))),
      /lavrov-pompeo-sochi-2019.txt: cannot open as a Qawl project/u,
    );
  });
});
