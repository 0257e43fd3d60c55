/**
 * Opening a project file: better-sqlite3 with WAL, foreign keys, a busy timeout and
 * `synchronous = NORMAL`, the check that the file is a Qawl project, and the migrations
 * runner (`MIGRATIONS`, keyed on `PRAGMA user_version`; ARCHITECTURE.md §4).
 */
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
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a crash can lose the
  // last commits but never corrupts the file (https://sqlite.org/pragma.html#pragma_synchronous).
  db.pragma("synchronous = NORMAL");
  return db;
}

/**
 * Bring a project's schema up to date: run the missing migrations in one transaction, then
 * `fill(from)` in the same transaction (seeding a new project, `from` 0, or filling what a
 * migration added), and set `user_version` and `application_id`. Closes `db` when it refuses.
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
