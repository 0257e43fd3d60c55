/**
 * The annotator-speed commands: `qawl preannotate` (quotes, cues and speakers by rule, and
 * the other mentions of known names), `qawl cues` (the project's cue list), `qawl search`
 * (folded search across the corpus) and `qawl quality` (the pre-annotator measured against
 * gold annotation). Offsets printed count code points, end-exclusive.
 */
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { z } from "zod";
import { QawlError } from "../core/errors.ts";
import { inputSchemas } from "../core/contract.ts";
import { DEFAULT_CUES, type CueLemma } from "../core/preannotate/cues.ts";
import { openProject, type OpenProject } from "../main/project.ts";
import { readSplit, splitGold } from "../main/gold-split.ts";
import { formatQuality, measureQuality, readGold } from "../main/quality.ts";
import {
  annotatorName,
  call,
  describeFsError,
  parseIds,
  plural,
  withProject,
  type Lines,
  type ProjectOptions,
} from "./common.ts";

/**
 * Replace a project's cue list with a JSON file's (an array of {lemma, kind, forms,
 * participles, introducers}).
 * @throws QawlError naming the file, and the entry (counted from 1) and field at fault
 */
async function setCuesFromFile(project: OpenProject, file: string): Promise<CueLemma[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new QawlError(
      "bad_input",
      e instanceof SyntaxError ? `${file}: not JSON (${e.message})` : `${file}: cannot read (${describeFsError(e)})`,
    );
  }
  const checked = inputSchemas.setCueLemmas.safeParse({ cues: parsed });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const [, entry, ...field] = issue?.path ?? [];
    const where =
      typeof entry === "number" ? `entry ${String(entry + 1)}${field.length > 0 ? ` ${field.join(".")}` : ""}: ` : "";
    const given: unknown =
      typeof entry === "number" && Array.isArray(parsed) && typeof field[0] === "string"
        ? (parsed[entry] as Record<string, unknown> | undefined)?.[field[0]]
        : null;
    const what = given === undefined ? "required" : (issue?.message ?? "invalid");
    throw new QawlError("bad_input", `${file}: ${where}${what}`);
  }
  try {
    return await call(project, "setCueLemmas", checked.data);
  } catch (e) {
    if (e instanceof QawlError) throw new QawlError(e.code, `${file}: ${e.message}`);
    throw e;
  }
}

