/**
 * The operation table in a worker thread (`table-proxy.ts`, `table-worker.ts`, `jobs.ts`):
 * a createSpan is answered while a 2,000-document import runs, a cancelled import leaves the
 * project as it was, and the import's progress comes in order and ends at its total.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import type { JobProgress } from "../../core/jobs.ts";
import { SAMPLE, tempDir } from "../../test-support/temp.ts";
import { ProjectStore } from "../../db/project.ts";
import { createOperationTable } from "../ops/table.ts";
import { TableWorker } from "./table-proxy.ts";

const ARTICLE = readFileSync(SAMPLE, "utf8");

/** `n` different articles (the sample under a numbered first line), as `importDocuments` files. */
function articles(n: number): { name: string; contentBase64: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `article-${String(i).padStart(4, "0")}.txt`,
    contentBase64: Buffer.from(`مقال رقم ${String(i)}\n\n${ARTICLE}`).toString("base64"),
  }));
}

/** A worker on a new project holding one document of `words` four-letter words (word k at `[5k, 5k+4)`). */
async function worker(t: TestContext, words = 400): Promise<{ w: TableWorker; documentId: number }> {
  const w = await TableWorker.start({ project: join(tempDir(t), "p.qawl"), annotator: "tester" });
  t.after(() => w.close());
  const text = `${Array.from({ length: words }, () => "كلمة").join(" ")}\n`;
  const reply = await w.run(
    "importDocuments",
    { files: [{ name: "words.txt", contentBase64: Buffer.from(text).toString("base64") }] },
    "setup",
  );
  if (!reply.ok) throw new Error(reply.error.message);
  const documentId = reply.value.outcomes[0]?.documentId;
  assert.ok(documentId !== undefined);
  return { w, documentId };
}

