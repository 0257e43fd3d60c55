/**
 * The operation contract: every operation Qawl offers, its input (a zod schema, checked
 * by every host before the operation runs) and its output type. Implemented once in
 * `main/ops/`, bound by three hosts: Electron IPC, `qawl serve` (HTTP) and the CLI.
 *
 * Offsets in every input and output count Unicode code points, end-exclusive: Python's
 * `text[start:end]` returns the span's text.
 */
import type { Role } from "./team.ts";
import { z } from "zod";
import type { AgreementReport } from "./agreement/report.ts";
import type { ErrorDetail } from "./errors.ts";
import type { Loss } from "./formats/loss.ts";
import type { ChangeMessage } from "./change-message.ts";
import type { ChangeRecord } from "./change-feed.ts";
import {
  LABEL_NAME_PATTERN,
  LABEL_NAME_RULE,
  WIKIDATA_ID_PATTERN,
  type LabelDefinition,
  type RelationTypeDefinition,
} from "./labels.ts";
import type { CueLemma } from "./preannotate/cues.ts";
import type { OperationName } from "./operation-names.ts";
import { isIsoDate, type PublishedDate } from "./text/dates.ts";
import {
  EXPORT_FORMATS,
  EXPORT_VARIANTS,
  IMPORT_FORMATS,
  type ExportFormat,
  type ImportFormat,
} from "./formats/registry.ts";

export { EXPORT_FORMATS, type ExportFormat, IMPORT_FORMATS, type ImportFormat };

const id = z.number().int().positive();
/** A code point offset. */
const offset = z.number().int().nonnegative();
const attributes = z.record(z.string(), z.string());
const fragment = z.strictObject({ start: offset, end: offset });
const labelKind = z.enum(["quote", "speaker", "cue", "entity", "custom"]);
/** A label key: one lowercase letter or digit. */
const labelKey = z.string().regex(/^[a-z0-9]$/u, "a key is one lowercase letter or digit");
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/u, "a colour is #rrggbb");
/** A label name as exports write it: letters, digits, `_` and `-`. */
const labelName = z.string().regex(LABEL_NAME_PATTERN, LABEL_NAME_RULE);
/** A Wikidata item id such as `Q1234`. */
const kbId = z.string().regex(WIKIDATA_ID_PATTERN, "a Wikidata id looks like Q1234");

/**
 * The project revision the caller's view was at when the person made this edit (the view's
 * last applied change record). When another client changed the object after it, the edit is
 * refused as stale (`stale` error detail) instead of undoing that change unseen; absent: no check.
 */
const basedOn = z.number().int().nonnegative().optional();

const cueWord = z.string().trim().min(1).max(60);
/** A cue lemma of the project's list (see `core/preannotate/cues.ts`). */
const cueLemma = z.strictObject({
  lemma: cueWord,
  kind: z.enum(["speech", "source"]),
  forms: z.array(cueWord).min(1).max(100),
  participles: z.array(cueWord).max(100),
  introducers: z.array(cueWord).max(20),
});
const documentStatus = z.enum(["new", "in_progress", "done"]);
/** One line of text: no line break. */
const oneLine = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${String(max)} characters`)
    .regex(/^[^\r\n\u2028\u2029]*$/u, `${what} must be one line`);
/**
 * Why `u` is not an http(s) URL with a host (WHATWG URL, as `new URL()` reads it), or null.
 * One reason, the first that applies: whitespace, scheme, no host, not readable.
 */
export function webUrlProblem(u: string): string | null {
  if (/\s/u.test(u)) return "a URL has no spaces or line breaks (write a space as %20)";
  if (!/^https?:\/\//iu.test(u)) return "a URL starts with http:// or https://";
  // WHATWG reads `https:///a` as host `a`: the host must follow the `//` as written.
  if (!/^https?:\/\/[^/?#]/iu.test(u)) return "a URL has a host after http:// or https://, such as example.com";
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    return "this is not a URL that can be read, such as https://example.com/news/1";
  }
  return parsed.hostname === "" ? "a URL has a host after http:// or https://, such as example.com" : null;
}
/** An http(s) URL with a host and no whitespace. */
const webUrl = z
  .string()
  .trim()
  .max(2048, "a URL is at most 2048 characters")
  .superRefine((u, ctx) => {
    const problem = webUrlProblem(u);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem, input: u });
  });
