/**
 * A Qawl project: one SQLite file (better-sqlite3, synchronous). Opening a project turns on
 * WAL and foreign keys and brings its schema up to date (`db/open.ts`: migrations keyed on
 * `PRAGMA user_version`); a new project gets the default label schema.
 *
 * `ProjectStore` is the facade the operation table and the CLI use: one connection, its
 * statement cache (`db/statements.ts`), its write transactions and change log
 * (`db/write-transaction.ts`, `db/change-log.ts`), the undo recorder (`db/recorder.ts`), and
 * one module per table (`db/tables/`), which the methods below hand on to. The store knows
 * rows, not rules: the operation table (`main/ops/`) validates before it writes and wraps
 * each change in `transaction` or `change`. Offsets in rows count code points, end-exclusive.
 */
import type { ChangedType, ChangesSince } from "../core/change-feed.ts";
import type { LabelDefinition, RelationTypeDefinition } from "../core/labels.ts";
import type { CueLemma } from "../core/preannotate/cues.ts";
import { changedSince, changesSince, currentRevision, type LaterChange } from "./change-log.ts";
import { isPostgresLocation, type Connection, type Dialect } from "./connection.ts";
import { PostgresConnection } from "./postgres/connection.ts";
import { SqliteConnection } from "./sqlite-connection.ts";
import { UndoRecorder } from "./recorder.ts";
import type {
  DocumentHeadRow,
  DocumentMetadataRow,
  DocumentRow,
  DocumentStatus,
  EntityRow,
  ExactSpanRow,
  HistoryRow,
  NewDocument,
  NewRelation,
  NewSpan,
  RelationRow,
  SpanEdit,
  SpanRow,
} from "./rows.ts";
import { restore, type RestoreObstacle } from "./snapshots.ts";
import { statementCache, type Prepare } from "./statements.ts";
import type { StoreContext } from "./store-context.ts";
import { AnnotatorsTable } from "./tables/annotators.ts";
import { CuesTable } from "./tables/cues.ts";
import { DocumentsTable } from "./tables/documents.ts";
import { EntitiesTable } from "./tables/entities.ts";
import { ExportCache } from "./tables/export-cache.ts";
import { LabelsTable, type StoredLabel } from "./tables/labels.ts";
import { RelationsTable } from "./tables/relations.ts";
import { SearchIndex } from "./tables/search.ts";
import { SpansTable } from "./tables/spans.ts";
import { SuggestionsTable } from "./tables/suggestions.ts";
import { WriteTransactions } from "./write-transaction.ts";

export type * from "./rows.ts";
export type { RestoreObstacle, RowReference } from "./snapshots.ts";
export type { StoredLabel } from "./tables/labels.ts";
export { APPLICATION_ID } from "./open.ts";
export { rejectionKey } from "./tables/suggestions.ts";

/** The open project file and its named queries. */
export class ProjectStore {
  /** Where the project is: the SQLite file's absolute path, or the PostgreSQL URL without its password. */
  readonly path: string;
  /** The SQL dialect of the project's database. */
  readonly dialect: Dialect;
  /** Whether opening made the project (a new file, or an empty database given the schema). */
  readonly created: boolean;
  readonly #db: Connection;
  readonly #q: Prepare;
  readonly #writes: WriteTransactions;
  readonly #recorder: UndoRecorder;
  readonly #labels: LabelsTable;
  readonly #annotators: AnnotatorsTable;
  readonly #documents: DocumentsTable;
  readonly #spans: SpansTable;
  readonly #relations: RelationsTable;
  readonly #entities: EntitiesTable;
  readonly #suggestions: SuggestionsTable;
  readonly #cues: CuesTable;
  readonly #search: SearchIndex;
  readonly #exportCache: ExportCache;

