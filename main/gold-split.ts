/**
 * The frozen split of a gold set into a development part (the rules may be tuned on it) and a
 * test part (only scored). Whole runs go to one side: a run is a gold document, named by the
 * first word of its title (`anercorp-017`). The test runs are chosen once, by a fixed seed:
 * runs are ordered by the SHA-256 of `SEED:NAME` and the first ⌈share × n⌉ are the test part.
 * The split file records the seed, the share, the chosen runs and the SHA-256 of the test
 * part's canonical JSONL lines (text and annotation), so that a changed test document, a run
 * moved between the parts or a different choice is detected (`splitGold` throws).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { canonicalDocument, type NativeDocument } from "../core/formats/native-jsonl.ts";
import { QawlError } from "../core/errors.ts";
import { sha256 } from "./import/read-files.ts";
import type { Gold } from "./quality.ts";

/** The content of a split file (`fixtures/quotes-gold/*.split.json`). */
export interface GoldSplit {
  /** The seed the test runs were chosen with. */
  seed: string;
  /** The share of runs in the test part, in (0, 1). */
  testShare: number;
  /** The test runs' names, sorted. */
  test: string[];
  /** SHA-256 (hex) of the test documents' canonical JSON lines, in the order of `test`, joined by "\n". */
  testSha256: string;
}

const SplitSchema = z.strictObject({
  seed: z.string().min(1),
  testShare: z.number().gt(0).lt(1),
  test: z.array(z.string().min(1)).min(1),
  testSha256: z.string().regex(/^[0-9a-f]{64}$/u),
});

/** A run's name: the first word of its document's title. */
export function runName(doc: NativeDocument): string {
  return doc.title.trim().split(/\s+/u)[0] ?? "";
}

/**
 * Choose the test runs: order the names by SHA-256 of `seed:name`, take the first ⌈share × n⌉.
 * @returns the chosen names, sorted
 */
export function chooseTestRuns(names: readonly string[], seed: string, share: number): string[] {
  const keyed = [...new Set(names)].map((name) => ({ name, key: sha256(`${seed}:${name}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed
    .slice(0, Math.ceil(share * keyed.length))
    .map((k) => k.name)
    .sort();
}

/** SHA-256 of the named runs' canonical JSON lines, in the order of `names`, joined by "\n". */
export function testPartSha256(documents: readonly NativeDocument[], names: readonly string[]): string {
  const byName = new Map(documents.map((d) => [runName(d), d]));
  const lines = names.map((name) => {
    const doc = byName.get(name);
    return doc === undefined ? "" : JSON.stringify(canonicalDocument(doc));
  });
  return sha256(lines.join("\n"));
}

/**
 * Read a split file.
 * @throws QawlError naming the file and the problem (missing, not JSON, wrong shape)
 */
export function readSplit(path: string): GoldSplit {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    throw new QawlError("not_found", `${path}: no such file`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new QawlError("bad_input", `${path}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const result = SplitSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new QawlError(
      "bad_input",
      `${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not a split file"}`,
    );
  }
  return result.data;
}

/**
 * Divide gold into its development and test parts.
 * @throws QawlError when the split does not hold for this gold: the seed no longer chooses
 *   the recorded runs, a recorded run is missing, or the test part's content changed
 */
export function splitGold(gold: Gold, split: GoldSplit, path = "split"): { development: Gold; test: Gold } {
  const names = gold.documents.map(runName);
  const chosen = chooseTestRuns(names, split.seed, split.testShare);
  if (chosen.join("\n") !== [...split.test].sort().join("\n")) {
    throw new QawlError("bad_input", `${path}: seed ${split.seed} does not choose the recorded test runs`);
  }
  const missing = split.test.find((name) => !names.includes(name));
  if (missing !== undefined) throw new QawlError("bad_input", `${path}: test run ${missing} is not in the gold`);
  if (testPartSha256(gold.documents, split.test) !== split.testSha256) {
    throw new QawlError("bad_input", `${path}: the test part changed (its SHA-256 is not the recorded one)`);
  }
  const test = new Set(split.test);
  return {
    development: { ...gold, documents: gold.documents.filter((d) => !test.has(runName(d))) },
    test: { ...gold, documents: gold.documents.filter((d) => test.has(runName(d))) },
  };
}
