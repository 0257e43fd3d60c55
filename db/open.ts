/**
 * Opening a project file: better-sqlite3 with WAL, foreign keys, a busy timeout and
 * `synchronous = FULL`, the check that the file is a Qawl project, and the migrations
 * runner (`MIGRATIONS`, keyed on `PRAGMA user_version`; ARCHITECTURE.md §4).
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { QawlError } from "../core/errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";

/** `PRAGMA application_id` of a Qawl project ("QAWL" in ASCII). */
export const APPLICATION_ID = 0x5141574c;

/**
 * Open (or create) a SQLite file with the project's pragmas.
 * @throws QawlError (`bad_input`) when SQLite cannot open it
 */
export function openProjectFile(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma("journal_mode = WAL");
  } catch (e) {
    throw new QawlError("bad_input", `${path}: cannot open as a Qawl project (${(e as Error).message})`);
  }
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // FULL syncs the WAL at every commit, so a write the app has acknowledged survives a power
  // cut or an OS crash too; NORMAL would sync only at checkpoints and could lose the last
  // commits then (never the file: https://sqlite.org/pragma.html#pragma_synchronous). The
  // price, measured by bench/concurrency.bench.ts: about 16 % fewer span writes a second.
  db.pragma("synchronous = FULL");
  return db;
}

/** Where the copy of a project made before migrating it from `version` goes: beside it. */
export function backupPathOf(path: string, version: number): string {
  return `${path}.v${String(version)}.bak`;
}

/**
 * Copy a project as it is before its schema changes (`VACUUM INTO`: one consistent copy,
 * taken while others may read), once per version: a copy already there is kept.
 * @throws QawlError (`bad_input`) naming the file when the copy cannot be written; nothing is migrated then
 */
function backUpBeforeMigrating(db: Database.Database, path: string, version: number): void {
  const backup = backupPathOf(path, version);
  if (existsSync(backup)) return;
  try {
    db.prepare("VACUUM INTO ?").run(backup);
  } catch (e) {
    db.close();
    throw new QawlError(
      "bad_input",
      `${path}: could not keep a copy (${backup}) before updating its schema, so it was not updated (${(e as Error).message})`,
    );
  }
}

/**
 * Bring a project's schema up to date: run the missing migrations in one transaction, then
 * `fill(from)` in the same transaction (seeding a new project, `from` 0, or filling what a
 * migration added), and set `user_version` and `application_id`. A project made by an
 * older Qawl is first copied beside itself (`backupPathOf`). Closes `db` when it refuses.
 * @param path the file, for messages
 * @param fill rows the migrations cannot make in SQL; `from` is the version before
 * @throws QawlError (`bad_input`) when the file is not a Qawl project or was made by a newer Qawl
 */
export function migrate(db: Database.Database, path: string, fill: (from: number) => void): void {
  const appId = db.pragma("application_id", { simple: true }) as number;
  const version = db.pragma("user_version", { simple: true }) as number;
  const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (appId !== 0 || tableCount > 0)) {
    db.close();
    throw new QawlError("bad_input", `${path}: this SQLite file is not a Qawl project`);
  }
  if (version > MIGRATIONS.length) {
    db.close();
    throw new QawlError(
      "bad_input",
      `${path}: project schema version ${String(version)} is newer than this Qawl knows (${String(MIGRATIONS.length)}); update Qawl`,
    );
  }
  if (version === MIGRATIONS.length) return;
  if (version > 0) backUpBeforeMigrating(db, path, version);
  // Begun as a write, and the version read again inside: another process (the CLI beside a
  // server) may have migrated the file meanwhile.
  db.transaction(() => {
    const now = db.pragma("user_version", { simple: true }) as number;
    if (now >= MIGRATIONS.length) return;
    for (let v = now; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] ?? "");
    }
    fill(now);
    db.pragma(`application_id = ${String(APPLICATION_ID)}`);
    db.pragma(`user_version = ${String(MIGRATIONS.length)}`);
  }).immediate();
}