/** An ISO calendar date that exists. */
const isoDate = z.string().refine(isIsoDate, "a date is YYYY-MM-DD and must exist (e.g. 2019-06-20)");

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
    /** The files' format (docs/formats.md), or `auto` (the default) to find it per file. */
    format: z.enum(["auto", ...IMPORT_FORMATS]).optional(),
    /** WHATWG encoding label of plain-text and HTML files, e.g. `windows-1256`; default UTF-8 (strict). */
    encoding: z.string().min(1).max(64).optional(),
  }),
  setDocumentStatus: z.strictObject({ documentId: id, status: documentStatus }),
  /**
   * Set a document's metadata; only the keys given change, `null` clears one. Undoable.
   * The text is never changed.
   */
  updateDocument: z.strictObject({
    documentId: id,
    /** 1–500 characters, one line. */
    title: oneLine("a title", 500).optional(),
    /** The published date, ISO `YYYY-MM-DD` (a day that exists). */
    date: isoDate.nullable().optional(),
    /** The date as written (default: the stored one when the day is unchanged, else the ISO date). */
    dateRaw: oneLine("the date as written", 200).optional(),
    /** The article's address, http(s). */
    url: webUrl.nullable().optional(),
    /** The newspaper or agency, at most 200 characters. */
    outlet: oneLine("an outlet", 200).nullable().optional(),
    /** Who wrote the article, at most 200 characters. */
    author: oneLine("an author", 200).nullable().optional(),
  }),
  /** Delete documents with their spans, relations and suggestions; not undoable, and it clears the undo history. */
  deleteDocuments: z.strictObject({ documentIds: z.array(id).min(1) }),
  createSpan: z.strictObject({
    documentId: id,
    /** Label name, e.g. `QUOTE`. */
    label: z.string().min(1),
    start: offset,
    end: offset,
    attributes: attributes.optional(),
    /** Pieces of a discontinuous quote, in text order; `start`/`end` must be the first's start and the last's end. */
    fragments: z.array(fragment).min(2).optional(),
    /** The layer it goes into: this host's annotator (the default) or the gold layer (`core/layers.ts`), when curating. */
    layer: z.string().min(1).max(200).optional(),
  }),
  updateSpan: z.strictObject({
    spanId: id,
    label: z.string().min(1).optional(),
    attributes: attributes.optional(),
    /** New extent (resize from either end). */
    start: offset.optional(),
    end: offset.optional(),
    /** Pieces of a discontinuous quote (two or more), or null to make it contiguous again. */
    fragments: z.array(fragment).min(2).nullable().optional(),
    /** A note on the span; null or empty removes it. */
    note: z.string().max(10_000).nullable().optional(),
    /** The entity this speaker or entity mention refers to; null unlinks it. */
    entityId: id.nullable().optional(),
    basedOn,
  }),
  deleteSpan: z.strictObject({ spanId: id, basedOn }),
  createRelation: z.union([
    z.strictObject({
      /** Relation type name, e.g. `attributed_to`. */
      type: z.string().min(1),
      fromSpanId: id,
      toSpanId: id,
    }),
    z.strictObject({ type: z.string().min(1), fromSpanId: id, toEntityId: id }),
  ]),
  deleteRelation: z.strictObject({ relationId: id }),
  carryOverSpeaker: z.strictObject({ quoteId: id }),
  /** Adjudication: copy spans of annotators' layers into the gold layer, with their speaker and cue links (one undo step). */
  copyToGold: z.strictObject({ spanIds: z.array(id).min(1).max(1000) }),
  listEntities: z.strictObject({}),
  getEntity: z.strictObject({ entityId: id }),
  createEntity: z.strictObject({
    name: z.string().trim().min(1).max(200),
    /** Entity type, e.g. `PER`. */
    type: z.string().trim().min(1).max(40),
    aliases: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    kbId: kbId.nullable().optional(),
    /** Spans to link to the new entity. */
    spanIds: z.array(id).optional(),
  }),
  updateEntity: z.strictObject({
    entityId: id,
    name: z.string().trim().min(1).max(200).optional(),
    type: z.string().trim().min(1).max(40).optional(),
    aliases: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    kbId: kbId.nullable().optional(),
    basedOn,
  }),
  mergeEntities: z.strictObject({ intoId: id, fromIds: z.array(id).min(1), basedOn }),
  entityCandidates: z.strictObject({ spanId: id }),
  createLabel: z.strictObject({
    name: labelName,
    kind: labelKind,
    displayName: z.string().trim().min(1).max(60),
    key: labelKey.nullable(),
    color,
  }),
  updateLabel: z.strictObject({
    name: z.string().min(1),
    newName: labelName.optional(),
    displayName: z.string().trim().min(1).max(60).optional(),
    key: labelKey.nullable().optional(),
    color: color.optional(),
    retired: z.boolean().optional(),
  }),
  getHistory: z.strictObject({}),
  /** Stop a long operation that is running (`job`: the id its progress events carry, core/jobs.ts). */
  cancelJob: z.strictObject({ job: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u) }),
  changesSince: z.strictObject({
    /** The last revision the view has seen (0: none). */
    since: z.number().int().min(0),
    /** Most records returned (default 500; 0 asks only for the revision now). */
    limit: z.number().int().min(0).max(1000).optional(),
  }),
  undo: z.strictObject({}),
  redo: z.strictObject({}),
  preannotate: z.strictObject({
    /** Documents to pre-annotate; all when absent. */
    documentIds: z.array(id).optional(),
    /** Accept every suggestion at once (batch use) instead of leaving them for review. */
    accept: z.boolean().optional(),
  }),
  reviewSuggestions: z
    .strictObject({
      decision: z.enum(["accept", "reject"]),
      /** These suggestions; a quote brings its suggested cue and speaker along. */
      spanIds: z.array(id).min(1).optional(),
      /** Or every suggestion of this document. */
      documentId: id.optional(),
    })
    .refine((x) => (x.spanIds === undefined) !== (x.documentId === undefined), "give spanIds or documentId"),
  getCueLemmas: z.strictObject({}),
  setCueLemmas: z.strictObject({
    cues: z.array(cueLemma).min(1, "a cue list needs at least one lemma (Qawl's defaults: qawl cues --reset)").max(500),
    basedOn,
  }),
  propagateNames: z.strictObject({
    /** Propagate this name span (and its entity's names); every known name when absent. */
    spanId: id.optional(),
    /** Documents to search; all when absent. */
    documentIds: z.array(id).optional(),
    /** Also match inside longer words (`فيروس` in `الفيروسات`); default whole words only. */
    partialWords: z.boolean().optional(),
  }),
  search: z.strictObject({
    /** Words to find, folded like the text (harakat, tatweel, alef forms…); may be empty with a label. */
    query: z.string().max(200),
    /** `text`: anywhere; `quotes`: inside quotes; `speaker`: quotes whose speaker's mention or entity matches. */
    scope: z.enum(["text", "quotes", "speaker"]).optional(),
    /** Only inside spans of this label (or, empty query, every span of it). */
    label: z.string().min(1).optional(),
    status: documentStatus.optional(),
    /** Most hits returned (default 200). */
    limit: z.number().int().min(1).max(5000).optional(),
  }),
  exportDocuments: z.strictObject({
    /** Output format (docs/formats.md). */
    format: z.enum(EXPORT_FORMATS),
    /** Documents to export; all when absent. */
    documentIds: z.array(id).optional(),
    /** The layout, for a format with several (`core/formats/registry.ts`): doccano's relation extraction (default) or sequence labeling. */
    variant: z.enum(EXPORT_VARIANTS).optional(),
    /** The layers (annotator names, or `gold`) whose spans and relations are exported; every layer when absent. */
    layers: z.array(z.string().min(1).max(200)).min(1).optional(),
  }),
  agreement: z.strictObject({
    /** Documents to score; every document that two or more layers annotated when absent. */
    documentIds: z.array(id).optional(),
    /** Layers (annotator names) to compare; every annotator's layer but gold when absent. */
    layers: z.array(z.string().min(1).max(200)).min(2).optional(),
  }),
} satisfies Record<OperationName, z.ZodType>;

