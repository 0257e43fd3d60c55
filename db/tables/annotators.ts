/**
 * Annotators (`annotators`): who made each span, relation and change.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { StoreContext } from "../store-context.ts";

/** Annotators: reads and writes. */
export class AnnotatorsTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** Id of the annotator called `name`, created on first use. */
  annotatorId(name: string, now: string): number {
    const row = this.#c.q("SELECT id FROM annotators WHERE name = ?").get(name) as { id: number } | undefined;
    if (row !== undefined) return row.id;
    return Number(this.#c.q("INSERT INTO annotators (name, created_at) VALUES (?, ?)").run(name, now).lastInsertRowid);
  }

  /** The layers: names of the annotators holding at least one reviewed span, in name order. */
  layerNames(): string[] {
    const rows = this.#c
      .q(
        `SELECT DISTINCT a.name FROM annotators a JOIN spans s ON s.annotator_id = a.id
         WHERE s.suggested_by IS NULL ORDER BY a.name`,
      )
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** Every annotator, by id. */
  annotators(): { id: number; name: string; created_at: string }[] {
    return this.#c.q("SELECT id, name, created_at FROM annotators ORDER BY id").all() as {
      id: number;
      name: string;
      created_at: string;
    }[];
  }

  /** Insert an annotator with its id. */
  insertAnnotatorRow(id: number, name: string, now: string): void {
    this.#c.q("INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)").run(id, name, now);
  }
}
