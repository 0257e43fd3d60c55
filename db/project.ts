/**
 * A Qawl project: one SQLite file (better-sqlite3, synchronous). Opening a project turns on
 * WAL and foreign keys and brings its schema up to date (migrations keyed on
 * `PRAGMA user_version`); a new project gets the default label schema.
 *
 * This module is the only SQL writer. It knows rows, not rules: the operation table
 * (`main/ops/`) validates before it writes and wraps each change in `transaction`.
 * Offsets in rows count code points, end-exclusive.
 */
import Database from "better-sqlite3";
import { QawlError } from "../core/errors.ts";
import {
  DEFAULT_LABELS,
  DEFAULT_RELATION_TYPES,
  type AttributeDefinition,
  type LabelDefinition,
  type LabelKind,
  type RelationTypeDefinition,
} from "../core/labels.ts";
import type { CueLemma } from "../core/preannotate/cues.ts";
import { foldedShadow } from "../core/text/normalize.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type {
  DocumentHeadRow,
  DocumentMetadataRow,
  DocumentRow,
  DocumentStatus,
  EntityRow,
  FragmentRow,
  HistoryRow,
  HistoryText,
  LabelRow,
  NewDocument,
  NewRelation,
  NewSpan,
  RelationRow,
  SpanEdit,
  SpanRow,
  SuggestionSource,
} from "./rows.ts";
import { restore, snapshot, type RowChange, type SnapshotKind } from "./snapshots.ts";
import type { ChangedType, ChangesSince } from "../core/change-feed.ts";
import { ChangeCollector, appendChange, changesSince, currentRevision } from "./change-log.ts";

export type * from "./rows.ts";

/** `PRAGMA application_id` of a Qawl project ("QAWL" in ASCII). */
export const APPLICATION_ID = 0x5141574c;

/** The key of a rejected suggestion in `rejectedExtents`. */
export function rejectionKey(labelId: number, start: number, end: number): string {
  return `${String(labelId)}:${String(start)}:${String(end)}`;
}

/** How many history entries a project keeps (older ones can no longer be undone). */
const HISTORY_LIMIT = 5000;

/** The feed's name for each kind of row the undo history snapshots. */
const FEED_TYPE: Readonly<Record<SnapshotKind, ChangedType>> = {
  span: "span",
  relation: "relation",
  entity: "entity",
  label: "label",
  document: "document",
  cue_lemma: "cue",
  rejection: "rejection",
};

const SPAN_SELECT = `
  SELECT s.id, s.document_id, l.name AS label, l.kind AS label_kind, s.start, s."end", s.attributes,
         s.entity_id, s.note, a.name AS annotator, s.created_at, s.updated_at, s.suggested_by
  FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators a ON a.id = s.annotator_id`;

const RELATION_SELECT = `
  SELECT r.id, r.document_id, t.name AS type, r.from_span_id, r.to_span_id, r.to_entity_id, a.name AS annotator,
         r.created_at
  FROM relations r JOIN relation_types t ON t.id = r.type_id JOIN annotators a ON a.id = r.annotator_id`;

/** A label with its row id. */
export type StoredLabel = LabelDefinition & { id: number };

/** The open project file and its named queries. */
export class ProjectStore {
  /** Absolute path of the SQLite file. */
  readonly path: string;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  #recording: RowChange[] | null = null;
  /** What the write transaction under way touched (null outside a transaction). */
  #feed: ChangeCollector | null = null;
  /** Who the next writes are by, for the change log and the undo history. */
  #actor = { annotator: "unknown", client: "local" };

  /**
   * Open (or create) a project file and migrate it.
   * @param path the SQLite file; created with the default schema when it does not exist
   * @throws QawlError when the file is not a Qawl project or was made by a newer Qawl
   */
  constructor(path: string) {
    this.path = path;
    try {
      this.#db = new Database(path);
      this.#db.pragma("journal_mode = WAL");
    } catch (e) {
      throw new QawlError("bad_input", `${path}: cannot open as a Qawl project (${(e as Error).message})`);
    }
    this.#db.pragma("foreign_keys = ON");
    this.#db.pragma("busy_timeout = 5000");
    // With WAL, NORMAL syncs at checkpoints rather than at every commit: a crash can lose the
    // last commits but never corrupts the file (https://sqlite.org/pragma.html#pragma_synchronous).
    this.#db.pragma("synchronous = NORMAL");
    this.#migrate();
  }

