/**
 * The PostgreSQL store against SQLite's: the same schema, a translated dialect, keys never
 * given twice, and a database that is not a project refused. Runs when the tests run on
 * PostgreSQL (`QAWL_TEST_STORE=postgres`, scripts/test.mjs); the operation tests
 * (main/ops/*.test.ts) then run on it too.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { ProjectStore } from "../project.ts";
import { createOperationTable } from "../../main/ops/table.ts";
import { TEST_STORE, projectLocation, tempDir } from "../../test-support/temp.ts";
import { PostgresConnection } from "./connection.ts";
import { translate } from "./dialect.ts";

const skip = TEST_STORE === "postgres" ? false : "needs PostgreSQL: run with QAWL_TEST_STORE=postgres (npm test does)";

describe("the SQL dialect", () => {
  it("numbers positional and named parameters, and leaves quoted text alone", () => {
    const positional = translate(`SELECT "end", '?' AS q FROM spans WHERE id = ? AND start < ?`);
    assert.equal(positional.text, `SELECT "end", '?' AS q FROM spans WHERE id = $1 AND start < $2`);
    assert.deepEqual(positional.values([4, undefined]), [4, null]);
    const named = translate("UPDATE spans SET note = @note WHERE id = @id OR entity_id = @id");
    assert.equal(named.text, "UPDATE spans SET note = $1 WHERE id = $2 OR entity_id = $2");
    assert.deepEqual(named.values([{ id: 7, note: "n" }]), ["n", 7]);
  });

  it("reads a JSON array of ids and returns an inserted row's key", () => {
    const inList = translate("SELECT id FROM spans WHERE document_id IN (SELECT value FROM json_each(?))");
    assert.equal(
      inList.text,
      "SELECT id FROM spans WHERE document_id IN (SELECT value::integer FROM json_array_elements_text(($1)::json) AS value)",
    );
    const insert = translate("INSERT INTO change_log (at, annotator, client, changes) VALUES (?, ?, ?, ?)");
    assert.equal(insert.returning, "revision");
    assert.equal(insert.givesIdentityOf, null);
    assert.equal(translate('INSERT INTO spans (id, "end") VALUES (?, ?)').givesIdentityOf, "spans");
  });
});

describe("a project on PostgreSQL", { skip }, () => {
  it("has SQLite's tables and columns", (t) => {
    const file = new Database(join(tempDir(t), "p.qawl"));
    new ProjectStore(file.name).close();
    const sqliteTables = (
      file
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'text_search_%'`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    const sqliteColumns = new Map(
      sqliteTables.map((table) => [
        table,
        [
          ...(file.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
            (c) => c.name,
          ),
          // FTS5's rowid is implicit; PostgreSQL's search table names it.
          ...(table === "text_search" ? ["rowid"] : []),
        ].sort(),
      ]),
    );
    file.close();
    const location = projectLocation(t);
    new ProjectStore(location).close();
    const pg = new PostgresConnection(location);
    t.after(() => {
      pg.close();
    });
    const rows = pg.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    ).rows as { table_name: string; column_name: string }[];
    const pgColumns = new Map<string, string[]>();
    for (const r of rows) pgColumns.set(r.table_name, [...(pgColumns.get(r.table_name) ?? []), r.column_name]);
    pgColumns.delete("qawl_project");
    assert.deepEqual(
      new Map([...pgColumns].map(([table, columns]) => [table, columns.sort()])),
      new Map([...sqliteColumns].sort(([a], [b]) => (a < b ? -1 : 1))),
    );
  });

  it("never gives a deleted span's id again", (t) => {
    const store = new ProjectStore(projectLocation(t));
    t.after(() => {
      store.close();
    });
    const table = createOperationTable(store, { annotator: "amal" });
    const text = "قال الوزير إن الاجتماع كان مثمرا.";
    const documentId =
      table.importDocuments({ files: [{ name: "a.txt", contentBase64: Buffer.from(text).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const first = table.createSpan({ documentId, label: "PER", start: 4, end: 10 }).id;
    table.deleteSpan({ spanId: first });
    const second = table.createSpan({ documentId, label: "PER", start: 4, end: 10 }).id;
    assert.notEqual(second, first);
    table.deleteSpan({ spanId: second });
    const third = table.createSpan({ documentId, label: "ORG", start: 11, end: 15 }).id;
    assert.ok(third > second, `${String(third)} after ${String(second)}`);
  });

  it("refuses a database whose tables are not a Qawl project", (t) => {
    const location = projectLocation(t);
    const pg = new PostgresConnection(location);
    pg.query("CREATE TABLE invoices (id integer)");
    pg.close();
    assert.throws(() => new ProjectStore(location), /this database holds tables that are not a Qawl project$/u);
  });

  it("names the server and its reason when it cannot connect", () => {
    assert.throws(
      () => new ProjectStore("postgres://qawl:secret@127.0.0.1:1/nowhere"),
      (e: Error) =>
        e.message.startsWith("postgres://qawl:***@127.0.0.1:1/nowhere: cannot open the project (") &&
        !e.message.includes("secret"),
    );
  });
});
