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
import { MIGRATIONS } from "./migrations/index.ts";

/** `PRAGMA application_id` of a Qawl project ("QAWL" in ASCII). */
export const APPLICATION_ID = 0x5141574c;

/** A document row. */
export interface DocumentRow {
  id: number;
  title: string;
  published_raw: string | null;
  published_iso: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  text: string;
  text_sha256: string;
  had_bom: 0 | 1;
  /** Text length in code points. */
  length: number;
  status: "new" | "in_progress" | "done";
  created_at: string;
  updated_at: string;
}

/** A document row without its text, for lists. */
export type DocumentHeadRow = Omit<DocumentRow, "text">;

/** A span row with its label's and annotator's names. */
export interface SpanRow {
  id: number;
  document_id: number;
  label: string;
  label_kind: LabelKind;
  start: number;
  end: number;
  /** JSON object of string values. */
  attributes: string;
  entity_id: number | null;
  note: string | null;
  annotator: string;
  created_at: string;
  updated_at: string;
}

/** A relation row with its type's and annotator's names. */
export interface RelationRow {
  id: number;
  document_id: number;
  type: string;
  from_span_id: number;
  to_span_id: number;
  annotator: string;
  created_at: string;
}

/** Fields of a new document. */
export type NewDocument = Omit<DocumentRow, "id" | "status" | "created_at" | "updated_at">;

/** Fields of a new span; offsets in code points. */
export interface NewSpan {
  document_id: number;
  label_id: number;
  start: number;
  end: number;
  attributes: string;
  annotator_id: number;
}

interface LabelRow {
  id: number;
  name: string;
  kind: LabelKind;
  display_name: string;
  key: string | null;
  color: string;
  attributes: string;
  retired: 0 | 1;
}

const SPAN_SELECT = `
  SELECT s.id, s.document_id, l.name AS label, l.kind AS label_kind, s.start, s."end", s.attributes,
         s.entity_id, s.note, a.name AS annotator, s.created_at, s.updated_at
  FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators a ON a.id = s.annotator_id`;

const RELATION_SELECT = `
  SELECT r.id, r.document_id, t.name AS type, r.from_span_id, r.to_span_id, a.name AS annotator, r.created_at
  FROM relations r JOIN relation_types t ON t.id = r.type_id JOIN annotators a ON a.id = r.annotator_id`;

/** The open project file and its named queries. */
export class ProjectStore {
  /** Absolute path of the SQLite file. */
  readonly path: string;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

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

  /** Run `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** Close the file (checkpoints the WAL). */
  close(): void {
    this.#db.close();
  }

  /** A PRAGMA's current value, for checks and diagnostics. */
  pragma(name: string): unknown {
    return this.#db.pragma(name, { simple: true });
  }

  // ---- schema ----

  /** The label schema, in display order. */
  labels(): (LabelDefinition & { id: number })[] {
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
      `SELECT id, title, published_raw, published_iso, source, url, lang, text_sha256, had_bom, length, status,
                created_at, updated_at FROM documents ORDER BY id`,
    ).all() as DocumentHeadRow[];
  }

  /** Number of spans per document and label. */
  spanCounts(): { document_id: number; label: string; n: number }[] {
    return this.#q(
      `SELECT s.document_id, l.name AS label, count(*) AS n FROM spans s JOIN labels l ON l.id = s.label_id
         GROUP BY s.document_id, l.name`,
    ).all() as { document_id: number; label: string; n: number }[];
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
    const info = this.#q(
      `INSERT INTO documents (title, published_raw, published_iso, source, url, lang, text, text_sha256, had_bom,
                                length, status, created_at, updated_at)
         VALUES (@title, @published_raw, @published_iso, @source, @url, @lang, @text, @text_sha256, @had_bom,
                 @length, 'new', @now, @now)`,
    ).run({ ...doc, now });
    return Number(info.lastInsertRowid);
  }

  /** Set a document's status and touch its `updated_at`. */
  setDocumentStatus(id: number, status: DocumentRow["status"], now: string): void {
    this.#q("UPDATE documents SET status = ?, updated_at = ? WHERE id = ?").run(status, now, id);
  }

  // ---- spans ----

  /** A document's spans, ordered by start, then longest first. */
  spansOf(documentId: number): SpanRow[] {
    return this.#q(`${SPAN_SELECT} WHERE s.document_id = ? ORDER BY s.start, s."end" DESC, s.id`).all(
      documentId,
    ) as SpanRow[];
  }

  /** One span, or undefined. */
  span(id: number): SpanRow | undefined {
    return this.#q(`${SPAN_SELECT} WHERE s.id = ?`).get(id) as SpanRow | undefined;
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
    const info = this.#q(
      `INSERT INTO spans (document_id, label_id, start, "end", attributes, annotator_id, created_at, updated_at)
         VALUES (@document_id, @label_id, @start, @end, @attributes, @annotator_id, @now, @now)`,
    ).run({ ...span, now });
    return Number(info.lastInsertRowid);
  }

  /** Change a span's label and attributes. */
  updateSpan(id: number, labelId: number, attributes: string, now: string): void {
    this.#q("UPDATE spans SET label_id = ?, attributes = ?, updated_at = ? WHERE id = ?").run(
      labelId,
      attributes,
      now,
      id,
    );
  }

  /** Delete a span (its relations go by cascade). */
  deleteSpan(id: number): void {
    this.#q("DELETE FROM spans WHERE id = ?").run(id);
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

  /** One relation, or undefined. */
  relation(id: number): RelationRow | undefined {
    return this.#q(`${RELATION_SELECT} WHERE r.id = ?`).get(id) as RelationRow | undefined;
  }

  /** Insert a relation; returns its id. */
  insertRelation(
    r: { document_id: number; type_id: number; from_span_id: number; to_span_id: number; annotator_id: number },
    now: string,
  ): number {
    const info = this.#q(
      `INSERT INTO relations (document_id, type_id, from_span_id, to_span_id, annotator_id, created_at)
         VALUES (@document_id, @type_id, @from_span_id, @to_span_id, @annotator_id, @now)`,
    ).run({ ...r, now });
    return Number(info.lastInsertRowid);
  }

  /** Delete a relation. */
  deleteRelation(id: number): void {
    this.#q("DELETE FROM relations WHERE id = ?").run(id);
  }
}