  #migrate(): void {
    const appId = this.#db.pragma("application_id", { simple: true }) as number;
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    const tableCount = (this.#db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tableCount > 0)) {
      this.#db.close();
      throw new QawlError("bad_input", `${this.path}: this SQLite file is not a Qawl project`);
    }
    if (version > MIGRATIONS.length) {
      this.#db.close();
      throw new QawlError(
        "bad_input",
        `${this.path}: project schema version ${String(version)} is newer than this Qawl knows (${String(MIGRATIONS.length)}); update Qawl`,
      );
    }
    if (version === MIGRATIONS.length) return;
    this.#db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) {
        this.#db.exec(MIGRATIONS[v] ?? "");
      }
      if (version > 0 && version < 5) {
        // Migration 5 made the search index; fill it for the documents already here.
        const rows = this.#db.prepare("SELECT id, text FROM documents").all() as { id: number; text: string }[];
        for (const r of rows) this.#indexText(r.id, r.text);
      }
      if (version === 0) this.#seedSchema();
      this.#db.pragma(`application_id = ${String(APPLICATION_ID)}`);
      this.#db.pragma(`user_version = ${String(MIGRATIONS.length)}`);
    })();
  }

  #seedSchema(): void {
    const insertLabel = this.#db.prepare(
      `INSERT INTO labels (name, kind, display_name, key, color, attributes, retired, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    DEFAULT_LABELS.forEach((l, i) => {
      insertLabel.run(
        l.name,
        l.kind,
        l.displayName,
        l.key,
        l.color,
        JSON.stringify(l.attributes),
        l.retired ? 1 : 0,
        i,
      );
    });
    const insertType = this.#db.prepare(
      "INSERT INTO relation_types (name, display_name, from_kind, to_kind) VALUES (?, ?, ?, ?)",
    );
    for (const t of DEFAULT_RELATION_TYPES) insertType.run(t.name, t.displayName, t.fromKind, t.toKind);
  }

  /** A prepared statement for `sql`, prepared once per open project. */
  #q(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * Run `fn` in one transaction: all of its writes land, or none. A transaction that
   * created, updated or deleted anything appends one record to the change log (one
   * revision), by the current actor (`setActor`); nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    if (this.#feed !== null) return this.#db.transaction(fn)();
    return this.#db.transaction(() => {
      const feed = new ChangeCollector();
      this.#feed = feed;
      try {
        const result = fn();
        if (feed.size > 0) {
          const prepare = (sql: string) => this.#q(sql);
          appendChange(prepare, new Date().toISOString(), this.#actor.annotator, this.#actor.client, feed.list());
        }
        return result;
      } finally {
        this.#feed = null;
      }
    })();
  }

  /**
   * Name who the following writes are by (the operation table sets it before each operation).
   * @param client a browser tab's id, `desktop`, `cli`, or `local`
   */
  setActor(annotator: string, client: string): void {
    this.#actor = { annotator, client };
  }

  /** Note an object a write touched, for the change log (outside a transaction: nothing). */
  #noteChange(kind: "created" | "updated" | "deleted", type: ChangedType, id: number): void {
    this.#feed?.note(kind, type, id);
  }

  /** The project's revision: the number of the last committed write (0 before any). */
  revision(): number {
    return currentRevision((sql) => this.#q(sql));
  }

  /**
   * The change records after `revision` (oldest first, at most `limit`), from any process
   * writing this file.
   */
  changesSince(revision: number, limit?: number): ChangesSince {
    return changesSince((sql) => this.#q(sql), revision, limit);
  }

  /** Close the file (checkpoints the WAL). */
  close(): void {
    this.#db.close();
  }

  /** A PRAGMA's current value, for checks and diagnostics. */
  pragma(name: string): unknown {
    return this.#db.pragma(name, { simple: true });
  }

  // ---- history (undo / redo) ----

  /**
   * Run `fn` as one annotation change: in one transaction, with the rows it touches
   * recorded before and after so that `undo` can put them back. Clears what could be redone.
   * @param entry what people see in the undo button: `description` in English, e.g.
   *   `Add Quote «…»`, and `message`, the same as JSON data for other languages
   */
  change<T>(
    entry: HistoryText | ((result: T) => HistoryText),
    documentId: number | null,
    annotatorId: number,
    now: string,
    fn: () => T,
  ): T {
    return this.transaction(() => {
      const outer = this.#recording;
      const changes: RowChange[] = [];
      this.#recording = changes;
      try {
        const result = fn();
        if (changes.length > 0) {
          // A new change of this client ends what this client could redo; others keep theirs.
          this.#q("DELETE FROM history WHERE undone = 1 AND client = ? AND annotator_id = ?").run(
            this.#actor.client,
            annotatorId,
          );
          const { description, message } = typeof entry === "function" ? entry(result) : entry;
          const id = Number(
            this.#q(
              `INSERT INTO history (description, message, document_id, annotator_id, changes, created_at, client)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            ).run(description, message, documentId, annotatorId, JSON.stringify(changes), now, this.#actor.client)
              .lastInsertRowid,
          );
          this.#q("DELETE FROM history WHERE id <= ?").run(id - HISTORY_LIMIT);
        }
        return result;
      } finally {
        this.#recording = outer;
      }
    });
  }

  /** Record a row's state around `mutate` while a change is being recorded. `id` null: `mutate` returns the new row's id. */
  #track(kind: SnapshotKind, id: number | null, mutate: () => number | undefined): number {
    const recording = this.#recording;
    const prepare = (sql: string) => this.#q(sql);
    const before = recording !== null && id !== null ? snapshot(prepare, kind, id) : null;
    const returned = mutate();
    const target = id ?? returned ?? 0;
    const after = recording !== null || (this.#feed !== null && id !== null) ? snapshot(prepare, kind, target) : null;
    if (recording !== null) recording.push({ kind, id: target, before, after });
    this.#noteChange(id === null ? "created" : after === null ? "deleted" : "updated", FEED_TYPE[kind], target);
    return target;
  }

  /** Whether an annotation change is being recorded (writes outside one are refused). */
  get recording(): boolean {
    return this.#recording !== null;
  }

  /**
   * The change `undo` would revert and the one `redo` would apply again, for the current
   * actor (`setActor`): undo and redo are scoped to the client and annotator that made the change.
   */
  historyState(): { undo: HistoryRow | null; redo: HistoryRow | null } {
    const cols = "h.id, h.description, h.message, h.document_id, h.undone, h.created_at";
    const mine = "FROM history h JOIN annotators a ON a.id = h.annotator_id WHERE h.client = ? AND a.name = ?";
    const { client, annotator } = this.#actor;
    const undo = this.#q(`SELECT ${cols} ${mine} AND h.undone = 0 ORDER BY h.id DESC LIMIT 1`).get(
      client,
      annotator,
    ) as HistoryRow | undefined;
    const redo = this.#q(`SELECT ${cols} ${mine} AND h.undone = 1 ORDER BY h.id ASC LIMIT 1`).get(client, annotator) as
      HistoryRow | undefined;
    return { undo: undo ?? null, redo: redo ?? null };
  }

  /**
   * The first later change, made by another client or annotator and still in effect, that
   * touched a row of history entry `historyId`: undoing or redoing that entry would undo
   * across it. Null when there is none.
   */
  builtOnBy(historyId: number): HistoryRow | null {
    const rows = new Set(this.#changesOf(historyId).map((c) => `${c.kind}:${String(c.id)}`));
    const later = this.#q(
      `SELECT h.id, h.description, h.message, h.document_id, h.undone, h.created_at, h.changes
       FROM history h JOIN annotators a ON a.id = h.annotator_id
       WHERE h.id > ? AND h.undone = 0 AND NOT (h.client = ? AND a.name = ?) ORDER BY h.id`,
    ).all(historyId, this.#actor.client, this.#actor.annotator) as (HistoryRow & { changes: string })[];
    for (const { changes, ...entry } of later) {
      if ((JSON.parse(changes) as RowChange[]).some((c) => rows.has(`${c.kind}:${String(c.id)}`))) return entry;
    }
    return null;
  }

  /** Revert the current actor's latest change; returns it, or null when there is nothing to undo. */
  undo(): HistoryRow | null {
    return this.transaction(() => {
      const entry = this.historyState().undo;
      if (entry === null) return null;
      const changes = this.#changesOf(entry.id);
      const prepare = (sql: string) => this.#q(sql);
      for (const c of [...changes].reverse()) {
        restore(prepare, c.kind, c.id, c.before);
        this.#noteChange(
          c.before === null ? "deleted" : c.after === null ? "created" : "updated",
          FEED_TYPE[c.kind],
          c.id,
        );
      }
      this.#q("UPDATE history SET undone = 1 WHERE id = ?").run(entry.id);
      return entry;
    });
  }

  /** Apply again the current actor's latest undone change; returns it, or null when there is nothing to redo. */
  redo(): HistoryRow | null {
    return this.transaction(() => {
      const entry = this.historyState().redo;
      if (entry === null) return null;
      const prepare = (sql: string) => this.#q(sql);
      for (const c of this.#changesOf(entry.id)) {
        restore(prepare, c.kind, c.id, c.after);
        this.#noteChange(
          c.after === null ? "deleted" : c.before === null ? "created" : "updated",
          FEED_TYPE[c.kind],
          c.id,
        );
      }
      this.#q("UPDATE history SET undone = 0 WHERE id = ?").run(entry.id);
      return entry;
    });
  }

  #changesOf(historyId: number): RowChange[] {
    const row = this.#q("SELECT changes FROM history WHERE id = ?").get(historyId) as { changes: string };
    return JSON.parse(row.changes) as RowChange[];
  }

  // ---- schema ----

  /** The label schema, in display order. */
  labels(): StoredLabel[] {
    const rows = this.#q("SELECT * FROM labels ORDER BY position, id").all() as LabelRow[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      displayName: r.display_name,
      key: r.key,
      color: r.color,
      attributes: JSON.parse(r.attributes) as AttributeDefinition[],
      retired: r.retired === 1,
    }));
  }

  /** Add a label at the end of the schema; returns its id. */
  insertLabel(label: LabelDefinition): number {
    return this.#track("label", null, () => {
      const position = (this.#q("SELECT coalesce(max(position), -1) + 1 AS p FROM labels").get() as { p: number }).p;
      return Number(
        this.#q(
          `INSERT INTO labels (name, kind, display_name, key, color, attributes, retired, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          label.name,
          label.kind,
          label.displayName,
          label.key,
          label.color,
          JSON.stringify(label.attributes),
          label.retired ? 1 : 0,
          position,
        ).lastInsertRowid,
      );
    });
  }

  /** Replace a label's definition (its spans follow, by id). */
  updateLabel(id: number, label: LabelDefinition): void {
    this.#track("label", id, () => {
      this.#q(
        `UPDATE labels SET name = ?, kind = ?, display_name = ?, key = ?, color = ?, attributes = ?, retired = ?
         WHERE id = ?`,
      ).run(
        label.name,
        label.kind,
        label.displayName,
        label.key,
        label.color,
        JSON.stringify(label.attributes),
        label.retired ? 1 : 0,
        id,
      );
      return undefined;
    });
  }

  /** Number of spans per label id. */
  labelUsage(): Map<number, number> {
    const rows = this.#q("SELECT label_id, count(*) AS n FROM spans GROUP BY label_id").all() as {
      label_id: number;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.label_id, r.n]));
  }

  /** The relation types. */
  relationTypes(): (RelationTypeDefinition & { id: number })[] {
    const rows = this.#q("SELECT * FROM relation_types ORDER BY id").all() as {
      id: number;
      name: string;
      display_name: string;
      from_kind: LabelKind;
      to_kind: LabelKind;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      displayName: r.display_name,
      fromKind: r.from_kind,
      toKind: r.to_kind,
    }));
  }

  /** Id of the annotator called `name`, created on first use. */
  annotatorId(name: string, now: string): number {
    const row = this.#q("SELECT id FROM annotators WHERE name = ?").get(name) as { id: number } | undefined;
    if (row !== undefined) return row.id;
    return Number(this.#q("INSERT INTO annotators (name, created_at) VALUES (?, ?)").run(name, now).lastInsertRowid);
  }

  /** Every annotator, by id. */
  annotators(): { id: number; name: string; created_at: string }[] {
    return this.#q("SELECT id, name, created_at FROM annotators ORDER BY id").all() as {
      id: number;
      name: string;
      created_at: string;
    }[];
  }

  // ---- documents ----

  /** Every document without its text, in import order. */
  documentHeads(): DocumentHeadRow[] {
    return this.#q(
      `SELECT id, title, published_raw, published_iso, source, url, outlet, author, lang, text_sha256, had_bom,
              length, status, created_at, updated_at FROM documents ORDER BY id`,
    ).all() as DocumentHeadRow[];
  }

  /** Number of spans per document and label. */
  spanCounts(): { document_id: number; label: string; n: number }[] {
    return this.#q(
      `SELECT s.document_id, l.name AS label, count(*) AS n FROM spans s JOIN labels l ON l.id = s.label_id
       WHERE s.suggested_by IS NULL GROUP BY s.document_id, l.name`,
    ).all() as { document_id: number; label: string; n: number }[];
  }

  /** Number of unreviewed suggestions per document (documents without any are absent). */
  suggestionCounts(): Map<number, number> {
    const rows = this.#q(
      "SELECT document_id, count(*) AS n FROM spans WHERE suggested_by IS NOT NULL GROUP BY document_id",
    ).all() as { document_id: number; n: number }[];
    return new Map(rows.map((r) => [r.document_id, r.n]));
  }

  /** Mark a suggested span as accepted by an annotator (it becomes theirs). */
  acceptSpan(id: number, annotatorId: number, now: string): void {
    this.#track("span", id, () => {
      this.#q("UPDATE spans SET suggested_by = NULL, annotator_id = ?, updated_at = ? WHERE id = ?").run(
        annotatorId,
        now,
        id,
      );
      return undefined;
    });
  }

  // ---- cue list ----

  /** The project's cue lemmas, in list order. */
  cueLemmas(): CueLemma[] {
    const rows = this.#q(
      "SELECT lemma, kind, forms, participles, introducers FROM cue_lemmas ORDER BY position, id",
    ).all() as { lemma: string; kind: CueLemma["kind"]; forms: string; participles: string; introducers: string }[];
    return rows.map((r) => ({
      lemma: r.lemma,
      kind: r.kind,
      forms: JSON.parse(r.forms) as string[],
      participles: JSON.parse(r.participles) as string[],
      introducers: JSON.parse(r.introducers) as string[],
    }));
  }

  /** Replace the cue list (recorded row by row when inside a `change`, so that undo puts the old list back). */
  replaceCueLemmas(lemmas: readonly CueLemma[]): void {
    const ids = this.#q("SELECT id FROM cue_lemmas ORDER BY id").all() as { id: number }[];
    const remove = this.#q("DELETE FROM cue_lemmas WHERE id = ?");
    for (const { id } of ids) {
      this.#track("cue_lemma", id, () => {
        remove.run(id);
        return undefined;
      });
    }
    const insert = this.#q(
      "INSERT INTO cue_lemmas (lemma, kind, forms, participles, introducers, position) VALUES (?, ?, ?, ?, ?, ?)",
    );
    lemmas.forEach((c, i) => {
      this.#track("cue_lemma", null, () =>
        Number(
          insert.run(
            c.lemma,
            c.kind,
            JSON.stringify(c.forms),
            JSON.stringify(c.participles),
            JSON.stringify(c.introducers),
            i,
          ).lastInsertRowid,
        ),
      );
    });
  }

  /**
   * Delete documents with everything that hangs off them (spans, relations, rejections, the
   * export cache: foreign keys cascade) and their search index rows, in one transaction. The
   * undo history is cleared: its entries may hold rows of these documents, which could not be
   * put back. Not recorded as a change (it cannot be undone).
   * @throws Error when called while a change is being recorded
   */
  deleteDocuments(ids: readonly number[]): void {
    if (this.#recording !== null) throw new Error("deleting documents cannot be part of an undoable change");
    this.transaction(() => {
      for (const id of ids) {
        this.#noteChange("deleted", "document", id);
        this.#q("DELETE FROM text_search WHERE rowid = ?").run(id);
        this.#q("DELETE FROM documents WHERE id = ?").run(id);
        this.#q(
          `INSERT INTO id_high_water (name, value) VALUES ('documents', ?)
           ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
        ).run(id);
      }
      this.#q("DELETE FROM history").run();
    });
  }

  /** One document, or undefined. */
  document(id: number): DocumentRow | undefined {
    return this.#q("SELECT * FROM documents WHERE id = ?").get(id) as DocumentRow | undefined;
  }

  /** Ids of every document, in import order. */
  documentIds(): number[] {
    return (this.#q("SELECT id FROM documents ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  }

  /** The document whose text has this SHA-256, or undefined. */
  documentBySha256(sha256: string): { id: number; title: string } | undefined {
    return this.#q("SELECT id, title FROM documents WHERE text_sha256 = ?").get(sha256) as
      { id: number; title: string } | undefined;
  }

  /** Insert a document; returns its id. */
  insertDocument(doc: NewDocument, now: string): number {
    // Never an id a deleted document had (migration 8).
    const { next } = this.#q(
      `SELECT max(coalesce((SELECT max(id) FROM documents), 0),
                  coalesce((SELECT value FROM id_high_water WHERE name = 'documents'), 0)) + 1 AS next`,
    ).get() as { next: number };
    this.#q(
      `INSERT INTO documents (id, title, published_raw, published_iso, source, url, outlet, author, lang, text,
                              text_sha256, had_bom, length, status, created_at, updated_at, origin)
       VALUES (@id, @title, @published_raw, @published_iso, @source, @url, @outlet, @author, @lang, @text,
               @text_sha256, @had_bom, @length, 'new', @now, @now, @origin)`,
    ).run({
      ...doc,
      id: next,
      origin: doc.origin ?? null,
      outlet: doc.outlet ?? null,
      author: doc.author ?? null,
      now,
    });
    this.#indexText(next, doc.text);
    this.#noteChange("created", "document", next);
    return next;
  }

  /** Put a document's folded text in the search index (migration 5). */
  #indexText(id: number, text: string): void {
    this.#q("INSERT INTO text_search (rowid, folded) VALUES (?, ?)").run(id, foldedShadow(text).folded);
  }

  /**
   * Documents whose folded text contains `folded` (FTS5 trigram match), or null when the
   * index cannot decide (fewer than three characters): then every document may match.
   * @param folded a string folded with `foldArabic`
   */
  documentsContaining(folded: string): number[] | null {
    if ([...folded].length < 3) return null;
    const phrase = `"${folded.replaceAll('"', '""')}"`;
    return (
      this.#q("SELECT rowid AS id FROM text_search WHERE text_search MATCH ? ORDER BY rowid").all(phrase) as {
        id: number;
      }[]
    ).map((r) => r.id);
  }

  /** Set a document's status and touch its `updated_at`. */
  setDocumentStatus(id: number, status: DocumentStatus, now: string): void {
    this.#track("document", id, () => {
      this.#q("UPDATE documents SET status = ?, updated_at = ? WHERE id = ?").run(status, now, id);
      return undefined;
    });
  }

  /**
   * Set a document's metadata (title, published date, URL, outlet, author) and touch its
   * `updated_at`; recorded for undo as a `document` row change. The text is never touched.
   */
  updateDocumentMetadata(id: number, meta: DocumentMetadataRow, now: string): void {
    this.#track("document", id, () => {
      this.#q(
        `UPDATE documents SET title = @title, published_raw = @published_raw, published_iso = @published_iso,
                url = @url, outlet = @outlet, author = @author, updated_at = @now WHERE id = @id`,
      ).run({ ...meta, now, id });
      return undefined;
    });
  }

  // ---- spans ----

  /** A document's spans with their fragments, ordered by start, then longest first. */
  spansOf(documentId: number): SpanRow[] {
    const rows = this.#q(`${SPAN_SELECT} WHERE s.document_id = ? ORDER BY s.start, s."end" DESC, s.id`).all(
      documentId,
    ) as Omit<SpanRow, "fragments">[];
    const fragments = new Map<number, FragmentRow[]>();
    const fragmentRows = this.#q(
      `SELECT f.span_id, f.start, f."end" FROM span_fragments f JOIN spans s ON s.id = f.span_id
       WHERE s.document_id = ? ORDER BY f.span_id, f.start`,
    ).all(documentId) as (FragmentRow & { span_id: number })[];
    for (const f of fragmentRows) {
      const list = fragments.get(f.span_id) ?? [];
      list.push({ start: f.start, end: f.end });
      fragments.set(f.span_id, list);
    }
    return rows.map((r) => ({ ...r, fragments: fragments.get(r.id) ?? [] }));
  }

  /**
   * Spans, fragments and relations of many documents in three queries (exports).
   * @param documentIds the documents, or all when null
   */
  annotationOf(documentIds: readonly number[] | null): {
    spans: Map<number, SpanRow[]>;
    relations: Map<number, RelationRow[]>;
  } {
    const filter = documentIds === null ? "1" : "s.document_id IN (SELECT value FROM json_each(@ids))";
    const ids = JSON.stringify(documentIds ?? []);
    const rows = this.#q(`${SPAN_SELECT} WHERE ${filter} ORDER BY s.document_id, s.start, s."end" DESC, s.id`).all({
      ids,
    }) as Omit<SpanRow, "fragments">[];
    const fragments = new Map<number, FragmentRow[]>();
    for (const f of this.#q(
      `SELECT f.span_id, f.start, f."end" FROM span_fragments f JOIN spans s ON s.id = f.span_id WHERE ${filter}
       ORDER BY f.span_id, f.start`,
    ).all({ ids }) as (FragmentRow & { span_id: number })[]) {
      const list = fragments.get(f.span_id) ?? [];
      list.push({ start: f.start, end: f.end });
      fragments.set(f.span_id, list);
    }
    const spans = new Map<number, SpanRow[]>();
    for (const r of rows) {
      const list = spans.get(r.document_id) ?? [];
      list.push({ ...r, fragments: fragments.get(r.id) ?? [] });
      spans.set(r.document_id, list);
    }
    const relations = new Map<number, RelationRow[]>();
    for (const r of this.#q(
      `${RELATION_SELECT} WHERE ${filter.replace("s.document_id", "r.document_id")} ORDER BY r.document_id, r.id`,
    ).all({
      ids,
    }) as RelationRow[]) {
      const list = relations.get(r.document_id) ?? [];
      list.push(r);
      relations.set(r.document_id, list);
    }
    return { spans, relations };
  }

  /** Kept native JSONL lines of documents (see migration 4), by document id. */
  exportLines(documentIds: readonly number[] | null): Map<number, string> {
    const rows = (
      documentIds === null
        ? this.#q("SELECT document_id, line FROM export_cache").all()
        : this.#q(
            "SELECT document_id, line FROM export_cache WHERE document_id IN (SELECT value FROM json_each(?))",
          ).all(JSON.stringify(documentIds))
    ) as { document_id: number; line: string }[];
    return new Map(rows.map((r) => [r.document_id, r.line]));
  }

  /** Keep a document's native JSONL line (dropped by triggers when the document changes). */
  putExportLine(documentId: number, line: string): void {
    this.#q("INSERT OR REPLACE INTO export_cache (document_id, line) VALUES (?, ?)").run(documentId, line);
  }

  /** Drop every kept line (tests compare a rebuilt export with a kept one). */
  clearExportLines(): void {
    this.#q("DELETE FROM export_cache").run();
  }

  /** Insert a span row exactly as given (ids kept), with its fragments. */
  insertSpanRow(row: {
    id: number;
    document_id: number;
    label_id: number;
    start: number;
    end: number;
    attributes: string;
    entity_id: number | null;
    note: string | null;
    annotator_id: number;
    created_at: string;
    updated_at: string;
    fragments: FragmentRow[];
    suggested_by: SuggestionSource | null;
  }): void {
    this.#q(
      `INSERT INTO spans (id, document_id, label_id, start, "end", attributes, entity_id, note, annotator_id, created_at,
                          updated_at, suggested_by)
       VALUES (@id, @document_id, @label_id, @start, @end, @attributes, @entity_id, @note, @annotator_id, @created_at,
               @updated_at, @suggested_by)`,
    ).run(row);
    if (row.fragments.length > 0) {
      const insert = this.#q(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
      for (const f of row.fragments) insert.run(row.id, f.start, f.end);
    }
    this.#noteChange("created", "span", row.id);
  }

  /** Documents with their text, in import order (all, or these). */
  documentsWithText(documentIds: readonly number[] | null): DocumentRow[] {
    if (documentIds === null) return this.#q("SELECT * FROM documents ORDER BY id").all() as DocumentRow[];
    const rows = this.#q("SELECT * FROM documents WHERE id IN (SELECT value FROM json_each(?))").all(
      JSON.stringify(documentIds),
    ) as DocumentRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return documentIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** One span with its fragments, or undefined. */
  span(id: number): SpanRow | undefined {
    const row = this.#q(`${SPAN_SELECT} WHERE s.id = ?`).get(id) as Omit<SpanRow, "fragments"> | undefined;
    if (row === undefined) return undefined;
    const fragments = this.#q(`SELECT start, "end" FROM span_fragments WHERE span_id = ? ORDER BY start`).all(
      id,
    ) as FragmentRow[];
    return { ...row, fragments };
  }

  /** Spans that refer to an entity, in every document. */
  spansOfEntity(entityId: number): SpanRow[] {
    const rows = this.#q(`${SPAN_SELECT} WHERE s.entity_id = ? ORDER BY s.document_id, s.start`).all(entityId) as Omit<
      SpanRow,
      "fragments"
    >[];
    return rows.map((r) => ({ ...r, fragments: this.span(r.id)?.fragments ?? [] }));
  }

  /** Id of the span of a label with exactly this extent in a document, or undefined. */
  spanWithExtent(documentId: number, labelId: number, start: number, end: number): number | undefined {
    const row = this.#q(
      `SELECT id FROM spans WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ? LIMIT 1`,
    ).get(documentId, labelId, start, end) as { id: number } | undefined;
    return row?.id;
  }

  /** Insert a span; returns its id. */
  insertSpan(span: NewSpan, now: string): number {
    return this.#track("span", null, () => {
      const { fragments, ...row } = span;
      const id = Number(
        this.#q(
          `INSERT INTO spans (document_id, label_id, start, "end", attributes, entity_id, annotator_id, created_at,
                              updated_at, suggested_by)
           VALUES (@document_id, @label_id, @start, @end, @attributes, @entity_id, @annotator_id, @now, @now,
                   @suggested_by)`,
        ).run({ ...row, entity_id: row.entity_id ?? null, suggested_by: row.suggested_by ?? null, now })
          .lastInsertRowid,
      );
      const insert = this.#q(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
      for (const f of fragments ?? []) insert.run(id, f.start, f.end);
      return id;
    });
  }

  /** Change a span: label, extent, fragments, attributes, entity, note. */
  editSpan(id: number, edit: SpanEdit, now: string): void {
    this.#track("span", id, () => {
      this.#q(
        `UPDATE spans SET label_id = ?, start = ?, "end" = ?, attributes = ?, entity_id = ?, note = ?, updated_at = ?
         WHERE id = ?`,
      ).run(edit.label_id, edit.start, edit.end, edit.attributes, edit.entity_id, edit.note, now, id);
      this.#q("DELETE FROM span_fragments WHERE span_id = ?").run(id);
      const insert = this.#q(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
      for (const f of edit.fragments) insert.run(id, f.start, f.end);
      return undefined;
    });
  }

  /** Delete a span (delete its relations first, so that undo can restore them). */
  deleteSpan(id: number): void {
    this.#track("span", id, () => {
      this.#q("DELETE FROM spans WHERE id = ?").run(id);
      return undefined;
    });
  }

  // ---- rejected suggestions ----

  /** Remember that a suggestion was rejected (once per label and extent). */
  insertRejection(documentId: number, labelId: number, start: number, end: number): void {
    const known = this.#q(
      `SELECT id FROM rejected_suggestions WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?`,
    ).get(documentId, labelId, start, end);
    if (known !== undefined) return;
    this.#track("rejection", null, () =>
      Number(
        this.#q(`INSERT INTO rejected_suggestions (document_id, label_id, start, "end") VALUES (?, ?, ?, ?)`).run(
          documentId,
          labelId,
          start,
          end,
        ).lastInsertRowid,
      ),
    );
  }

  /** The suggestions rejected in a document, as keys `labelId:start:end` (code points). */
  rejectedExtents(documentId: number): Set<string> {
    const rows = this.#q(`SELECT label_id, start, "end" FROM rejected_suggestions WHERE document_id = ?`).all(
      documentId,
    ) as { label_id: number; start: number; end: number }[];
    return new Set(rows.map((r) => rejectionKey(r.label_id, r.start, r.end)));
  }

  // ---- relations ----

  /** A document's relations, by id. */
  relationsOf(documentId: number): RelationRow[] {
    return this.#q(`${RELATION_SELECT} WHERE r.document_id = ? ORDER BY r.id`).all(documentId) as RelationRow[];
  }

  /** Relations that start or end at a span. */
  relationsTouching(spanId: number): RelationRow[] {
    return this.#q(`${RELATION_SELECT} WHERE r.from_span_id = ? OR r.to_span_id = ? ORDER BY r.id`).all(
      spanId,
      spanId,
    ) as RelationRow[];
  }

  /** Relations that point to an entity (carried-over speakers), in every document. */
  relationsToEntity(entityId: number): RelationRow[] {
    return this.#q(`${RELATION_SELECT} WHERE r.to_entity_id = ? ORDER BY r.id`).all(entityId) as RelationRow[];
  }

  /** One relation, or undefined. */
  relation(id: number): RelationRow | undefined {
    return this.#q(`${RELATION_SELECT} WHERE r.id = ?`).get(id) as RelationRow | undefined;
  }

  /** Insert a relation; returns its id. */
  insertRelation(r: NewRelation, now: string): number {
    return this.#track("relation", null, () =>
      Number(
        this.#q(
          `INSERT INTO relations (document_id, type_id, from_span_id, to_span_id, to_entity_id, annotator_id, created_at)
           VALUES (@document_id, @type_id, @from_span_id, @to_span_id, @to_entity_id, @annotator_id, @now)`,
        ).run({ ...r, now }).lastInsertRowid,
      ),
    );
  }

  /** Point a relation to another entity (entity merges). */
  retargetRelation(id: number, toEntityId: number): void {
    this.#track("relation", id, () => {
      this.#q("UPDATE relations SET to_entity_id = ? WHERE id = ?").run(toEntityId, id);
      return undefined;
    });
  }

  /** Delete a relation. */
  deleteRelation(id: number): void {
    this.#track("relation", id, () => {
      this.#q("DELETE FROM relations WHERE id = ?").run(id);
      return undefined;
    });
  }

  // ---- rows with their ids (exact import of a native JSONL file into an empty project) ----

  /** Whether the project holds no documents and no entities (an exact import may keep ids). */
  isEmpty(): boolean {
    const row = this.#q("SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM entities) AS n").get() as {
      n: number;
    };
    return row.n === 0;
  }

  /** Replace the label schema and relation types (only while no span uses them). */
  replaceSchema(labels: readonly LabelDefinition[], relationTypes: readonly RelationTypeDefinition[]): void {
    this.#q("DELETE FROM labels").run();
    this.#q("DELETE FROM relation_types").run();
    labels.forEach((l) => this.insertLabel(l));
    const insertType = this.#q(
      "INSERT INTO relation_types (name, display_name, from_kind, to_kind) VALUES (?, ?, ?, ?)",
    );
    for (const t of relationTypes) insertType.run(t.name, t.displayName, t.fromKind, t.toKind);
    this.#noteChange("updated", "schema", 0);
  }

  /** Insert an annotator with its id. */
  insertAnnotatorRow(id: number, name: string, now: string): void {
    this.#q("INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)").run(id, name, now);
  }

  /** Insert a document with its id, status and timestamps. */
  insertDocumentRow(row: DocumentRow): void {
    this.#q(
      `INSERT INTO documents (id, title, published_raw, published_iso, source, url, outlet, author, lang, text,
                              text_sha256, had_bom, length, status, created_at, updated_at, origin)
       VALUES (@id, @title, @published_raw, @published_iso, @source, @url, @outlet, @author, @lang, @text,
               @text_sha256, @had_bom, @length, @status, @created_at, @updated_at, @origin)`,
    ).run(row);
    this.#indexText(row.id, row.text);
    this.#noteChange("created", "document", row.id);
  }

  /** Insert a row exactly as given (ids kept): a span (with `fragments`), relation or entity. */
  insertRow(kind: "span" | "relation" | "entity", row: Record<string, unknown>): void {
    restore((sql) => this.#q(sql), kind, row["id"] as number, row);
    this.#noteChange("created", kind, row["id"] as number);
  }

  /** Relation type rows, by name. */
  relationTypeId(name: string): number | undefined {
    return (this.#q("SELECT id FROM relation_types WHERE name = ?").get(name) as { id: number } | undefined)?.id;
  }

  /** Add a relation type (an import may bring one). */
  insertRelationType(t: RelationTypeDefinition): number {
    this.#noteChange("updated", "schema", 0);
    return Number(
      this.#q("INSERT INTO relation_types (name, display_name, from_kind, to_kind) VALUES (?, ?, ?, ?)").run(
        t.name,
        t.displayName,
        t.fromKind,
        t.toKind,
      ).lastInsertRowid,
    );
  }

  // ---- entities ----

  /** Every entity with the number of accepted spans (not suggestions) that refer to it, by name. */
  entities(): (EntityRow & { mentions: number })[] {
    return this.#q(
      `SELECT e.*, (SELECT count(*) FROM spans s WHERE s.entity_id = e.id AND s.suggested_by IS NULL) AS mentions
       FROM entities e ORDER BY e.name COLLATE NOCASE, e.id`,
    ).all() as (EntityRow & { mentions: number })[];
  }

  /** One entity, or undefined. */
  entity(id: number): EntityRow | undefined {
    return this.#q("SELECT * FROM entities WHERE id = ?").get(id) as EntityRow | undefined;
  }

  /** Insert an entity; returns its id. */
  insertEntity(e: Omit<EntityRow, "id" | "created_at">, now: string): number {
    return this.#track("entity", null, () =>
      Number(
        this.#q("INSERT INTO entities (name, type, aliases, kb_id, created_at) VALUES (?, ?, ?, ?, ?)").run(
          e.name,
          e.type,
          e.aliases,
          e.kb_id,
          now,
        ).lastInsertRowid,
      ),
    );
  }

  /** Change an entity's name, type, aliases or knowledge-base id. */
  updateEntity(id: number, e: Omit<EntityRow, "id" | "created_at">): void {
    this.#track("entity", id, () => {
      this.#q("UPDATE entities SET name = ?, type = ?, aliases = ?, kb_id = ? WHERE id = ?").run(
        e.name,
        e.type,
        e.aliases,
        e.kb_id,
        id,
      );
      return undefined;
    });
  }

  /** Delete an entity (move or unlink its spans and relations first, so that undo can restore them). */
  deleteEntity(id: number): void {
    this.#track("entity", id, () => {
      this.#q("DELETE FROM entities WHERE id = ?").run(id);
      return undefined;
    });
  }
}
