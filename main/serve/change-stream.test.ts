/**
 * `qawl serve`'s change feed over HTTP: `GET /api/changes` streams Server-Sent Events, a
 * write through the API arrives as a record naming the client that made it, a write by
 * another process on the same file arrives too, and a stream opened with `since` replays
 * what it missed.
 */
import assert from "node:assert/strict";
import { request, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import type { ChangeRecord } from "../../core/change-feed.ts";
import { ProjectStore } from "../../db/project.ts";
import { tempDir } from "../../test-support/temp.ts";
import { createOperationTable } from "../ops/table.ts";
import { startServer, type RunningServer } from "./server.ts";

/** A server over a project whose table reads the client the server names. */
async function serve(t: TestContext): Promise<{ server: RunningServer; path: string }> {
  const dir = tempDir(t);
  const path = join(dir, "p.qawl");
  const store = new ProjectStore(path);
  let client = "browser";
  const table = createOperationTable(store, { annotator: "t", client: () => client });
  const server = await startServer({
    table,
    rendererRoot: dir,
    changes: store,
    setClient: (named) => {
      client = named;
    },
  });
  t.after(async () => {
    await server.close();
    store.close();
  });
  return { server, path };
}

/** Open the event stream and collect its events as they come. */
function stream(server: RunningServer, since?: number) {
  const events: { event: string; data: unknown }[] = [];
  let response: IncomingMessage | undefined;
  const opened = new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: `/api/changes${since === undefined ? "" : `?since=${String(since)}`}`,
        headers: { Host: `127.0.0.1:${String(server.port)}`, "X-Qawl-Token": server.token },
        agent: false,
      },
      (res) => {
        response = res;
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          const blocks = buffer.split("\n\n");
          buffer = blocks.pop() ?? "";
          for (const block of blocks) {
            const event = /^event: (.*)$/mu.exec(block)?.[1] ?? "";
            const data = /^data: (.*)$/mu.exec(block)?.[1] ?? "null";
            events.push({ event, data: JSON.parse(data) as unknown });
          }
        });
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
  return { events, opened, close: () => response?.destroy() };
}

async function post(server: RunningServer, op: string, body: unknown, client: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${String(server.port)}/api/${op}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Qawl-Token": server.token, "X-Qawl-Client": client },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const changes = (events: { event: string; data: unknown }[]) =>
  events.filter((e) => e.event === "change").map((e) => e.data as ChangeRecord);

describe("GET /api/changes", () => {
  it("needs the token", async (t) => {
    const { server } = await serve(t);
    const res = await fetch(`http://127.0.0.1:${String(server.port)}/api/changes`);
    assert.equal(res.status, 401);
  });

  it("streams each write as a record naming its client, and another process's writes too", async (t) => {
    const { server, path } = await serve(t);
    const s = stream(server);
    t.after(() => s.close());
    assert.equal(await s.opened, 200);
    await until(() => s.events.length > 0);
    assert.deepEqual(s.events[0], { event: "revision", data: { revision: 0, reset: false } });
    const text = Buffer.from("قال الوزير: نعم").toString("base64");
    await post(server, "importDocuments", { files: [{ name: "a.txt", contentBase64: text }] }, "tab-1");
    await until(() => changes(s.events).length === 1);
    assert.equal(changes(s.events)[0]?.client, "tab-1");
    assert.deepEqual(changes(s.events)[0]?.changes, [{ kind: "created", type: "document", id: 1 }]);

    const other = new ProjectStore(path);
    t.after(() => {
      other.close();
    });
    createOperationTable(other, { annotator: "cli", client: () => "cli" }).setDocumentStatus({
      documentId: 1,
      status: "done",
    });
    await until(() => changes(s.events).length === 2);
    assert.equal(changes(s.events)[1]?.client, "cli");
    assert.equal(changes(s.events)[1]?.revision, 2);
  });

  it("replays what a view missed since a revision", async (t) => {
    const { server } = await serve(t);
    const text = (s: string) => Buffer.from(s).toString("base64");
    await post(server, "importDocuments", { files: [{ name: "a.txt", contentBase64: text("أ ب ج") }] }, "x");
    await post(server, "importDocuments", { files: [{ name: "b.txt", contentBase64: text("د ه و") }] }, "y");
    const s = stream(server, 1);
    t.after(() => s.close());
    await until(() => changes(s.events).length === 1);
    assert.deepEqual(s.events[0], { event: "revision", data: { revision: 2, reset: false } });
    assert.equal(changes(s.events)[0]?.client, "y");
    assert.equal(changes(s.events)[0]?.revision, 2);
  });
});