/** The validated input of operation `K`. */
export type OperationInput<K extends OperationName> = z.infer<(typeof inputSchemas)[K]>;

/** Document workflow state. */
export type DocumentStatus = "new" | "in_progress" | "done";

/** A label as the page sees it: its definition and how many spans use it. */
export interface LabelView extends LabelDefinition {
  spanCount: number;
}

/** The project as a page needs it to start. */
export interface ProjectInfo {
  /** Absolute path of the project's SQLite file. */
  path: string;
  /** Name of the annotator whose changes this host records (on a team server, the person signed in). */
  annotator: string;
  /** The person's role on a team server (core/team.ts); null on a one-person host. */
  role: Role | null;
  /** The project's layers: annotators (and `gold`) holding a reviewed span, in name order. */
  layers: string[];
  labels: LabelView[];
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
  /** Number of accepted spans per label name. */
  spanCounts: Record<string, number>;
  /** Number of unreviewed suggestions. */
  suggestionCount: number;
  /** The file or page the document came from. */
  source: string | null;
  /** The article's address (http or https). */
  url: string | null;
  /** The newspaper or agency that published the article. */
  outlet: string | null;
  /** Who wrote the article. */
  author: string | null;
}

/** A piece of a discontinuous span, code points. */
export interface Fragment {
  start: number;
  end: number;
}

