/** Temporary folders and projects for tests, removed when the test ends. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { PostgresConnection } from "../db/postgres/connection.ts";

/** A fresh folder that is removed after the test. */
export function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), "qawl-test-"));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * The store the operation tests run on: `QAWL_TEST_STORE=postgres` runs them on PostgreSQL
 * (`QAWL_TEST_POSTGRES`, an account that may create databases; scripts/test.mjs sets both),
 * otherwise on SQLite files.
 */
export const TEST_STORE = process.env["QAWL_TEST_STORE"] === "postgres" ? "postgres" : "sqlite";

/** The database the tests' projects are made in, one schema each (scripts/test.mjs makes it). */
export const TEST_DATABASE = "qawl_test";

let schemas = 0;

/**
 * Where a fresh project for one test lives: a SQLite file in a temporary folder, or, when
 * the tests run on PostgreSQL, a new schema of the database `qawl_test` (a URL naming it in
 * `search_path`), dropped after the test.
 * @param name the file's name (SQLite)
 * @throws Error when PostgreSQL is asked for and `QAWL_TEST_POSTGRES` is not set
 */
export function projectLocation(t: TestContext, name = "p.qawl"): string {
  if (TEST_STORE === "sqlite") return join(tempDir(t), name);
  const admin = process.env["QAWL_TEST_POSTGRES"];
  if (admin === undefined) throw new Error("QAWL_TEST_STORE=postgres needs QAWL_TEST_POSTGRES (a postgres:// URL)");
  const url = new URL(admin);
  url.pathname = `/${TEST_DATABASE}`;
  const schema = `t_${String(process.pid)}_${String(++schemas)}`;
  const connection = new PostgresConnection(url.toString());
  connection.query(`CREATE SCHEMA ${schema}`);
  t.after(() => {
    connection.query(`DROP SCHEMA ${schema} CASCADE`);
    connection.close();
  });
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** The repository's fixtures: the sample article and `cases/` (inputs that break annotation tools). */
export const FIXTURES = new URL("../fixtures/", import.meta.url);
/** The sample article kept in the repository. */
export const SAMPLE = new URL("../fixtures/lavrov-pompeo-sochi-2019.txt", import.meta.url);

/** The native JSONL export of an operation table (its one file's text). */
export async function exportJsonl(table: {
  exportDocuments: (i: { format: "jsonl" }) => Promise<{ files: { content: string }[] }>;
}): Promise<string> {
  const result = await table.exportDocuments({ format: "jsonl" });
  return result.files[0]?.content ?? "";
}
