/**
 * `qawl serve` over the project's worker: the operations answer through the worker, the
 * change stream reads the log through its `changesSince` operation, and an import's progress
 * reaches an open stream as `event: progress`, in order, ending at its total; `cancelJob`
 * over HTTP stops an import with nothing written.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import type { JobProgress } from "../../core/jobs.ts";
import { SAMPLE, tempDir } from "../../test-support/temp.ts";
import { TableWorker } from "../worker/table-proxy.ts";
import { startServer, type RunningServer } from "./server.ts";

const ARTICLE = readFileSync(SAMPLE, "utf8");

function articles(n: number): { name: string; contentBase64: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `a${String(i)}.txt`,
    contentBase64: Buffer.from(`مقال ${String(i)}\n\n${ARTICLE}`).toString("base64"),
  }));
}

async function serve(t: TestContext): Promise<RunningServer> {
  const dir = tempDir(t);
  const worker = await TableWorker.start({ project: join(dir, "p.qawl"), annotator: "t" });
  const server = await startServer({ host: worker, rendererRoot: dir });
  t.after(async () => {
    await server.close();
    await worker.close();
  });
  return server;
}

function post(server: RunningServer, name: string, input: unknown, client: string) {
  return fetch(`http://127.0.0.1:${String(server.port)}/api/${name}`, {
    method: "POST",
    headers: { "X-Qawl-Token": server.token, "X-Qawl-Client": client, "Content-Type": "application/json" },
    body: JSON.stringify(input),
  }).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } },
  }));
}

/** Open the event stream; `events` fills as they come; `opened` resolves on the first (`revision`). */
function stream(server: RunningServer) {
  const events: { event: string; data: unknown }[] = [];
  const abort = new AbortController();
  const opened = new Promise<void>((resolve, reject) => {
    fetch(`http://127.0.0.1:${String(server.port)}/api/changes`, {
      headers: { "X-Qawl-Token": server.token },
      signal: abort.signal,
    })
      .then(async (res) => {
        assert.equal(res.status, 200);
        const decoder = new TextDecoder();
        let buffer = "";
        for await (const chunk of res.body ?? []) {
          buffer += decoder.decode(chunk, { stream: true });
          const blocks = buffer.split("\n\n");
          buffer = blocks.pop() ?? "";
          for (const block of blocks) {
            const name = /^event: (.*)$/mu.exec(block)?.[1] ?? "message";
            const data = /^data: (.*)$/mu.exec(block)?.[1] ?? "null";
            events.push({ event: name, data: JSON.parse(data) });
            if (name === "revision") resolve();
          }
        }
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) reject(e instanceof Error ? e : new Error(String(e)));
      });
  });
  return {
    events,
    opened,
    close: () => {
      abort.abort();
    },
  };
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("qawl serve with the project in a worker", () => {
  it("streams an import's progress and its change record", { timeout: 120_000 }, async (t) => {
    const server = await serve(t);
    const feed = stream(server);
    t.after(feed.close);
    await feed.opened;
    const reply = await post(server, "importDocuments", { files: articles(300) }, "tab-a");
    assert.equal(reply.status, 200);
    await until(() => feed.events.some((e) => e.event === "change"));
    const progress = feed.events.filter((e) => e.event === "progress").map((e) => e.data as JobProgress);
    assert.ok(progress.length >= 3, JSON.stringify(progress));
    assert.ok(progress.every((p) => p.operation === "importDocuments" && p.client === "tab-a"));
    const reads = progress.filter((p) => p.phase === "read").map((p) => p.done);
    assert.deepEqual(
      reads,
      [...reads].sort((a, b) => a - b),
    );
    assert.equal(reads[reads.length - 1], 300);
    assert.deepEqual(progress[progress.length - 1], {
      ...progress[0],
      phase: "write",
      done: 300,
      total: 300,
      ended: "finished",
    });
    const change = feed.events.find((e) => e.event === "change")?.data as { client: string };
    assert.equal(change.client, "tab-a");
  });

  it("cancels an import with POST /api/cancelJob, writing nothing", { timeout: 120_000 }, async (t) => {
    const server = await serve(t);
    const feed = stream(server);
    t.after(feed.close);
    await feed.opened;
    const importing = post(server, "importDocuments", { files: articles(2000) }, "tab-a");
    await until(() => feed.events.some((e) => e.event === "progress" && (e.data as JobProgress).done >= 50));
    const job = (feed.events.find((e) => e.event === "progress")?.data as JobProgress).job;
    const cancel = await post(server, "cancelJob", { job }, "tab-b");
    assert.deepEqual(cancel.body, { ok: true, value: { cancelled: true } });
    const reply = await importing;
    assert.equal(reply.status, 409);
    assert.match(reply.body.error?.message ?? "", /cancelled/u);
    const list = await post(server, "listDocuments", {}, "tab-a");
    assert.deepEqual(list.body.value, []);
    await until(() => feed.events.some((e) => (e.data as JobProgress).ended === "cancelled"));
    assert.ok(!feed.events.some((e) => e.event === "change"), "a cancelled import committed a change");
  });
});
