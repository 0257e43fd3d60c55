/**
 * Every format Qawl reads or writes (docs/formats.md), listed once. Each is described in its
 * own folder (`<format>/index.ts`: names, extensions, detector, layouts, loss kinds); from this
 * list come the contract's enums (`core/contract.ts`), the CLI's `--format` choices and help,
 * the page's import and export menus and its file picker's `accept`, detection on import
 * (`detectFormat`), and the export dispatch (`core/formats/writers.ts` and
 * `main/export/write.ts`). ARCHITECTURE.md §5.
 *
 * No dependencies beyond the descriptions, so the page and the contract can import it without
 * bundling readers and writers.
 */
import type { FormatDescription, LocalizedName, ReadCapability, SniffedFile, WriteCapability } from "./format.ts";
import { brat } from "./brat/index.ts";
import { conll } from "./conll/index.ts";
import { doccano } from "./doccano/index.ts";
import { docx } from "./docx/index.ts";
import { hf } from "./hf/index.ts";
import { html } from "./html/index.ts";
import { jsonl } from "./jsonl/index.ts";
import { labelstudio } from "./labelstudio/index.ts";
import { pdf } from "./pdf/index.ts";
import { quotesCsv, quotesXlsx } from "./quotes/index.ts";
import { spacy } from "./spacy/index.ts";
import { text } from "./text/index.ts";
import { webanno } from "./webanno/index.ts";

/** Every format, in the order menus offer them. */
export const FORMATS = [
  jsonl,
  text,
  html,
  docx,
  pdf,
  brat,
  conll,
  doccano,
  labelstudio,
  spacy,
  hf,
  webanno,
  quotesCsv,
  quotesXlsx,
] as const satisfies readonly FormatDescription[];

/** A registered format. */
export type Format = (typeof FORMATS)[number];
/** A registered format's id. */
export type FormatId = Format["id"];
/** The formats Qawl reads. */
type Readable = Extract<Format, { read: ReadCapability }>;
/** The formats Qawl writes. */
type Writable = Extract<Format, { write: WriteCapability }>;

/** A format Qawl reads, by its CLI name. */
export type ImportFormat = Readable["id"];
/** A format Qawl writes, by its CLI name. */
export type ExportFormat = Writable["id"];
/** A format whose reader is plain logic in `core/formats/` (`readers.ts` maps them). */
export type CoreImportFormat = Extract<Readable, { read: { host: "core" } }>["id"];
/** A format whose reader needs Node, registered by `main/import/read-files.ts`. */
export type NodeImportFormat = Extract<Readable, { read: { host: "node" } }>["id"];
/** A format whose writer is plain logic in `core/formats/` (`writers.ts` maps them). */
export type CoreExportFormat = Extract<Writable, { write: { host: "core" } }>["id"];
/** A format whose writer needs Node, registered by `main/export/write.ts`. */
export type NodeExportFormat = Extract<Writable, { write: { host: "node" } }>["id"];
/** The layouts of an export format (`never` for a format with one). */
export type VariantOf<F extends ExportFormat> = F extends ExportFormat
  ? Extract<Writable, { id: F }>["write"] extends { variants: readonly { id: infer V }[] }
    ? V
    : never
  : never;
/** A layout of any export format (`--variant`). */
export type ExportVariant = VariantOf<ExportFormat>;

function isReadable(f: Format): f is Readable {
  return "read" in f;
}
function isWritable(f: Format): f is Writable {
  return "write" in f;
}

/** Ids of the formats Qawl reads, in menu order. A non-empty tuple, as `z.enum` wants. */
export const IMPORT_FORMATS = FORMATS.filter(isReadable).map((f) => f.id) as [ImportFormat, ...ImportFormat[]];
/** Ids of the formats Qawl writes, in menu order. A non-empty tuple, as `z.enum` wants. */
export const EXPORT_FORMATS = FORMATS.filter(isWritable).map((f) => f.id) as [ExportFormat, ...ExportFormat[]];
/** Every layout of every export format (`--variant`), each once. */
export const EXPORT_VARIANTS = [
  ...new Set(
    FORMATS.filter(isWritable).flatMap((f) => ("variants" in f.write ? f.write.variants.map((v) => v.id) : [])),
  ),
] as [ExportVariant, ...ExportVariant[]];

/** The read capability of a format Qawl reads. */
export function readerOf(id: ImportFormat): ReadCapability {
  const found = FORMATS.find((f): f is Readable => f.id === id && isReadable(f));
  if (found === undefined) throw new Error(`no reader for ${id}`);
  return found.read;
}

/** The write capability of a format Qawl writes. */
export function writerOf(id: ExportFormat): WriteCapability {
  const found = FORMATS.find((f): f is Writable => f.id === id && isWritable(f));
  if (found === undefined) throw new Error(`no writer for ${id}`);
  return found.write;
}

/** Whether a string is the id of a format Qawl writes. */
export function isExportFormat(id: string): id is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(id);
}

/** The layouts of an export format, the first the default; empty for a format with one. */
export function variantsOf(id: ExportFormat): readonly { id: ExportVariant; name: LocalizedName }[] {
  const write = writerOf(id);
  return (write.variants ?? []) as readonly { id: ExportVariant; name: LocalizedName }[];
}

/**
 * The order in which detectors are asked on import (the first that claims a file reads it):
 * by name or bytes the binary formats, then a page by name or content, the annotation formats
 * by name (Qawl's JSONL before doccano's, which share `.jsonl`), CoNLL by name or content,
 * and plain text for the rest. Every import format once (checked by `registry.test.ts`).
 */
export const DETECTION_ORDER: readonly ImportFormat[] = [
  "docx",
  "pdf",
  "html",
  "brat",
  "jsonl",
  "doccano",
  "labelstudio",
  "conll",
  "text",
];

/** Every name ending a reader claims, lowercase with the dot, each once. */
export const READ_EXTENSIONS: readonly string[] = [...new Set(IMPORT_FORMATS.flatMap((id) => readerOf(id).extensions))];

/** The file picker's `accept`: every name ending a reader claims, comma-separated (HTML's `accept` attribute). */
export const IMPORT_ACCEPT = READ_EXTENSIONS.join(",");

/** Whether a (file) name ends in an extension a registered reader claims. */
export function hasReadExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return READ_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Find a file's format from its name and content: the first format of `DETECTION_ORDER` whose
 * detector claims it (plain text claims every file).
 * @param siblings the names of the other files of the same import
 */
export function detectFormat(
  file: { name: string; bytes: Uint8Array },
  siblings: readonly { name: string }[],
): ImportFormat {
  const sniffed: SniffedFile = {
    name: file.name.toLowerCase(),
    bytes: file.bytes,
    head: new TextDecoder("utf-8", { fatal: false }).decode(file.bytes.subarray(0, 4096)).replace(/^\uFEFF/u, ""),
    siblings: siblings.map((s) => s.name.toLowerCase()),
    knownExtension: hasReadExtension(file.name),
  };
  return DETECTION_ORDER.find((id) => readerOf(id).detect(sniffed)) ?? "text";
}