  /**
   * Open (or create) a project and migrate it.
   * @param location the SQLite file (created with the default schema when it does not
   *   exist), or a `postgres://` URL of a database (given the schema when it is empty;
   *   ARCHITECTURE.md §12)
   * @throws QawlError when the file or database is not a Qawl project, was made by a newer
   *   Qawl, or cannot be reached
   */
  constructor(location: string) {
    this.#db = isPostgresLocation(location) ? new PostgresConnection(location) : new SqliteConnection(location);
    this.path = this.#db.location;
    this.dialect = this.#db.dialect;
    this.#q = statementCache(this.#db);
    this.#writes = new WriteTransactions(this.#db, this.#q);
    this.#recorder = new UndoRecorder(this.#q, this.#writes);
    this.change = this.#recorder.change.bind(this.#recorder);
    const context: StoreContext = {
      dialect: this.dialect,
      q: this.#q,
      track: (kind, id, mutate) => this.#recorder.track(kind, id, mutate),
      note: (kind, type, id) => {
        this.#writes.note(kind, type, id);
      },
      nextId: (table) => {
        const sql =
          this.dialect === "postgres"
            ? `SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS next`
            : `SELECT coalesce(max(v), 0) + 1 AS next FROM
                 (SELECT max(id) AS v FROM ${table} UNION ALL SELECT value FROM id_high_water WHERE name = '${table}') AS known`;
        return Number((this.#q(sql).get() as { next: number | bigint }).next);
      },
    };
    this.#labels = new LabelsTable(context);
    this.#annotators = new AnnotatorsTable(context);
    this.#relations = new RelationsTable(context);
    this.#spans = new SpansTable(context, this.#relations);
    this.#search = new SearchIndex(context);
    this.#documents = new DocumentsTable(context, this.#spans, this.#relations, this.#search);
    this.#entities = new EntitiesTable(context);
    this.#suggestions = new SuggestionsTable(context);
    this.#cues = new CuesTable(context);
    this.#exportCache = new ExportCache(context);
    let created = false;
    this.#db.migrate((from) => {
      created = from === 0;
      if (from === 0) this.#labels.seedDefaults();
      // Migration 5 made the search index; fill it for the documents already here.
      if (from > 0 && from < 5) this.#search.reindexAll();
    });
    this.created = created;
  }

  /**
   * Run `fn` in one transaction: all of its writes land, or none. A transaction that
   * created, updated or deleted anything appends one record to the change log (one
   * revision), by the current actor (`setActor`); nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    return this.#writes.run(fn);
  }

  /**
   * Run `fn`, which only reads, on one consistent state of the project without taking the
   * write lock (an export, agreement): writers go on meanwhile.
   */
  snapshot<T>(fn: () => T): T {
    return this.#db.snapshot(fn);
  }

  /**
   * Name who the following writes are by (the operation table sets it before each operation).
   * @param client a browser tab's id, `desktop`, `cli`, or `local`
   */
  setActor(annotator: string, client: string): void {
    this.#writes.actor = { annotator, client };
  }

