/**
 * The `qawl` command line: calls the operation table directly (through `dispatch`, so its
 * input is validated as on every other host). Offsets it prints or writes count code
 * points, end-exclusive. Errors: one line on stderr, exit status 1.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { SingleBar } from "cli-progress";
import type { ExportResult } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";
import {
  EXPORT_FORMATS,
  EXPORT_VARIANTS,
  IMPORT_FORMATS,
  readerOf,
  variantsOf,
  writerOf,
  type ExportFormat,
  type ExportVariant,
} from "../core/formats/registry.ts";
import { projectLocation, rendererRoot } from "../main/paths.ts";
import { takeProjectLock } from "../main/project-lock.ts";
import { discardProject, openProject } from "../main/project.ts";
import { startProjectServer } from "../main/serve/durable.ts";
import { TableWorker } from "../main/worker/table-proxy.ts";
import { callAsJob } from "./jobs.ts";
import {
  PROCESS_IO,
  annotatorName,
  call,
  describeFsError,
  parseIds,
  parseNames,
  plural,
  untilStopped,
  withProject,
  type CliIo,
  type ProjectOptions,
} from "./common.ts";
import { addAgreementCommand } from "./agreement.ts";
import { addTeamCommands, serveTeam, type ServeTeamOptions } from "./team.ts";
import { addMetaCommand } from "./meta.ts";
import { checkExportOptions, needsOutMessage, writeExport } from "./export-out.ts";
import { addSuggestionCommands } from "./suggest.ts";

export type { CliIo } from "./common.ts";

/**
 * Files named on the command line; a folder stands for every file in it (recursively, in
 * name order), hidden files included (the import skips and names them) but not the insides
 * of hidden folders (`.git`). A brat `.ann` named alone brings its `.txt` from beside it,
 * as a person means by naming the annotation file.
 */