/** Time one createSpan of PER on word `k`, in milliseconds. */
async function timedSpan(w: TableWorker, documentId: number, k: number): Promise<number> {
  const started = performance.now();
  const reply = await w.run("createSpan", { documentId, label: "PER", start: 5 * k, end: 5 * k + 4 }, "tab-a");
  const ms = performance.now() - started;
  if (!reply.ok) throw new Error(reply.error.message);
  return ms;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** The state a cancelled or failed import must leave unchanged. */
async function projectState(w: TableWorker): Promise<{ documents: number; revision: number }> {
  const list = await w.run("listDocuments", {}, "probe");
  const feed = await w.run("changesSince", { since: 0, limit: 0 }, "probe");
  if (!list.ok || !feed.ok) throw new Error("probe failed");
  return { documents: list.value.length, revision: feed.value.revision };
}

describe("the operation table in a worker", () => {
  it("answers createSpan while a 2,000-document import reads its files", { timeout: 120_000 }, async (t) => {
    const { w, documentId } = await worker(t);
    const idle: number[] = [];
    for (let k = 0; k < 30; k++) idle.push(await timedSpan(w, documentId, k));
    let phase: JobProgress["phase"] | null = null;
    w.onProgress((p) => {
      phase = p.phase;
    });
    const importing = w.run("importDocuments", { files: articles(2000) }, "tab-b");
    const state = { finished: false };
    const finished = () => state.finished;
    void importing.then(() => {
      state.finished = true;
    });
    const during: { ms: number; phase: string | null }[] = [];
    for (let k = 30; !finished() && k < 400; k++) {
      const sentIn = phase;
      const ms = await timedSpan(w, documentId, k);
      if (!finished()) during.push({ ms, phase: sentIn });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const reply = await importing;
    assert.ok(reply.ok, reply.ok ? "" : reply.error.message);
    assert.equal(reply.value.outcomes.filter((o) => o.status === "imported").length, 2000);
    const reading = during.filter((d) => d.phase === "read").map((d) => d.ms);
    const [idleP50, idleP95] = [quantile(idle, 0.5), quantile(idle, 0.95)];
    const [readP50, readP95] = [quantile(reading, 0.5), quantile(reading, 0.95)];
    t.diagnostic(
      `createSpan idle p50 ${idleP50.toFixed(1)} / p95 ${idleP95.toFixed(1)} ms; while the import reads: ` +
        `p50 ${readP50.toFixed(1)} / p95 ${readP95.toFixed(1)} / max ${Math.max(...reading).toFixed(1)} ms over ` +
        `${String(reading.length)} calls (p95 ratio ${(readP95 / idleP95).toFixed(1)}); every call during the import: ` +
        `max ${Math.max(...during.map((d) => d.ms)).toFixed(1)} ms (one landing in the write transaction)`,
    );
    // Answered while the import ran: a thread busy with the import would answer none of them before it.
    assert.ok(reading.length >= 10, `only ${String(reading.length)} createSpan answered while the import read`);
    // Within 50 ms, or (on a machine busy with other work) within 3× the idle figure measured here.
    const bound = Math.max(50, 3 * idleP50);
    assert.ok(
      readP50 <= bound,
      `createSpan p50 ${readP50.toFixed(1)} ms while the import reads (bound ${bound.toFixed(1)})`,
    );
  });

  it("cancels an import part-way with cancelJob, leaving the project as it was", { timeout: 60_000 }, async (t) => {
    const { w } = await worker(t);
    const before = await projectState(w);
    const events: JobProgress[] = [];
    const asked: { reply: Promise<unknown> | null } = { reply: null };
    w.onProgress((p) => {
      events.push(p);
      if (asked.reply === null && p.phase === "read" && p.done >= 100)
        asked.reply = w.run("cancelJob", { job: p.job }, "tab-b");
    });
    const reply = await w.run("importDocuments", { files: articles(2000) }, "tab-a");
    assert.ok(asked.reply !== null, "no progress event to cancel from");
    assert.deepEqual(await asked.reply, { ok: true, value: { cancelled: true } });
    assert.equal(reply.ok, false);
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, "conflict");
    assert.match(reply.error.message, /cancelled; nothing was written/u);
    assert.deepEqual(await projectState(w), before);
    const last = events[events.length - 1];
    assert.equal(last?.ended, "cancelled");
    assert.ok(last.phase === "read" && last.done < 2000, `cancelled at ${JSON.stringify(last)}`);
  });

  it(
    "answers createSpan while a 1,000-document spaCy export is written, and writes what the table writes",
    { timeout: 120_000 },
    async (t) => {
      const { w, documentId } = await worker(t);
      const imported = await w.run("importDocuments", { files: articles(1000) }, "setup");
      assert.ok(imported.ok);
      const store = new ProjectStore(w.path);
      t.after(() => {
        store.close();
      });
      const here = await createOperationTable(store, { annotator: "tester" }).exportDocuments({ format: "spacy" });
      const phases: string[] = [];
      const state = { written: false };
      w.onProgress((p) => {
        if (p.operation === "exportDocuments") phases.push(p.ended ?? p.phase);
      });
      const exported = w.run("exportDocuments", { format: "spacy" }, "tab-a").then((r) => {
        state.written = true;
        return r;
      });
      // Wait for the writing to start, then label: answered before the export ends.
      while (!phases.includes("export")) await new Promise((r) => setTimeout(r, 5));
      const during: number[] = [];
      for (let k = 0; k < 5 && !state.written; k++) during.push(await timedSpan(w, documentId, k));
      assert.ok(during.length > 0, "the export ended before any label was sent");
      assert.equal(state.written, false, "a label was answered only once the export had ended");
      const reply = await exported;
      assert.ok(reply.ok, reply.ok ? "" : reply.error.message);
      assert.equal(phases[phases.length - 1], "finished");
      assert.equal(reply.value.documentCount, 1001);
      // The same files as the table writes on one thread from the same project (read before the labels).
      assert.deepEqual(reply.value.files, here.files);
      assert.deepEqual(reply.value.report, here.report);
    },
  );

  it(
    "cancels a spaCy export while it is written: the thread stops, nothing is returned",
    { timeout: 120_000 },
    async (t) => {
      const { w } = await worker(t);
      const imported = await w.run("importDocuments", { files: articles(1000) }, "setup");
      assert.ok(imported.ok);
      const events: JobProgress[] = [];
      const asked: { reply: Promise<unknown> | null } = { reply: null };
      w.onProgress((p) => {
        if (p.operation !== "exportDocuments") return;
        events.push(p);
        if (asked.reply === null && p.phase === "export" && p.ended === undefined)
          asked.reply = w.run("cancelJob", { job: p.job }, "tab-b");
      });
      const started = performance.now();
      const reply = await w.run("exportDocuments", { format: "spacy" }, "tab-a");
      const ms = performance.now() - started;
      assert.ok(asked.reply !== null, "no progress event to cancel from");
      assert.deepEqual(await asked.reply, { ok: true, value: { cancelled: true } });
      assert.ok(!reply.ok);
      assert.equal(reply.error.code, "conflict");
      assert.match(reply.error.message, /export cancelled; nothing was written/u);
      assert.equal(events[events.length - 1]?.ended, "cancelled");
      // The same export to its end, for comparison: the cancelled one stopped well before.
      const whole = performance.now();
      const again = await w.run("exportDocuments", { format: "spacy" }, "tab-a");
      assert.ok(again.ok);
      const wholeMs = performance.now() - whole;
      assert.ok(ms < wholeMs, `cancelled after ${ms.toFixed(0)} ms; a whole export took ${wholeMs.toFixed(0)} ms`);
    },
  );

  it("cancels through the shared flag while the worker is busy", { timeout: 60_000 }, async (t) => {
    const { w } = await worker(t);
    const before = await projectState(w);
    w.onProgress((p) => {
      if (p.phase === "read" && p.done >= 50 && p.ended === undefined) w.cancel(p.job);
    });
    const reply = await w.run("importDocuments", { files: articles(1000) }, "tab-a");
    assert.ok(!reply.ok && /cancelled/u.test(reply.error.message));
    assert.deepEqual(await projectState(w), before);
    // The next import, given the same slot's flag, is not cancelled by the old one.
    const again = await w.run("importDocuments", { files: articles(3) }, "tab-a");
    assert.ok(again.ok, again.ok ? "" : again.error.message);
  });

  it("reports progress in order, ending at the total", { timeout: 60_000 }, async (t) => {
    const { w } = await worker(t);
    const events: JobProgress[] = [];
    w.onProgress((p) => events.push(p));
    const files = articles(500);
    const reply = await w.run("importDocuments", { files }, "tab-a");
    assert.ok(reply.ok);
    assert.ok(events.length >= 3, JSON.stringify(events));
    const job = events[0]?.job;
    assert.ok(events.every((e) => e.job === job && e.operation === "importDocuments" && e.client === "tab-a"));
    const phases = events.map((e) => e.phase);
    // read… then index… then write…, each phase once.
    assert.match(phases.join(" "), /^(read )+(index )+(write ?)+$/u);
    const firstIndex = phases.indexOf("index");
    const firstWrite = phases.indexOf("write");
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1], events[i]];
      if (a !== undefined && b !== undefined && a.phase === b.phase)
        assert.ok(a.done <= b.done, `${JSON.stringify(a)} then ${JSON.stringify(b)}`);
    }
    const lastIndex = events[firstWrite - 1];
    assert.deepEqual([lastIndex?.done, lastIndex?.total], [files.length, files.length]);
    const lastRead = events[firstIndex - 1];
    assert.deepEqual([lastRead?.done, lastRead?.total], [files.length, files.length]);
    const last = events[events.length - 1];
    assert.deepEqual(last, {
      job,
      operation: "importDocuments",
      client: "tab-a",
      phase: "write",
      done: 500,
      total: 500,
      ended: "finished",
    });
  });

  it(
    "pre-annotates a document a step: progress to the total, and a cancel writes nothing",
    { timeout: 120_000 },
    async (t) => {
      const { w } = await worker(t);
      // Enough documents that the job is still running when the cancel lands: progress is
      // reported at most every REPORT_MS, and 60 documents could all be done by then.
      const imported = await w.run("importDocuments", { files: articles(200) }, "setup");
      assert.ok(imported.ok);
      const before = await projectState(w);
      // Cancelled part-way: nothing suggested, nothing recorded.
      w.onProgress((p) => {
        if (p.operation === "preannotate" && p.done >= 10 && p.ended === undefined) w.cancel(p.job);
      });
      const cancelled = await w.run("preannotate", {}, "tab-a");
      assert.ok(!cancelled.ok && /cancelled/u.test(cancelled.error.message));
      assert.deepEqual(await projectState(w), before);
    },
  );

  it(
    "reports pre-annotation progress a document at a time, and finds the sample's 9 quotes in every copy",
    { timeout: 120_000 },
    async (t) => {
      const { w } = await worker(t);
      const imported = await w.run("importDocuments", { files: articles(30) }, "setup");
      assert.ok(imported.ok);
      const events: JobProgress[] = [];
      w.onProgress((p) => {
        if (p.operation === "preannotate") events.push(p);
      });
      const reply = await w.run("preannotate", {}, "tab-a");
      assert.ok(reply.ok, reply.ok ? "" : reply.error.message);
      // 31 documents: the words document and 30 copies of the sample article; the sample's 9
      // quotes (the count the README and e2e/speed.spec.ts give) in each copy.
      assert.equal(reply.value.documents.length, 31);
      assert.equal(reply.value.documents.filter((d) => d.quotes === 9).length, 30);
      assert.ok(events.length >= 3, JSON.stringify(events));
      for (let i = 1; i < events.length; i++) assert.ok((events[i - 1]?.done ?? 0) <= (events[i]?.done ?? 0));
      assert.deepEqual(
        { done: events.at(-1)?.done, total: events.at(-1)?.total, ended: events.at(-1)?.ended },
        { done: 31, total: 31, ended: "finished" },
      );
    },
  );

  it("ends a refused import's progress as failed, having written nothing", { timeout: 60_000 }, async (t) => {
    const { w } = await worker(t);
    const before = await projectState(w);
    const events: JobProgress[] = [];
    w.onProgress((p) => events.push(p));
    const files = [...articles(20), { name: "empty.txt", contentBase64: "" }];
    const reply = await w.run("importDocuments", { files }, "tab-a");
    assert.ok(!reply.ok);
    assert.match(reply.error.message, /none of the 21 files was imported/u);
    assert.equal(events[events.length - 1]?.ended, "failed");
    assert.deepEqual(await projectState(w), before);
  });

  it("refuses to open a project that must exist and does not", async (t) => {
    await assert.rejects(
      TableWorker.start({ project: join(tempDir(t), "none.qawl"), annotator: "t", mustExist: true }),
      /no project at/u,
    );
  });
});
