/**
 * Writing an export's files where `qawl export --out` says (see `out-path.ts` for where
 * each file goes), with one-line refusals instead of raw file system errors, and a note
 * when the folder written into also holds files this export did not write (nothing is
 * deleted).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import type { ExportFormat, ExportResult } from "../core/contract.ts";
import { EXPORT_FORMATS, variantsOf } from "../core/formats/registry.ts";
import { QawlError } from "../core/errors.ts";
import { describeFsError, plural } from "./common.ts";
import { andList, formatExtensions, mainFileHint, outExtensionProblem, placeExport } from "./out-path.ts";

/**
 * Refuse export options that do not fit together, before anything is exported.
 * @param out the `--out` argument, if any
 * @param variant the `--variant` argument, if any (doccano only)
 * @throws QawlError `bad_input`, one line: a variant for another format, an `--out` name in
 *   another format's extension
 */
export function checkExportOptions(format: ExportFormat, out?: string, variant?: string): void {
  if (variant !== undefined && variantsOf(format).length === 0) {
    const which = EXPORT_FORMATS.filter((f) => variantsOf(f).length > 0);
    throw new QawlError("bad_input", `--variant is for ${which.join(" and ")} only: ${format} has one layout`);
  }
  if (out === undefined || /[/\\]$/u.test(out)) return;
  const problem = outExtensionProblem(format, out);
  if (problem !== null) throw new QawlError("bad_input", problem);
}

/** The path's file system entry, or `undefined` when there is none. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Make `folder` (and its parents), refusing in one line where a file stands in the way. */
function makeFolder(folder: string): void {
  for (let at = folder; ; at = dirname(at)) {
    const stats = statOf(at);
    if (stats?.isDirectory() === true) break;
    if (stats !== undefined) {
      throw new QawlError(
        "bad_input",
        at === folder
          ? `${folder} is a file, and this export needs a folder there: name another path with --out`
          : `cannot make the folder ${folder}: ${at} is a file`,
      );
    }
    if (dirname(at) === at) break;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new QawlError("bad_input", `cannot make the folder ${folder} (${describeFsError(e)})`);
  }
}

/** Write one file, refusing in one line. */
function writeOne(target: string, bytes: Buffer): void {
  makeFolder(dirname(target));
  if (statOf(target)?.isDirectory() === true) {
    throw new QawlError("bad_input", `${target} is a folder: name a file with --out`);
  }
  try {
    writeFileSync(target, bytes);
  } catch (e) {
    throw new QawlError("bad_input", `cannot write ${target} (${describeFsError(e)})`);
  }
}

/** Every file under `folder`, as absolute-ish paths joined to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A file's bytes. */
function bytesOf(f: ExportResult["files"][number]): Buffer {
  return f.encoding === "base64" ? Buffer.from(f.content, "base64") : Buffer.from(f.content, "utf8");
}

/**
 * Write an export's files for `--out <out>`: a single file at `out` (or inside it, under
 * its own name, when `out` is an existing folder or ends with `/`); several files by
 * `placeExport`.
 * @param result the export (at least one file)
 * @returns the lines to print on stderr: what was written where, and a note when the folder
 *   written into holds other files
 * @throws QawlError `bad_input`, one line, when a path cannot be written
 */
export function writeExport(format: ExportFormat, out: string, result: ExportResult): string[] {
  const docs = plural(result.documentCount, "document");
  const single = result.files.length === 1 ? result.files[0] : undefined;
  if (single !== undefined) {
    const intoFolder = /[/\\]$/u.test(out) || statOf(out)?.isDirectory() === true;
    const target = intoFolder ? join(out, ...single.path.split("/")) : out;
    writeOne(target, bytesOf(single));
    return [
      intoFolder
        ? `wrote ${docs} to ${target} (${out} is a folder: the file takes its own name in it)`
        : `wrote ${docs} to ${target}`,
    ];
  }
  const placed = placeExport(
    format,
    out,
    result.files.map((f) => f.path),
  );
  const ext = extname(out).toLowerCase();
  if (placed.mode === "folder" && formatExtensions(format).includes(ext) && statOf(out)?.isDirectory() !== true) {
    // `text --out all.txt` with two documents: a folder named `all.txt` would surprise.
    throw new QawlError(
      "bad_input",
      `${format} writes ${plural(result.files.length, "file")} here, not one ${ext} file: name a folder${mainFileHint(format)} with --out`,
    );
  }
  if (placed.mode === "folder") makeFolder(out);
  result.files.forEach((f, i) => {
    writeOne(placed.targets[i]?.target ?? join(out, ...f.path.split("/")), bytesOf(f));
  });
  if (placed.mode === "file") {
    // The file --out names first, then its companions.
    const targets = placed.targets.map((t) => t.target).sort((a, b) => Number(b === out) - Number(a === out));
    return [`wrote ${docs} to ${andList(targets)}`];
  }
  const lines = [`wrote ${plural(result.files.length, "file")} (${docs}) to ${out}`];
  const written = new Set(placed.targets.map((t) => relative(out, t.target).split(sep).join("/")));
  const others = filesUnder(out).filter((path) => !written.has(relative(out, path).split(sep).join("/")));
  if (others.length > 0) {
    lines.push(`note: ${out} also holds ${plural(others.length, "file")} this export did not write`);
  }
  return lines;
}

/** The refusal when several files have no `--out`. */
export function needsOutMessage(format: ExportFormat, fileCount: number): string {
  return `${format} writes ${plural(fileCount, "file")}: name a folder${mainFileHint(format)} with --out`;
}