/** Add `preannotate`, `cues`, `search` and `quality` to the command tree. */
export function addSuggestionCommands(cmd: Command, io: Lines): void {
  withProject(cmd.command("preannotate"))
    .description(
      "suggest quotes with their cues and speakers, and the other mentions of known names; review them in the app, or --accept",
    )
    .option("--documents <ids>", "only these documents (comma-separated ids)", parseIds)
    .option("--accept", "accept every suggestion at once (batch use)")
    .option("--no-names", "do not suggest the other mentions of known names")
    .action(async (opts: ProjectOptions & { documents?: number[]; accept?: boolean; names: boolean }) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      try {
        const ids = opts.documents !== undefined ? { documentIds: opts.documents } : {};
        const result = await call(project, "preannotate", {
          ...ids,
          ...(opts.accept === true ? { accept: true } : {}),
        });
        for (const d of result.documents) {
          io.out(
            `${String(d.documentId)}\t${plural(d.quotes, "quote")}, ${plural(d.cues, "cue")}, ${plural(d.speakers, "speaker")} (${String(d.carriedOver)} carried over)\t${d.title}`,
          );
        }
        let names = 0;
        if (opts.names) {
          names = (await call(project, "propagateNames", ids)).suggested;
          if (opts.accept === true && names > 0) {
            for (const id of opts.documents ?? (await call(project, "listDocuments", {})).map((d) => d.id)) {
              await call(project, "reviewSuggestions", { decision: "accept", documentId: id });
            }
          }
        }
        io.err(
          `${plural(result.suggested, "new span")} suggested by the quote rules` +
            (result.kept > 0 ? ` (${plural(result.kept, "earlier suggestion")} still there)` : "") +
            (result.learnedFrom > 0
              ? `; what ${plural(result.learnedFrom, "reviewed document")} taught held back ${plural(result.heldBack, "quote")} and added ${plural(result.promoted, "quote")}`
              : "") +
            `, ${plural(names, "name")} by propagation` +
            (opts.accept === true ? "; all accepted" : "; review them in the app (or run with --accept)"),
        );
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("cues"))
    .description("show the project's reporting cue list (lemma, kind, forms); --set replaces it from a JSON file")
    .option("--json", "print the list as JSON (the format --set reads)")
    .option(
      "--set <file>",
      "replace the list with this JSON file's (an array of {lemma, kind, forms, participles, introducers})",
    )
    .option("--reset", "replace the list with Qawl's default cues")
    .action(async (opts: ProjectOptions & { json?: boolean; set?: string; reset?: boolean }) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      try {
        let cues = await call(project, "getCueLemmas", {});
        if (opts.set !== undefined && opts.reset === true)
          throw new QawlError("bad_input", "give --set or --reset, not both");
        if (opts.reset === true) {
          cues = await call(project, "setCueLemmas", { cues: DEFAULT_CUES.map((c) => ({ ...c })) });
          io.err(`${plural(cues.length, "cue lemma")} (Qawl's defaults) now in ${project.store.path}`);
        }
        if (opts.set !== undefined) {
          cues = await setCuesFromFile(project, opts.set);
          io.err(`${plural(cues.length, "cue lemma")} now in ${project.store.path}`);
        }
        if (opts.json === true) io.out(JSON.stringify(cues, null, 2));
        else if (opts.set === undefined && opts.reset !== true) {
          io.out(["lemma", "kind", "forms", "participles", "introducers"].join("\t"));
          for (const c of cues) {
            io.out(
              [c.lemma, c.kind, c.forms.join("، "), c.participles.join("، "), c.introducers.join("، ")].join("\t"),
            );
          }
        }
      } finally {
        project.store.close();
      }
    });

  withProject(cmd.command("search"))
    .description("find words across the corpus through Arabic folding (harakat, tatweel, alef forms…)")
    .argument("[query]", "what to find (may be empty with --label)", "")
    .addOption(new Option("--in <scope>", "where").choices(["text", "quotes", "speaker"]).default("text"))
    .option("--label <name>", "only inside spans of this label (every span of it when the query is empty)")
    .addOption(new Option("--status <status>", "only documents in this state").choices(["new", "in_progress", "done"]))
    .option("--limit <n>", "most hits to print", (v) => z.coerce.number().int().min(1).max(5000).parse(v), 50)
    .action(
      async (
        query: string,
        opts: ProjectOptions & {
          in: "text" | "quotes" | "speaker";
          label?: string;
          status?: "new" | "in_progress" | "done";
          limit: number;
        },
      ) => {
        const project = openProject({
          project: opts.project,
          mustExist: true,
          context: { annotator: annotatorName(opts), client: () => "cli" },
        });
        try {
          const result = await call(project, "search", {
            query,
            scope: opts.in,
            limit: opts.limit,
            ...(opts.label !== undefined ? { label: opts.label } : {}),
            ...(opts.status !== undefined ? { status: opts.status } : {}),
          });
          for (const h of result.hits) {
            io.out(`${String(h.documentId)}\t${String(h.start)}-${String(h.end)}\t${h.before}[${h.match}]${h.after}`);
          }
          io.err(
            `${plural(result.total, "hit")}${result.total > result.hits.length ? ` (${String(result.hits.length)} shown)` : ""}`,
          );
        } finally {
          project.store.close();
        }
      },
    );

  cmd
    .command("quality")
    .description(
      "measure the pre-annotator against gold annotation: precision and recall of spans, speaker attribution",
    )
    .requiredOption("--gold <path>", "gold annotation: a project, or a native JSONL file")
    .option("--project <path>", "take the cue list from this project (default: the gold project's, or Qawl's defaults)")
    .option(
      "--split <path>",
      "score the development and the test part of the gold side by side (a split file, fixtures/quotes-gold/*.split.json)",
    )
    .option("--json", "print the figures as JSON")
    .action(async (opts: { gold: string; project?: string; split?: string; json?: boolean }) => {
      const gold = await readGold(opts.gold);
      const parts =
        opts.split === undefined
          ? [{ name: "all", gold }]
          : Object.entries(splitGold(gold, readSplit(opts.split), opts.split)).map(([name, part]) => ({
              name,
              gold: part,
            }));
      let cues;
      if (opts.project !== undefined) {
        const project = openProject({
          project: opts.project,
          mustExist: true,
          context: { annotator: "qawl-quality", client: () => "cli" },
        });
        try {
          cues = project.store.cueLemmas();
        } finally {
          project.store.close();
        }
      }
      const measured = [];
      for (const part of parts) measured.push({ name: part.name, measurement: await measureQuality(part.gold, cues) });
      if (opts.json === true) {
        io.out(JSON.stringify(Object.fromEntries(measured.map((m) => [m.name, m.measurement])), null, 2));
      } else io.out(formatQuality(measured).trimEnd());
    });
}
