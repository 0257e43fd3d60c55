/**
 * The operation contract: every operation Qawl offers, its input (a zod schema, checked
 * by every host before the operation runs) and its output type. Implemented once in
 * `main/ops/`, bound by three hosts: Electron IPC, `qawl serve` (HTTP) and the CLI.
 *
 * Offsets in every input and output count Unicode code points, end-exclusive: Python's
 * `text[start:end]` returns the span's text.
 */
import { z } from "zod";
import type { LabelDefinition, RelationTypeDefinition } from "./labels.ts";
import type { OperationName } from "./operation-names.ts";
import type { PublishedDate } from "./text/dates.ts";

const id = z.number().int().positive();
/** A code point offset. */
const offset = z.number().int().nonnegative();
const attributes = z.record(z.string(), z.string());

/** Input schemas, one per operation; unknown keys are refused. */
export const inputSchemas = {
  getProject: z.strictObject({}),
  listDocuments: z.strictObject({}),
  getDocument: z.strictObject({ documentId: id }),
  importDocuments: z.strictObject({
    files: z
      .array(
        z.strictObject({
          /** File name, used in messages and recorded as the document's source file. */
          name: z.string().min(1).max(4096),
          /** File content, base64 (RFC 4648 §4). */
          contentBase64: z.base64(),
        }),
      )
      .min(1),
    /** WHATWG encoding label of the files, e.g. `windows-1256`; default UTF-8 (strict). */
    encoding: z.string().min(1).max(64).optional(),
  }),
  createSpan: z.strictObject({
    documentId: id,
    /** Label name, e.g. `QUOTE`. */
    label: z.string().min(1),
    start: offset,
    end: offset,
    attributes: attributes.optional(),
  }),
  updateSpan: z.strictObject({
    spanId: id,
    label: z.string().min(1).optional(),
    attributes: attributes.optional(),
  }),
  deleteSpan: z.strictObject({ spanId: id }),
  createRelation: z.strictObject({
    /** Relation type name, e.g. `attributed_to`. */
    type: z.string().min(1),
    fromSpanId: id,
    toSpanId: id,
  }),
  deleteRelation: z.strictObject({ relationId: id }),
  exportDocuments: z.strictObject({
    format: z.literal("jsonl"),
    /** Documents to export; all when absent. */
    documentIds: z.array(id).optional(),
  }),
} satisfies Record<OperationName, z.ZodType>;

/** The validated input of operation `K`. */
export type OperationInput<K extends OperationName> = z.infer<(typeof inputSchemas)[K]>;

/** Document workflow state. */
export type DocumentStatus = "new" | "in_progress" | "done";

/** The project as a page needs it to start. */
export interface ProjectInfo {
  /** Absolute path of the project's SQLite file. */
  path: string;
  /** Name of the annotator whose changes this host records. */
  annotator: string;
  labels: LabelDefinition[];
  relationTypes: RelationTypeDefinition[];
}

/** A line of the document list. */
export interface DocumentSummary {
  id: number;
  title: string;
  published: PublishedDate | null;
  status: DocumentStatus;
  /** BCP 47 language of the text, e.g. `ar` (`und` when unknown). */
  lang: string;
  /** Length of the text in code points. */
  length: number;
  /** Number of spans per label name. */
  spanCounts: Record<string, number>;
}

/** A span as the contract shows it. Offsets in code points, end-exclusive. */
export interface SpanView {
  id: number;
  documentId: number;
  label: string;
  start: number;
  end: number;
  /** `text[start:end]` of the document. */
  text: string;
  attributes: Record<string, string>;
  annotator: string;
  /** ISO 8601 timestamps (UTC). */
  createdAt: string;
  updatedAt: string;
}

/** A typed, directed link between two spans of one document. */
export interface RelationView {
  id: number;
  documentId: number;
  type: string;
  fromSpanId: number;
  toSpanId: number;
  annotator: string;
  createdAt: string;
}

/** A document with its text and annotation. */
export interface DocumentView extends DocumentSummary {
  /** The text exactly as imported (a leading BOM removed, see `hadBom`). */
  text: string;
  /** Lowercase hex SHA-256 of `text` in UTF-8. */
  textSha256: string;
  hadBom: boolean;
  /** The file or page the document came from. */
  source: string | null;
  url: string | null;
  spans: SpanView[];
  relations: RelationView[];
}

/** What happened to one file of an import. */
export type ImportOutcome =
  | { file: string; status: "imported"; documentId: number; title: string; length: number }
  | { file: string; status: "duplicate"; documentId: number; title: string };

/** Result of an import run (all files or none are written). */
export interface ImportReport {
  outcomes: ImportOutcome[];
}

/** Result of deleting a span: its relations go with it. */
export interface DeleteSpanResult {
  deletedSpanId: number;
  deletedRelationIds: number[];
}

/** An exported file, ready to save or download. */
export interface ExportedFile {
  /** Suggested file name, e.g. `qawl-export.jsonl`. */
  fileName: string;
  /** Media type, e.g. `application/x-ndjson`. */
  mediaType: string;
  /** The file's content (UTF-8 text). */
  content: string;
  documentCount: number;
}

/** Output type of each operation. */
export interface OperationOutputs {
  getProject: ProjectInfo;
  listDocuments: DocumentSummary[];
  getDocument: DocumentView;
  importDocuments: ImportReport;
  createSpan: SpanView;
  updateSpan: SpanView;
  deleteSpan: DeleteSpanResult;
  /** The new relation, and the id of the one it replaced (a quote has one speaker and one cue). */
  createRelation: { relation: RelationView; replacedRelationId: number | null };
  deleteRelation: { deletedRelationId: number };
  exportDocuments: ExportedFile;
}

/** The table as implemented under Node: synchronous, validated input. */
export type OperationTable = {
  [K in OperationName]: (input: OperationInput<K>) => OperationOutputs[K];
};

/** The table as a page sees it, over any transport. */
export type Api = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutputs[K]>;
};

/** The reply envelope every transport carries. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
