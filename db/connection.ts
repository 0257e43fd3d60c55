/**
 * The connection a project store runs its SQL on: a SQLite file (better-sqlite3) or a
 * PostgreSQL database (`db/postgres/connection.ts`). Both are synchronous, so the
 * operation table above them is the same for both (ARCHITECTURE.md §12). The table modules
 * write SQLite's SQL; the PostgreSQL connection translates it (`db/postgres/dialect.ts`),
 * and the few statements no translation can carry are chosen by `dialect`.
 */

/** What a write statement reports. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
  /** The key of the row an INSERT made (0 when none). */
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement. Parameters are positional (`?`) or one object of named ones
 * (`@name`), as better-sqlite3 binds them.
 */
export interface Statement {
  /** The first row, or undefined. */
  get(...params: unknown[]): unknown;
  /** Every row. */
  all(...params: unknown[]): unknown[];
  /** Run a write. */
  run(...params: unknown[]): RunResult;
}

/** The SQL dialect a connection speaks. */
export type Dialect = "sqlite" | "postgres";

/** One open connection to a project's database. */
export interface Connection {
  readonly dialect: Dialect;
  /** Where the project is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  /** A statement for `sql` (SQLite's dialect). */
  prepare(sql: string): Statement;
  /**
   * Run `fn` in one transaction (all of its writes, or none; nested calls become savepoints).
   * On PostgreSQL a transaction also holds the project's write lock, so that writers take
   * turns as on SQLite.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Run `fn`, which only reads, on one consistent state of the project without taking the
   * write lock, so that a long export never holds up the writers (nor they it). Inside a
   * transaction it simply runs there.
   * @throws whatever `fn` throws; a write in `fn` fails (PostgreSQL: a read-only transaction)
   */
  snapshot<T>(fn: () => T): T;
  /**
   * Bring the schema up to date, running `fill(from)` in the same transaction.
   * @throws QawlError (`bad_input`) when the database is not a Qawl project or is newer than this Qawl
   */
  migrate(fill: (from: number) => void): void;
  /** Close the connection. */
  close(): void;
}

/** Whether a project location names a PostgreSQL database rather than a file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//iu.test(location);
}
