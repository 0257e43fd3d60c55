/**
 * `qawl meta <documentId>`: show or set a document's metadata — title, published date (ISO
 * `YYYY-MM-DD`), URL (http or https), outlet and author — through the `updateDocument`
 * operation (validated, undoable). An empty value (`--url ""`) clears that field.
 */
import { Command, InvalidArgumentError } from "commander";
import type { DocumentSummary, OperationInput } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";
import { openProject, type OpenProject } from "../main/project.ts";
import { annotatorName, call, withProject, type Lines, type ProjectOptions } from "./common.ts";

/** What `qawl meta` can set, as given on the command line. */
interface MetaOptions extends ProjectOptions {
  title?: string;
  date?: string;
  url?: string;
  outlet?: string;
  author?: string;
  json?: boolean;
}

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError("a document id is a whole number (as `list` shows it)");
  return n;
}

/** A document's metadata as `--json` prints it (the native JSONL's names). */
export function metaJson(d: DocumentSummary): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title,
    published: d.published,
    url: d.url,
    outlet: d.outlet,
    author: d.author,
    source: d.source,
  };
}

/** One `field: value` line per field; `-` for a field that is not set. */
function metaLines(d: DocumentSummary): string[] {
  const date =
    d.published === null
      ? "-"
      : d.published.raw === d.published.iso
        ? d.published.iso
        : `${d.published.iso} (${d.published.raw})`;
  return [
    `document: ${String(d.id)}`,
    `title: ${d.title}`,
    `date: ${date}`,
    `url: ${d.url ?? "-"}`,
    `outlet: ${d.outlet ?? "-"}`,
    `author: ${d.author ?? "-"}`,
    `source: ${d.source ?? "-"}`,
  ];
}

/**
 * Set metadata through `updateDocument`; a refusal says the field and the reason
 * (`url: a URL has no spaces…`), without the operation's name.
 * @throws QawlError `bad_input` as the operation refuses
 */
async function update(project: OpenProject, input: OperationInput<"updateDocument">): Promise<DocumentSummary> {
  try {
    return await call(project, "updateDocument", input);
  } catch (e) {
    if (e instanceof QawlError && e.message.startsWith("updateDocument: ")) {
      throw new QawlError(e.code, e.message.slice("updateDocument: ".length));
    }
    throw e;
  }
}

/** Add `qawl meta` to the command tree. */
export function addMetaCommand(cmd: Command, io: Lines): void {
  withProject(cmd.command("meta"))
    .description("show a document's title, date, URL, outlet and author, or set them (an empty value clears one)")
    .argument("<documentId>", "the document's id (as `list` shows it)", parseId)
    .option("--title <title>", "the title (1–500 characters, one line)")
    .option("--date <YYYY-MM-DD>", "the published date, ISO (a day that exists)")
    .option("--url <url>", "the article's address (http:// or https://)")
    .option("--outlet <name>", "the newspaper or agency (at most 200 characters)")
    .option("--author <name>", "who wrote it (at most 200 characters)")
    .option("--json", "print the metadata as JSON")
    .action(async (documentId: number, opts: MetaOptions) => {
      const project = openProject({
        project: opts.project,
        mustExist: true,
        context: { annotator: annotatorName(opts), client: () => "cli" },
      });
      try {
        const clear = (v: string | undefined) => (v === undefined ? undefined : v.trim() === "" ? null : v);
        const input: OperationInput<"updateDocument"> = { documentId };
        if (opts.title !== undefined) input.title = opts.title;
        const [date, url, outlet, author] = [opts.date, opts.url, opts.outlet, opts.author].map(clear);
        if (date !== undefined) input.date = date;
        if (url !== undefined) input.url = url;
        if (outlet !== undefined) input.outlet = outlet;
        if (author !== undefined) input.author = author;
        const setting = Object.keys(input).length > 1;
        const doc = setting
          ? await update(project, input)
          : (await call(project, "listDocuments", {})).find((d) => d.id === documentId);
        if (doc === undefined) {
          // Not in the list: let getDocument say so in its own words.
          await call(project, "getDocument", { documentId });
          return;
        }
        if (opts.json === true) io.out(JSON.stringify(metaJson(doc)));
        else for (const line of metaLines(doc)) io.out(line);
      } finally {
        project.store.close();
      }
    });
}
