/**
 * Starts the real `qawl serve` (the CLI, as a user runs it) on a temporary project and
 * reads its URL from the first output line that contains `http://`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The Qawl launcher in this repository. */
export const QAWL_BIN = fileURLToPath(new URL("../../bin/qawl.mjs", import.meta.url));

/** A running `qawl serve`. */
export interface Served {
  url: string;
  projectPath: string;
  dir: string;
  stop: () => Promise<void>;
  /** Stop the server as a crash would, keeping its folder (`restart` starts it again). */
  kill: () => Promise<void>;
  /**
   * Stop the server (keeping its folder) and start `qawl serve` again on the same project
   * and data directory; `args` are added to the command (e.g. `--new-token`).
   */
  restart: (args?: string[]) => Promise<Served>;
}

/**
 * Start `qawl serve --project <temp>` and wait for its URL. The user's data directory
 * (`XDG_DATA_HOME`, where the serve token is kept) is inside the same temporary folder.
 * @param annotator the name the server records with every change (`QAWL_ANNOTATOR`)
 */
export async function startServe(annotator = "e2e"): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-"));
  return serveIn(dir, [], annotator);
}

async function serveIn(dir: string, args: string[], annotator: string): Promise<Served> {
  const projectPath = join(dir, "project.qawl");
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [QAWL_BIN, "serve", "--project", projectPath, ...args],
    { env: { ...process.env, QAWL_ANNOTATOR: annotator, XDG_DATA_HOME: join(dir, "data") } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let url: string | undefined;
  for await (const line of lines) {
    url = /http:\/\/\S+/u.exec(line)?.[0];
    if (url !== undefined) break;
  }
  if (url === undefined) throw new Error(`qawl serve printed no URL: ${stderr}`);
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return {
    url,
    projectPath,
    dir,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    kill: halt,
    restart: async (more = []) => {
      await halt();
      return serveIn(dir, more, annotator);
    },
  };
}
