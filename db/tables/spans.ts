/**
 * Spans and their fragments (`spans`, `span_fragments`). Offsets count code points, end-exclusive.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { ExactSpanRow, FragmentRow, NewSpan, RelationRow, SpanAttributes, SpanEdit, SpanRow } from "../rows.ts";
import type { StoreContext } from "../store-context.ts";
import type { RelationsTable } from "./relations.ts";

/** A span row with its label's and annotator's names (`SpanRow` without fragments). */
export const SPAN_SELECT = `
  SELECT s.id, s.document_id, l.name AS label, l.kind AS label_kind, s.start, s."end", s.attributes,
         s.entity_id, s.note, a.name AS annotator, s.created_at, s.updated_at, s.suggested_by
  FROM spans s JOIN labels l ON l.id = s.label_id JOIN annotators a ON a.id = s.annotator_id`;

/** A row of `SPAN_SELECT` as SQLite gives it: attributes as JSON, no fragments. */
type Encoded = Omit<SpanRow, "fragments" | "attributes"> & { attributes: string };

/** Span rows decoded, with their fragments (empty for a contiguous span). */
function withFragments(rows: readonly Encoded[], fragments: Map<number, FragmentRow[]>): SpanRow[] {
  return rows.map((r) => ({
    ...r,
    attributes: r.attributes === "{}" ? {} : (JSON.parse(r.attributes) as SpanAttributes),
    fragments: fragments.get(r.id) ?? [],
  }));
}

/** Rows grouped by their document, in the rows' order. */
function byDocument<R extends { document_id: number }>(rows: readonly R[]): Map<number, R[]> {
  const out = new Map<number, R[]>();
  for (const r of rows) {
    const list = out.get(r.document_id) ?? [];
    list.push(r);
    out.set(r.document_id, list);
  }
  return out;
}

/** Spans and their fragments: reads and writes. */
export class SpansTable {
  readonly #c: StoreContext;
  readonly #relations: RelationsTable;

  constructor(c: StoreContext, relations: RelationsTable) {
    this.#c = c;
    this.#relations = relations;
  }

