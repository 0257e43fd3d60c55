/**
 * Documents (`documents`): the stored text, its metadata and status.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { DocumentHeadRow, DocumentMetadataRow, DocumentRow, DocumentStatus, NewDocument } from "../rows.ts";
import { restore, type SnapshotKind } from "../snapshots.ts";
import type { StoreContext } from "../store-context.ts";
import type { DocumentOrigin } from "../../core/formats/origin.ts";

/** A `documents` row as SQLite holds it: the origin as JSON. */
type Encoded = Omit<DocumentRow, "origin"> & { origin: string | null };

/** A document row with its origin decoded. */
function decodeDocument(row: Encoded): DocumentRow {
  return { ...row, origin: row.origin === null ? null : (JSON.parse(row.origin) as DocumentOrigin) };
}

/** A document's origin as its JSON column holds it. */
function encodeOrigin(origin: DocumentOrigin | null): string | null {
  return origin === null ? null : JSON.stringify(origin);
}
import type { RelationsTable } from "./relations.ts";
import type { SearchIndex } from "./search.ts";
import type { SpansTable } from "./spans.ts";

/** Documents: reads and writes. */
export class DocumentsTable {
  readonly #c: StoreContext;
  readonly #spans: SpansTable;
  readonly #relations: RelationsTable;
  readonly #search: SearchIndex;

  constructor(c: StoreContext, spans: SpansTable, relations: RelationsTable, search: SearchIndex) {
    this.#c = c;
    this.#spans = spans;
    this.#relations = relations;
    this.#search = search;
  }

  /** Every document without its text, in import order. */
  documentHeads(): DocumentHeadRow[] {
    return this.#c
      .q(
        `SELECT id, title, published_raw, published_iso, source, url, outlet, author, lang, text_sha256, had_bom,
              length, status, created_at, updated_at FROM documents ORDER BY id`,
      )
      .all() as DocumentHeadRow[];
  }

  /** One document, or undefined. */
  document(id: number): DocumentRow | undefined {
    const row = this.#c.q("SELECT * FROM documents WHERE id = ?").get(id) as Encoded | undefined;
    return row === undefined ? undefined : decodeDocument(row);
  }

  /** Ids of every document, in import order. */
  documentIds(): number[] {
    return (this.#c.q("SELECT id FROM documents ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  }

  /** The document whose text has this SHA-256, or undefined. */
  documentBySha256(sha256: string): { id: number; title: string } | undefined {
    return this.#c.q("SELECT id, title FROM documents WHERE text_sha256 = ?").get(sha256) as
      { id: number; title: string } | undefined;
  }

  /** Insert a document; returns its id. */
  insertDocument(doc: NewDocument, now: string): number {
    // Never an id a deleted document had (migration 8).
    const next = this.#c.nextId("documents");
    this.insertDocumentRow({
      ...doc,
      id: next,
      status: "new",
      created_at: now,
      updated_at: now,
      origin: doc.origin ?? null,
      outlet: doc.outlet ?? null,
      author: doc.author ?? null,
    });
    return next;
  }

  /** Insert a document with its id, status and timestamps, and index its text. */
  insertDocumentRow(row: DocumentRow): void {
    this.#c
      .q(
        `INSERT INTO documents (id, title, published_raw, published_iso, source, url, outlet, author, lang, text,
                              text_sha256, had_bom, length, status, created_at, updated_at, origin)
       VALUES (@id, @title, @published_raw, @published_iso, @source, @url, @outlet, @author, @lang, @text,
               @text_sha256, @had_bom, @length, @status, @created_at, @updated_at, @origin)`,
      )
      .run({ ...row, origin: encodeOrigin(row.origin) });
    this.#search.indexText(row.id, row.text);
    this.#c.note("created", "document", row.id);
  }

  /** Documents with their text, in import order (all, or these). */
  documentsWithText(documentIds: readonly number[] | null): DocumentRow[] {
    if (documentIds === null) {
      return (this.#c.q("SELECT * FROM documents ORDER BY id").all() as Encoded[]).map(decodeDocument);
    }
    const rows = this.#c
      .q("SELECT * FROM documents WHERE id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(documentIds)) as Encoded[];
    const byId = new Map(rows.map((r) => [r.id, decodeDocument(r)]));
    return documentIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Set a document's status and touch its `updated_at`. */
  setDocumentStatus(id: number, status: DocumentStatus, now: string): void {
    this.#c.track("document", id, () => {
      this.#c.q("UPDATE documents SET status = ?, updated_at = ? WHERE id = ?").run(status, now, id);
      return undefined;
    });
  }

  /**
   * Set a document's metadata (title, published date, URL, outlet, author) and touch its
   * `updated_at`; recorded for undo as a `document` row change. The text is never touched.
   */
  updateDocumentMetadata(id: number, meta: DocumentMetadataRow, now: string): void {
    this.#c.track("document", id, () => {
      this.#c
        .q(
          `UPDATE documents SET title = @title, published_raw = @published_raw, published_iso = @published_iso,
                url = @url, outlet = @outlet, author = @author, updated_at = @now WHERE id = @id`,
        )
        .run({ ...meta, now, id });
      return undefined;
    });
  }

  /**
   * Delete documents with everything that hangs off them. Each document's kept export line,
   * relations, spans (with their fragments) and rejected suggestions are deleted one by one,
   * then its row with its text and search index row, each as a tracked row: inside a `change`,
   * undo puts every one back with its id (in reverse order: the document first, its kept line
   * last, after the triggers of migration 4 have run). The ids stay taken (`id_high_water`).
   * Run it inside a transaction (`ProjectStore.deleteDocuments` does).
   */
  deleteDocuments(ids: readonly number[]): void {
    const idsOf = (sql: string, documentId: number) =>
      (this.#c.q(sql).all(documentId) as { id: number }[]).map((r) => r.id);
    const remove = (kind: SnapshotKind, sql: string, id: number) => {
      this.#c.track(kind, id, () => {
        this.#c.q(sql).run(id);
        return undefined;
      });
    };
    for (const id of ids) {
      if (this.#c.q("SELECT 1 FROM export_cache WHERE document_id = ?").get(id) !== undefined) {
        remove("export_line", "DELETE FROM export_cache WHERE document_id = ?", id);
      }
      for (const r of idsOf("SELECT id FROM relations WHERE document_id = ? ORDER BY id", id)) {
        this.#relations.deleteRelation(r);
      }
      for (const s of idsOf("SELECT id FROM spans WHERE document_id = ? ORDER BY id", id)) this.#spans.deleteSpan(s);
      for (const r of idsOf("SELECT id FROM rejected_suggestions WHERE document_id = ? ORDER BY id", id)) {
        remove("rejection", "DELETE FROM rejected_suggestions WHERE id = ?", r);
      }
      this.#c.track("document_whole", id, () => {
        restore(this.#c.q, "document_whole", id, null);
        return undefined;
      });
      this.#c
        .q(
          `INSERT INTO id_high_water (name, value) VALUES ('documents', ?)
         ON CONFLICT (name) DO UPDATE SET value = CASE WHEN excluded.value > id_high_water.value THEN excluded.value ELSE id_high_water.value END`,
        )
        .run(id);
    }
  }

  /**
   * Whether the project holds no documents and no entities and never held any (an exact
   * import may then keep the file's ids; once something was deleted, those ids are spent).
   */
  isEmpty(): boolean {
    const row = this.#c
      .q(
        `SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM entities)
              + (SELECT count(*) FROM id_high_water WHERE value > 0) AS n`,
      )
      .get() as { n: number };
    return row.n === 0;
  }
}
