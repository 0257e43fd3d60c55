import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { tempDir } from "../test-support/temp.ts";
import { lockPathOf, takeProjectLock } from "./project-lock.ts";

describe("the project lock", () => {
  it("names the holder to a second instance, and is free again once released", (t) => {
    const project = join(tempDir(t), "p.qawl");
    const first = takeProjectLock(project, "qawl serve");
    const holder = JSON.parse(readFileSync(lockPathOf(project), "utf8")) as { pid: number; app: string };
    assert.deepEqual([holder.pid, holder.app], [process.pid, "qawl serve"]);
    // Another live process that holds it is refused, and named.
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    t.after(() => other.kill());
    writeFileSync(
      lockPathOf(project),
      JSON.stringify({ pid: other.pid, host: hostname(), app: "the desktop app", since: "2026-12-03T10:00:00Z" }),
    );
    assert.throws(
      () => takeProjectLock(project, "qawl serve"),
      new RegExp(
        `^QawlError: ${project.replaceAll(/[.\\/]/gu, "\\$&")} is open in the desktop app \\(process ${String(other.pid)} on .+, since 2026-12-03T10:00:00Z\\); close it there first$`,
        "u",
      ),
    );
    // The holder's file is left alone by a release that does not own it.
    first.release();
    assert.ok(existsSync(lockPathOf(project)));
  });

  it("takes over a lock whose process is gone (killed, crashed), and releases it", async (t) => {
    const project = join(tempDir(t), "p.qawl");
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    writeFileSync(
      lockPathOf(project),
      JSON.stringify({ pid: gone.pid, host: hostname(), app: "qawl serve", since: "" }),
    );
    const lock = takeProjectLock(project, "qawl serve");
    assert.equal((JSON.parse(readFileSync(lockPathOf(project), "utf8")) as { pid: number }).pid, process.pid);
    lock.release();
    assert.equal(existsSync(lockPathOf(project)), false);
    // An unreadable lock file is stale too.
    writeFileSync(lockPathOf(project), "{not json");
    takeProjectLock(project, "qawl serve").release();
    assert.equal(existsSync(lockPathOf(project)), false);
  });

  it("makes the project's folder when it is not there yet (the default project on a first run)", (t) => {
    const project = join(tempDir(t), "new", "folder", "default.qawl");
    const lock = takeProjectLock(project, "qawl serve");
    assert.ok(existsSync(lockPathOf(project)));
    lock.release();
    assert.equal(existsSync(lockPathOf(project)), false);
  });

  it("takes no file lock for a PostgreSQL project", () => {
    const lock = takeProjectLock("postgres://qawl@127.0.0.1/db", "qawl serve");
    assert.equal(lock.path, null);
  });
});
