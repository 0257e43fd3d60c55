/**
 * The readers of the formats whose reader is plain logic (`host: "core"` in the registry),
 * by format id. Typed over the registry, so a format registered without its reader fails the
 * typecheck. Readers that need Node are registered by `main/import/read-files.ts`.
 */
import { readBratDocuments } from "./brat/read.ts";
import { readConllDocuments } from "./conll/read.ts";
import { readDoccanoDocuments } from "./doccano/read.ts";
import { readLabelStudioDocuments } from "./labelstudio/read.ts";
import type { NativeDocument } from "./native-jsonl.ts";
import type { ImportFile, ReadContext } from "./read-context.ts";
import type { CoreImportFormat, ImportFormat } from "./registry.ts";
import { readTextDocuments } from "./text/read.ts";

/**
 * The format whose file is a whole project (header, ids and all: `jsonl/native-read.ts`),
 * read on its own rather than file by file.
 */
export const PROJECT_FORMAT = "jsonl" satisfies ImportFormat;

/** The formats read one file at a time. */
export type FileFormat = Exclude<ImportFormat, typeof PROJECT_FORMAT>;

/**
 * One reader for each of the formats `F`, keyed by format id, taking the context `C` (the
 * core's, or a host's that gives more: Node's extractor).
 */
export type ReaderTable<F extends FileFormat, C extends ReadContext = ReadContext> = {
  readonly [K in F]: (ctx: C, file: ImportFile) => NativeDocument[];
};

/** The core formats' readers. */
export const CORE_READERS: ReaderTable<Exclude<CoreImportFormat, typeof PROJECT_FORMAT>> = {
  text: readTextDocuments,
  brat: readBratDocuments,
  conll: readConllDocuments,
  doccano: readDoccanoDocuments,
  labelstudio: readLabelStudioDocuments,
};
