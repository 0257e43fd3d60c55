/**
 * Opening a project for a host: the file named by `--project`, or the default one in the
 * user's data directory. A host may ask for a first-run sample: when it creates the
 * default project and the repository's sample article is at hand, that article is
 * imported into it.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isPostgresLocation } from "../db/connection.ts";
import { ProjectStore } from "../db/project.ts";
import { PostgresConnection, redactedUrl } from "../db/postgres/connection.ts";
import { projectLocation, sampleArticlePath } from "./paths.ts";
import { createOperationTable, type OperationContext } from "./ops/table.ts";
import type { OperationTable } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";

/** An open project with its operation table. */
export interface OpenProject {
  store: ProjectStore;
  table: OperationTable;
  /** Whether this call created the project file. */
  created: boolean;
  /**
   * Close the project and, when it was made aside (`staged`), put it in place under its
   * name. @throws QawlError (`conflict`) when a file appeared under that name meanwhile
   */
  finish(): void;
}

/** How to open a project. */
export interface OpenProjectOptions {
  /** Project file or `postgres://` URL; the default project when absent. */
  project?: string | undefined;
  /** Import the sample article when this call creates the default project. */
  seedSampleOnFirstRun?: boolean;
  /** Refuse, rather than create, a project file that does not exist (read-only commands). */
  mustExist?: boolean;
  /**
   * A project file that does not exist yet is made aside (a hidden file in the same folder)
   * and put in place by `finish`, so that a run killed before it (a first import killed)
   * leaves no empty project under the name.
   */
  staged?: boolean;
  context: OperationContext;
}

/**
 * Open (creating when needed) a project and build its operation table.
 * @throws QawlError when the file is not a Qawl project, or is missing and `mustExist` is set
 */
export function openProject(options: OpenProjectOptions): OpenProject {
  if (options.project !== undefined && isPostgresLocation(options.project)) {
    // A team project (ARCHITECTURE.md §12): the database exists; an empty one gets the schema.
    if (options.mustExist === true && !holdsProject(options.project)) {
      throw new QawlError(
        "not_found",
        `${redactedUrl(options.project)}: no Qawl project in this database yet (qawl team push a project file into it)`,
      );
    }
    const store = new ProjectStore(options.project);
    return {
      store,
      table: createOperationTable(store, options.context),
      created: store.created,
      finish: () => {
        store.close();
      },
    };
  }
  const isDefault = options.project === undefined;
  const path = projectLocation(options.project);
  const isNew = !existsSync(path);
  if (isNew && options.mustExist === true) {
    throw new QawlError("not_found", `no project at ${path} yet (import articles to create one)`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const aside =
    isNew && options.staged === true ? join(dirname(path), `.${basename(path)}.new-${String(process.pid)}`) : null;
  const store = new ProjectStore(aside ?? path);
  const table = createOperationTable(store, options.context);
  const sample = sampleArticlePath();
  if (isDefault && isNew && options.seedSampleOnFirstRun === true && sample !== null) {
    table.importDocuments({
      files: [{ name: basename(sample), contentBase64: readFileSync(sample).toString("base64") }],
    });
  }
  const finish = () => {
    store.close();
    if (aside === null) return;
    try {
      // A link, not a rename: it never replaces a project made under the name meanwhile.
      linkSync(aside, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      throw new QawlError("conflict", `${path} was created by another program meanwhile; this import is in ${aside}`);
    }
    rmSync(aside, { force: true });
  };
  return { store, table, created: isNew, finish };
}

/** Close a project and delete its file (and WAL files): for a project this run created and failed to fill. */
export function discardProject(project: OpenProject): void {
  project.store.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(project.store.path + suffix, { force: true });
}

/** Whether a PostgreSQL database holds a Qawl project already (reads only). */
function holdsProject(url: string): boolean {
  const connection = new PostgresConnection(url);
  try {
    return connection.query("SELECT to_regclass('qawl_project') IS NOT NULL AS held").rows[0]?.["held"] === 1;
  } finally {
    connection.close();
  }
}