  /** The project's revision: the number of the last committed write (0 before any). */
  revision(): number {
    return currentRevision(this.#q);
  }

  /**
   * The change records after `revision` (oldest first, at most `limit`), from any process
   * writing this file.
   */
  changesSince(revision: number, limit?: number): ChangesSince {
    return changesSince(this.#q, revision, limit);
  }

  /**
   * Whether another client changed `type` `id` after the revision a view was at (see
   * `changedSince` of `db/change-log.ts`): the first such change, `"trimmed"`, or null.
   * @param documentId the span's or relation's document (whole-document writes count), else null
   */
  changedSince(
    revision: number,
    type: ChangedType,
    id: number | null,
    documentId: number | null,
  ): LaterChange | "trimmed" | null {
    return changedSince(this.#q, revision, type, id, documentId, this.#writes.actor.client);
  }

  /** Close the file (checkpoints the WAL) or the database connection. */
  close(): void {
    this.#db.close();
  }

  /**
   * A PRAGMA's current value, for checks and diagnostics.
   * @throws Error on a PostgreSQL project, which has no PRAGMAs
   */
  pragma(name: string): unknown {
    if (!(this.#db instanceof SqliteConnection)) throw new Error(`${this.path}: PRAGMA ${name} is SQLite's`);
    return this.#db.pragma(name);
  }

  // ---- history (undo / redo): db/recorder.ts ----

  /**
   * Run `fn` as one annotation change: in one transaction, with the rows it touches
   * recorded before and after so that `undo` can put them back. Clears what could be redone.
   * @param entry what people see in the undo button: `description` in English, e.g.
   *   `Add Quote «…»`, and `message`, the same as data for other languages
   */
  readonly change: UndoRecorder["change"];

  /** Whether an annotation change is being recorded. */
  get recording(): boolean {
    return this.#recorder.recording;
  }

  /**
   * The change `undo` would revert and the one `redo` would apply again, for the current
   * actor (`setActor`): undo and redo are scoped to the client and annotator that made the change.
   */
  historyState(): { undo: HistoryRow | null; redo: HistoryRow | null } {
    return this.#recorder.historyState();
  }

  /**
   * The first later change, made by another client or annotator and still in effect, that
   * touched a row of history entry `historyId`: undoing or redoing that entry would undo
   * across it. Null when there is none.
   */
  builtOnBy(historyId: number): HistoryRow | null {
    return this.#recorder.builtOnBy(historyId);
  }

  /**
   * What would stop undoing (or redoing) history entry `historyId` from putting its rows back
   * on the project as it is now: a row they refer to deleted since, an id taken again, a
   * deleted document's text imported again. Null when nothing would.
   */
  restoreObstacle(historyId: number, direction: "undo" | "redo"): RestoreObstacle | null {
    return this.#recorder.restoreObstacle(historyId, direction);
  }

  /** Revert the current actor's latest change; returns it, or null when there is nothing to undo. */
  undo(): HistoryRow | null {
    return this.#recorder.undo();
  }

  /** Apply again the current actor's latest undone change; returns it, or null when there is nothing to redo. */
  redo(): HistoryRow | null {
    return this.#recorder.redo();
  }

  /** Insert a row exactly as given (ids kept): a span (with `fragments`, its attributes as JSON) or a relation. */
  insertRow(kind: "span" | "relation", row: Record<string, unknown>): void {
    restore(this.#q, kind, row["id"] as number, row);
    this.#writes.note("created", kind, row["id"] as number);
  }

  // ---- tables: db/tables/ ----

  /** The label schema, in display order. */
  labels(): StoredLabel[] {
    return this.#labels.labels();
  }

  /** Add a label at the end of the schema; returns its id. */
  insertLabel(label: LabelDefinition): number {
    return this.#labels.insertLabel(label);
  }

  /** Replace a label's definition (its spans follow, by id). */
  updateLabel(id: number, label: LabelDefinition): void {
    this.#labels.updateLabel(id, label);
  }

  /** Number of spans per label id. */
  labelUsage(): Map<number, number> {
    return this.#labels.labelUsage();
  }

  /** The relation types. */
  relationTypes(): (RelationTypeDefinition & { id: number })[] {
    return this.#labels.relationTypes();
  }

  /** Relation type rows, by name. */
  relationTypeId(name: string): number | undefined {
    return this.#labels.relationTypeId(name);
  }

  /** Add a relation type (an import may bring one). */
  insertRelationType(t: RelationTypeDefinition): number {
    return this.#labels.insertRelationType(t);
  }

  /** Replace the label schema and relation types (only while no span uses them). */
  replaceSchema(labels: readonly LabelDefinition[], relationTypes: readonly RelationTypeDefinition[]): void {
    this.#labels.replaceSchema(labels, relationTypes);
  }

  /** Id of the annotator called `name`, created on first use. */
  annotatorId(name: string, now: string): number {
    return this.#annotators.annotatorId(name, now);
  }

  /** The layers: names of the annotators holding at least one reviewed span, in name order. */
  layerNames(): string[] {
    return this.#annotators.layerNames();
  }

  /** Every annotator, by id. */
  annotators(): { id: number; name: string; created_at: string }[] {
    return this.#annotators.annotators();
  }

  /** Insert an annotator with its id. */
  insertAnnotatorRow(id: number, name: string, now: string): void {
    this.#annotators.insertAnnotatorRow(id, name, now);
  }

  /** Every document without its text, in import order. */
  documentHeads(): DocumentHeadRow[] {
    return this.#documents.documentHeads();
  }

  /** One document, or undefined. */
  document(id: number): DocumentRow | undefined {
    return this.#documents.document(id);
  }

  /** Ids of every document, in import order. */
  documentIds(): number[] {
    return this.#documents.documentIds();
  }

  /** The document whose text has this SHA-256, or undefined. */
  documentBySha256(sha256: string): { id: number; title: string } | undefined {
    return this.#documents.documentBySha256(sha256);
  }

  /** Insert a document; returns its id. */
  insertDocument(doc: NewDocument, now: string): number {
    return this.#documents.insertDocument(doc, now);
  }

  /** Insert a document with its id, status and timestamps. */
  insertDocumentRow(row: DocumentRow): void {
    this.#documents.insertDocumentRow(row);
  }

  /** Documents with their text, in import order (all, or these). */
  documentsWithText(documentIds: readonly number[] | null): DocumentRow[] {
    return this.#documents.documentsWithText(documentIds);
  }

  /** Set a document's status and touch its `updated_at`. */
  setDocumentStatus(id: number, status: DocumentStatus, now: string): void {
    this.#documents.setDocumentStatus(id, status, now);
  }

  /**
   * Set a document's metadata (title, published date, URL, outlet, author) and touch its
   * `updated_at`; recorded for undo as a `document` row change. The text is never touched.
   */
  updateDocumentMetadata(id: number, meta: DocumentMetadataRow, now: string): void {
    this.#documents.updateDocumentMetadata(id, meta, now);
  }

  /**
   * Delete documents with everything that hangs off them. Each document's kept export line,
   * relations, spans (with their fragments) and rejected suggestions are deleted one by one,
   * then its row with its text and search index row, each as a tracked row: inside a `change`,
   * undo puts every one back with its id (in reverse order: the document first, its kept line
   * last, after the triggers of migration 4 have run). The ids stay taken (`id_high_water`).
   */
  deleteDocuments(ids: readonly number[]): void {
    this.transaction(() => {
      this.#documents.deleteDocuments(ids);
    });
  }

  /** Whether the project holds no documents and no entities (an exact import may keep ids). */
  isEmpty(): boolean {
    return this.#documents.isEmpty();
  }

  /** A document's spans with their fragments, ordered by start, then longest first. */
  spansOf(documentId: number): SpanRow[] {
    return this.#spans.spansOf(documentId);
  }

  /**
   * Spans, fragments and relations of many documents in three queries (exports).
   * @param documentIds the documents, or all when null
   */
  annotationOf(documentIds: readonly number[] | null): ReturnType<SpansTable["annotationOf"]> {
    return this.#spans.annotationOf(documentIds);
  }

  /** One span with its fragments, or undefined. */
  span(id: number): SpanRow | undefined {
    return this.#spans.span(id);
  }

  /** Spans that refer to an entity, in every document. */
  spansOfEntity(entityId: number): SpanRow[] {
    return this.#spans.spansOfEntity(entityId);
  }

  /**
   * Id of the span of a label with exactly this extent in a document, in one annotator's
   * layer or suggested (a layer's own span first), or undefined.
   */
  spanWithExtent(
    documentId: number,
    labelId: number,
    start: number,
    end: number,
    annotatorId: number,
  ): number | undefined {
    return this.#spans.spanWithExtent(documentId, labelId, start, end, annotatorId);
  }

  /**
   * Number of reviewed spans per document and label.
   * @param annotatorId count one layer only (a blind annotator's); all layers when absent
   */
  spanCounts(annotatorId?: number): { document_id: number; label: string; n: number }[] {
    return this.#spans.spanCounts(annotatorId);
  }

  /** Insert a span; returns its id. */
  insertSpan(span: NewSpan, now: string): number {
    return this.#spans.insertSpan(span, now);
  }

  /** Insert a span row exactly as given (ids kept), with its fragments. */
  insertSpanRow(row: ExactSpanRow): void {
    this.#spans.insertSpanRow(row);
  }

  /** Change a span: label, extent, fragments, attributes, entity, note. */
  editSpan(id: number, edit: SpanEdit, now: string): void {
    this.#spans.editSpan(id, edit, now);
  }

  /** Delete a span (delete its relations first, so that undo can restore them). */
  deleteSpan(id: number): void {
    this.#spans.deleteSpan(id);
  }

  /** A document's relations, by id. */
  relationsOf(documentId: number): RelationRow[] {
    return this.#relations.relationsOf(documentId);
  }

  /** Relations that start or end at a span. */
  relationsTouching(spanId: number): RelationRow[] {
    return this.#relations.relationsTouching(spanId);
  }

  /** Relations that point to an entity (carried-over speakers), in every document. */
  relationsToEntity(entityId: number): RelationRow[] {
    return this.#relations.relationsToEntity(entityId);
  }

  /** One relation, or undefined. */
  relation(id: number): RelationRow | undefined {
    return this.#relations.relation(id);
  }

  /** Insert a relation; returns its id. */
  insertRelation(r: NewRelation, now: string): number {
    return this.#relations.insertRelation(r, now);
  }

  /** Point a relation to another entity (entity merges). */
  retargetRelation(id: number, toEntityId: number): void {
    this.#relations.retargetRelation(id, toEntityId);
  }

  /** Delete a relation. */
  deleteRelation(id: number): void {
    this.#relations.deleteRelation(id);
  }

  /** Every entity with the number of accepted spans (not suggestions) that refer to it, by name. */
  entities(): (EntityRow & { mentions: number })[] {
    return this.#entities.entities();
  }

  /** One entity, or undefined. */
  entity(id: number): EntityRow | undefined {
    return this.#entities.entity(id);
  }

  /** Insert an entity; returns its id. */
  insertEntity(e: Omit<EntityRow, "id" | "created_at">, now: string): number {
    return this.#entities.insertEntity(e, now);
  }

  /** Insert an entity exactly as given (its id kept: an exact import). */
  insertEntityRow(row: EntityRow): void {
    this.#entities.insertEntityRow(row);
  }

  /** Change an entity's name, type, aliases or knowledge-base id. */
  updateEntity(id: number, e: Omit<EntityRow, "id" | "created_at">): void {
    this.#entities.updateEntity(id, e);
  }

  /** Delete an entity (move or unlink its spans and relations first, so that undo can restore them). */
  deleteEntity(id: number): void {
    this.#entities.deleteEntity(id);
  }

  /** Number of unreviewed suggestions per document (documents without any are absent). */
  suggestionCounts(): Map<number, number> {
    return this.#suggestions.suggestionCounts();
  }

  /** Mark a suggested span as accepted by an annotator (it becomes theirs). */
  acceptSpan(id: number, annotatorId: number, now: string): void {
    this.#suggestions.acceptSpan(id, annotatorId, now);
  }

  /** Remember that a suggestion was rejected (once per label and extent). */
  insertRejection(documentId: number, labelId: number, start: number, end: number): void {
    this.#suggestions.insertRejection(documentId, labelId, start, end);
  }

  /** The suggestions rejected in a document, as keys `labelId:start:end` (code points). */
  rejectedExtents(documentId: number): Set<string> {
    return this.#suggestions.rejectedExtents(documentId);
  }

  /** The extents (code points, end-exclusive) of the quote suggestions rejected in a document. */
  rejectedQuoteExtents(documentId: number): { start: number; end: number }[] {
    return this.#suggestions.rejectedQuoteExtents(documentId);
  }

  /**
   * Ids of the documents whose quotes a person has reviewed — a quote of theirs, a rejected
   * quote suggestion, or the document marked done — newest first.
   */
  quoteReviewedDocumentIds(): number[] {
    return this.#suggestions.quoteReviewedDocumentIds();
  }

  /** The project's cue lemmas, in list order. */
  cueLemmas(): CueLemma[] {
    return this.#cues.cueLemmas();
  }

  /** Replace the cue list (recorded row by row when inside a `change`, so that undo puts the old list back). */
  replaceCueLemmas(lemmas: readonly CueLemma[]): void {
    this.#cues.replaceCueLemmas(lemmas);
  }

  /**
   * Documents whose folded text contains `folded` (FTS5 trigram match), or null when the
   * index cannot decide (fewer than three characters): then every document may match.
   * @param folded a string folded with `foldArabic`
   */
  documentsContaining(folded: string): number[] | null {
    return this.#search.documentsContaining(folded);
  }

  /** Kept native JSONL lines of documents (see migration 4), by document id. */
  exportLines(documentIds: readonly number[] | null): Map<number, string> {
    return this.#exportCache.exportLines(documentIds);
  }

  /** Keep a document's native JSONL line (dropped by triggers when the document changes). */
  putExportLine(documentId: number, line: string): void {
    this.#exportCache.putExportLine(documentId, line);
  }

  /** Drop every kept line (tests compare a rebuilt export with a kept one). */
  clearExportLines(): void {
    this.#exportCache.clearExportLines();
  }
}
