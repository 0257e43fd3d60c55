/**
 * The messages between a PostgreSQL connection (db/postgres/connection.ts) and the thread
 * that holds its `pg` client (db/postgres/bridge-worker.ts).
 */

/** A request to the bridge (a query without `values` may hold several statements). */
export type BridgeRequest =
  | { kind: "open"; url: string }
  | { kind: "query"; client: number; text: string; values: unknown[] | null }
  | { kind: "close"; client: number };

/** Its answer: rows, or PostgreSQL's refusal (`code` is its SQLSTATE). */
export type BridgeReply =
  | { ok: true; client: number; rows: Record<string, unknown>[]; rowCount: number }
  | { ok: false; message: string; code: string | null };
