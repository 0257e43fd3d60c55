/**
 * Each document's kept native JSONL line (`export_cache`, migration 4).
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { StoreContext } from "../store-context.ts";

/** Each document's kept native JSONL line: reads and writes. */
export class ExportCache {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** Kept native JSONL lines of documents (see migration 4), by document id. */
  exportLines(documentIds: readonly number[] | null): Map<number, string> {
    const rows = (
      documentIds === null
        ? this.#c.q("SELECT document_id, line FROM export_cache").all()
        : this.#c
            .q("SELECT document_id, line FROM export_cache WHERE document_id IN (SELECT value FROM json_each(?))")
            .all(JSON.stringify(documentIds))
    ) as { document_id: number; line: string }[];
    return new Map(rows.map((r) => [r.document_id, r.line]));
  }

  /** Keep a document's native JSONL line (dropped by triggers when the document changes). */
  putExportLine(documentId: number, line: string): void {
    this.#c
      .q(
        "INSERT INTO export_cache (document_id, line) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET line = excluded.line",
      )
      .run(documentId, line);
  }

  /** Drop every kept line (tests compare a rebuilt export with a kept one). */
  clearExportLines(): void {
    this.#c.q("DELETE FROM export_cache").run();
  }
}
