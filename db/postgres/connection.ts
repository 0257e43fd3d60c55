/**
 * A project kept in a PostgreSQL database, as a `Connection` (db/connection.ts): one
 * database per project, reached through `pg` on a thread of its own
 * (db/postgres/bridge-worker.ts) so that the store stays synchronous. The store's SQL is
 * translated (db/postgres/dialect.ts); the schema is db/postgres/schema.ts.
 *
 * Writers take turns: every transaction begins by taking the project's advisory lock
 * (`pg_advisory_xact_lock`), held until it commits, so two servers on one database write
 * one after the other as two processes on one SQLite file do, and the change log's
 * revisions are committed in order.
 */
import { createSyncFn } from "synckit";
import { QawlError } from "../../core/errors.ts";
import { MIGRATIONS } from "../migrations/index.ts";
import type { Connection, RunResult, Statement } from "../connection.ts";
import type { BridgeReply, BridgeRequest } from "./bridge-protocol.ts";
import { translate } from "./dialect.ts";
import { POSTGRES_MIGRATIONS } from "./schema.ts";

/** The advisory lock key of a project's writes ("QAWL" in ASCII, as SQLite's application id). */
const WRITE_LOCK = 0x5141574c;
const APPLICATION = "qawl";

type Bridge = (request: BridgeRequest) => BridgeReply;
let bridge: Bridge | null = null;

function theBridge(): Bridge {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  bridge ??= createSyncFn<(request: BridgeRequest) => Promise<BridgeReply>>(
    new URL(`./bridge-worker.${ext}`, import.meta.url),
    { tsRunner: "node" },
  );
  return bridge;
}

/** A PostgreSQL URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}

/** An error PostgreSQL raised, with its SQLSTATE. */
export class PostgresError extends Error {
  /** SQLSTATE, e.g. `23505` for a unique violation. */
  readonly code: string | null;

  constructor(message: string, code: string | null) {
    super(message);
    this.code = code;
  }
}

/** One project database. */
export class PostgresConnection implements Connection {
  readonly dialect = "postgres";
  readonly location: string;
  readonly #client: number;
  #depth = 0;
  #closed = false;

  /**
   * Connect.
   * @param url `postgres://user:password@host:port/database`
   * @throws QawlError (`bad_input`) when the server cannot be reached or refuses the login
   */
  constructor(url: string) {
    this.location = redactedUrl(url);
    const reply = theBridge()({ kind: "open", url });
    if (!reply.ok) throw new QawlError("bad_input", `${this.location}: cannot open the project (${reply.message})`);
    this.#client = reply.client;
  }

  /**
   * Run one statement (already in PostgreSQL's dialect).
   * @throws PostgresError when PostgreSQL refuses it
   */
  query(text: string, values: unknown[] | null = null): { rows: Record<string, unknown>[]; rowCount: number } {
    const reply = theBridge()({ kind: "query", client: this.#client, text, values });
    if (!reply.ok) throw new PostgresError(reply.message, reply.code);
    return reply;
  }

  prepare(sql: string): Statement {
    const statement = translate(sql);
    const run = (args: unknown[]) => {
      const result = this.query(statement.text, statement.values(args));
      if (statement.givesIdentityOf !== null) this.#advanceIdentity(statement.givesIdentityOf);
      return result;
    };
    return {
      get: (...args) => run(args).rows[0],
      all: (...args) => run(args).rows,
      run: (...args): RunResult => {
        const result = run(args);
        const key = statement.returning === null ? undefined : result.rows[0]?.[statement.returning];
        return { changes: result.rowCount, lastInsertRowid: typeof key === "number" ? key : 0 };
      },
    };
  }

  /** Move a table's identity past the ids rows were given explicitly (restored or imported rows). */
  #advanceIdentity(table: string): void {
    const key = table === "change_log" ? "revision" : "id";
    this.query(
      `SELECT setval(pg_get_serial_sequence('${table}', '${key}'),
         GREATEST((SELECT max("${key}") FROM ${table}), (SELECT last_value FROM ${table}_${key}_seq)))`,
    );
  }

  transaction<T>(fn: () => T): T {
    const depth = this.#depth;
    if (depth === 0) {
      this.query("BEGIN");
      this.query(`SELECT pg_advisory_xact_lock(${String(WRITE_LOCK)})`);
    } else {
      this.query(`SAVEPOINT qawl_${String(depth)}`);
    }
    this.#depth = depth + 1;
    try {
      const result = fn();
      this.#depth = depth;
      this.query(depth === 0 ? "COMMIT" : `RELEASE SAVEPOINT qawl_${String(depth)}`);
      return result;
    } catch (e) {
      this.#depth = depth;
      this.query(depth === 0 ? "ROLLBACK" : `ROLLBACK TO SAVEPOINT qawl_${String(depth)}`);
      throw e;
    }
  }

  /** A read-only REPEATABLE READ transaction: one state of the project, no write lock. */
  snapshot<T>(fn: () => T): T {
    if (this.#depth > 0) return fn();
    this.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    this.#depth = 1;
    try {
      const result = fn();
      this.#depth = 0;
      this.query("COMMIT");
      return result;
    } catch (e) {
      this.#depth = 0;
      this.query("ROLLBACK");
      throw e;
    }
  }

  migrate(fill: (from: number) => void): void {
    const tables = this.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
    ).rows.map((r) => r["table_name"]);
    let version = 0;
    if (tables.length > 0) {
      const row = tables.includes("qawl_project")
        ? this.query("SELECT application, schema_version FROM qawl_project").rows[0]
        : undefined;
      if (row?.["application"] !== APPLICATION) {
        this.close();
        throw new QawlError("bad_input", `${this.location}: this database holds tables that are not a Qawl project`);
      }
      version = Number(row["schema_version"]);
    }
    if (version > MIGRATIONS.length) {
      this.close();
      throw new QawlError(
        "bad_input",
        `${this.location}: project schema version ${String(version)} is newer than this Qawl knows (${String(MIGRATIONS.length)}); update Qawl`,
      );
    }
    if (version === MIGRATIONS.length) return;
    this.transaction(() => {
      // A new database starts at the first version PostgreSQL has; later entries migrate.
      const first = version === 0 ? POSTGRES_MIGRATIONS.findIndex((m) => m !== null) : version;
      for (let v = first; v < MIGRATIONS.length; v++) this.query(POSTGRES_MIGRATIONS[v] ?? "");
      if (version === 0)
        this.query("INSERT INTO qawl_project (application, schema_version) VALUES ($1, 0)", [APPLICATION]);
      fill(version);
      this.query("UPDATE qawl_project SET schema_version = $1", [MIGRATIONS.length]);
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    theBridge()({ kind: "close", client: this.#client });
  }
}
