/**
 * Where `qawl export --out <path>` puts the files of a format that writes several: in a
 * folder named `<path>`, or — when `<path>` ends in the extension of the format's main file
 * (`tasks.json` for Label Studio) — the main file at `<path>` and its companions beside it,
 * named after it (`tasks.label_config.xml`). Formats whose files only work together under
 * their own names (brat's folder, HuggingFace's dataset card that names `hf.jsonl`) have no
 * main file and always take a folder.
 */
import { basename, dirname, extname, join } from "node:path";
import type { ExportFormat } from "../core/contract.ts";

/** The main file of each multi-file format that has one (its path in the export). */
export const MAIN_FILES: Partial<Record<ExportFormat, string>> = {
  doccano: "doccano.jsonl",
  labelstudio: "labelstudio.json",
  spacy: "spacy.jsonl",
};

/** Where each file of an export goes. */
export interface Placement {
  /** `file`: the main file at `--out`, companions beside it; `folder`: everything inside `--out`. */
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
 * @returns file mode when `out` ends in the main file's extension (case-insensitive) and the
 *   export holds that main file; folder mode otherwise
 */
export function placeExport(format: ExportFormat, out: string, paths: readonly string[]): Placement {
  const main = MAIN_FILES[format];
  const wanted = main === undefined ? "" : extname(main).toLowerCase();
  if (main === undefined || !paths.includes(main) || extname(out).toLowerCase() !== wanted) {
    return { mode: "folder", targets: paths.map((path) => ({ path, target: join(out, ...path.split("/")) })) };
  }
  const outStem = stem(basename(out));
  const mainStem = stem(main);
  return {
    mode: "file",
    targets: paths.map((path) => {
      if (path === main) return { path, target: out };
      const name = path.split("/").join("_");
      // `spacy.spacy` beside `spacy.jsonl` → `<stem>.spacy`; `label_config.xml` → `<stem>.label_config.xml`.
      const suffix = name.startsWith(`${mainStem}.`) ? name.slice(mainStem.length + 1) : name;
      return { path, target: join(dirname(out), `${outStem}.${suffix}`) };
    }),
  };
}

/**
 * How to name the main file of a format on the command line, for a message:
 * ` or a .json file (its labelstudio.json)`, or `""` for a format without one.
 */
export function mainFileHint(format: ExportFormat): string {
  const main = MAIN_FILES[format];
  return main === undefined ? "" : ` or a ${extname(main)} file (its ${main})`;
}
