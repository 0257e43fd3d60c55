/**
 * Suggestions: spans suggested and not yet reviewed (`spans.suggested_by`), and the
 * suggestions rejected (`rejected_suggestions`).
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { StoreContext } from "../store-context.ts";

/** The key of a rejected suggestion in `rejectedExtents`. */
export function rejectionKey(labelId: number, start: number, end: number): string {
  return `${String(labelId)}:${String(start)}:${String(end)}`;
}

/** Suggestions: reads and writes. */
export class SuggestionsTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** Number of unreviewed suggestions per document (documents without any are absent). */
  suggestionCounts(): Map<number, number> {
    const rows = this.#c
      .q("SELECT document_id, count(*) AS n FROM spans WHERE suggested_by IS NOT NULL GROUP BY document_id")
      .all() as { document_id: number; n: number }[];
    return new Map(rows.map((r) => [r.document_id, r.n]));
  }

  /** Mark a suggested span as accepted by an annotator (it becomes theirs). */
  acceptSpan(id: number, annotatorId: number, now: string): void {
    this.#c.track("span", id, () => {
      this.#c
        .q("UPDATE spans SET suggested_by = NULL, annotator_id = ?, updated_at = ? WHERE id = ?")
        .run(annotatorId, now, id);
      return undefined;
    });
  }

  /** Remember that a suggestion was rejected (once per label and extent). */
  insertRejection(documentId: number, labelId: number, start: number, end: number): void {
    const known = this.#c
      .q(`SELECT id FROM rejected_suggestions WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?`)
      .get(documentId, labelId, start, end);
    if (known !== undefined) return;
    this.#c.track("rejection", null, () =>
      Number(
        this.#c
          .q(`INSERT INTO rejected_suggestions (document_id, label_id, start, "end") VALUES (?, ?, ?, ?)`)
          .run(documentId, labelId, start, end).lastInsertRowid,
      ),
    );
  }

  /** The suggestions rejected in a document, as keys `labelId:start:end` (code points). */
  rejectedExtents(documentId: number): Set<string> {
    const rows = this.#c
      .q(`SELECT label_id, start, "end" FROM rejected_suggestions WHERE document_id = ?`)
      .all(documentId) as { label_id: number; start: number; end: number }[];
    return new Set(rows.map((r) => rejectionKey(r.label_id, r.start, r.end)));
  }

  /** The extents (code points, end-exclusive) of the quote suggestions rejected in a document. */
  rejectedQuoteExtents(documentId: number): { start: number; end: number }[] {
    return this.#c
      .q(
        `SELECT r.start, r."end" FROM rejected_suggestions r JOIN labels l ON l.id = r.label_id
         WHERE r.document_id = ? AND l.kind = 'quote' ORDER BY r.start, r."end"`,
      )
      .all(documentId) as { start: number; end: number }[];
  }

  /**
   * Ids of the documents whose quotes a person has reviewed — a quote of theirs, a rejected
   * quote suggestion, or the document marked done — newest first.
   */
  quoteReviewedDocumentIds(): number[] {
    const rows = this.#c
      .q(
        `SELECT d.id FROM documents d WHERE d.status = 'done'
           OR EXISTS (SELECT 1 FROM spans s JOIN labels l ON l.id = s.label_id
                      WHERE s.document_id = d.id AND l.kind = 'quote' AND s.suggested_by IS NULL)
           OR EXISTS (SELECT 1 FROM rejected_suggestions r JOIN labels l ON l.id = r.label_id
                      WHERE r.document_id = d.id AND l.kind = 'quote')
         ORDER BY d.id DESC`,
      )
      .all() as { id: number }[];
    return rows.map((r) => r.id);
  }
}
