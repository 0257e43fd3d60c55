/**
 * `qawl import` and `qawl export` as jobs (`cli/jobs.ts`): the import's result as before,
 * and Ctrl+C (SIGINT) part-way through stops it with nothing stored.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { openProject } from "../main/project.ts";
import { SAMPLE, tempDir } from "../test-support/temp.ts";
import { callAsJob } from "./jobs.ts";

const ARTICLE = readFileSync(SAMPLE, "utf8");
const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `a${String(i)}.txt`,
    contentBase64: Buffer.from(`مقال ${String(i)}\n\n${ARTICLE}`).toString("base64"),
  }));
const quiet = { stdout: () => undefined, stderr: () => undefined, interactive: false };

describe("the CLI's long operations", () => {
  it("imports and exports through a job", async (t) => {
    const project = openProject({
      project: join(tempDir(t), "p.qawl"),
      context: { annotator: "t", client: () => "cli" },
    });
    t.after(() => {
      project.store.close();
    });
    const report = await callAsJob(project, "t", "importDocuments", { files: files(30) }, quiet);
    assert.equal(report.outcomes.filter((o) => o.status === "imported").length, 30);
    const exported = await callAsJob(project, "t", "exportDocuments", { format: "jsonl" }, quiet);
    assert.equal(exported.documentCount, 30);
  });

  it("stops an import on Ctrl+C, storing nothing", { timeout: 60_000 }, async (t) => {
    const project = openProject({
      project: join(tempDir(t), "p.qawl"),
      context: { annotator: "t", client: () => "cli" },
    });
    t.after(() => {
      project.store.close();
    });
    const revision = project.store.changesSince(Number.MAX_SAFE_INTEGER, 0).revision;
    const importing = callAsJob(project, "t", "importDocuments", { files: files(2000) }, quiet);
    // Ctrl+C once the job runs (it gives the event loop back every few milliseconds).
    setTimeout(() => process.emit("SIGINT"), 50);
    await assert.rejects(importing, /import cancelled; nothing was written/u);
    assert.equal(project.table.listDocuments({}).length, 0);
    assert.equal(project.store.changesSince(Number.MAX_SAFE_INTEGER, 0).revision, revision);
  });
});