function expandPaths(paths: string[]): string[] {
  const named = paths.flatMap((path) => {
    let stats;
    try {
      stats = statSync(path);
    } catch (e) {
      throw new QawlError("bad_input", `${path}: cannot read (${describeFsError(e)})`);
    }
    if (!stats.isDirectory()) return [path];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter(
        (entry) =>
          entry.isFile() &&
          !relative(path, entry.parentPath)
            .split(sep)
            .some((d) => d.startsWith(".")),
      )
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  });
  return named.flatMap((path) => {
    const text = path.replace(/\.ann$/iu, ".txt");
    return text !== path && !named.includes(text) && existsSync(text) ? [text, path] : [path];
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  }
  return port;
}

/** Print an export's loss report on stderr. */
function printReport(io: { err: (line: string) => void }, result: ExportResult): void {
  for (const note of result.report.notes) io.err(`note: ${note}`);
  for (const doc of result.report.documents) {
    for (const lost of doc.lost)
      io.err(`lost in ${result.report.format}: document ${String(doc.documentId)} "${doc.title}": ${lost}`);
  }
  if (result.report.documents.length === 0) io.err(`nothing lost in ${result.report.format}`);
}

/**
 * The help's list of formats, from the registry, one a line: the id and its English name; for
 * import, between them, the name endings its reader claims.
 */
export function formatsHelp(direction: "import" | "export"): string {
  const rows =
    direction === "import"
      ? IMPORT_FORMATS.map((id) => [id, readerOf(id).extensions.join(" "), readerOf(id).name.en])
      : EXPORT_FORMATS.map((id) => [id, writerOf(id).name.en]);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    `  ${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join("  ")}`;
  return ["", "Formats:", ...rows.map(line)].join("\n");
}

/** The `--variant` help: each format with layouts, its layouts, the default first. */
function variantHelp(): string {
  const withLayouts = EXPORT_FORMATS.filter((f) => variantsOf(f).length > 0);
  return withLayouts
    .map((f) => {
      const [first, ...others] = variantsOf(f).map((v) => v.id);
      return `layout of ${f}: ${[`${first ?? ""} (default)`, ...others].join(" or ")}`;
    })
    .join("; ");
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

  withProject(cmd.command("import"))
    .description(
      "import documents: files, or folders of files (all at once, or nothing; a folder's files of other types are skipped and named)",
    )
    .argument("<paths...>", "files or folders")
    .addOption(
      new Option("--format <format>", "the files' format (default: found from each file)").choices([
        "auto",
        ...IMPORT_FORMATS,
      ]),
    )
    .addHelpText("after", formatsHelp("import"))
    .option(
      "--encoding <label>",
      "decode plain-text and HTML files from this encoding (e.g. windows-1256) instead of UTF-8",
    )
    .action(async (paths: string[], opts: ProjectOptions & { encoding?: string; format?: string }) => {
      const names = expandPaths(paths);
      if (names.length === 0) throw new QawlError("bad_input", `${paths.join(", ")}: no files to import`);
      const bar =
        streams.interactive === true && names.length > 1
          ? new SingleBar({
              format: "reading {bar} {value}/{total} files",
              stream: process.stderr,
              clearOnComplete: true,
            })
          : null;
      bar?.start(names.length, 0);
      const inputs = names.map((f, i) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(f);
        } catch (e) {
          bar?.stop();
          throw new QawlError("bad_input", `${f}: cannot read (${describeFsError(e)})`);
        }
        bar?.update(i + 1);
        return { name: f, contentBase64: bytes.toString("base64") };
      });
      bar?.stop();
      if (names.length > 1 && streams.interactive === true) io.err(`importing ${plural(names.length, "file")}…`);
      // A new project is made aside and named only once the import is stored: a killed first
      // import leaves no empty project behind.
      const project = openProject({
        project: opts.project,
        staged: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      let report;
      try {
        // A job: its progress on the terminal, and Ctrl+C stores nothing (cli/jobs.ts).
        report = await callAsJob(
          project,
          annotatorName(opts),
          "importDocuments",
          {
            files: inputs,
            ...(opts.format !== undefined ? { format: opts.format as "auto" } : {}),
            ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
          },
          streams,
        );
      } catch (e) {
        if (project.created) discardProject(project);
        else project.store.close();
        throw e;
      }
      project.finish();
      for (const o of report.outcomes) {
        io.out(
          o.status === "imported"
            ? `imported ${o.file} as document ${String(o.documentId)} "${o.title}" (${String(o.length)} code points)`
            : o.status === "merged"
              ? `merged ${o.file} into document ${String(o.documentId)} "${o.title}": layers ${o.layers.join(", ")} (${String(o.spans)} spans)`
              : o.layers !== undefined
                ? `skipped ${o.file}: document ${String(o.documentId)} "${o.title}" already holds the layers ${o.layers.join(", ")} (an import never replaces a layer)`
                : `skipped ${o.file}: same text as document ${String(o.documentId)} "${o.title}"`,
        );
      }
      for (const note of report.notes) io.err(`note: ${note}`);
    });

  withProject(cmd.command("list"))
    .description("list the project's documents")
    .action(async (opts: ProjectOptions) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      try {
        const docs = await call(project, "listDocuments", {});
        if (docs.length === 0) io.out(`no documents in ${project.store.path}`);
        for (const d of docs) {
          const spans = Object.values(d.spanCounts).reduce((a, b) => a + b, 0);
          io.out(
            [
              String(d.id),
              d.published?.iso ?? "-",
              d.status,
              plural(spans, "span"),
              `${String(d.suggestionCount)} to review`,
              `${String(d.length)} cp`,
              d.title,
            ].join("\t"),
          );
        }
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("delete"))
    .description("delete documents with their annotation (not undoable; clears the undo history)")
    .argument("<ids>", "the documents' ids, comma-separated (as `list` shows them)", parseIds)
    .action(async (ids: number[], opts: ProjectOptions) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      try {
        const { deleted } = await call(project, "deleteDocuments", { documentIds: ids });
        for (const d of deleted) io.out(`deleted ${String(d.documentId)}\t${d.title}`);
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("export"))
    .description("export documents and their annotation, with a report of what the format cannot hold")
    .addOption(new Option("--format <format>", "output format").choices([...EXPORT_FORMATS]).default("jsonl"))
    .option(
      "--out <path>",
      "file to write (a folder for formats with several files, or their main file when the name ends in its extension, e.g. tasks.json for labelstudio; default: standard output)",
    )
    .option("--documents <ids>", "only these documents (comma-separated ids)", parseIds)
    .option(
      "--layers <names>",
      "only these layers: annotator names or gold, comma-separated (default: every layer)",
      parseNames,
    )
    .addOption(new Option("--variant <layout>", variantHelp()).choices([...EXPORT_VARIANTS]))
    .addHelpText("after", formatsHelp("export"))
    .action(
      async (
        opts: ProjectOptions & {
          format: ExportFormat;
          out?: string;
          documents?: number[];
          layers?: string[];
          variant?: ExportVariant;
        },
      ) => {
        checkExportOptions(opts.format, opts.out, opts.variant);
        const project = openProject({
          project: opts.project,
          mustExist: true,
          context: { annotator: annotatorName(opts), client: () => "cli" },
        });
        let result: ExportResult;
        try {
          result = await callAsJob(
            project,
            annotatorName(opts),
            "exportDocuments",
            {
              format: opts.format,
              ...(opts.documents !== undefined ? { documentIds: opts.documents } : {}),
              ...(opts.variant !== undefined ? { variant: opts.variant } : {}),
              ...(opts.layers !== undefined ? { layers: opts.layers } : {}),
            },
            streams,
          );
        } finally {
          project.store.close();
        }
        const single = result.files.length === 1 ? result.files[0] : undefined;
        if (opts.out !== undefined) {
          for (const line of writeExport(opts.format, opts.out, result)) io.err(line);
        } else if (single !== undefined) {
          if (single.encoding === "base64") {
            throw new QawlError("bad_input", `${opts.format} is binary: name a file with --out`);
          }
          streams.stdout(single.content);
        } else {
          throw new QawlError("bad_input", needsOutMessage(opts.format, result.files.length));
        }
        printReport(io, result);
      },
    );

  addSuggestionCommands(cmd, io);
  addMetaCommand(cmd, io);
  addAgreementCommand(cmd, io);
  addTeamCommands(cmd, io);

  withProject(cmd.command("serve"))
    .description(
      "serve Qawl to a browser on this machine (127.0.0.1 only, with a token), or a team project to its people (--team)",
    )
    .option("--port <n>", "TCP port (default: the project's last one, else a free one)", parsePort)
    .option("--new-token", "make a new token for this project (URLs printed before stop working)")
    .option("--team", "serve a team project on PostgreSQL to signed-in people (with --database)")
    .option("--database <url>", "the team project's postgres:// URL (with --team)")
    .option("--listen <address>", "address a team server listens on (default 127.0.0.1)")
    .option(
      "--host-name <names>",
      "names people reach a team server by (comma-separated; default the listen address)",
      parseNames,
    )
    .option("--blind", "annotators of a team server see their own layer only")
    .action(async (opts: ProjectOptions & ServeTeamOptions & { port?: number; newToken?: boolean; team?: boolean }) => {
      if (opts.team === true) {
        await serveTeam(opts, io);
        return;
      }
      // The project lives in a worker thread (main/worker/), so a long import never holds up
      // the server; each API call names its tab (X-Qawl-Client), which scopes undo and records.
      // One server per project: a second is refused, naming the first (main/project-lock.ts).
      const lock = takeProjectLock(projectLocation(opts.project), "qawl serve");
      // Ctrl+C while it starts (seconds on a busy machine) lets go of the lock too.
      const stopEarly = (signal: NodeJS.Signals) => {
        lock.release();
        process.exit(signal === "SIGINT" ? 130 : 143);
      };
      process.once("SIGINT", stopEarly);
      process.once("SIGTERM", stopEarly);
      let opened: TableWorker | undefined;
      let started: Awaited<ReturnType<typeof startProjectServer>>;
      try {
        opened = await TableWorker.start({
          project: opts.project,
          seedSampleOnFirstRun: true,
          annotator: annotatorName(opts),
        });
        // The same URL on every start for this project (token kept in the user's data directory).
        started = await startProjectServer({
          host: opened,
          rendererRoot: rendererRoot(),
          projectPath: opened.path,
          ...(opts.port !== undefined ? { port: opts.port } : {}),
          newToken: opts.newToken === true,
        });
      } catch (e) {
        // A project that would not open, a port taken, an unreadable tokens file: let go first.
        await opened?.close();
        process.off("SIGINT", stopEarly);
        process.off("SIGTERM", stopEarly);
        lock.release();
        throw e;
      }
      process.off("SIGINT", stopEarly);
      process.off("SIGTERM", stopEarly);
      const project = opened;
      const { server, notes } = started;
      for (const note of notes) io.err(`note: ${note}`);
      io.out(`Qawl is serving ${basename(project.path)} at ${server.url}`);
      io.out(`project: ${project.path}`);
      await untilStopped(io, [
        () => server.close(),
        () => project.close(),
        () => {
          lock.release();
          return Promise.resolve();
        },
      ]);
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