/** A span as the contract shows it. Offsets in code points, end-exclusive. */
export interface SpanView {
  id: number;
  documentId: number;
  label: string;
  /** First character (the first fragment's start). */
  start: number;
  /** End (the last fragment's end). */
  end: number;
  /** Pieces of a discontinuous span, in text order; null when contiguous. */
  fragments: Fragment[] | null;
  /** `text[start:end]`, or for a discontinuous span its fragments' texts joined by one space. */
  text: string;
  attributes: Record<string, string>;
  /** The entity this mention refers to. */
  entityId: number | null;
  note: string | null;
  annotator: string;
  /** Who suggested the span while it is unreviewed (`rules`: the pre-annotator; `propagation`: a known name); null once accepted. */
  suggested: "rules" | "propagation" | null;
  /** ISO 8601 timestamps (UTC). */
  createdAt: string;
  updatedAt: string;
}

/** A typed, directed link from a span to a span of the same document, or to an entity (a carried-over speaker). */
export interface RelationView {
  id: number;
  documentId: number;
  type: string;
  fromSpanId: number;
  toSpanId: number | null;
  toEntityId: number | null;
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
  spans: SpanView[];
  relations: RelationView[];
}

/** An entity of the project's registry. */
export interface EntityView {
  id: number;
  /** Canonical name. */
  name: string;
  /** Type, e.g. `PER`. */
  type: string;
  aliases: string[];
  /** Wikidata item id, e.g. `Q1234`. */
  kbId: string | null;
  /** Accepted spans (not suggestions) that refer to it, in every document. */
  mentionCount: number;
  createdAt: string;
}

/** A mention of an entity: a span that refers to it, or a quote attributed to it directly. */
export interface EntityMention {
  documentId: number;
  documentTitle: string;
  spanId: number;
  label: string;
  start: number;
  end: number;
  text: string;
  /** `mention` for a span linked to the entity; `quote` for a quote whose speaker is carried over to it. */
  via: "mention" | "quote";
}

/** An entity with its mentions across documents. */
export interface EntityDetail extends EntityView {
  mentions: EntityMention[];
}

/** What happened to one file of an import. */
export type ImportOutcome =
  | { file: string; status: "imported"; documentId: number; title: string; length: number }
  /** Already in the project (`layers`: a native file's layers the document already holds, which are not replaced). */
  | { file: string; status: "duplicate"; documentId: number; title: string; layers?: string[] }
  /** A native file's document already in the project: the layers it lacked were added. */
  | { file: string; status: "merged"; documentId: number; title: string; layers: string[]; spans: number };