  /** A document's spans with their fragments, ordered by start, then longest first. */
  spansOf(documentId: number): SpanRow[] {
    const rows = this.#c
      .q(`${SPAN_SELECT} WHERE s.document_id = ? ORDER BY s.start, s."end" DESC, s.id`)
      .all(documentId) as Encoded[];
    return withFragments(rows, this.#fragmentsWhere("s.document_id = @documentId", { documentId }));
  }

  /**
   * Spans, fragments and relations of many documents in three queries (exports).
   * @param documentIds the documents, or all when null
   */
  annotationOf(documentIds: readonly number[] | null): {
    spans: Map<number, SpanRow[]>;
    relations: Map<number, RelationRow[]>;
  } {
    const filter = documentIds === null ? "1 = 1" : "s.document_id IN (SELECT value FROM json_each(@ids))";
    const params = { ids: JSON.stringify(documentIds ?? []) };
    const rows = this.#c
      .q(`${SPAN_SELECT} WHERE ${filter} ORDER BY s.document_id, s.start, s."end" DESC, s.id`)
      .all(params) as Encoded[];
    const spans = byDocument(withFragments(rows, this.#fragmentsWhere(filter, params)));
    return { spans, relations: byDocument(this.#relations.relationsOfDocuments(documentIds)) };
  }

  /** The fragments of the spans `filter` (SQL over `s`, the spans) selects, by span id. */
  #fragmentsWhere(filter: string, params: Record<string, unknown>): Map<number, FragmentRow[]> {
    const fragments = new Map<number, FragmentRow[]>();
    const rows = this.#c
      .q(
        `SELECT f.span_id, f.start, f."end" FROM span_fragments f JOIN spans s ON s.id = f.span_id WHERE ${filter}
         ORDER BY f.span_id, f.start`,
      )
      .all(params) as (FragmentRow & { span_id: number })[];
    for (const f of rows) {
      const list = fragments.get(f.span_id) ?? [];
      list.push({ start: f.start, end: f.end });
      fragments.set(f.span_id, list);
    }
    return fragments;
  }

  /** One span with its fragments, or undefined. */
  span(id: number): SpanRow | undefined {
    const row = this.#c.q(`${SPAN_SELECT} WHERE s.id = ?`).get(id) as Encoded | undefined;
    if (row === undefined) return undefined;
    const fragments = this.#c
      .q(`SELECT start, "end" FROM span_fragments WHERE span_id = ? ORDER BY start`)
      .all(id) as FragmentRow[];
    return withFragments([row], new Map([[id, fragments]]))[0];
  }

  /** Spans that refer to an entity, in every document. */
  spansOfEntity(entityId: number): SpanRow[] {
    const rows = this.#c
      .q(`${SPAN_SELECT} WHERE s.entity_id = ? ORDER BY s.document_id, s.start`)
      .all(entityId) as Encoded[];
    return withFragments(rows, this.#fragmentsWhere("s.entity_id = @entityId", { entityId }));
  }

  /** Id of the span of a label with exactly this extent in a document, or undefined. */
  spanWithExtent(
    documentId: number,
    labelId: number,
    start: number,
    end: number,
    annotatorId: number,
  ): number | undefined {
    const row = this.#c
      .q(
        `SELECT id FROM spans WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?
           AND (annotator_id = ? OR suggested_by IS NOT NULL)
         ORDER BY suggested_by IS NOT NULL LIMIT 1`,
      )
      .get(documentId, labelId, start, end, annotatorId) as { id: number } | undefined;
    return row?.id;
  }

  /** Number of reviewed spans per document and label, of one layer or (`annotatorId` absent) all. */
  spanCounts(annotatorId?: number): { document_id: number; label: string; n: number }[] {
    return this.#c
      .q(
        `SELECT s.document_id, l.name AS label, count(*) AS n FROM spans s JOIN labels l ON l.id = s.label_id
       WHERE s.suggested_by IS NULL AND s.annotator_id = coalesce(?, s.annotator_id) GROUP BY s.document_id, l.name`,
      )
      .all(annotatorId ?? null) as { document_id: number; label: string; n: number }[];
  }

  /** Insert a span; returns its id. */
  insertSpan(span: NewSpan, now: string): number {
    return this.#c.track("span", null, () => {
      const { fragments, ...row } = span;
      // Never an id a deleted span had (migration 11).
      const id = this.#c.nextId("spans");
      this.#c
        .q(
          `INSERT INTO spans (id, document_id, label_id, start, "end", attributes, entity_id, annotator_id, created_at,
                              updated_at, suggested_by)
           VALUES (@id, @document_id, @label_id, @start, @end, @attributes, @entity_id, @annotator_id, @now, @now,
                   @suggested_by)`,
        )
        .run({
          ...row,
          id,
          attributes: JSON.stringify(row.attributes),
          entity_id: row.entity_id ?? null,
          suggested_by: row.suggested_by ?? null,
          now,
        });
      this.#insertFragments(id, fragments ?? []);
      return id;
    });
  }

  /** Insert a span row exactly as given (ids kept), with its fragments. */
  insertSpanRow(row: ExactSpanRow): void {
    this.#c
      .q(
        `INSERT INTO spans (id, document_id, label_id, start, "end", attributes, entity_id, note, annotator_id, created_at,
                          updated_at, suggested_by)
       VALUES (@id, @document_id, @label_id, @start, @end, @attributes, @entity_id, @note, @annotator_id, @created_at,
               @updated_at, @suggested_by)`,
      )
      .run({ ...row, attributes: JSON.stringify(row.attributes) });
    this.#insertFragments(row.id, row.fragments);
    this.#c.note("created", "span", row.id);
  }

  /** Change a span: label, extent, fragments, attributes, entity, note. */
  editSpan(id: number, edit: SpanEdit, now: string): void {
    this.#c.track("span", id, () => {
      this.#c
        .q(
          `UPDATE spans SET label_id = ?, start = ?, "end" = ?, attributes = ?, entity_id = ?, note = ?, updated_at = ?
         WHERE id = ?`,
        )
        .run(edit.label_id, edit.start, edit.end, JSON.stringify(edit.attributes), edit.entity_id, edit.note, now, id);
      this.#c.q("DELETE FROM span_fragments WHERE span_id = ?").run(id);
      this.#insertFragments(id, edit.fragments);
      return undefined;
    });
  }

  /** Insert the fragments of span `id` (none for a contiguous span). */
  #insertFragments(id: number, fragments: readonly FragmentRow[]): void {
    const insert = this.#c.q(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
    for (const f of fragments) insert.run(id, f.start, f.end);
  }

  /** Delete a span (delete its relations first, so that undo can restore them). */
  deleteSpan(id: number): void {
    this.#c.track("span", id, () => {
      this.#c.q("DELETE FROM spans WHERE id = ?").run(id);
      return undefined;
    });
  }
}
