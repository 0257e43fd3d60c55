/**
 * The `qawl` command line: calls the operation table directly (through `dispatch`, so its
 * input is validated as on every other host). Offsets it prints or writes count code
 * points, end-exclusive. Errors: one line on stderr, exit status 1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { userInfo } from "node:os";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { OperationInput, OperationOutputs } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";
import type { OperationName } from "../core/operation-names.ts";
import { dispatch } from "../main/ops/dispatch.ts";
import { rendererRoot } from "../main/paths.ts";
import { discardProject, openProject, type OpenProject } from "../main/project.ts";
import { startServer } from "../main/serve/server.ts";

/** Where the CLI writes (raw text, newlines included); injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's own standard output and error. */
const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface ProjectOptions {
  project?: string;
  annotator?: string;
}

function annotatorName(opts: ProjectOptions): string {
  return opts.annotator ?? process.env["QAWL_ANNOTATOR"] ?? userInfo().username;
}

function call<K extends OperationName>(project: OpenProject, name: K, input: OperationInput<K>): OperationOutputs[K] {
  const reply = dispatch(project.table, name, input);
  if (!reply.ok) throw new QawlError("bad_input", reply.error.message);
  return reply.value as OperationOutputs[K];
}

/** `1 document`, `2 documents`. */
function plural(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** A file system error in words (`no such file`) rather than its code (`ENOENT`). */
function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: "no such file",
    EISDIR: "it is a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
  };
  return (code !== undefined ? words[code] : undefined) ?? (e as Error).message;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  }
  return port;
}

/** Build the command tree. Actions that run long (serve) resolve when they stop. */
function program(streams: CliIo): Command {
  const io = {
    out: (line: string) => {
      streams.stdout(`${line}\n`);
    },
    err: (line: string) => {
      streams.stderr(`${line}\n`);
    },
  };
  const cmd = new Command("qawl")
    .description(
      "Annotate quotes, speakers, cues and named entities in Arabic news.\nOffsets count Unicode code points, end-exclusive.",
    )
    .version("0.1.0")
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr })
    .exitOverride();

  const withProject = (c: Command) =>
    c
      .option("--project <path>", "project file (default: the project in your data directory)")
      .option("--annotator <name>", "name recorded with your changes (default: $QAWL_ANNOTATOR or your user name)");

  withProject(cmd.command("import"))
    .description("import plain-text articles (UTF-8, with or without BOM, LF or CRLF)")
    .argument("<files...>", "article files")
    .option("--encoding <label>", "decode the files from this encoding (e.g. windows-1256) instead of UTF-8")
    .action((files: string[], opts: ProjectOptions & { encoding?: string }) => {
      const inputs = files.map((f) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(f);
        } catch (e) {
          throw new QawlError("bad_input", `${f}: cannot read (${describeFsError(e)})`);
        }
        return { name: f, contentBase64: bytes.toString("base64") };
      });
      const project = openProject({ project: opts.project, context: { annotator: annotatorName(opts) } });
      let report;
      try {
        report = call(project, "importDocuments", {
          files: inputs,
          ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
        });
      } catch (e) {
        if (project.created) discardProject(project);
        else project.store.close();
        throw e;
      }
      project.store.close();
      for (const o of report.outcomes) {
        io.out(
          o.status === "imported"
            ? `imported ${o.file} as document ${String(o.documentId)} "${o.title}" (${String(o.length)} code points)`
            : `skipped ${o.file}: same text as document ${String(o.documentId)} "${o.title}"`,
        );
      }
    });

  withProject(cmd.command("list"))
    .description("list the project's documents")
    .action((opts: ProjectOptions) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts) },
      });
      try {
        const docs = call(project, "listDocuments", {});
        if (docs.length === 0) io.out(`no documents in ${project.store.path}`);
        for (const d of docs) {
          const spans = Object.values(d.spanCounts).reduce((a, b) => a + b, 0);
          io.out(
            [
              String(d.id),
              d.published?.iso ?? "-",
              d.status,
              `${String(spans)} spans`,
              `${String(d.length)} cp`,
              d.title,
            ].join("\t"),
          );
        }
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("export"))
    .description("export the project's documents and annotation")
    .option("--format <format>", "output format: jsonl (Qawl's native JSONL)", "jsonl")
    .option("--out <file>", "write to this file (default: standard output)")
    .action((opts: ProjectOptions & { format: string; out?: string }) => {
      if (opts.format !== "jsonl")
        throw new QawlError("bad_input", `unknown export format "${opts.format}" (known: jsonl)`);
      const project = openProject({ project: opts.project, context: { annotator: annotatorName(opts) } });
      try {
        const file = call(project, "exportDocuments", { format: "jsonl" });
        if (opts.out === undefined) streams.stdout(file.content);
        else {
          writeFileSync(opts.out, file.content);
          io.err(`wrote ${plural(file.documentCount, "document")} to ${opts.out}`);
        }
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("serve"))
    .description("serve Qawl to a browser on this machine (127.0.0.1 only, with a token)")
    .option("--port <n>", "TCP port (default: a free one)", parsePort)
    .action(async (opts: ProjectOptions & { port?: number }) => {
      const project = openProject({
        project: opts.project,
        seedSampleOnFirstRun: true,
        context: { annotator: annotatorName(opts) },
      });
      const server = await startServer({ table: project.table, rendererRoot: rendererRoot(), port: opts.port ?? 0 });
      io.out(`Qawl is serving ${basename(project.store.path)} at ${server.url}`);
      io.out(`project: ${project.store.path}`);
      io.out("press Ctrl+C to stop");
      await new Promise<void>((resolveStop) => {
        const stop = () => {
          void server.close().then(() => {
            project.store.close();
            resolveStop();
          });
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });

  return cmd;
}

/**
 * Run the CLI.
 * @param argv arguments after the program name, e.g. `["import", "a.txt"]`
 * @returns the exit status: 0 on success, 1 on error
 */
export async function run(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  try {
    await program(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    io.stderr(`qawl: ${(e as Error).message}\n`);
    return 1;
  }
}
