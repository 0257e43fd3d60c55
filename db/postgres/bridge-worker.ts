/**
 * The thread that holds the `pg` clients of PostgreSQL connections. `pg` is asynchronous
 * and the store is synchronous, so each query is sent here and the caller waits for the
 * answer (synckit's `runAsWorker` with `createSyncFn`, on Atomics.wait). One client per
 * connection, so a transaction's statements share it.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { runAsWorker } from "synckit";
import type { BridgeReply, BridgeRequest } from "./bridge-protocol.ts";

// Counts and sums arrive as int8 and numeric, which pg gives as strings; SQLite gives
// numbers, and the store expects them (ids and offsets stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
// SQLite has no booleans: a comparison is 1 or 0.
pg.types.setTypeParser(pg.types.builtins.BOOL, (v) => (v === "t" ? 1 : 0));

const clients = new Map<number, pg.Client>();
const names = new Map<string, string>();

/** A short stable name for a statement's text. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `q${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
let nextClient = 1;

runAsWorker(async (request: BridgeRequest): Promise<BridgeReply> => {
  try {
    if (request.kind === "open") {
      const client = new pg.Client({ connectionString: request.url });
      // A connection the server ends (a restart, a dropped database) fails the next query
      // with its reason rather than ending this thread.
      client.on("error", () => undefined);
      await client.connect();
      await client.query("SET client_min_messages = warning");
      const id = nextClient++;
      clients.set(id, client);
      return { ok: true, client: id, rows: [], rowCount: 0 };
    }
    const client = clients.get(request.client);
    if (client === undefined) return { ok: false, message: "the connection is closed", code: null };
    if (request.kind === "close") {
      clients.delete(request.client);
      await client.end();
      return { ok: true, client: request.client, rows: [], rowCount: 0 };
    }
    const result =
      request.values === null
        ? await client.query<Record<string, unknown>>(request.text)
        : await client.query<Record<string, unknown>>({
            // A named statement is parsed and planned once per connection.
            name: statementName(request.text),
            text: request.text,
            values: request.values,
          });
    // Several statements in one text answer one result each; the last is the answer.
    const last = ([result].flat() as pg.QueryResult<Record<string, unknown>>[]).at(-1);
    return { ok: true, client: request.client, rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
  } catch (e) {
    const error = e as Error & { code?: string };
    return { ok: false, message: error.message, code: error.code ?? null };
  }
});
