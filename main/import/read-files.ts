/**
 * Every reader behind `importDocuments`: files (name and bytes) in a named format, or with
 * the format found from the name and the content, become one native file — header (labels,
 * entities, annotators) and documents with their spans and relations — ready to be stored
 * in one transaction. Offsets are code points. Errors name the file, the line and the reason.
 */
import { createHash } from "node:crypto";
import { readArticleMetadata } from "../../core/article/metadata.ts";
import {
  nativeLabel,
  nativeRelationType,
  type NativeDocument,
  type NativeHeader,
  type NativeRelation,
  type NativeSpan,
} from "../../core/formats/native-jsonl.ts";
import { readNativeJsonl } from "../../core/formats/jsonl/native-read.ts";
import {
  refuseFormat,
  type DocumentFields,
  type ImportFile,
  type ReadContext,
} from "../../core/formats/read-context.ts";
import { CORE_READERS, PROJECT_FORMAT, type FileFormat, type ReaderTable } from "../../core/formats/readers.ts";
import { QawlError } from "../../core/errors.ts";
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES, type LabelDefinition } from "../../core/labels.ts";
import { guessLanguage } from "../../core/text/language.ts";
import { OffsetIndex, codePointLength } from "../../core/text/offsets.ts";
import { isDocx } from "../../core/formats/docx/index.ts";
import { isPdf } from "../../core/formats/pdf/index.ts";
import {
  detectFormat,
  hasReadExtension,
  type ImportFormat,
  type NodeImportFormat,
} from "../../core/formats/registry.ts";
import { decodeHtml, decodeText } from "./decode.ts";
import { SyncExtractor, type ExtractKind } from "./extract.ts";
import { readHtmlArticle } from "./html.ts";

/** A format Qawl reads (docs/formats.md; the list is `core/formats/registry.ts`). */
export type ReadFormat = ImportFormat;

/** A file to import. */
export type InputFile = ImportFile;

/** Everything read from a batch of files. */
export interface ReadResult {
  header: NativeHeader;
  documents: NativeDocument[];
  /** Whether ids, timestamps and the schema are the file's own (native JSONL): kept when the project is empty. */
  exact: boolean;
  /** Statements for the import report: repairs made, units converted, formats found. */
  notes: string[];
}

/** Lowercase hex SHA-256 of a text in UTF-8. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const PALETTE = [
  "#7c3aed",
  "#db2777",
  "#0d9488",
  "#ca8a04",
  "#2563eb",
  "#16a34a",
  "#dc2626",
  "#9333ea",
  "#0891b2",
  "#ea580c",
];

/** A label for a name an import brings: a default one when it is known, else a new name label. */
function labelFor(name: string, index: number): LabelDefinition {
  return (
    DEFAULT_LABELS.find((l) => l.name === name) ?? {
      name,
      kind: "entity",
      displayName: name,
      key: null,
      color: PALETTE[index % PALETTE.length] ?? "#6b7280",
      attributes: [],
      retired: false,
    }
  );
}

/** A header for documents read from a format without one. */
function headerFor(labelNames: Iterable<string>, annotator: string): NativeHeader {
  const names = [...new Set(labelNames)];
  const labels = [...DEFAULT_LABELS, ...names.filter((n) => !DEFAULT_LABELS.some((l) => l.name === n)).map(labelFor)];
  return {
    format: "qawl",
    version: 1,
    offset_unit: "codepoint",
    labels: labels.map(nativeLabel),
    relation_types: DEFAULT_RELATION_TYPES.map(nativeRelationType),
    entities: [],
    annotators: [{ id: 1, name: annotator }],
  };
}

interface Context {
  annotator: string;
  now: string;
  nextId: () => number;
}

/** A document with no annotation, from its text. */
function document(ctx: Context, fields: DocumentFields): NativeDocument {
  return {
    id: ctx.nextId(),
    title: fields.title,
    published: fields.published ?? null,
    source: fields.source,
    url: fields.url ?? null,
    ...(fields.outlet != null ? { outlet: fields.outlet } : {}),
    ...(fields.author != null ? { author: fields.author } : {}),
    lang: fields.lang ?? guessLanguage(fields.text),
    text: fields.text,
    text_sha256: sha256(fields.text),
    had_bom: fields.hadBom ?? false,
    status: "new",
    created_at: ctx.now,
    updated_at: ctx.now,
    spans: [],
    relations: [],
  };
}

