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
}

/** Start `qawl serve --project <temp>` and wait for its URL. */
export async function startServe(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "qawl-e2e-"));
  const projectPath = join(dir, "project.qawl");
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [QAWL_BIN, "serve", "--project", projectPath], {
    env: { ...process.env, QAWL_ANNOTATOR: "e2e" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let url: string | undefined;
  for await (const line of lines) {
    url = /http:\/\/\S+/u.exec(line)?.[0];
    if (url !== undefined) break;
  }
  if (url === undefined) throw new Error(`qawl serve printed no URL: ${stderr}`);
  return {
    url,
    projectPath,
    dir,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
