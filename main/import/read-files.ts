/**
 * Every reader behind `importDocuments`: files (name and bytes) in a named format, or with
 * the format found from the name and the content, become one native file — header (labels,
 * entities, annotators) and documents with their spans and relations — ready to be stored
 * in one transaction. Offsets are code points. Errors name the file, the line and the reason.
 */
import { createHash } from "node:crypto";
import { readArticleMetadata } from "../../core/article/metadata.ts";
import { readBratAnn } from "../../core/formats/brat.ts";
import { readConll, spansFromTags, type ConllFile } from "../../core/formats/conll.ts";
import { readDoccano } from "../../core/formats/doccano.ts";
import { FormatError } from "../../core/formats/format-error.ts";
import { readLabelStudio } from "../../core/formats/labelstudio.ts";
import {
  nativeLabel,
  nativeRelationType,
  type NativeDocument,
  type NativeHeader,
  type NativeRelation,
  type NativeSpan,
} from "../../core/formats/native-jsonl.ts";
import { readNativeJsonl } from "../../core/formats/native-read.ts";
import type { ConllOrigin } from "../../core/formats/origin.ts";
import { QawlError } from "../../core/errors.ts";
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES, type LabelDefinition } from "../../core/labels.ts";
import { guessLanguage } from "../../core/text/language.ts";
import { OffsetIndex, codePointLength } from "../../core/text/offsets.ts";
import { IMPORT_FORMATS, type ImportFormat } from "../../core/import-formats.ts";
import { decodeHtml, decodeText } from "./decode.ts";
import { SyncExtractor, type ExtractKind } from "./extract.ts";
import { readHtmlArticle } from "./html.ts";

/** Formats Qawl reads (docs/formats.md; the list is `core/import-formats.ts`). */
export const READ_FORMATS = IMPORT_FORMATS;
export type ReadFormat = ImportFormat;

/** A file to import. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

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
function document(
  ctx: Context,
  fields: {
    title: string;
    text: string;
    source: string;
    hadBom?: boolean;
    published?: NativeDocument["published"];
    lang?: string | null;
    url?: string | null;
    outlet?: string | null;
    author?: string | null;
  },
): NativeDocument {
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
function textOf(file: InputFile, encoding?: string): { text: string; hadBom: boolean } {
  return decodeText(file.name, file.bytes, encoding);
}

/** Whether the bytes are a DOCX: a ZIP (`PK\x03\x04`, ECMA-376 Part 2 OPC) holding `word/document.xml`. */
function isDocx(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return (
    zip && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml", 0, "latin1")
  );
}

/** Whether the bytes are a PDF: `%PDF-` within the first 1024 bytes (ISO 32000-1 §7.5.2, as readers accept it). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes("%PDF-", 0, "latin1");
}

/** Name endings of the files Qawl reads. */
const READ_EXTENSIONS = /\.(txt|text|x?html?|ann|jsonl|ndjson|json|conll|conll2003|iob|iob2|bio|tsv|docx|pdf)$/iu;

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
  if (READ_EXTENSIONS.test(base)) return false;
  if (isDocx(file.bytes) || isPdf(file.bytes)) return false;
  if (OTHER_EXTENSIONS.test(base)) return true;
  return file.bytes.subarray(0, 8000).includes(0);
}