/** Offset indexes of the documents being read, one per text. */
const indexes = new WeakMap<NativeDocument, OffsetIndex>();

/** A span of a document being read (its text sliced from the document). */
function span(ctx: Context, doc: NativeDocument, label: string, pieces: { start: number; end: number }[]): NativeSpan {
  let offsets = indexes.get(doc);
  if (offsets === undefined) {
    offsets = new OffsetIndex(doc.text);
    indexes.set(doc, offsets);
  }
  const index = offsets;
  const first = pieces[0] ?? { start: 0, end: 0 };
  const last = pieces[pieces.length - 1] ?? first;
  return {
    id: ctx.nextId(),
    label,
    start: first.start,
    end: last.end,
    text: pieces.map((p) => index.slice(p.start, p.end)).join(" "),
    ...(pieces.length > 1 ? { fragments: pieces } : {}),
    attributes: {},
    annotator: ctx.annotator,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
}

/**
 * Relations read from a file, renumbered: `idOf` maps the file's span ids (numbers, or
 * brat's `T1`) to the new ones;
 * each relation type is added to `types`.
 */
function relationsFor<K>(
  ctx: Context,
  relations: readonly { type: string; from: K; to: K }[],
  idOf: ReadonlyMap<K, number>,
  types: Set<string>,
): NativeRelation[] {
  return relations.map((r) => {
    types.add(r.type);
    return {
      id: ctx.nextId(),
      type: r.type,
      from: idOf.get(r.from) ?? 0,
      to: idOf.get(r.to) ?? 0,
      annotator: ctx.annotator,
      created_at: ctx.now,
    };
  });
}

/** The text of a file, strictly decoded. */
function textOf(file: InputFile, encoding?: string, blank = false): { text: string; hadBom: boolean } {
  return decodeText(file.name, file.bytes, encoding, { blank });
}

/**
 * Name endings of office, picture, sound, video and archive files, and of the schema files
 * beside exports (brat's `annotation.conf`, Label Studio's `label_config.xml`), that Qawl does
 * not read even when they hold text.
 */
const OTHER_EXTENSIONS =
  /\.(docm|doc|dot|dotx|rtf|odt|ods|odp|xlsx?|xlsm|csv|pptx?|key|pages|numbers|png|jpe?g|gif|webp|svg|heic|tiff?|bmp|ico|zip|gz|tgz|7z|rar|mp3|m4a|wav|ogg|mp4|mov|avi|eml|msg|exe|dmg|conf|xml)$/iu;

/**
 * Whether a file found in a folder is of a type Qawl does not read, to be skipped: a hidden
 * file (`.DS_Store`, `._a.txt`, whatever its ending), or a name ending Qawl does not read (`.png`, `.doc`, `.xlsx`) whose bytes
 * are not a DOCX or PDF either, or binary bytes (a NUL in the first 8000 bytes, git's test)
 * under a name Qawl does not know. A file of a type Qawl reads is never skipped: a malformed
 * one is refused.
 */
export function isUnreadableType(file: InputFile): boolean {
  const base = file.name.split(/[\\/]/u).pop() ?? file.name;
  // Hidden files are the system's (`.DS_Store`, macOS's `._article.txt` beside a copied file).
  if (base.startsWith(".")) return true;
  if (hasReadExtension(base)) return false;
  if (isDocx(file.bytes) || isPdf(file.bytes)) return false;
  if (OTHER_EXTENSIONS.test(base)) return true;
  return file.bytes.subarray(0, 8000).includes(0);
}

/**
 * A DOCX or PDF article: its text as the extractor gives it (paragraphs separated by a blank
 * line), the title from the file's own title or its first paragraph, the date from a date line
 * or dateline of its opening lines.
 * @throws QawlError naming the file when the extractor cannot read it or it has no text layer
 */
function readExtracted(ctx: NodeReadContext, kind: ExtractKind, file: InputFile): NativeDocument {
  const answer = ctx.extractor.extract(kind, file.name, file.bytes);
  if (!answer.ok) {
    if (answer.reason === "no_text_layer") {
      throw new QawlError(
        "bad_input",
        `${file.name}: has no text layer (a scanned page?); run OCR first; nothing imported`,
        {
          kind: "import.file",
          file: file.name,
          files: 1,
          reason: "no_text_layer",
        },
      );
    }
    const what = kind === "docx" ? "a Word document (.docx)" : "a PDF";
    throw new QawlError(
      "bad_input",
      `${file.name}: cannot be read as ${what} (${answer.detail.replace(/\s+/gu, " ").slice(0, 200)}); nothing imported`,
      { kind: "import.file", file: file.name, files: 1, reason: kind === "docx" ? "bad_docx" : "bad_pdf" },
    );
  }
  // The title and date are read from the opening lines as for a plain-text article.
  const meta = readArticleMetadata(answer.text);
  const doc = ctx.document({
    title: answer.metadataTitle ?? meta.title,
    text: answer.text,
    source: file.name,
    published: meta.published,
  });
  doc.origin =
    kind === "docx"
      ? { format: "docx", file: file.name, extractor: answer.extractor }
      : { format: "pdf", file: file.name, extractor: answer.extractor, pages: answer.pages ?? 0 };
  return doc;
}

/**
 * An HTML page: its article through Readability and DOMPurify (`html.ts`), in the encoding
 * the user named, else the one the page declares (BOM, `<meta charset>`, said in a note).
 */
function readHtml(ctx: NodeReadContext, file: InputFile): NativeDocument {
  const decoded = decodeHtml(file.name, file.bytes, ctx.encoding);
  if (decoded.declared !== null) ctx.note(`${file.name}: read as ${decoded.declared}, as the page declares`);
  const article = readHtmlArticle(file.name, decoded.text);
  const doc = ctx.document({
    title: article.title,
    text: article.text,
    source: file.name,
    published: article.published,
    lang: article.lang !== null && /^ar\b/iu.test(article.lang) ? "ar" : null,
    url: article.url,
    outlet: article.outlet,
    author: article.author,
  });
  doc.origin = { format: "html", page: article.page };
  return doc;
}

/** What Node's readers get besides the core's context: the user's encoding and the DOCX/PDF extractor. */
interface NodeReadContext extends ReadContext {
  encoding: string | undefined;
  extractor: SyncExtractor;
}

/** The readers that need Node (`host: "node"` in the registry), by format id. */
const NODE_READERS: ReaderTable<NodeImportFormat, NodeReadContext> = {
  html: (ctx, file) => [readHtml(ctx, file)],
  docx: (ctx, file) => [readExtracted(ctx, "docx", file)],
  pdf: (ctx, file) => [readExtracted(ctx, "pdf", file)],
};

/** Every format's reader but Qawl's JSONL: the core ones (`core/formats/readers.ts`) and Node's. */
const READERS: ReaderTable<FileFormat, NodeReadContext> = { ...CORE_READERS, ...NODE_READERS };

/**
 * Read a batch of files.
 * @param format the files' format, or `auto` to find it per file
 * @throws QawlError naming the file (and line) of the first problem
 */
export function readImportFiles(
  given: readonly InputFile[],
  format: ReadFormat | "auto",
  options: ReadOptions,
): ReadResult {
  const steps = readImportSteps(given, format, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** How a batch is read. */
export interface ReadOptions {
  /** The plain-text files' encoding (a WHATWG label); strict UTF-8 when absent. */
  encoding?: string;
  /** Who the spans read are recorded as made by. */
  annotator: string;
  /** The import's time, ISO 8601. */
  now: string;
  /** A DOCX/PDF extractor to use and leave running (many batches); one for the batch when absent. */
  extractor?: SyncExtractor;
}

/** How far a read has come: `done` of `total` files read. */
export interface ReadStep {
  done: number;
  total: number;
}

/**
 * `readImportFiles` one file at a time: yields after each file read (so a caller can report
 * progress, stop, or let other work run between files) and returns the whole batch. Stopping
 * it early leaves nothing behind: reading stores nothing.
 * @throws QawlError as `readImportFiles`
 */
export function* readImportSteps(
  given: readonly InputFile[],
  format: ReadFormat | "auto",
  options: ReadOptions,
): Generator<ReadStep, ReadResult, void> {
  const notes: string[] = [];
  let files = given;
  let id = 0;
  const ctx: Context = { annotator: options.annotator, now: options.now, nextId: () => ++id };
  const labels = new Set<string>();
  const documents: NativeDocument[] = [];
  const entities: NativeHeader["entities"] = [];
  const relationTypes = new Set<string>();
  const used = new Set<InputFile>();
  if (format === "auto" && files.length > 1) {
    // A folder's other files (pictures, spreadsheets, .DS_Store) are left out and named.
    const kept = files.filter((f) => !isUnreadableType(f));
    for (const f of files) if (!kept.includes(f)) notes.push(`skipped ${f.name} (not a format Qawl reads)`);
    if (kept.length === 0) {
      throw new QawlError("bad_input", "none of the files is of a format Qawl reads; nothing imported");
    }
    files = kept;
  }
  const formats = files.map((f) => (format === "auto" ? detectFormat(f, files) : format));
  if (formats.includes("jsonl")) {
    if (files.length > 1) {
      throw new QawlError("bad_input", "import a native JSONL file on its own", { kind: "import.jsonl_alone" });
    }
    const file = files[0];
    if (file === undefined) throw new QawlError("bad_input", "no file to import");
    try {
      const parsed = readNativeJsonl(textOf(file).text, sha256);
      return { ...parsed, exact: true, notes };
    } catch (e) {
      refuseFormat(file.name, e);
    }
  }
  const extractor = options.extractor ?? new SyncExtractor();
  const reading: NodeReadContext = {
    files,
    claim: (file) => used.add(file),
    text: (file, read = {}) =>
      textOf(file, read.userEncoding === true ? options.encoding : undefined, read.blank === true),
    document: (fields) => document(ctx, fields),
    span: (doc, label, pieces) => span(ctx, doc, label, pieces),
    relations: (relations, idOf) => relationsFor(ctx, relations, idOf, relationTypes),
    label: (name) => labels.add(name),
    entities,
    nextId: ctx.nextId,
    note: (line) => notes.push(line),
    encoding: options.encoding,
    extractor,
  };
  try {
    for (const [i, file] of files.entries()) {
      if (!used.has(file)) readFile(file, formats[i] ?? "text");
      yield { done: i + 1, total: files.length };
    }
  } finally {
    if (options.extractor === undefined) extractor.close();
  }
  function readFile(file: InputFile, kind: ReadFormat): void {
    // Qawl's JSONL is read above, on its own.
    if (kind === PROJECT_FORMAT) return;
    const read = READERS[kind](reading, file);
    // A file that parses to nothing (`[]`, blank lines) is refused, not imported as nothing.
    if (read.length === 0) {
      throw new QawlError("bad_input", `${file.name}: the file holds no documents; nothing imported`, {
        kind: "import.file",
        file: file.name,
        files: 1,
        reason: "no_documents",
      });
    }
    documents.push(...read);
  }
  const header = headerFor(labels, options.annotator);
  header.entities = entities;
  for (const type of relationTypes) {
    if (!header.relation_types.some((t) => t.name === type)) {
      header.relation_types.push({ name: type, display_name: type, from_kind: "entity", to_kind: "entity" });
    }
  }
  for (const doc of documents) {
    if (codePointLength(doc.text) === 0 || doc.text.trim() === "") {
      const file = doc.source ?? doc.title;
      throw new QawlError("bad_input", `${file}: the document holds no text; nothing imported`, {
        kind: "import.file",
        file,
        files: 1,
        reason: "no_text",
      });
    }
    // A NUL makes every text file written from it binary (brat, CoNLL, the text export).
    const nul = [doc.text, doc.title, ...doc.spans.flatMap((s) => [s.note ?? "", ...Object.values(s.attributes)])].some(
      (field) => field.includes("\0"),
    );
    if (nul) {
      const file = doc.source ?? doc.title;
      throw new QawlError("bad_input", `${file}: holds a NUL character (U+0000); nothing imported`, {
        kind: "import.file",
        file,
        files: 1,
        reason: "binary",
      });
    }
  }
  return { header, documents, exact: false, notes };
}
