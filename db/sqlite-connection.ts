/**
 * A project file as a `Connection` (db/connection.ts): better-sqlite3, with the pragmas and
 * the migrations of db/open.ts.
 */
import type Database from "better-sqlite3";
import type { Connection, Statement } from "./connection.ts";
import { migrate, openProjectFile } from "./open.ts";

/** A SQLite project file. */
export class SqliteConnection implements Connection {
  readonly dialect = "sqlite";
  readonly location: string;
  readonly #db: Database.Database;

  /**
   * Open (or create) the file.
   * @throws QawlError (`bad_input`) when SQLite cannot open it
   */
  constructor(path: string) {
    this.location = path;
    this.#db = openProjectFile(path);
  }

  prepare(sql: string): Statement {
    return this.#db.prepare(sql);
  }

  /**
   * Run `fn` in one transaction begun as a write (`BEGIN IMMEDIATE`): the write lock is taken
   * at the start, waiting up to `busy_timeout` for another writer, instead of a read
   * transaction upgraded later, which fails at once with `SQLITE_BUSY_SNAPSHOT` whatever the
   * timeout when another connection wrote meanwhile (https://sqlite.org/lang_transaction.html).
   * Nested calls are savepoints.
   */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  /** A deferred transaction that only reads: in WAL mode it sees one state and blocks no writer. */
  snapshot<T>(fn: () => T): T {
    if (this.#db.inTransaction) return fn();
    return this.#db.transaction(fn).deferred();
  }

  migrate(fill: (from: number) => void): void {
    migrate(this.#db, this.location, fill);
  }

  /** A PRAGMA's current value. */
  pragma(name: string): unknown {
    return this.#db.pragma(name, { simple: true });
  }

  close(): void {
    this.#db.close();
  }
}