/** Guess a file's format from its name and content. */
export function detectFormat(file: InputFile, siblings: readonly InputFile[]): ReadFormat {
  const name = file.name.toLowerCase();
  // A name Qawl reads is trusted; under another name, the bytes tell DOCX and PDF.
  const known = READ_EXTENSIONS.test(name);
  if (name.endsWith(".docx") || (!known && isDocx(file.bytes))) return "docx";
  if (name.endsWith(".pdf") || (!known && isPdf(file.bytes))) return "pdf";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(file.bytes.subarray(0, 4096)).replace(/^\uFEFF/u, "");
  if (/\.x?html?$/u.test(name) || /^\s*<(!doctype\s+html|html[\s>])/iu.test(head)) return "html";
  if (name.endsWith(".ann")) return "brat";
  if (name.endsWith(".txt") && siblings.some((s) => s.name.toLowerCase() === name.replace(/\.txt$/u, ".ann")))
    return "brat";
  if (/\.(jsonl|ndjson)$/u.test(name)) return /^\{\s*"format"\s*:\s*"qawl"/u.test(head) ? "jsonl" : "doccano";
  if (name.endsWith(".json")) return "labelstudio";
  if (/\.(conll|conll2003|iob|iob2|bio|tsv)$/u.test(name)) return "conll";
  const lines = head
    .split(/\r?\n/u)
    .slice(0, 20)
    .filter((l) => l.trim() !== "");
  if (lines.length >= 3 && lines.every((l) => /^(-DOCSTART-|.+[\t ](O|[BI]-\S+))$/u.test(l))) return "conll";
  return "text";
}

/** The import's error for a format problem: `file: line N: reason`. */
function formatError(file: string, e: unknown): never {
  if (e instanceof FormatError) throw new QawlError("bad_input", `${file}: ${e.message}; nothing imported`);
  throw e;
}

/**
 * A DOCX or PDF article: its text as the extractor gives it (paragraphs separated by a blank
 * line), the title from the file's own title or its first paragraph, the date from a date line
 * or dateline of its opening lines.
 * @throws QawlError naming the file when the extractor cannot read it or it has no text layer
 */
function readExtracted(ctx: Context, extractor: SyncExtractor, kind: ExtractKind, file: InputFile): NativeDocument {
  const answer = extractor.extract(kind, file.name, file.bytes);
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
  const doc = document(ctx, {
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

function readConllFile(ctx: Context, file: InputFile, labels: Set<string>, notes: string[]): NativeDocument[] {
  const { text: content } = textOf(file);
  let parsed: ConllFile;
  try {
    // decodeText removed a BOM; give it back to the reader, which records it in the dialect.
    const hadBom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
    parsed = readConll((hadBom ? "\uFEFF" : "") + content);
  } catch (e) {
    formatError(file.name, e);
  }
  if (parsed.strayInside.length > 0) {
    notes.push(
      `${file.name}: ${String(parsed.strayInside.length)} stray I- tags (an I- not after a tag of its type) read as span starts and written back as B-: lines ${parsed.strayInside.map((s) => String(s.line)).join(", ")}`,
    );
  }
  if (parsed.dialect.tagScheme === "IOB1")
    notes.push(`${file.name}: tags read as IOB1 (I- opens spans; B- only after a span of the same type)`);
  return parsed.documents.map((d, index) => {
    const title = parsed.documents.length > 1 ? `${file.name} (${String(index + 1)})` : file.name;
    const doc = document(ctx, { title, text: d.text, source: file.name });
    const tokens = d.sentences.flat();
    const middle: Record<string, string[]> = {};
    tokens.forEach((t, i) => {
      if (t.middle.length > 0) middle[String(i)] = t.middle;
    });
    const origin: ConllOrigin = {
      format: "conll",
      file: file.name,
      index,
      dialect: parsed.dialect,
      tokens: tokens.map((t) => [t.start, t.end]),
      ...(Object.keys(middle).length > 0 ? { middle } : {}),
      extra_lines: d.extraLines.map((e) => [e.at, e.text]),
    };
    // Middle columns of IOB tags for quotes, speakers and cues are layers (Qawl's own export).
    const layerKinds: Record<string, "quote" | "speaker" | "cue"> = { QUOTE: "quote", SPEAKER: "speaker", CUE: "cue" };
    const columns = tokens[0]?.middle.length ?? 0;
    const layers: Record<string, "quote" | "speaker" | "cue"> = {};
    const layerSpans: { label: string; start: number; end: number }[] = [];
    for (let c = 0; c < columns; c++) {
      const types = new Set(
        tokens.map((t) => /^[BI]-(.+)$/u.exec(t.middle[c] ?? "")?.[1] ?? ((t.middle[c] ?? "") === "O" ? "O" : "?")),
      );
      types.delete("O");
      const kinds = [...types].map((type) => layerKinds[type]);
      if (types.size === 0 || kinds.some((k) => k === undefined) || new Set(kinds).size !== 1) continue;
      const kind = kinds[0];
      if (kind === undefined) continue;
      layers[String(c)] = kind;
      for (const line of d.sentences) {
        layerSpans.push(
          ...spansFromTags(
            line.map((t) => ({ start: t.start, end: t.end, tag: t.middle[c] ?? "O" })),
            parsed.dialect.tagScheme,
          ),
        );
      }
    }
    if (Object.keys(layers).length > 0) origin.layers = layers;
    doc.origin = origin;
    doc.spans = [...layerSpans, ...d.spans].map((s) => {
      labels.add(s.label);
      return span(ctx, doc, s.label, [{ start: s.start, end: s.end }]);
    });
    return doc;
  });
}

/**
 * Read a batch of files.
 * @param format the files' format, or `auto` to find it per file
 * @param encoding the plain-text files' encoding (strict UTF-8 when absent)
 * @throws QawlError naming the file (and line) of the first problem
 */
export function readImportFiles(
  given: readonly InputFile[],
  format: ReadFormat | "auto",
  options: { encoding?: string; annotator: string; now: string },
): ReadResult {
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
      formatError(file.name, e);
    }
  }
  const extractor = new SyncExtractor();
  try {
    files.forEach((file, i) => {
      if (used.has(file)) return;
      const kind = formats[i] ?? "text";
      readFile(file, kind);
    });
  } finally {
    extractor.close();
  }
  function readFile(file: InputFile, kind: ReadFormat): void {
    switch (kind) {
      case "docx":
      case "pdf":
        documents.push(readExtracted(ctx, extractor, kind, file));
        break;
      case "text": {
        const { text, hadBom } = textOf(file, options.encoding);
        if (/^\s*<(!doctype\s+html|html[\s>])/iu.test(text)) {
          throw new QawlError(
            "bad_input",
            `${file.name}: this is an HTML page, not a plain-text article (import it as html); nothing imported`,
            { kind: "import.file", file: file.name, files: 1, reason: "html_page" },
          );
        }
        const meta = readArticleMetadata(text);
        documents.push(
          document(ctx, { title: meta.title, text, source: file.name, hadBom, published: meta.published }),
        );
        break;
      }
      case "html": {
        // Without --encoding, a page is read in the encoding it declares (BOM, <meta charset>).
        const decoded = decodeHtml(file.name, file.bytes, options.encoding);
        if (decoded.declared !== null) notes.push(`${file.name}: read as ${decoded.declared}, as the page declares`);
        const article = readHtmlArticle(file.name, decoded.text);
        const doc = document(ctx, {
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
        documents.push(doc);
        break;
      }
      case "conll":
        documents.push(...readConllFile(ctx, file, labels, notes));
        break;
      case "brat": {
        const base = file.name.replace(/\.(ann|txt)$/iu, "");
        const txt = files.find((f) => f.name === `${base}.txt`);
        const ann = files.find((f) => f.name === `${base}.ann`);
        if (txt === undefined || ann === undefined) {
          throw new QawlError(
            "bad_input",
            `${file.name}: brat standoff needs both ${base}.txt and ${base}.ann; nothing imported`,
            { kind: "import.file", file: file.name, files: 1, reason: "brat_pair", base },
          );
        }
        used.add(txt);
        used.add(ann);
        const { text, hadBom } = textOf(txt);
        let parsed;
        try {
          parsed = readBratAnn(textOf(ann).text, text);
        } catch (e) {
          formatError(ann.name, e);
        }
        const meta = readArticleMetadata(text);
        const doc = document(ctx, { title: meta.title, text, source: txt.name, hadBom, published: meta.published });
        const idOf = new Map<string, number>();
        doc.spans = parsed.spans.map((s) => {
          labels.add(s.label);
          const made = span(ctx, doc, s.label, s.fragments);
          made.attributes = s.attributes;
          if (s.note !== undefined) made.note = s.note;
          if (s.reference !== undefined) {
            const kb = s.reference.db.toLowerCase() === "wikidata" ? s.reference.id : null;
            let entity = entities.find((e) => (kb !== null && e.kb_id === kb) || e.name === s.reference?.name);
            if (entity === undefined) {
              entity = { id: ctx.nextId(), name: s.reference.name || s.text, type: s.label, aliases: [], kb_id: kb };
              entities.push(entity);
            }
            made.entity = entity.id;
          }
          idOf.set(s.id, made.id);
          return made;
        });
        doc.relations = relationsFor(ctx, parsed.relations, idOf, relationTypes);
        documents.push(doc);
        break;
      }
      case "doccano": {
        let parsed;
        try {
          parsed = readDoccano(textOf(file).text);
        } catch (e) {
          formatError(file.name, e);
        }
        for (const d of parsed) {
          const doc = document(ctx, {
            title: readArticleMetadata(d.text).title || `${file.name} line ${String(d.line)}`,
            text: d.text,
            source: file.name,
          });
          const idOf = new Map<number, number>();
          doc.spans = d.spans.map((s) => {
            labels.add(s.label);
            const made = span(ctx, doc, s.label, [{ start: s.start, end: s.end }]);
            idOf.set(s.id, made.id);
            return made;
          });
          doc.relations = relationsFor(ctx, d.relations, idOf, relationTypes);
          documents.push(doc);
        }
        break;
      }
      case "labelstudio": {
        let parsed;
        try {
          parsed = readLabelStudio(textOf(file).text);
        } catch (e) {
          formatError(file.name, e);
        }
        if (parsed.some((t) => t.convertedFromUtf16)) {
          notes.push(
            `${file.name}: region offsets were UTF-16 units (an older Label Studio) and were converted to code points`,
          );
        }
        parsed.forEach((t, k) => {
          const doc = document(ctx, {
            title: t.title ?? (readArticleMetadata(t.text).title || `${file.name} task ${String(k + 1)}`),
            text: t.text,
            source: file.name,
          });
          const idOf = new Map<string, number>();
          doc.spans = t.spans.map((s) => {
            labels.add(s.label);
            const made = span(ctx, doc, s.label, [{ start: s.start, end: s.end }]);
            if (s.type !== undefined) made.attributes = { type: s.type };
            if (s.note !== undefined) made.note = s.note;
            idOf.set(s.id, made.id);
            return made;
          });
          doc.relations = relationsFor(ctx, t.relations, idOf, relationTypes);
          documents.push(doc);
        });
        break;
      }
      case "jsonl":
        break;
    }
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
  }
  return { header, documents, exact: false, notes };
}