/** Result of an import run (all files or none are written). */
export interface ImportReport {
  outcomes: ImportOutcome[];
  /** What the readers repaired or converted (stray I- tags, UTF-16 offsets, formats found), and a folder's files skipped. */
  notes: string[];
}

/** Result of deleting a span: its relations go with it. */
export interface DeleteSpanResult {
  deletedSpanId: number;
  deletedRelationIds: number[];
}

/** An entry of the undo history. */
export interface HistoryEntry {
  id: number;
  /** What the change did, in English, e.g. `Add Quote «…»`. */
  description: string;
  /** The same as data, for an interface in another language; null for changes recorded before Qawl kept it. */
  message: ChangeMessage | null;
  /** The document it changed, when it changed one. */
  documentId: number | null;
  createdAt: string;
}

/** What can be undone and redone. */
export interface HistoryState {
  undo: HistoryEntry | null;
  redo: HistoryEntry | null;
}

/** A file of an export, ready to save or download. */
export interface ExportedFile {
  /** Path inside the export, `/`-separated; a single-file export is just a name (`qawl-export.jsonl`). */
  path: string;
  /** Media type, e.g. `application/x-ndjson`. */
  mediaType: string;
  /** The content: UTF-8 text, or base64 (RFC 4648 §4) for binary files (XLSX). */
  content: string;
  encoding: "utf8" | "base64";
}

/** What each document lost in a format (see `core/formats/export-types.ts`). */
export interface ExportLoss {
  format: string;
  notes: string[];
  /** `lost`: one English line each; `losses`: the same as data, in the same order. */
  documents: { documentId: number; title: string; lost: string[]; losses: Loss[] }[];
}

/** An export: its files and its loss report. */
export interface ExportResult {
  files: ExportedFile[];
  report: ExportLoss;
  documentCount: number;
}

/** What pre-annotation suggested in one document. */
export interface PreannotatedDocument {
  documentId: number;
  title: string;
  quotes: number;
  cues: number;
  /** New speaker mentions. */
  speakers: number;
  /** Quotes whose speaker is an earlier quote's (carried over, or shared in a sentence). */
  carriedOver: number;
  /** Of `quotes`, those not suggested before (an unreviewed suggestion of an earlier run stays as it is). */
  newQuotes: number;
}

/** Result of `preannotate`. */
export interface PreannotateResult {
  documents: PreannotatedDocument[];
  /** Spans newly suggested (quotes, cues, speakers), before any acceptance. */
  suggested: number;
  /** Unreviewed suggestions of an earlier run that the rules suggest again, left as they are. */
  kept: number;
  /** Spans accepted (with `accept`). */
  accepted: number;
  /** Quotes the rules found that what reviews taught held back (`main/ops/review-model.ts`). */
  heldBack: number;
  /** Quoted segments the rules left alone that what reviews taught suggested as direct quotes. */
  promoted: number;
  /** Reviewed documents the model that decided `heldBack` and `promoted` learned from (0: none yet). */
  learnedFrom: number;
}

/** Result of `reviewSuggestions`: span ids. */
export interface ReviewResult {
  accepted: number[];
  rejected: number[];
}

/** Result of `propagateNames`. */
export interface PropagateResult {
  /** Name suggestions made. */
  suggested: number;
  /** Documents that got some. */
  documentIds: number[];
  /**
   * The suggestions made in the document of the `spanId` given (empty without one), in
   * the order made, so a view can show them without reloading the document.
   */
  inDocument: SpanView[];
}

/** A place `search` found; offsets in code points. */
export interface SearchHit {
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  /** Up to 40 code points of text before the hit (whole words, spaces folded), the hit, and after it. */
  before: string;
  match: string;
  after: string;
  /** The span the hit is (a quote by speaker, a span by label), or null for a place in the text. */
  spanId: number | null;
}

/** Result of `search`. */
export interface SearchResult {
  hits: SearchHit[];
  /** Hits in all (`hits` stops at the limit). */
  total: number;
}

