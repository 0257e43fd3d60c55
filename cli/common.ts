/**
 * What the `qawl` commands share: where they write, the project options, calling the
 * operation table through `dispatch` (validated input, one-line errors), and small helpers.
 */
import { userInfo } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import type { OperationInput, OperationOutputs } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";
import type { OperationName } from "../core/operation-names.ts";
import { dispatch } from "../main/ops/dispatch.ts";
import type { OpenProject } from "../main/project.ts";

/** Where the CLI writes (raw text, newlines included); injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  interactive?: boolean;
}

/** The process's own standard output and error. */
export const PROCESS_IO: CliIo = {
  stdout: (text) => {
    // `qawl search … | head`: a closed pipe ends the output, not the program with a stack trace.
    if (process.stdout.listenerCount("error") === 0) {
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(0);
        throw e;
      });
    }
    process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY,
};

export interface ProjectOptions {
  project?: string;
  annotator?: string;
}

export function annotatorName(opts: ProjectOptions): string {
  return opts.annotator ?? process.env["QAWL_ANNOTATOR"] ?? userInfo().username;
}

export async function call<K extends OperationName>(
  project: OpenProject,
  name: K,
  input: OperationInput<K>,
): Promise<OperationOutputs[K]> {
  const reply = await dispatch(project.table, name, input);
  if (!reply.ok) throw new QawlError("bad_input", reply.error.message);
  return reply.value as OperationOutputs[K];
}

/** `1 document`, `2 documents`. */
export function plural(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** A file system error in words (`no such file`) rather than its code (`ENOENT`). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: "no such file",
    EISDIR: "it is a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
  };
  return (code !== undefined ? words[code] : undefined) ?? (e as Error).message;
}

/** Parse `1,4,9` into document ids. */
export function parseIds(value: string): number[] {
  const ids = value.split(",").map((v) => Number(v.trim()));
  if (ids.some((n) => !Number.isInteger(n) || n <= 0))
    throw new InvalidArgumentError("document ids are whole numbers, comma-separated");
  return ids;
}

/** Parse `amal,badr` into names (layers, annotators). */
export function parseNames(value: string): string[] {
  const names = value.split(",").map((v) => v.trim());
  if (names.some((n) => n === "")) throw new InvalidArgumentError("names are comma-separated, none empty");
  return names;
}

/** Lines to standard output and error. */
export interface Lines {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Add the options every project command takes. */
export function withProject(c: Command): Command {
  return c
    .option(
      "--project <path>",
      "project file, or a team project's postgres:// URL (default: the project in your data directory)",
    )
    .option("--annotator <name>", "name recorded with your changes (default: $QAWL_ANNOTATOR or your user name)");
}

/**
 * Say how to stop, then wait for Ctrl+C (SIGINT) or SIGTERM and run `stops` in order.
 * @param stops what to close, first to last (the server, then what it served)
 */
export async function untilStopped(io: Lines, stops: readonly (() => Promise<void>)[]): Promise<void> {
  io.out("press Ctrl+C to stop");
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      void stops
        .reduce((done, next) => done.then(next), Promise.resolve())
        .then(() => {
          resolveStop();
        });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
