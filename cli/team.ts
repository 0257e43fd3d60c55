/**
 * `qawl team`: a team project on PostgreSQL (ARCHITECTURE.md §12): its people, their
 * documents, and moving a project between a file and the server.
 *
 * - `qawl team add-user NAME --role ROLE --database URL` (the password from
 *   `$QAWL_PASSWORD`, else the first line of standard input)
 * - `qawl team users --database URL`
 * - `qawl team assign --database URL --annotators a,b,c [--overlap 0.2]`
 * - `qawl team push FILE --database URL`: a project file into an empty team project
 * - `qawl team pull --database URL --out FILE`: a team project into a new project file
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { isPostgresLocation } from "../db/connection.ts";
import { QawlError } from "../core/errors.ts";
import { assignDocuments, ROLES } from "../core/team.ts";
import { openProject, type OpenProject } from "../main/project.ts";
import { rendererRoot } from "../main/paths.ts";
import { startServer } from "../main/serve/server.ts";
import { TeamAccounts } from "../main/team/accounts.ts";
import { teamGate } from "../main/team/gate.ts";
import { TableWorker } from "../main/worker/table-proxy.ts";
import { annotatorName, call, parseNames, plural, untilStopped, type Lines } from "./common.ts";

/** `--database`: a postgres:// URL. */
function parseDatabase(value: string): string {
  if (!isPostgresLocation(value)) throw new QawlError("bad_input", `--database ${value}: give a postgres:// URL`);
  return value;
}

function parseOverlap(value: string): number {
  const share = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (!(share >= 0 && share <= 1))
    throw new QawlError("bad_input", `--overlap ${value}: give a share from 0 to 1, or 0% to 100%`);
  return share;
}

/**
 * Open the team project and its accounts (the project's tables first).
 * @param mustExist refuse a database that holds no project yet (else give it the schema)
 */
async function withTeam<T>(database: string, fn: (accounts: TeamAccounts) => Promise<T>, mustExist = true): Promise<T> {
  const project = openProject({
    project: database,
    mustExist,
    context: { annotator: "qawl-team", client: () => "cli" },
  });
  project.store.close();
  const accounts = await TeamAccounts.open(database);
  try {
    return await fn(accounts);
  } finally {
    await accounts.close();
  }
}

async function readPassword(): Promise<string> {
  const given = process.env["QAWL_PASSWORD"];
  if (given !== undefined) return given;
  let text = "";
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString("utf8");
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/u)[0] ?? "";
}

/**
 * Copy every document with its layers, the schema and the entities from one project to
 * another that holds nothing yet, through the native JSONL (which keeps ids).
 * @throws QawlError when the target already holds documents or entities
 */
async function copyProject(from: OpenProject, to: OpenProject, toName: string): Promise<number> {
  if (!to.store.isEmpty())
    throw new QawlError("bad_input", `${toName} already holds documents; copy into an empty project`);
  const exported = await call(from, "exportDocuments", { format: "jsonl" });
  const file = exported.files[0];
  if (file === undefined) return 0;
  const result = await call(to, "importDocuments", {
    files: [{ name: file.path, contentBase64: Buffer.from(file.content, "utf8").toString("base64") }],
  });
  return result.outcomes.filter((o) => o.status === "imported").length;
}

