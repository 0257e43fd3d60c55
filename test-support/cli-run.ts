/**
 * The CLI tests' way to run `qawl` in this process (`run` with captured output), and the
 * fixture paths they share.
 */
import { fileURLToPath } from "node:url";
import { FIXTURES, SAMPLE } from "./temp.ts";
import { run } from "../cli/main.ts";

/** The sample article's path. */
export const samplePath = fileURLToPath(SAMPLE);

/** A file of `fixtures/cases/`. */
export const casePath = (name: string): string => fileURLToPath(new URL(`cases/${name}`, FIXTURES));

/** Run `qawl args…`; its exit status and what it printed on each stream. */
export async function qawl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}
