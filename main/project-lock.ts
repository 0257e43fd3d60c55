/**
 * One app instance per project: `qawl serve` and the desktop app take a lock file beside the
 * project file (`<project>.lock`, JSON naming the holder) before opening it, so two of them
 * never serve one project, each undoing and caching on its own. The CLI's one-off commands
 * take no lock: they run beside a server and write through SQLite's own locking.
 *
 * A lock whose process is gone (killed, crashed) is stale and taken over; one held by a live
 * process on this machine is refused with a message naming it. A PostgreSQL project (a team
 * server) takes no file lock.
 */
import { randomBytes } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { QawlError } from "../core/errors.ts";
import { isPostgresLocation } from "../db/connection.ts";

/** Who holds a project: written into its lock file. */
export interface LockHolder {
  /** Process id. */
  pid: number;
  /** The machine's host name. */
  host: string;
  /** What holds it: `qawl serve`, `the desktop app`. */
  app: string;
  /** When it was taken, ISO 8601. */
  since: string;
}

/** A lock taken: `release` removes its file (once, and only if it is still this process's). */
export interface ProjectLock {
  readonly path: string | null;
  release(): void;
}

/** The lock file of a project file. */
export const lockPathOf = (projectPath: string): string => `${projectPath}.lock`;

/** Whether a process of this machine is alive (EPERM: alive, another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The holder a lock file names, or null when it is unreadable (then it is stale). */
function holderOf(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      app: typeof parsed.app === "string" ? parsed.app : "another Qawl",
      since: typeof parsed.since === "string" ? parsed.since : "",
    };
  } catch {
    return null;
  }
}

/**
 * Take the lock of a project, or refuse.
 * @param projectPath the project file (a PostgreSQL URL takes no lock)
 * @param app what takes it, for the message another instance shows (`qawl serve`)
 * @throws QawlError (`conflict`) naming the holder when a live process holds the project
 */
export function takeProjectLock(projectPath: string, app: string): ProjectLock {
  if (isPostgresLocation(projectPath)) return { path: null, release: () => undefined };
  // The folder may not exist yet (the default project on a first run).
  mkdirSync(dirname(projectPath), { recursive: true });
  // One lock for one file, whatever link it is reached by.
  const target = existsSync(projectPath) ? realpathSync(projectPath) : projectPath;
  const path = lockPathOf(target);
  const me: LockHolder = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() };
  // The holder is written to a file of this process's own, then linked into place: the lock
  // appears with its content, never empty (link fails when the lock exists).
  const mine = `${path}.${String(process.pid)}.${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        const holder = holderOf(path);
        const itsMe = holder !== null && holder.host === me.host && holder.pid === me.pid;
        if (holder !== null && !itsMe && (holder.host !== me.host || alive(holder.pid))) {
          throw new QawlError(
            "conflict",
            `${projectPath} is open in ${holder.app} (process ${String(holder.pid)} on ${holder.host}` +
              `${holder.since === "" ? "" : `, since ${holder.since}`}); close it there first`,
          );
        }
        // Stale (its process is gone): moved aside first, so that of two starters only one
        // removes it, and neither removes the other's new lock.
        const aside = `${path}.stale.${randomBytes(4).toString("hex")}`;
        try {
          renameSync(path, aside);
          rmSync(aside, { force: true });
        } catch (moved) {
          if ((moved as NodeJS.ErrnoException).code !== "ENOENT") throw moved;
        }
        continue;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = holderOf(path);
        if (holder?.pid === me.pid && holder.host === me.host) rmSync(path, { force: true });
      };
      process.once("exit", release);
      return { path, release };
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new QawlError("conflict", `${projectPath}: its lock file ${path} could not be taken`);
}