/** Add `qawl team` to the command tree. */
export function addTeamCommands(cmd: Command, io: Lines): void {
  const team = cmd.command("team").description("a team project on PostgreSQL: people, assignments, moving projects");

  team
    .command("add-user")
    .description(`add a person, or change their password and role (the password from $QAWL_PASSWORD or standard input)`)
    .argument("<name>", "their name, which is also their annotator name and layer")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .requiredOption("--database <url>", "the team project's postgres:// URL", parseDatabase)
    .action(async (name: string, opts: { role: string; database: string }) => {
      const password = await readPassword();
      await withTeam(opts.database, (accounts) => accounts.setAccount(name, password, opts.role), false);
      io.out(`${name} is ${opts.role === "annotator" || opts.role === "admin" ? "an" : "a"} ${opts.role}`);
    });

  team
    .command("users")
    .description("list the people and how many documents each has")
    .requiredOption("--database <url>", "the team project's postgres:// URL", parseDatabase)
    .action(async (opts: { database: string }) => {
      const list = await withTeam(opts.database, (accounts) => accounts.accounts());
      if (list.length === 0) io.out("no one yet (add people with qawl team add-user)");
      const width = (f: (a: (typeof list)[number]) => string) => Math.max(...list.map((a) => [...f(a)].length));
      const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length));
      const [nameWidth, roleWidth] = [width((a) => a.name), width((a) => a.role)];
      for (const a of list) {
        io.out(`${pad(a.name, nameWidth)}  ${pad(a.role, roleWidth)}  ${plural(a.documents, "document")}`);
      }
    });

  team
    .command("assign")
    .description(
      "hand every document out to these annotators (replacing every earlier assignment), a share of them to two for agreement",
    )
    .requiredOption("--database <url>", "the team project's postgres:// URL", parseDatabase)
    .requiredOption("--annotators <names>", "comma-separated account names", parseNames)
    .option("--overlap <share>", "share of documents annotated twice, 0–1 or a percentage", parseOverlap, 0.2)
    .action(async (opts: { database: string; annotators: string[]; overlap: number }) => {
      const assigned = await withTeam(opts.database, async (accounts) => {
        const plan = assignDocuments(await accounts.documentIds(), opts.annotators, opts.overlap);
        await accounts.assign(plan);
        return plan;
      });
      for (const [name, ids] of assigned) io.out(`${name}: ${plural(ids.length, "document")}`);
      const counted = new Map<number, number>();
      for (const ids of assigned.values()) for (const id of ids) counted.set(id, (counted.get(id) ?? 0) + 1);
      const twice = [...counted.values()].filter((n) => n > 1).length;
      if (opts.annotators.length > 1) {
        io.out(`${plural(twice, "document")} of ${String(counted.size)} read by two, for agreement`);
      } else if (opts.overlap > 0) io.err("note: one annotator: no document is read twice");
    });

  team
    .command("push")
    .description("copy a project file, with all its layers, into an empty team project")
    .argument("<file>", "the project file")
    .requiredOption("--database <url>", "the team project's postgres:// URL", parseDatabase)
    .action(async (file: string, opts: { database: string }) => {
      const path = resolve(file);
      if (!existsSync(path)) throw new QawlError("not_found", `${path}: no such project file`);
      const context = { annotator: annotatorName({}), client: () => "cli" };
      const from = openProject({ project: path, mustExist: true, context });
      const to = openProject({ project: opts.database, context });
      try {
        const n = await copyProject(from, to, to.store.path);
        io.out(`copied ${plural(n, "document")} from ${path} to ${to.store.path}`);
      } finally {
        from.store.close();
        to.store.close();
      }
    });

  team
    .command("pull")
    .description("copy a team project, with all its layers, into a new project file")
    .requiredOption("--database <url>", "the team project's postgres:// URL", parseDatabase)
    .requiredOption("--out <file>", "the new project file")
    .action(async (opts: { database: string; out: string }) => {
      const path = resolve(opts.out);
      if (existsSync(path)) throw new QawlError("bad_input", `${path} exists; pull into a new file`);
      const context = { annotator: annotatorName({}), client: () => "cli" };
      const from = openProject({ project: opts.database, mustExist: true, context });
      const to = openProject({ project: path, context });
      try {
        const n = await copyProject(from, to, path);
        io.out(`copied ${plural(n, "document")} from ${from.store.path} to ${path}`);
      } finally {
        from.store.close();
        to.store.close();
      }
    });
}

/** `qawl serve --team`'s options. */
export interface ServeTeamOptions {
  database?: string;
  port?: number;
  listen?: string;
  hostName?: string[];
  blind?: boolean;
}

/**
 * `qawl serve --team --database URL`: the team project to its signed-in people, until
 * Ctrl+C. The project runs in a worker thread as on a one-person server; the sign-in and
 * the roles are the team gate's (main/team/gate.ts).
 * @throws QawlError without `--database`, or when the database cannot be opened
 */
export async function serveTeam(opts: ServeTeamOptions, io: Lines): Promise<void> {
  if (opts.database === undefined) throw new QawlError("bad_input", "qawl serve --team needs --database postgres://…");
  const database = parseDatabase(opts.database);
  const project = await TableWorker.start({ project: database, annotator: "server" });
  const accounts = await TeamAccounts.open(database);
  const listen = opts.listen ?? "127.0.0.1";
  const hostNames = opts.hostName ?? [listen, ...(listen === "127.0.0.1" ? ["localhost"] : [])];
  const server = await startServer({
    host: project,
    rendererRoot: rendererRoot(),
    gate: teamGate({ accounts, blind: opts.blind === true }),
    listen,
    hostNames,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
  const people = await accounts.accounts();
  io.out(
    `Qawl is serving the team project ${project.path} at http://${hostNames[0] ?? listen}:${String(server.port)}/`,
  );
  if (people.length === 0) io.err("note: no one can sign in yet: add people with qawl team add-user");
  await untilStopped(io, [() => server.close(), () => project.close(), () => accounts.close()]);
}
