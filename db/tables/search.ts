/**
 * The search index (`text_search`, FTS5 over a folded shadow of each text; migration 5).
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import { foldedShadow } from "../../core/text/normalize.ts";
import type { StoreContext } from "../store-context.ts";

/** The search index: reads and writes. */
export class SearchIndex {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** Index every document's text (a project made before migration 5). */
  reindexAll(): void {
    const rows = this.#c.q("SELECT id, text FROM documents").all() as { id: number; text: string }[];
    for (const r of rows) this.indexText(r.id, r.text);
  }

  /** Put a document's folded text in the search index (migration 5). */
  indexText(id: number, text: string): void {
    this.#c.q("INSERT INTO text_search (rowid, folded) VALUES (?, ?)").run(id, foldedShadow(text).folded);
  }

  /**
   * Documents whose folded text contains `folded` (FTS5 trigram match), or null when the
   * index cannot decide (fewer than three characters): then every document may match.
   * @param folded a string folded with `foldArabic`
   */
  documentsContaining(folded: string): number[] | null {
    if ([...folded].length < 3) return null;
    // PostgreSQL keeps the folded texts in a plain table (db/postgres/schema.ts).
    const [sql, needle] =
      this.#c.dialect === "sqlite"
        ? [
            "SELECT rowid AS id FROM text_search WHERE text_search MATCH ? ORDER BY rowid",
            `"${folded.replaceAll('"', '""')}"`,
          ]
        : ["SELECT rowid AS id FROM text_search WHERE strpos(folded, ?) > 0 ORDER BY rowid", folded];
    return (this.#c.q(sql).all(needle) as { id: number }[]).map((r) => r.id);
  }
}
