/**
 * The statement cache of an open project: each SQL text is prepared once
 * (`Connection.prepare`) and reused for the life of the connection.
 */
import type { Connection, Statement } from "./connection.ts";

/** A prepared statement for `sql`, prepared on first use. */
export type Prepare = (sql: string) => Statement;

/** A `Prepare` over `connection` that keeps every statement it prepared. */
export function statementCache(connection: Connection): Prepare {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let stmt = statements.get(sql);
    if (stmt === undefined) {
      stmt = connection.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
}
