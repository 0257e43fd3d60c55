/**
 * The statement cache of an open project: each SQL text is prepared once (better-sqlite3
 * `Database.prepare`) and reused for the life of the connection.
 */
import type Database from "better-sqlite3";

/** A prepared statement for `sql`, prepared on first use. */
export type Prepare = (sql: string) => Database.Statement;

/** A `Prepare` over `db` that keeps every statement it prepared. */
export function statementCache(db: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let stmt = statements.get(sql);
    if (stmt === undefined) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
}
