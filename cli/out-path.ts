/**
 * Where `qawl export --out <path>` puts the files of a format that writes several: in a
 * folder named `<path>`, or — when `<path>` ends in the extension of one of the files the
 * format lets `--out` name (`tasks.json` for Label Studio's tasks; `data.jsonl` or
 * `data.spacy` for spaCy's JSONL or DocBin) — that file at `<path>` and its companions
 * beside it, named after it (`tasks.label_config.xml`, `data.jsonl`). Formats whose files
 * only work together under their own names (brat's folder, HuggingFace's dataset card that
 * names `hf.jsonl`) have none and always take a folder.
 */
import { basename, dirname, extname, join } from "node:path";
import { EXPORT_FORMATS, writerOf, type ExportFormat } from "../core/formats/registry.ts";

/**
 * The files of a multi-file format that `--out` may name by their extension (their paths in
 * the export), the first being the main one; `undefined` for a format without (the
 * registry's `namedFiles`). An extension names at most one file of a format.
 */
export function namedFiles(format: ExportFormat): readonly string[] | undefined {
  return writerOf(format).namedFiles;
}

/**
 * The file extensions (lowercase, with the dot) that belong to an export format: its single
 * file's, or those of the files `--out` may name (see `namedFiles`). Empty for a format that
 * only writes a folder. One list (the registry's), so that a name in another format's
 * extension (`quotes-csv --out q.xlsx`) can be refused.
 */
export function formatExtensions(format: ExportFormat): readonly string[] {
  return writerOf(format).extensions;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1) ?? ""}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/**
 * Why `--out <out>` does not fit `format`, or `null`: its extension belongs to other export
 * formats and not to this one.
 * @returns one line, e.g. `quotes-csv writes CSV: name a .csv file (quotes-xlsx writes .xlsx)`
 */
export function outExtensionProblem(format: ExportFormat, out: string): string | null {
  const ext = extname(out).toLowerCase();
  const own = formatExtensions(format);
  if (ext === "" || own.includes(ext)) return null;
  const others = EXPORT_FORMATS.filter((f) => formatExtensions(f).includes(ext));
  if (others.length === 0) return null;
  const name =
    own.length === 0
      ? "name a folder"
      : namedFiles(format) === undefined
        ? `name a ${orList(own)} file`
        : `name a folder or a ${orList(own)} file`;
  return `${format} writes ${writerOf(format).writes}: ${name} (${andList(others)} ${others.length === 1 ? "writes" : "write"} ${ext})`;
}

/** Where each file of an export goes. */
export interface Placement {
  /** `file`: the named file at `--out`, companions beside it; `folder`: everything inside `--out`. */
  mode: "file" | "folder";
  /** Target path of each export file, in the export's order. */
  targets: { path: string; target: string }[];
}

/** The stem of a file name: without its last extension (`tasks.json` → `tasks`). */
function stem(name: string): string {
  const ext = extname(name);
  return ext === "" ? name : name.slice(0, -ext.length);
}

/**
 * Place the files of an export.
 * @param format the export format
 * @param out the `--out` argument
 * @param paths the export's file paths (`/`-separated, relative)
 * @returns file mode when `out` ends (case-insensitively) in the extension of a file the
 *   format lets `--out` name and the export holds that file; folder mode otherwise
 */
export function placeExport(format: ExportFormat, out: string, paths: readonly string[]): Placement {
  const ext = extname(out).toLowerCase();
  const named = (namedFiles(format) ?? []).find((file) => extname(file).toLowerCase() === ext);
  if (named === undefined || ext === "" || !paths.includes(named)) {
    return { mode: "folder", targets: paths.map((path) => ({ path, target: join(out, ...path.split("/")) })) };
  }
  const outStem = stem(basename(out));
  const namedStem = stem(named);
  return {
    mode: "file",
    targets: paths.map((path) => {
      if (path === named) return { path, target: out };
      const name = path.split("/").join("_");
      // `spacy.spacy` beside `spacy.jsonl` → `<stem>.spacy`; `label_config.xml` → `<stem>.label_config.xml`.
      const suffix = name.startsWith(`${namedStem}.`) ? name.slice(namedStem.length + 1) : name;
      return { path, target: join(dirname(out), `${outStem}.${suffix}`) };
    }),
  };
}

/**
 * How to name the files `--out` may name for a format, for a message:
 * ` or a .json file (its labelstudio.json)`, ` or a .jsonl or .spacy file (its spacy.jsonl
 * or spacy.spacy)`, or `""` for a format without one.
 */
export function mainFileHint(format: ExportFormat): string {
  const named = namedFiles(format);
  return named === undefined ? "" : ` or a ${orList(named.map((f) => extname(f)))} file (its ${orList(named)})`;
}