/** Output type of each operation. */
export interface OperationOutputs {
  getProject: ProjectInfo;
  listDocuments: DocumentSummary[];
  getDocument: DocumentView;
  importDocuments: ImportReport;
  setDocumentStatus: DocumentSummary;
  /** The document's line of the list, with its new metadata. */
  updateDocument: DocumentSummary;
  /** The documents deleted, with their titles. */
  deleteDocuments: { deleted: { documentId: number; title: string }[] };
  createSpan: SpanView;
  updateSpan: SpanView;
  deleteSpan: DeleteSpanResult;
  /** The new relation, and the id of the one it replaced (a quote has one speaker and one cue). */
  createRelation: { relation: RelationView; replacedRelationId: number | null };
  deleteRelation: { deletedRelationId: number };
  /** The quote's new `attributed_to` relation (to an entity) and that entity. */
  carryOverSpeaker: { relation: RelationView; entity: EntityView };
  /** The gold spans the copied spans became (an existing gold span of the same label and extent is reused), in the input's order. */
  copyToGold: { spans: SpanView[] };
  listEntities: EntityView[];
  getEntity: EntityDetail;
  createEntity: EntityView;
  updateEntity: EntityView;
  mergeEntities: EntityView;
  entityCandidates: EntityView[];
  createLabel: LabelView;
  updateLabel: LabelView;
  getHistory: HistoryState;
  /** Whether a running job of that id was told to stop (it then answers its caller as cancelled, having written nothing). */
  cancelJob: { cancelled: boolean };
  changesSince: ChangesSinceView;
  /** The change that was undone, or null when there was none; and what can be undone now. */
  undo: { undone: HistoryEntry | null; history: HistoryState };
  redo: { redone: HistoryEntry | null; history: HistoryState };
  preannotate: PreannotateResult;
  reviewSuggestions: ReviewResult;
  getCueLemmas: CueLemma[];
  setCueLemmas: CueLemma[];
  propagateNames: PropagateResult;
  search: SearchResult;
  exportDocuments: ExportResult;
  /** Agreement between layers (`core/agreement/report.ts`). */
  agreement: AgreementReport;
}

/** Operations that finish later (writing XLSX is asynchronous). */
export type AsyncOperation = "exportDocuments";

/** The table as implemented under Node: validated input; synchronous but for `AsyncOperation`s. */
export type OperationTable = {
  [K in OperationName]: (
    input: OperationInput<K>,
  ) => K extends AsyncOperation ? Promise<OperationOutputs[K]> : OperationOutputs[K];
};

/** The table as a page sees it, over any transport. */
export type Api = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutputs[K]>;
};

/**
 * The state, when the record is read, of what a change record created or updated, for a
 * view to apply without fetching (ARCHITECTURE.md §8). Something created or updated but
 * absent here was deleted since (a later record says so).
 */
export interface ChangedObjects {
  /** The list lines of changed documents, and of the documents of changed spans and relations. */
  documents: DocumentSummary[];
  spans: SpanView[];
  relations: RelationView[];
  entities: EntityView[];
  /** The schema and label counts, when labels, relation types, cues or spans changed; else null. */
  project: ProjectInfo | null;
  /**
   * False when the record was too large to carry every object (an import, a big undo): the
   * view reloads the documents it names (their `whole` changes) and the list.
   */
  complete: boolean;
}

/** A change record with the objects it touched. */
export interface ChangeView extends ChangeRecord {
  objects: ChangedObjects;
}

/** Result of `changesSince`: the records after a revision, with their objects. */
export interface ChangesSinceView {
  /** The project's revision now. */
  revision: number;
  records: ChangeView[];
  /** True when records after the asked revision are gone: reload everything. */
  reset: boolean;
}

/**
 * The reply envelope every transport carries. A reply to a write also carries the records
 * it committed (`changes`, oldest first) and what this client can undo now (`history`), so
 * the view applies them without asking again.
 */
export type Reply<T> =
  | { ok: true; value: T; changes?: ChangeView[]; history?: HistoryState }
  | { ok: false; error: { code: string; message: string; detail?: ErrorDetail } };
